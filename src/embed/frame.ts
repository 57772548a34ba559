// Whether the story is embedded (`?embed` inside an iframe), and where the reader's viewport is
// then. The code that talks to the host (bridge.ts) is loaded only when embedded, so standalone
// readers do not download it; until it reports, the story scrolls itself.
import type { ReaderViewport } from '../layout/viewport.ts';
import type { HostViewport } from './protocol.ts';

export interface EmbedFrame extends ReaderViewport {
  readonly view: HostViewport | null;
}

let frame: EmbedFrame | null | undefined;

/** The embedded story's view of its host, started on first use; null on a standalone page. */
export function embedFrame(): EmbedFrame | null {
  if (frame === undefined) {
    const embedded = window.parent !== window && new URLSearchParams(location.search).has('embed');
    frame = embedded ? start() : null;
  }
  return frame;
}

function start(): EmbedFrame {
  const listeners = new Set<() => void>();
  let view: HostViewport | null = null;
  let screen: number | null = null;
  const report = (v: HostViewport | null, s: number) => {
    view = v;
    screen = s;
    for (const fn of listeners) fn();
  };
  import('./bridge.ts').then(
    (bridge) => bridge.connect(report),
    (error: unknown) => console.warn('Embedding is off; the story scrolls inside its frame.', error),
  );
  return {
    get view() {
      return view;
    },
    get screen() {
      return screen ?? window.innerHeight;
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
