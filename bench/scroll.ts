// What scrolling costs a phone's main thread (issue 15): the whole story read on a throttled phone
// (throttled-phone.ts), one viewport scrolled every 2 s from the top to the end, with long tasks
// observed from before any of the page's scripts and every frame's interval recorded, tagged by
// what the map was doing then (flying, morphing the fronts, or at rest).
import { onThrottledPhone } from './throttled-phone.ts';

/** ms between two scrolls of one viewport, as in the walk */
const DWELL_MS = 2000;

export interface ScrollFigures {
  viewports: number;
  longTasks: number;
  longest: number;
  /** sum over long tasks of their time beyond 50 ms, divided by the viewports scrolled */
  blockingPerViewport: number;
  /** the same, from the engine's first drawn frame on */
  afterEngine: { longTasks: number; longest: number; blockingPerViewport: number };
  engineMs: number | null;
  /** frame intervals (ms) while the camera flies without a morph, while the fronts morph, and at rest */
  frames: Record<'flight' | 'morph' | 'rest', { n: number; median: number; p90: number; over50: number }>;
}

// Strings, not functions: tsx would wrap named functions in a helper the page lacks.
const RECORDER = `(() => {
  const rec = (window.__scrollBench = { tasks: [], frames: [], engineAt: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.tasks.push({ at: e.startTime, d: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let last = 0;
  const frame = (t) => {
    const s = window.__story;
    if (s && rec.engineAt === null && s.mapStatus === 'ready') rec.engineAt = t;
    const front = s?.front?.();
    const kind = front?.morphing ? 'morph' : s?.moving ? 'flight' : 'rest';
    if (last) rec.frames.push({ d: t - last, kind, engine: rec.engineAt !== null });
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

const WALK = `new Promise((resolve) => {
  let viewports = 0;
  const next = () => {
    const end = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    if (end) return resolve(viewports);
    window.scrollBy(0, window.innerHeight);
    viewports += 1;
    setTimeout(next, ${DWELL_MS});
  };
  next();
})`;

interface Recorded {
  tasks: { at: number; d: number }[];
  frames: { d: number; kind: 'flight' | 'morph' | 'rest'; engine: boolean }[];
  engineAt: number | null;
}

const blocking = (tasks: { d: number }[]) => tasks.reduce((n, t) => n + Math.max(0, t.d - 50), 0);
const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]! : 0);

export const scrollWalk = (dist = 'dist'): Promise<ScrollFigures> =>
  onThrottledPhone(dist, async (page, url) => {
    await page.addInitScript(RECORDER);
    await page.goto(url);
    await page.waitForFunction(() => window.__story?.mapStatus === 'static', null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const viewports = (await page.evaluate(WALK)) as number;
    await page.waitForFunction(() => !window.__story?.moving, null, { timeout: 30_000 });
    const rec = (await page.evaluate('window.__scrollBench')) as Recorded;
    const after = rec.engineAt === null ? [] : rec.tasks.filter((t) => t.at >= rec.engineAt!);
    // Only the engine's frames: before it, the static map has nothing to animate.
    const frames = (kind: 'flight' | 'morph' | 'rest') => {
      const ds = rec.frames.filter((f) => f.engine && f.kind === kind).map((f) => f.d);
      return { n: ds.length, median: quantile(ds, 0.5), p90: quantile(ds, 0.9), over50: ds.filter((d) => d > 50).length };
    };
    return {
      viewports,
      longTasks: rec.tasks.length,
      longest: Math.max(0, ...rec.tasks.map((t) => t.d)),
      blockingPerViewport: blocking(rec.tasks) / viewports,
      afterEngine: {
        longTasks: after.length,
        longest: Math.max(0, ...after.map((t) => t.d)),
        blockingPerViewport: blocking(after) / viewports,
      },
      engineMs: rec.engineAt,
      frames: { flight: frames('flight'), morph: frames('morph'), rest: frames('rest') },
    };
  });

/** Runs the walk `runs` times and prints each run and the medians (runs vary ±30 % here). */
export async function printScrollFigures(runs = 3, dist = 'dist'): Promise<void> {
  const all: ScrollFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await scrollWalk(dist));
  const med = (pick: (f: ScrollFigures) => number) => quantile(all.map(pick), 0.5);
  const ms = (n: number) => `${Math.round(n)} ms`;
  const ok = (good: boolean) => (good ? '✓' : '✗');
  console.log(`\nScrolling the whole story on a throttled phone (4× CPU, one viewport every ${DWELL_MS / 1000} s), median of ${runs} runs`);
  console.log(`  viewports scrolled              ${all[0]!.viewports}`);
  console.log(`  long tasks                      ${med((f) => f.longTasks)}   (runs: ${all.map((f) => f.longTasks).join(', ')})`);
  console.log(`  longest                         ${ms(med((f) => f.longest))}`);
  const bpv = med((f) => f.blockingPerViewport);
  console.log(
    `  blocking per viewport           ${ms(bpv)}   ${ok(bpv <= 8)} target ≤ the plain template's 8 ms   (runs: ${all.map((f) => ms(f.blockingPerViewport)).join(', ')})`,
  );
  const longestAfter = med((f) => f.afterEngine.longest);
  console.log(
    `  after the engine took over      ${med((f) => f.afterEngine.longTasks)} long tasks, longest ${ms(longestAfter)} ${ok(longestAfter <= 200)} target ≤ 200 ms, blocking per viewport ${ms(med((f) => f.afterEngine.blockingPerViewport))}`,
  );
  console.log('  frame intervals (engine frames) n      median   p90    > 50 ms');
  for (const kind of ['flight', 'morph', 'rest'] as const) {
    const f = (pick: (x: ScrollFigures['frames']['flight']) => number) => med((x) => pick(x.frames[kind]));
    console.log(
      `    ${kind.padEnd(28)} ${String(f((x) => x.n)).padStart(5)}  ${ms(f((x) => x.median)).padStart(7)} ${ms(f((x) => x.p90)).padStart(7)}  ${String(f((x) => x.over50)).padStart(5)}`,
    );
  }
  const ratio = med((f) => f.frames.morph.median / (f.frames.flight.median || 1));
  console.log(`  morph / flight frame interval   ${ratio.toFixed(2)}×   ${ok(ratio <= 1.2)} target ≤ 1.2×`);
}
