// Which step is active, from geometry alone: the last step whose top has crossed the trigger
// line. Recomputed on every scroll event scrollama reports, so the order or the number of
// enter/exit events (fast scrolls, jumps, reloads) cannot leave a stale step. Embedded, the
// trigger line is placed in the host page's viewport (layout/viewport.ts), not the frame's.
import type { HostView } from '../layout/viewport.ts';

/** `tops`: each step's top edge relative to the viewport, in document order; `line`: px from the viewport top. */
export function activeIndex(tops: readonly number[], line: number): number {
  let active = 0;
  for (let i = 0; i < tops.length; i++) if (tops[i]! <= line) active = i;
  return active;
}

/** The elements that take turns being active: the steps, then the free-exploration zone after them. */
export const STEP_SELECTOR = '[data-step], [data-scroll-end]';

/** The trigger line: `offset` (a share of the viewport's height) down from the top of the host's
 * viewport when it is known, else of the frame's own screen of height `screen`. */
export const triggerLine = (view: HostView | null, screen: number, offset: number): number =>
  view ? view.height * offset - view.top : screen * offset;

/** The active step, from the steps' tops and wherever the reader's viewport is. */
export const stepIndex = (tops: readonly number[], view: HostView | null, screen: number, offset: number): number =>
  activeIndex(tops, triggerLine(view, screen, offset));
