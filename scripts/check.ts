// `npm run check`: validates the story script and its data, printing the problems (the first
// LIMITS.errorsShown, then how many more) with the lines around them, then how long it took.
// Exits 1 on errors; warnings alone pass. A caption changed after publication needs a
// correction entry (git tells when it changed).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { correctionProblems } from '../src/story/corrections.ts';
import { countProblems, formatReport, frameSource } from '../src/story/errors.ts';
import { LIMITS } from '../src/story/limits.ts';
import { loadStoryFile } from '../src/story/load-file.ts';
import { STORY_SCRIPT } from '../story.config.ts';
import { loadEnv } from 'vite';
import { siteAddress } from '../src/story/site.ts';

const started = performance.now();
const script = process.argv[2] ?? STORY_SCRIPT;
const result = loadStoryFile(script);
if (result.story) {
  result.errors.push(
    ...correctionProblems({ path: resolve(script), label: script, text: readFileSync(script, 'utf8') }, result.story.meta),
  );
}
const checked = performance.now() - started;
const source = frameSource((file) => (existsSync(file) ? readFileSync(file, 'utf8') : null));
const errors = result.errors.filter((e) => e.severity === 'error').length;
const what = result.story ? `${result.story.steps.length} steps and ${Object.keys(result.data).length} data files` : 'the story';
const report = formatReport(result.errors, source, LIMITS.errorsShown).map((p) => `${p}\n\n`);
// One write, and an exit code instead of process.exit(): Node then drains stdout before it ends,
// so a report piped to a file or `| cat` keeps its last lines and the summary.
process.stdout.write(`${report.join('')}${siteWarning()}${countProblems(result.errors)}. Checked ${what} in ${Math.round(checked)} ms.\n`);
process.exitCode = errors ? 1 : 0;

/** The build's site address (shell or .env files, as `vite build` reads them): link previews need it for their images. */
function siteWarning(): string {
  try {
    if (siteAddress(loadEnv('production', process.cwd(), 'VITE_').VITE_SITE_URL)) return '';
    return "warning: VITE_SITE_URL is not set: link previews of the story and its steps will lack their card images (set it to the site's address, e.g. https://example.org/qalamoun/, for the build)\n\n";
  } catch (e) {
    return `warning: ${(e as Error).message}: the build will fail\n\n`;
  }
}
