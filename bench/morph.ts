// Front-line morph figures for `npm run bench` (targets in issue 5): in Node, the cost of one
// interpolated frame for a pair of 5,000-vertex snapshots; in Chromium (SwiftShader), frame
// intervals during a morph step against a plain camera move of the same length, and long tasks.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { expand } from '../src/geo/morph-space.ts';
import { Morpher } from '../src/map/front/morpher.ts';
import { planMorph } from '../src/geo/morph-plan.ts';
import { storyPlugin } from '../src/story/vite-plugin.ts';
import { DESKTOP, launch } from '../tests/browser/chromium.ts';
import { serveDir } from '../tests/browser/server.ts';

const VERTICES = 5000;
/** length of every timed transition, ms */
const STEP_MS = 2000;
const ROUNDS = 4;

/** A wobbly closed ring of `n` vertices around [x, y] (radius in degrees), seeded by `k`. */
function blob(x: number, y: number, r: number, n: number, k: number): number[][] {
  const ring = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    const rr = r * (1 + 0.18 * Math.sin(3 * a + k) + 0.06 * Math.sin(11 * a + 2 * k) + 0.02 * Math.sin(37 * a + k));
    return [+(x + (rr * Math.cos(a)) / 0.83).toFixed(6), +(y + rr * Math.sin(a)).toFixed(6)];
  });
  return [...ring, ring[0]!];
}

const SIDES = ['government', 'rebels', 'isil', 'lebanese-army'];

/**
 * Two snapshots of ten areas, `total` vertices each, within the Qalamoun frame; the second moves,
 * reshapes and re-samples every area (different vertex counts), and swaps one area for a new one.
 */
export function syntheticFronts(total = VERTICES): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  const areas = 10;
  for (const [s, date] of ['2015-05-07', '2015-05-20'].entries()) {
    for (let i = 0; i < areas; i++) {
      if ((s === 0 && i === 9) || (s === 1 && i === 8)) continue; // one vanishes, one appears
      const present = areas - 1;
      const n = Math.round(total / present) + (s === 0 ? 0 : i % 2 ? 7 : -7);
      const x = 36.05 + (i % 5) * 0.14 + s * 0.02;
      const y = 33.75 + Math.floor(i / 5) * 0.2 + s * 0.015;
      features.push({
        type: 'Feature',
        properties: {
          id: `area-${i}`,
          snapshot: date,
          side: SIDES[i % 4],
          status: 'assessed',
          confidence: 'estimate',
          sources: ['bench'],
          derivation: 'Synthetic: a wobbly ring.',
        },
        geometry: { type: 'Polygon', coordinates: [blob(x, y, 0.05 + s * 0.012 * ((i % 3) - 1), n, i + s)] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

const vertexCount = (fc: GeoJSON.FeatureCollection, date: string) =>
  fc.features
    .filter((f) => f.properties?.snapshot === date)
    .reduce((n, f) => n + (f.geometry as GeoJSON.Polygon).coordinates.reduce((m, r) => m + r.length - 1, 0), 0);

export function nodeFigures() {
  const fc = syntheticFronts();
  let t0 = performance.now();
  const plan = planMorph(fc);
  const planMs = performance.now() - t0;
  t0 = performance.now();
  const space = expand(fc, plan);
  const expandMs = performance.now() - t0;
  const morpher = new Morpher(space, fc);
  morpher.rest(0);
  morpher.begin(1);
  for (let i = 0; i < 200; i++) morpher.frame(i / 200); // warm up the JIT
  const frames = 2000;
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < frames; i++) morpher.frame((i % 100) / 100);
  const frameMs = (performance.now() - t0) / frames;
  const cpu = process.cpuUsage(cpu0);
  // CPU time is what the frame costs; wall time also counts waiting for a core on a busy machine.
  const frameCpuMs = (cpu.user + cpu.system) / 1000 / frames;
  return {
    vertices: [vertexCount(fc, '2015-05-07'), vertexCount(fc, '2015-05-20')],
    frameVertices: space.size,
    planMs,
    expandMs,
    frameMs,
    frameCpuMs,
    planBytes: JSON.stringify(plan).length,
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};

/** Writes a four-step story: rest, a plain camera move, a morph alone, a morph with a camera move. */
function benchStory(dir: string, vertices: number) {
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'data', 'fronts.geojson'), JSON.stringify(syntheticFronts(vertices)));
  const step = (id: string, extra: string) => `  - id: ${id}\n    chapter: bench\n    sources: [bench]\n    caption: ${id}\n${extra}`;
  writeFileSync(
    join(dir, 'story.yaml'),
    `meta:
  title: Morph bench
  dek: Timed transitions.
  byline: Bench
  published: 2015-06-21
  sources: [{ id: bench, title: Synthetic fronts, publisher: Bench, date: '2015' }]
chapters: [{ id: bench, title: Bench }]
layers: [{ id: fronts, kind: front, title: Fronts, data: data/fronts.geojson }]
steps:
${step('rest', `    date: 2015-05-07\n    camera: { center: [36.35, 33.85], zoom: 9.3 }\n    transition: { type: jump, duration: 0 }\n    layers: [fronts]\n    front: 2015-05-07\n`)}
${step('camera', `    camera: { center: [36.45, 33.9], zoom: 9.6 }\n    transition: { type: ease, duration: ${STEP_MS} }\n`)}
${step('morph', `    date: 2015-05-20\n    front: 2015-05-20\n    morph: { duration: ${STEP_MS}, ease: power2.inOut }\n`)}
${step('both', `    date: 2015-05-07\n    front: 2015-05-07\n    camera: { center: [36.35, 33.85], zoom: 9.3 }\n    transition: { type: ease, duration: ${STEP_MS} }\n    morph: { duration: ${STEP_MS}, ease: power2.inOut }\n`)}`,
  );
}

/** Main-thread time spent in tasks so far, in ms (Chrome's own accounting, via CDP). */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
}

/** Scrolls to a step and records frame intervals, long tasks and main-thread task time until the map is still again. */
async function timeStep(
  page: Page,
  cdp: CDPSession,
  id: string,
): Promise<{ intervals: number[]; longTasks: number; ms: number; busyMs: number }> {
  const busy0 = await taskMs(cdp);
  await page.evaluate(`(() => {
    const w = window;
    const bench = (w.__bench = { stamps: [], long: 0, on: true });
    const loop = (t) => { if (!bench.on) return; bench.stamps.push(t); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    w.__benchObs?.disconnect();
    w.__benchObs = new PerformanceObserver((list) => { bench.long += list.getEntries().filter((e) => e.duration > 50).length; });
    w.__benchObs.observe({ type: 'longtask' });
    const el = document.getElementById(${JSON.stringify(id)});
    const top = el.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top - window.innerHeight * 0.5 + 40, behavior: 'instant' });
  })()`);
  await page.waitForFunction((sid) => window.__story?.step === sid && !window.__story.moving, id, { timeout: 120_000, polling: 'raf' });
  const { stamps, long } = (await page.evaluate(`(() => { window.__bench.on = false; return window.__bench; })()`)) as {
    stamps: number[];
    long: number;
  };
  const busyMs = (await taskMs(cdp)) - busy0;
  return { intervals: stamps.slice(1).map((t, i) => t - stamps[i]!), longTasks: long, ms: stamps.at(-1)! - stamps[0]!, busyMs };
}

export async function chromiumFigures(vertices: number) {
  const dir = mkdtempSync(join(tmpdir(), 'morph-bench-'));
  const out = '.cache/dist-bench-morph';
  try {
    benchStory(dir, vertices);
    await build({
      configFile: false,
      logLevel: 'warn',
      base: './',
      cacheDir: '.cache/vite-bench-morph',
      plugins: [svelte(), storyPlugin({ script: join(dir, 'story.yaml') })],
      build: { outDir: out, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [browser, server] = await Promise.all([launch(), serveDir(out)]);
  try {
    const page = await browser.newPage({ viewport: DESKTOP });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(server.url);
    // The engine starts at the reader's first move (src/reader/first-move.ts): time it, not its start.
    await page.evaluate(() => window.scrollBy(0, 1));
    await page.waitForFunction(() => window.__story?.mapStatus === 'ready', null, { timeout: 120_000 });
    const kinds = { camera: [] as number[], morph: [] as number[], both: [] as number[] };
    const long = { camera: 0, morph: 0, both: 0 };
    const length = { camera: 0, morph: 0, both: 0 };
    const busy = { camera: 0, morph: 0, both: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      await timeStep(page, cdp, 'rest');
      for (const id of ['camera', 'morph', 'both'] as const) {
        const r = await timeStep(page, cdp, id);
        kinds[id].push(...r.intervals);
        long[id] += r.longTasks;
        length[id] += r.ms;
        busy[id] += r.busyMs;
      }
    }
    return Object.fromEntries(
      (Object.keys(kinds) as (keyof typeof kinds)[]).map((k) => [
        k,
        {
          median: quantile(kinds[k], 0.5),
          p95: quantile(kinds[k], 0.95),
          frames: kinds[k].length,
          longTasks: long[k],
          ms: length[k] / ROUNDS,
          busy: busy[k] / length[k],
        },
      ]),
    ) as Record<keyof typeof kinds, { median: number; p95: number; frames: number; longTasks: number; ms: number; busy: number }>;
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function printMorphFigures() {
  const n = nodeFigures();
  console.log('\nFront-line morph, Node (synthetic fronts)');
  console.log(`  snapshots                   ${n.vertices.join(' → ')} vertices; frame buffer ${n.frameVertices} vertices`);
  console.log(
    `  per interpolated frame      ${(n.frameCpuMs * 1000).toFixed(0)} µs CPU, ${(n.frameMs * 1000).toFixed(0)} µs wall   (target: well under 1 ms)`,
  );
  console.log(`  plan at build time          ${n.planMs.toFixed(0)} ms; plan shipped ${(n.planBytes / 1024).toFixed(1)} kB`);
  console.log(`  expand on the page          ${n.expandMs.toFixed(1)} ms (once, when the map loads)`);

  // The story's own fronts are hand-drawn areas of tens of vertices; 5,000 is the stress case.
  for (const vertices of [500, VERTICES]) await printChromium(vertices);
}

async function printChromium(vertices: number) {
  const c = await chromiumFigures(vertices);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(
    `\nFront-line morph, Chromium/SwiftShader (${vertices} vertices a snapshot; ${STEP_MS} ms steps, ${ROUNDS} rounds; load average ${loadavg()[0]!.toFixed(1)} on this machine)`,
  );
  console.log('  frame interval              median     p95       frames  step took  main thread busy  long tasks >50 ms');
  for (const [name, k] of [
    ['plain camera move', c.camera],
    ['morph alone', c.morph],
    ['morph + camera move', c.both],
  ] as const) {
    console.log(
      `  ${name.padEnd(27)} ${ms(k.median).padEnd(10)} ${ms(k.p95).padEnd(9)} ${String(k.frames).padEnd(7)} ${ms(k.ms).padEnd(10)} ${`${(k.busy * 100).toFixed(0)}%`.padEnd(17)} ${k.longTasks}`,
    );
  }
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(
    `  morph / plain               median ${ratio(c.morph.median, c.camera.median)}, p95 ${ratio(c.morph.p95, c.camera.p95)}   (target ≤ 1.2×)`,
  );
  console.log(`  morph+camera / plain        median ${ratio(c.both.median, c.camera.median)}, p95 ${ratio(c.both.p95, c.camera.p95)}`);
  console.log(
    `  long tasks >50 ms            ${c.morph.longTasks + c.both.longTasks} in the morph steps, ${c.camera.longTasks} in the plain moves   (target 0)`,
  );
}
