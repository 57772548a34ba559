// How fast the story's motion runs: 1 for readers. Tests that watch real camera flights and
// morphs set `window.__storyMotionScale` (e.g. 0.5) before the page's scripts run, to see the same
// moves in less time: every camera move and every GSAP tween (morphs, counters) is scaled.
export const motionScale = (): number => {
  const set = (globalThis as { __storyMotionScale?: unknown }).__storyMotionScale;
  return typeof set === 'number' && set > 0 ? set : 1;
};
