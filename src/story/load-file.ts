// Node side of loading: reads the script and its data files from disk for load.ts, each only when
// it is a regular file inside the script's folder (read-inside.ts).
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { LIMITS } from './limits.ts';
import { loadStory, type LoadResult } from './load.ts';
import { readBytesInside, readInside } from './read-inside.ts';
import type { StoryError } from './errors.ts';
import { STORY_REGION } from '../../story.config.ts';

export interface FileLoadResult extends LoadResult {
  /** absolute paths of the script and every data file it names */
  watch: string[];
}

export function loadStoryFile(scriptPath: string, cwd = process.cwd()): FileLoadResult {
  const abs = resolve(cwd, scriptPath);
  const dir = dirname(abs);
  const label = (p: string) => relative(cwd, p).split(sep).join('/');
  // UTF-8 takes up to 4 bytes a character: a larger file cannot be within the script's limit.
  const script = readBytesInside(dir, basename(abs), 4 * LIMITS.scriptChars);
  if (!(script instanceof Uint8Array)) {
    const message = script === null ? 'story script not found' : `the story script ${script.problem}`;
    const errors: StoryError[] = [{ severity: 'error', file: label(abs), line: 1, column: 1, path: '', message }];
    return { story: null, data: {}, errors, dataFiles: [], watch: [abs] };
  }
  const result = loadStory({
    file: label(abs),
    text: script,
    readData: (rel) => readInside(dir, rel),
    dataLabel: (rel) => label(resolve(dir, rel)),
    region: STORY_REGION,
  });
  return { ...result, watch: [abs, ...result.dataFiles.map((rel) => resolve(dir, rel))] };
}
