// When the map engine starts. The engine is the page's heaviest work by far (some 0.3 MB of
// script to compile and run, a worker, a WebGL context): on a mid-range phone it holds the main
// thread for seconds. A reader who has not yet moved is reading the title and the first card over
// the static map of the first step, which shows the same thing; so the engine waits for the
// reader's first move (a scroll of the page, or of the host page when embedded; a touch, a click,
// a key) and then takes over from the static map on whatever step the reader has reached.
import type { ReaderViewport } from '../layout/viewport.ts';

/** What the reader does that starts the engine. `scroll` also comes from deep links and restored positions. */
export const WAKE_EVENTS = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/**
 * Calls `start` once, at the reader's first move, or at once when the page is already scrolled
 * into the story. Returns the function that stops listening.
 */
export function onFirstMove(win: Window, host: ReaderViewport | null, start: () => void): () => void {
  let done = false;
  const options: AddEventListenerOptions = { capture: true, passive: true };
  let unsubscribe = () => {};
  const stop = () => {
    for (const type of WAKE_EVENTS) win.removeEventListener(type, wake, options);
    unsubscribe();
  };
  function wake() {
    if (done) return;
    done = true;
    stop();
    start();
  }
  if (win.scrollY > 0) {
    wake();
    return stop;
  }
  for (const type of WAKE_EVENTS) win.addEventListener(type, wake, options);
  if (host) {
    // The host page scrolled: its viewport moved against the frame since the first report.
    let first: number | null = host.view?.top ?? null;
    unsubscribe = host.subscribe(() => {
      const top = host.view?.top ?? null;
      if (top === null) return;
      if (first === null) first = top;
      else if (top !== first) wake();
    });
  }
  return stop;
}
