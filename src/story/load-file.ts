// Node side of loading: reads the script and its data files from disk for load.ts, each only when
// it is a regular file inside the script's folder (read-inside.ts).
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS } from './limits.ts';
import { loadStory, type LoadResult } from './load.ts';
import { readBytesInside, readInside } from './read-inside.ts';
import type { StoryError } from './errors.ts';
import { STORY_INTERFACE, STORY_REGION } from '../../story.config.ts';
import { loadInterface, type InterfaceTable } from './interface.ts';


export interface FileLoadResult extends LoadResult {
  /** absolute paths of the script, the interface strings and every data file the script names */
  watch: string[];
  /** the interface's words in every language, checked */
  ui?: InterfaceTable | null;
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
  // The interface's words are the page's, not one script's: one table for every story.
  const table = resolve(fileURLToPath(new URL('../..', import.meta.url)), STORY_INTERFACE);
  const words = readInside(dirname(table), basename(table));
  const ui =
    typeof words === 'string'
      ? loadInterface(words, label(table))
      : { table: null, errors: [{ severity: 'error' as const, file: label(table), line: 1, column: 1, path: '', message: 'the interface strings file is missing or unreadable' }] };
  const result = loadStory({
    file: label(abs),
    text: script,
    readData: (rel) => readInside(dir, rel),
    dataLabel: (rel) => label(resolve(dir, rel)),
    region: STORY_REGION,
    ui: ui.table,
  });
  const errors = [...result.errors, ...ui.errors];
  return {
    ...result,
    ...(ui.errors.length ? { story: null, editions: {} } : {}),
    errors,
    ui: ui.table,
    watch: [abs, table, ...result.dataFiles.map((rel) => resolve(dir, rel))],
  };
}
