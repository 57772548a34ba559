// GSAP for the page's small transitions (legend counter, date stamp, active card), timed like
// the front-line morph. Only numbers, opacity and transforms change, so nothing shifts the
// layout; with reduced motion (or a zero duration) the end state is set at once.
// GSAP is a quarter of the page's script and nothing moves before the reader does: it loads
// after the first paint, and until it is in, every change is set at once, as with reduced motion.
import type { Morph } from '../story/schema.ts';

type Gsap = typeof import('./gsap.ts').default;
let gsap: Gsap | null = null;
/** Resolves once GSAP is in (from then on, changes animate). */
export const motionReady: Promise<void> = import('./gsap.ts').then(
  (m) => void (gsap = m.default),
  () => {}, // without it the page still works, with every change set at once
);

/** GSAP once it is in, else null: what has to run without it (a front-line morph) cuts instead. */
export const loadedGsap = (): Gsap | null => gsap;

/** Tweens the numbers in `values` to `target`, in place; returns a stopper (the values stay where they got to). */
export function tweenNumbers(
  values: Record<string, number>,
  target: Record<string, number>,
  timing: Morph,
  reduced: boolean,
  onUpdate: () => void,
): () => void {
  for (const [k, v] of Object.entries(target)) values[k] ??= v;
  if (reduced || timing.duration === 0 || !gsap) {
    Object.assign(values, target);
    onUpdate();
    return () => {};
  }
  const tween = gsap.to(values, { ...target, duration: timing.duration / 1000, ease: timing.ease, onUpdate });
  return () => tween.kill();
}

const STAMP_SECONDS = 0.45;

/** A new date stamp rising into place (set at once with reduced motion or before GSAP is in). */
export function rise(el: HTMLElement, reduced: boolean): void {
  if (gsap && !reduced) gsap.fromTo(el, { autoAlpha: 0, y: 6 }, { autoAlpha: 1, y: 0, duration: STAMP_SECONDS, ease: 'power2.out' });
}

/**
 * Svelte action: tweens the element's `--on` from 0 to 1 as it becomes active (CSS decides what `--on` does).
 * The value is tweened in a plain object and written on each frame: tweening the CSS property itself
 * would have GSAP read it back through getComputedStyle, a style recalculation per card per step.
 * Only a card whose state changed moves (every card's action is updated on each step).
 */
export function emphasis(node: HTMLElement, params: { active: boolean; reduced: boolean }) {
  const on = { value: params.active ? 1 : 0 };
  let active = params.active;
  const write = () => node.style.setProperty('--on', String(on.value));
  write();
  return {
    update(next: { active: boolean; reduced: boolean }) {
      if (next.active === active) return;
      active = next.active;
      gsap?.killTweensOf(on);
      if (next.reduced || !gsap) {
        on.value = active ? 1 : 0;
        write();
      } else gsap.to(on, { value: active ? 1 : 0, duration: 0.35, ease: 'power1.out', onUpdate: write });
    },
    destroy: () => gsap?.killTweensOf(on),
  };
}
