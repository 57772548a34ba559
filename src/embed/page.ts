// embed.html: shows the snippet of each edition with this site's own address, and copies it.
import { embedSnippet } from './snippet.ts';

const site = new URL('./', location.href).href;

/** The page's title (the frame's accessible name), read from the page itself; null when there is no such page. */
async function titleOf(url: string): Promise<string | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    return new DOMParser().parseFromString(await response.text(), 'text/html').title || document.title;
  } catch {
    return null;
  }
}

/** One edition's snippet: its code, Copy button and status, and the section to reveal once it exists (the Arabic's). */
function offer(edition: string, ids: { code: string; copy: string; status: string; section?: string }) {
  const code = document.getElementById(ids.code)!;
  const status = document.getElementById(ids.status)!;
  if (!ids.section) code.textContent = embedSnippet(site, document.title, edition);
  void titleOf(new URL(`./${edition}`, site).href).then((title) => {
    if (title === null && ids.section) return; // the site has no such edition
    code.textContent = embedSnippet(site, title ?? document.title, edition);
    if (ids.section) document.getElementById(ids.section)!.hidden = false;
  });
  document.getElementById(ids.copy)!.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      status.textContent = 'Copied.';
    } catch {
      // No clipboard access (an http page, a refused permission): select it for Ctrl+C instead.
      getSelection()?.selectAllChildren(code);
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
}

offer('', { code: 'snippet', copy: 'copy', status: 'status' });
offer('ar/', { code: 'snippet-ar', copy: 'copy-ar', status: 'status-ar', section: 'arabic' });
