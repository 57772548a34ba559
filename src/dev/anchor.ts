// Keeping the editor's place across a live update: the active step's card stays where it was
// on screen, whatever changed above it. Read from the page, as a reader's scroll is.

export interface Anchor {
  step: string;
  /** the card's top, in px from the viewport's top */
  top: number;
}

// In the body: <html data-step> names the active step too.
const card = (id: string) => document.body.querySelector<HTMLElement>(`[data-step="${CSS.escape(id)}"]`);

export function captureAnchor(): Anchor | null {
  const step = document.documentElement.dataset.step;
  const el = step ? card(step) : null;
  return step && el ? { step, top: el.getBoundingClientRect().top } : null;
}

/** Scrolls the anchored card back to its place, then lets the scroller re-read which step is active. */
export function restoreAnchor(anchor: Anchor | null): void {
  const el = anchor && card(anchor.step);
  if (el) window.scrollBy({ top: el.getBoundingClientRect().top - anchor.top, behavior: 'instant' });
  // The scroller recomputes the active step on resize; nothing else may have fired.
  window.dispatchEvent(new Event('resize'));
}

/** Brings step `id` to the reading position, as if the reader had scrolled to it. */
export function scrollToStep(id: string): void {
  const el = card(id);
  // 30% from the top is past the trigger line on phones (70%) and desktops (50%), and the
  // next card (at least 95% of a screen further down) is not.
  if (el) window.scrollBy({ top: el.getBoundingClientRect().top - window.innerHeight * 0.3, behavior: 'instant' });
}
