// `npm run bench`: builds the site and prints the figures the issues set targets for.
import { build } from 'vite';
import { engineSizes } from './engines.ts';
import { firstTextPaint } from './first-paint.ts';
import { engineWake } from './wake.ts';
import { runLighthouse, type LighthouseFigures } from './lighthouse.ts';
import { arabicSizes, measure } from './sizes.ts';
import { printCheckFigures } from './check.ts';
import { report as embedReport } from './embed.ts';
import { printMorphFigures } from './morph.ts';
import { printScrubFigures } from './scrub.ts';
import { printSoakFigures } from './soak.ts';
import { printScrollFigures } from './scroll.ts';
import { printShareFigures } from './share.ts';

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const target = (ok: boolean, what: string) => `${ok ? '✓' : '✗'} target ${what}`;

// A hidden source map (no comment in the shipped code) tells which modules weigh in the shell.
const built = await build({ logLevel: 'warn', build: { sourcemap: 'hidden' } });
const outputs = (Array.isArray(built) ? built : [built]).flatMap((o) => ('output' in o ? o.output : []));
const s = measure(outputs);
console.log('Bundle sizes (gzip -9)');
const shellTarget = target(s.shell.js <= 35 * 1024, '≤ 35 kB');
console.log(`  shell JS (gzip)             ${kB(s.shell.js)}   [${s.shell.chunks.join(', ')}]   ${shellTarget}`);
console.log(`    largest modules (minified): ${s.shell.largest.map((m) => `${m.module} ${kB(m.bytes)}`).join(', ')}`);
console.log(`  shell CSS                   ${kB(s.shell.css)}`);
console.log(`  map chunk (maplibre-gl)     ${kB(s.map.js)}`);
console.log(`  map worker                  ${kB(s.map.worker)}`);
console.log(`  map CSS                     ${kB(s.map.css)}`);
console.log(`  story layer data            ${kB(s.map.data)}`);
console.log(`  relief tiles (PNG, as sent) ${kB(s.relief.tiles)} in ${s.relief.count} tiles, of which a step's view loads a few`);
console.log(`  relief shade, static maps   ${kB(s.relief.shade)}`);
await printShareFigures();
const arabic = arabicSizes(outputs);
if (arabic) {
  console.log('The Arabic edition (/ar/)');
  console.log(
    `  shell JS (gzip)             ${kB(arabic.shell.ar)}   (English: ${kB(arabic.shell.en)}; the same code, each with its own story)`,
  );
  console.log(`  its story and words (gzip)  ${kB(arabic.text.ar)}   (English: ${kB(arabic.text.en)})`);
  console.log(`  Arabic text face (woff2)    ${kB(arabic.fonts)}   Noto Sans Arabic 400 + 700, shared with the map's Arabic labels`);
}

// Lighthouse varies from run to run on a shared machine: the median of three runs, for each edition.
const RUNS = 3;
const ms = (n: number) => `${Math.round(n)} ms`;
for (const [edition, page] of [
  ['English edition, /', ''],
  ['Arabic edition, /ar/', 'ar/'],
] as const) {
  if (page && !arabic) continue;
  const runs: LighthouseFigures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runLighthouse('dist', [], page));
  const median = (pick: (f: LighthouseFigures) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  const first = runs[0]!;
  console.log(`\nLighthouse 12, ${edition}: mobile preset (simulated slow 4G, 4× CPU), median of ${RUNS} runs, served gzipped`);
  console.log(
    `  performance      ${median((f) => f.scores.performance)}   ${target(median((f) => f.scores.performance) >= 95, '≥ 95')}   (runs: ${runs.map((f) => f.scores.performance).join(', ')})`,
  );
  console.log(
    `  accessibility    ${median((f) => f.scores.accessibility)}   ${target(median((f) => f.scores.accessibility) === 100, '100')}`,
  );
  console.log(`  best practices   ${median((f) => f.scores.bestPractices)}`);
  console.log(`  SEO              ${median((f) => f.scores.seo)}`);
  console.log(`  FCP              ${ms(median((f) => f.fcp))}`);
  console.log(`  LCP              ${ms(median((f) => f.lcp))}`);
  console.log(`  TBT              ${ms(median((f) => f.tbt))}`);
  console.log(`  CLS              ${median((f) => f.cls).toFixed(3)}   ${target(median((f) => f.cls) < 0.01, '< 0.01')}`);
  console.log(`  speed index      ${ms(median((f) => f.speedIndex))}`);
  if (first.failing.length) console.log(`  audits losing points (first run): ${first.failing.join('; ')}`);
}

const wake = await engineWake();
console.log("\nThe map engine at the reader's first move (until then, static SVG maps), same throttled phone, measured in Chromium");
console.log(`  first scroll → engine drawing   ${ms(wake.readyMs)}`);
console.log(
  `  main thread blocked meanwhile   ${ms(wake.blockingMs)} beyond 50 ms, in ${wake.longTasks} long tasks (longest ${ms(wake.longest)})`,
);

await printScrollFigures();

const paint = await firstTextPaint();
console.log('\nFirst text paint on a throttled phone (150 ms RTT, 1.6 Mbit/s, 4× CPU), measured in Chromium');
console.log(`  first contentful paint   ${ms(paint.fcp)}`);
console.log(
  `  transferred before it    ${kB(paint.bytes)}   ${target(paint.bytes <= 105 * 1024, '≤ 105 kB')}   [${paint.files.join(', ')}]`,
);

for (const line of embedReport()) console.log(line);

printCheckFigures();

const kb = (n: number) => kB(n).padStart(9);
console.log('\nMap engines (gzip -9), each its own chunk, fetched after the text');
console.log('  engine                   build        JS     worker     CSS      total');
for (const e of await engineSizes()) {
  // mapbox-gl's single bundle carries its worker inside.
  const worker = e.worker ? kb(e.worker) : '  (in JS)';
  console.log(`  ${e.engine.padEnd(24)} ${e.build.padEnd(10)} ${kb(e.js)} ${worker} ${kb(e.css)} ${kb(e.js + e.worker + e.css)}`);
  if (e.onDemand.length) console.log(`    on demand: ${e.onDemand.map((m) => `${m.name} ${kB(m.bytes)}`).join(', ')}`);
}

await printMorphFigures();
await printScrubFigures();
await printSoakFigures();
