// Step-by-step movement for keyboards, the next/previous buttons and deep links: where the page
// rests for each step (its card in view, the step active) and which keys move. Loaded after the
// first paint, outside the page's shell (the URL hash that follows the reader: hash.ts). Scrolling is still the only input: these only scroll, and the active step
// is then read from the scroll position like any other.
import { cardPadding, isDesktop } from '../layout/layout.ts';
import { STEP_SELECTOR } from './active.ts';

/** A step's box in page coordinates (px from the top of the document). */
export interface StepBox {
  top: number;
  cardTop: number;
  cardHeight: number;
}

const MARGIN = 16;

/**
 * Scroll position at which a step rests: on desktop its card centred, on a phone its card in
 * the lower part the camera leaves for it (cardPadding) and wholly on screen, and in both cases
 * the step's top above the trigger line (`line`, px from the viewport top), so it is the active one.
 */
export function restingScroll(box: StepBox, viewport: { width: number; height: number }, line: number): number {
  const { width, height } = viewport;
  const cardAt = isDesktop(width)
    ? Math.max(MARGIN, (height - box.cardHeight) / 2)
    : Math.max(MARGIN, Math.min(height - cardPadding(width, height).bottom, height - box.cardHeight - MARGIN));
  return Math.max(0, box.cardTop - cardAt, box.top - line + 1);
}

/** The first stop after `y` (dir 1) or the last before it (dir -1); null when there is none that way. */
export function nextStop(stops: readonly number[], y: number, dir: 1 | -1): number | null {
  return (dir > 0 ? stops.find((s) => s > y + 2) : stops.findLast((s) => s < y - 2)) ?? null;
}

/** Which way a key moves through the story; null for keys the story leaves to the browser. */
export function keyDirection(key: string, shift: boolean): 1 | -1 | null {
  if (key === ' ') return shift ? -1 : 1;
  if (key === 'PageDown' || key === 'ArrowDown' || key === 'ArrowRight') return 1;
  if (key === 'PageUp' || key === 'ArrowUp' || key === 'ArrowLeft') return -1;
  return null;
}

/** Resting scroll positions of the steps (and the exploration zone) inside `root`, in order. */
export function stops(root: HTMLElement, line: number): number[] {
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  const max = document.documentElement.scrollHeight - viewport.height;
  return [...root.querySelectorAll<HTMLElement>(STEP_SELECTOR)].map((step) => {
    const card = (step.firstElementChild as HTMLElement | null) ?? step;
    const s = step.getBoundingClientRect();
    const c = card.getBoundingClientRect();
    const box = { top: s.top + window.scrollY, cardTop: c.top + window.scrollY, cardHeight: c.height };
    return Math.min(max, restingScroll(box, viewport, line * viewport.height));
  });
}

export interface Stepper {
  /** scrolls one step on; false when there is no step that way */
  move(dir: 1 | -1): boolean;
  /** scrolls to step `index`: at once, or gliding when `glide` and motion is welcome */
  goTo(index: number, glide?: boolean): void;
  /** keyboard: Space, Page Up/Down and arrows move step by step while the story is on screen */
  onKey(e: KeyboardEvent): void;
  destroy(): void;
}

/**
 * `root`: the element holding the steps; `line`: the trigger line as a share of the viewport
 * height; `smooth`: whether moves glide (false under reduced motion).
 */
export function createStepper(root: () => HTMLElement, line: () => number, smooth: () => boolean): Stepper {
  // Where a smooth scroll in flight is heading, so a second key press goes one step further.
  // Cleared on arrival only: the scrollend of a glide that a key press has just extended comes
  // after the press, and clearing then would send the next press to the stop still being
  // reached. A reader's own scroll (wheel, touch, scrollbar) ends the glide.
  let heading: number | null = null;
  const arrived = () => {
    if (heading !== null && Math.abs(window.scrollY - heading) <= 2) heading = null;
  };
  const interrupted = () => (heading = null);
  const INPUTS = ['wheel', 'touchstart', 'pointerdown'] as const;
  window.addEventListener('scrollend', arrived);
  for (const type of INPUTS) window.addEventListener(type, interrupted, { passive: true });

  const scroll = (top: number, glide: boolean) => {
    heading = glide && Math.abs(top - window.scrollY) > 1 ? top : null;
    window.scrollTo({ top, behavior: glide ? 'smooth' : 'instant' });
  };

  const move = (dir: 1 | -1) => {
    const to = nextStop(stops(root(), line()), heading ?? window.scrollY, dir);
    if (to === null) return false;
    scroll(to, smooth());
    return true;
  };

  return {
    move,
    goTo(index, glide = false) {
      const to = stops(root(), line())[index];
      if (to !== undefined) scroll(to, glide && smooth());
    },
    onKey(e) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const dir = keyDirection(e.key, e.shiftKey);
      if (dir === null) return;
      const story = root();
      const focus = document.activeElement;
      // Only when focus is on the page itself or in the story; never in fields or the explorable map.
      if (focus && focus !== document.body && !story.contains(focus)) return;
      if (focus?.closest('input, textarea, select, [contenteditable], .map')) return;
      if (e.key === ' ' && focus?.closest('button, summary')) return;
      const box = story.getBoundingClientRect();
      if (box.bottom <= 0 || box.top >= window.innerHeight) return;
      if (move(dir)) e.preventDefault();
    },
    destroy() {
      window.removeEventListener('scrollend', arrived);
      for (const type of INPUTS) window.removeEventListener(type, interrupted);
    },
  };
}
