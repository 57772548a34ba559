// embed.js, the host page's side (built standalone, no dependencies): sizes every
// `<iframe data-story-embed>` to the height its story posts, and tells each story where the host's
// viewport is on scroll and resize, once per animation frame. It answers only the story frames
// on the page, checks each message's source, origin and shape, and ignores everything else.
import { readHeight, readScroll, VIEWPORT, type HostViewport } from './protocol.ts';

const KEY = Symbol.for('story-embed');
const host = window as unknown as Record<symbol, boolean>;

// The snippet may be pasted once per story: one copy serves them all.
if (!host[KEY]) {
  host[KEY] = true;
  const sent = new WeakMap<HTMLIFrameElement, string>();
  let queued = false;

  const stories = () => [...document.querySelectorAll<HTMLIFrameElement>('iframe[data-story-embed]')];
  const originOf = (frame: HTMLIFrameElement) => {
    try {
      return new URL(frame.src, location.href).origin;
    } catch {
      return null;
    }
  };

  const send = (frame: HTMLIFrameElement, always = false) => {
    const origin = originOf(frame);
    if (!frame.contentWindow || !origin || origin === 'null') return;
    const top = frame.getBoundingClientRect().top + frame.clientTop;
    // The layout viewport, which on phones stays put as the address bar comes and goes, like the
    // story's own 100svh (in quirks mode the root's height is the document's, not the viewport's).
    const height = document.compatMode === 'CSS1Compat' ? document.documentElement.clientHeight : window.innerHeight;
    const view: HostViewport = { top, bottom: top + frame.clientHeight, height };
    const key = `${view.top} ${view.bottom} ${view.height}`;
    if (!always && sent.get(frame) === key) return;
    sent.set(frame, key);
    frame.contentWindow.postMessage({ type: VIEWPORT, ...view }, origin);
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      for (const frame of stories()) send(frame);
    });
  };

  window.addEventListener('message', (event) => {
    const frame = stories().find((f) => f.contentWindow === event.source);
    if (!frame || event.origin !== originOf(frame)) return;
    const height = readHeight(event.data);
    if (height !== null) {
      frame.style.height = `${height}px`;
      // The story's answer to where the reader is; also its first news of this script.
      send(frame, true);
    }
    const y = readScroll(event.data);
    if (y !== null) window.scrollBy(0, frame.getBoundingClientRect().top + frame.clientTop + Math.min(y, frame.clientHeight));
  });
  // Capture: the host may scroll an element rather than the window.
  window.addEventListener('scroll', schedule, { passive: true, capture: true });
  window.addEventListener('resize', schedule);
  // Content above a story growing (images, ads) moves it without any scroll.
  new ResizeObserver(schedule).observe(document.documentElement);
  // A story (re)loading after this script ran has missed the last position.
  const onLoad = (event: Event) => {
    if (event.target instanceof HTMLIFrameElement && event.target.matches('iframe[data-story-embed]')) send(event.target, true);
  };
  document.addEventListener('load', onLoad, true);
  schedule();
}
