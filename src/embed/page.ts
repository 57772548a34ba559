// embed.html: shows the snippet with this site's own address, and copies it.
import { embedSnippet } from './snippet.ts';

const code = document.getElementById('snippet')!;
const button = document.getElementById('copy') as HTMLButtonElement;
const status = document.getElementById('status')!;
const site = new URL('./', location.href).href;

// The story's title names the frame for screen readers; read it from the story page itself.
async function storyTitle(): Promise<string> {
  try {
    const html = await (await fetch(site)).text();
    return new DOMParser().parseFromString(html, 'text/html').title || document.title;
  } catch {
    return document.title;
  }
}

code.textContent = embedSnippet(site, document.title);
void storyTitle().then((title) => (code.textContent = embedSnippet(site, title)));

button.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
    status.textContent = 'Copied.';
  } catch {
    // No clipboard access (an http page, a refused permission): select it for Ctrl+C instead.
    getSelection()?.selectAllChildren(code);
    status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
});
