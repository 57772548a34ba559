// `npm run check`: validates the story script and its data, printing every problem at once.
import { readFileSync } from 'node:fs';
import { codeFrame, formatError } from '../src/story/errors.ts';
import { loadStoryFile } from '../src/story/load-file.ts';
import { STORY_SCRIPT } from '../story.config.ts';

const started = performance.now();
const result = loadStoryFile(process.argv[2] ?? STORY_SCRIPT);
for (const e of result.errors) {
  let frame = '';
  try {
    frame = codeFrame(readFileSync(e.file, 'utf8'), e.line, e.column);
  } catch {
    /* missing file: the message says so */
  }
  console.log(`${formatError(e)}\n${frame}\n`);
}
const errors = result.errors.filter((e) => e.severity === 'error').length;
const warnings = result.errors.length - errors;
const ms = Math.round(performance.now() - started);
if (result.story) console.log(`${result.story.steps.length} steps, ${Object.keys(result.data).length} data files checked in ${ms} ms`);
console.log(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
process.exit(errors ? 1 : 0);
