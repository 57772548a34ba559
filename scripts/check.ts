// `npm run check`: validates the story script and its data, printing every problem at once
// with the lines around it, then how long it took. Exits 1 on errors; warnings alone pass.
// A caption changed after publication needs a correction entry (git tells when it changed).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { correctionProblems } from '../src/story/corrections.ts';
import { countProblems, formatWithFrame } from '../src/story/errors.ts';
import { loadStoryFile } from '../src/story/load-file.ts';
import { STORY_SCRIPT } from '../story.config.ts';

const started = performance.now();
const script = process.argv[2] ?? STORY_SCRIPT;
const result = loadStoryFile(script);
if (result.story) {
  result.errors.push(
    ...correctionProblems({ path: resolve(script), label: script, text: readFileSync(script, 'utf8') }, result.story.meta),
  );
}
const checked = performance.now() - started;
const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : null);
for (const e of result.errors) console.log(`${formatWithFrame(e, read(e.file))}\n`);
const errors = result.errors.filter((e) => e.severity === 'error').length;
const what = result.story ? `${result.story.steps.length} steps and ${Object.keys(result.data).length} data files` : 'the story';
console.log(`${countProblems(result.errors)}. Checked ${what} in ${Math.round(checked)} ms.`);
process.exit(errors ? 1 : 0);
