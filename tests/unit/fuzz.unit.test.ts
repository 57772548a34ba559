// Fuzzing the loader with the real script: every mutant (tests/mutate.ts) must come back as a
// story or as problems at file:line:column, never as an exception or an unlocated message, and
// in bounded time. A failure prints its seed and case; FUZZ_SEED and FUZZ_CASES replay or widen the run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStory, type LoadResult } from '../../src/story/load.ts';
import { STORY_REGION, STORY_SCRIPT } from '../../story.config.ts';
import { dataFiles, splitSteps } from '../hostile.ts';
import { mutate, random } from '../mutate.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20151113);
const CASES = Number(process.env.FUZZ_CASES ?? 400);
/** Per case: far above what a case takes (a few ms), far below what a hang would. */
const CASE_BUDGET_MS = 2000;

const REAL = readFileSync(STORY_SCRIPT, 'utf8');
const DATA = dataFiles('story');

const load = (text: string): LoadResult =>
  loadStory({ file: 'story.yaml', text, readData: (rel) => DATA.get(rel) ?? null, region: STORY_REGION });

/** The script's head with runs of 3 of its steps that are valid on their own: every kind of field, at a fifth of the cost. */
const { head, steps } = splitSteps(REAL);
const WINDOWS = steps
  .slice(0, -2)
  .map((_, from) => `${head}${steps.slice(from, from + 3).join('\n')}\n`)
  .filter((text) => load(text).story);

const unlocated = (r: LoadResult) =>
  r.errors.filter((e) => !e.file || !(e.line >= 1) || !(e.column >= 1) || !e.message || /undefined|NaN|\[object /.test(e.message));

describe('fuzzing the loader with mutants of the real script', () => {
  it(`${CASES} cases from seed ${SEED}: each a story or located problems, none over ${CASE_BUDGET_MS} ms`, () => {
    expect(WINDOWS.length).toBeGreaterThan(5);
    const rnd = random(SEED);
    const failures: string[] = [];
    const tally = { located: 0, accepted: 0, crashes: 0, slowest: 0 };
    for (let n = 0; n < CASES; n++) {
      const { text, steps } = mutate(WINDOWS[Math.floor(rnd() * WINDOWS.length)]!, rnd);
      const started = performance.now();
      const replay = `seed ${SEED}, case ${n}: ${steps.join('; ')}`;
      try {
        const result = load(text);
        const bad = unlocated(result);
        if (bad.length) failures.push(`${replay}\n  unlocated: ${JSON.stringify(bad[0])}`);
        if (result.story) tally.accepted++;
        else tally.located++;
      } catch (e) {
        tally.crashes++;
        failures.push(`${replay}\n  threw: ${(e as Error).stack?.split('\n').slice(0, 4).join('\n    ')}`);
      }
      const ms = performance.now() - started;
      tally.slowest = Math.max(tally.slowest, ms);
      if (ms > CASE_BUDGET_MS) failures.push(`${replay}\n  took ${Math.round(ms)} ms`);
    }
    console.log(
      `fuzz: ${CASES} cases (seed ${SEED}): ${tally.located} rejected with located problems, ${tally.accepted} accepted, ${tally.crashes} crashes; slowest ${Math.round(tally.slowest)} ms`,
    );
    expect(failures.slice(0, 10).join('\n\n')).toBe('');
    // The mutator must reach both sides, or it tests nothing.
    expect(tally.located).toBeGreaterThan(CASES / 4);
    expect(tally.accepted).toBeGreaterThan(CASES / 50);
  }, 120_000);
});
