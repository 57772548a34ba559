// The story's side of embedding, loaded only when embedded: it posts the story's content height in
// every format hosts listen for, takes the host's viewport position from its parent (embed.js or
// pym.js) and reports it to the story, and keeps links from loading inside the frame. With no host
// script the story stays a page that scrolls itself inside its frame.
import { screenHeight } from './geometry.ts';
import { heightMessages, pymId, pymMessage, readViewport, scrollMessages, type HostViewport } from './protocol.ts';

/** Host origins allowed to drive the story, from the build setting VITE_EMBED_ORIGINS
 * (comma- or space-separated); empty means any page may embed it. */
const ORIGINS: string[] = String(import.meta.env.VITE_EMBED_ORIGINS ?? '')
  .split(/[\s,]+/)
  .filter(Boolean);

/** What the bridge reports to the frame (frame.ts): the host's viewport (or null) and the screen height. */
export type Report = (view: HostViewport | null, screen: number) => void;

/** ms: the longest a viewport waits for a frame; Chromium renders no frames in a frame out of view. */
export const APPLY_LATEST_MS = 100;

export function connect(report: Report): void {
  const pym = pymId(new URLSearchParams(location.search).get('childId'));
  const root = document.documentElement;
  let view: HostViewport | null = null;
  // Our recent height requests, newest last: a host may apply an older one after a newer is sent.
  const asked: number[] = [];
  let screen: number | null = null;

  const post = (messages: unknown[]) => {
    for (const origin of ORIGINS.length ? ORIGINS : ['*']) for (const m of messages) window.parent.postMessage(m, origin);
  };
  const sendHeight = (again = false) => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if ((height === asked.at(-1) && !again) || height < 1) return;
    asked.push(height);
    if (asked.length > 8) asked.shift();
    post(heightMessages(height, pym, pym ?? 'story'));
  };
  const layout = () => {
    screen = screenHeight(view, window.innerHeight, asked, screen);
    root.style.setProperty('--viewport-height', `${screen}px`);
    report(view, screen);
    // Not only on ResizeObserver: Chromium skips rendering, so observers, in cross-origin frames out of view.
    sendHeight();
  };

  // A host may post far more viewports than frames (46,000 in 5 s froze the frame once): only the
  // latest is kept, and applied once per animation frame, never queued.
  let latest: HostViewport | null = null;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = 0;
    const next = latest;
    latest = null;
    if (!next) return;
    if (!view) {
      // A host that tells us where its viewport is sizes the frame to the content: no inner scrollbar.
      root.dataset.embed = 'host';
      root.style.overflow = 'hidden';
      // It may have started after our first height: say it again.
      queueMicrotask(() => sendHeight(true));
    }
    view = next;
    layout();
  };
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || (ORIGINS.length && !ORIGINS.includes(event.origin))) return;
    const next = readViewport(event.data, pym);
    if (!next) return;
    const waiting = latest !== null;
    latest = next;
    if (waiting) return;
    frame = requestAnimationFrame(apply);
    timer = setTimeout(apply, APPLY_LATEST_MS);
  });
  window.addEventListener('resize', layout);
  new ResizeObserver(() => sendHeight()).observe(root);
  document.addEventListener('click', (event) =>
    followLink(
      event,
      () => view,
      (y) => post(scrollMessages(y, pym)),
    ),
  );

  root.dataset.embed = 'frame';
  layout();
  sendHeight();
  // pym's parent posts positions on scroll only; ask for the first one.
  if (pym !== null) post([pymMessage(pym, 'parentPositionInfo', '')]);
}

/** Links never load inside the frame: other pages open in a new tab; a link to a place in the
 * story scrolls the host page there when the host owns the scroll. */
function followLink(event: MouseEvent, view: () => HostViewport | null, scrollHost: (y: number) => void) {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
  const url = new URL(link.href, location.href);
  const here = url.origin === location.origin && url.pathname === location.pathname && url.search === location.search;
  if (!here || !url.hash) {
    link.target = '_blank';
    link.rel = 'noopener';
    return;
  }
  const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
  if (!target || !view()) return; // a frame that scrolls itself follows its own links
  event.preventDefault();
  scrollHost(target.getBoundingClientRect().top + window.scrollY);
}
