// How long `npm run check` makes an editor wait: on the real story (the check alone, median of
// repeated runs in this process, and the whole command, Node and TypeScript start-up included),
// on a legal 500-step script, and on the worst inputs the limits allow or refuse (tests/hostile.ts).
// Printed figures, not assertions: a shared machine's timings vary.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStory } from '../src/story/load.ts';
import { loadStoryFile } from '../src/story/load-file.ts';
import { STORY_REGION, STORY_SCRIPT } from '../story.config.ts';
import { dataFiles, hostileInputs, withSteps, type Hostile } from '../tests/hostile.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

export function measureCheck(runs = 15): { checkMs: number; commandMs: number } {
  const times = Array.from({ length: runs }, () => {
    const t = performance.now();
    loadStoryFile(STORY_SCRIPT);
    return performance.now() - t;
  });
  const commands = Array.from({ length: 3 }, () => {
    const t = performance.now();
    execFileSync(TSX, ['scripts/check.ts'], { stdio: 'ignore' });
    return performance.now() - t;
  });
  return { checkMs: median(times.slice(1)), commandMs: median(commands) };
}

/** The check of one input in this process: median of `runs` after a warm-up run. */
function timeInput(h: Hostile, runs: number): { ms: number; errors: number; first: string } {
  const data = dataFiles('story');
  const once = () => {
    const t = performance.now();
    const r = loadStory({
      file: 'story.yaml',
      text: h.text,
      readData: (rel) => h.data?.[rel] ?? data.get(rel) ?? null,
      region: STORY_REGION,
    });
    return { ms: performance.now() - t, r };
  };
  once();
  const timed = Array.from({ length: runs }, once);
  const r = timed[0]!.r;
  const errors = r.errors.filter((e) => e.severity === 'error');
  return { ms: median(timed.map((x) => x.ms)), errors: errors.length, first: errors[0]?.message.slice(0, 60) ?? '' };
}

/** `npm run check` as a whole on an input, in a copy of story/. */
function timeCommand(h: Hostile): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
  try {
    cpSync('story', dir, { recursive: true });
    writeFileSync(join(dir, 'qalamoun.yaml'), h.text);
    for (const [rel, text] of Object.entries(h.data ?? {})) writeFileSync(join(dir, rel), text);
    const t = performance.now();
    try {
      execFileSync(TSX, [join(process.cwd(), 'scripts/check.ts'), 'qalamoun.yaml'], { cwd: dir, stdio: 'ignore' });
    } catch {
      // exit 1: the input has errors, as expected
    }
    return performance.now() - t;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printCheckFigures(): void {
  const check = measureCheck();
  console.log('npm run check on the real story (target: well under 1 s)');
  console.log(`  check, warm (median)        ${check.checkMs.toFixed(1)} ms`);
  console.log(`  whole command (median of 3) ${Math.round(check.commandMs)} ms`);

  const real = readFileSync(STORY_SCRIPT, 'utf8');
  const legal = timeInput({ name: '500 steps', text: withSteps(real, 500) }, 7);
  const ok = legal.errors === 0 && legal.ms < 200;
  console.log(`\nA legal 500-step script (the real steps repeated), validated in this process (target: < 200 ms)`);
  console.log(`  median of 7, warm           ${Math.round(legal.ms)} ms   ${ok ? '✓' : '✗'}   (${legal.errors} errors)`);

  console.log('\nWorst inputs (target: the check and the whole command under 5 s each)');
  console.log('  input                                                          check    command   errors  first');
  for (const h of hostileInputs(real, 'data/fronts.geojson')) {
    const t = timeInput(h, 3);
    const command = timeCommand(h);
    const flag = t.ms < 5000 && command < 5000 ? '✓' : '✗';
    console.log(
      `  ${h.name.padEnd(62)} ${`${Math.round(t.ms)} ms`.padStart(7)} ${`${Math.round(command)} ms`.padStart(9)} ${flag} ${String(t.errors).padStart(6)}  ${t.first}`,
    );
  }
}

if (process.argv[1]?.endsWith('bench/check.ts')) printCheckFigures();
