// Node side of loading: reads the script and its data files from disk for load.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { loadStory, type LoadResult } from './load.ts';

export interface FileLoadResult extends LoadResult {
  /** absolute paths of the script and every data file it names */
  watch: string[];
}

export function loadStoryFile(scriptPath: string, cwd = process.cwd()): FileLoadResult {
  const abs = resolve(cwd, scriptPath);
  const dir = dirname(abs);
  const label = (p: string) => relative(cwd, p).split(sep).join('/');
  const dataPath = (rel: string) => resolve(dir, rel);
  if (!existsSync(abs)) {
    const errors = [{ severity: 'error' as const, file: label(abs), line: 1, column: 1, path: '', message: 'story script not found' }];
    return { story: null, data: {}, errors, dataFiles: [], watch: [abs] };
  }
  const result = loadStory({
    file: label(abs),
    text: readFileSync(abs, 'utf8'),
    readData: (rel) => (existsSync(dataPath(rel)) ? readFileSync(dataPath(rel), 'utf8') : null),
    dataLabel: (rel) => label(dataPath(rel)),
  });
  return { ...result, watch: [abs, ...result.dataFiles.map(dataPath)] };
}
