// The reader's viewport. Standalone it is the page's own; embedded in an iframe sized to its
// content, the host page owns the scroll, and where the reader looks is the host's viewport as
// the host posts it (src/embed). One source, made by the story page and passed down.

/**
 * The host's viewport seen from the frame: the frame content's top and bottom edges in px from
 * the host viewport's top, and its height. (embed/protocol.ts checks what hosts post against the
 * same shape: the host script imports nothing from outside src/embed.)
 */
export interface HostView {
  readonly top: number;
  readonly bottom: number;
  readonly height: number;
}

export interface ReaderViewport {
  /** the host's viewport, once a host has posted it; null while the story scrolls itself */
  readonly view: HostView | null;
  /** px that stand for one screen in the layout (also CSS `--viewport-height`) */
  readonly screen: number;
  /** calls `fn` whenever `view` or `screen` changes; returns the unsubscriber */
  subscribe(fn: () => void): () => void;
}
