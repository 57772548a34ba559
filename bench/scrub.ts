// The explore scrubber for `npm run bench` (issue 19), in Chromium (SwiftShader) on the built
// site: frame intervals while the reader drags the scrubber across the campaign (every input a
// day's fronts interpolated and set on the map) against a plain camera move (the reader dragging
// the map) of the same length and pace, and long tasks in each.
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { DESKTOP, launch } from '../tests/browser/chromium.ts';
import { firstMove } from '../tests/browser/reading.ts';
import { serveDir } from '../tests/browser/server.ts';

/** Each drag: this many pointer moves, one every MOVE_MS (a steady two-second drag). */
const MOVES = 60;
const MOVE_MS = 33;
const ROUNDS = 2;

interface Drag {
  intervals: number[];
  longTasks: number;
  /** setData calls on the front layers during the drag */
  frontFrames: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};

/** Drags the mouse from `from` to `to` at a steady pace, recording every animation frame meanwhile. */
async function timedDrag(page: Page, from: [number, number], to: [number, number]): Promise<Drag> {
  await page.waitForFunction(() => !window.__story?.moving, null, { polling: 'raf' });
  await page.evaluate(`(() => {
    const bench = (window.__bench = { stamps: [], long: 0, on: true, frames: window.__story.front()?.frames ?? 0 });
    const loop = (t) => { if (!bench.on) return; bench.stamps.push(t); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    window.__benchObs?.disconnect();
    window.__benchObs = new PerformanceObserver((list) => { bench.long += list.getEntries().filter((e) => e.duration > 50).length; });
    window.__benchObs.observe({ type: 'longtask' });
  })()`);
  await page.mouse.move(...from);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) {
    await page.mouse.move(from[0] + ((to[0] - from[0]) * i) / MOVES, from[1] + ((to[1] - from[1]) * i) / MOVES);
    await page.waitForTimeout(MOVE_MS);
  }
  await page.mouse.up();
  await page.waitForFunction(() => !window.__story?.moving, null, { polling: 'raf' });
  const { stamps, long, frames } = (await page.evaluate(`(() => {
    window.__bench.on = false;
    return { ...window.__bench, frames: (window.__story.front()?.frames ?? 0) - window.__bench.frames };
  })()`)) as { stamps: number[]; long: number; frames: number };
  return { intervals: stamps.slice(1).map((t, i) => t - stamps[i]!), longTasks: long, frontFrames: frames };
}

export async function scrubFigures(dist = 'dist') {
  const [browser, server] = await Promise.all([launch(), serveDir(dist)]);
  try {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${server.url}#explore/2015-03-28`);
    await firstMove(page);
    await page.waitForFunction(() => window.__story?.mapStatus === 'ready' && window.__story.date === '2015-03-28', null, {
      timeout: 120_000,
    });
    const slider = (await page.locator('#scrubber-day').boundingBox())!;
    const y = slider.y + slider.height / 2;
    // The thumb is 22 px wide (Scrubber.svelte): its centre runs from 11 px in to 11 px from the end.
    const [left, right] = [slider.x + 11, slider.x + slider.width - 11];
    const map = { x: DESKTOP.width * 0.7, y: DESKTOP.height * 0.45 };
    const runs = { camera: [] as Drag[], scrub: [] as Drag[] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.camera.push(await timedDrag(page, [map.x, map.y], [map.x - 240, map.y + 60]));
      runs.camera.push(await timedDrag(page, [map.x - 240, map.y + 60], [map.x, map.y]));
      runs.scrub.push(await timedDrag(page, [left, y], [right, y]));
      runs.scrub.push(await timedDrag(page, [right, y], [left, y]));
    }
    const sum = (ds: Drag[]) => ({
      median: quantile(
        ds.flatMap((d) => d.intervals),
        0.5,
      ),
      p95: quantile(
        ds.flatMap((d) => d.intervals),
        0.95,
      ),
      frames: ds.reduce((n, d) => n + d.intervals.length, 0),
      longTasks: ds.reduce((n, d) => n + d.longTasks, 0),
      frontFrames: ds.reduce((n, d) => n + d.frontFrames, 0) / ds.length,
    });
    return { camera: sum(runs.camera), scrub: sum(runs.scrub), days: Number(await page.locator('#scrubber-day').getAttribute('max')) };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function printScrubFigures(dist = 'dist') {
  const f = await scrubFigures(dist);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(
    `\nExplore scrubber, Chromium/SwiftShader, desktop (${MOVES} pointer moves in ${(MOVES * MOVE_MS) / 1000} s per drag, ${2 * ROUNDS} drags each; load average ${loadavg()[0]!.toFixed(1)})`,
  );
  console.log('  frame interval              median     p95       frames  long tasks >50 ms  fronts set per drag');
  for (const [name, k] of [
    ['plain camera move (drag)', f.camera],
    [`scrubber drag (${f.days} days)`, f.scrub],
  ] as const) {
    console.log(
      `  ${name.padEnd(27)} ${ms(k.median).padEnd(10)} ${ms(k.p95).padEnd(9)} ${String(k.frames).padEnd(7)} ${String(k.longTasks).padEnd(18)} ${k.frontFrames.toFixed(0)}`,
    );
  }
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(`  scrub / plain               median ${ratio(f.scrub.median, f.camera.median)}, p95 ${ratio(f.scrub.p95, f.camera.p95)}`);
}
