// Which step is active, from geometry alone: the last step whose top has crossed the trigger
// line. Recomputed on every scroll event scrollama reports, so the order or the number of
// enter/exit events (fast scrolls, jumps, reloads) cannot leave a stale step.

/** `tops`: each step's top edge relative to the viewport, in document order; `line`: px from the viewport top. */
export function activeIndex(tops: readonly number[], line: number): number {
  let active = 0;
  for (let i = 0; i < tops.length; i++) if (tops[i]! <= line) active = i;
  return active;
}

/** The elements that take turns being active: the steps, then the free-exploration zone after them. */
export const STEP_SELECTOR = '[data-step], [data-scroll-end]';
