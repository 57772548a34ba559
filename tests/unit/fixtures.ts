// Loads a fixture story: data files come from the case's own data/ folder when it has one,
// else from the valid fixture story's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStory, type LoadResult } from '../../src/story/load.ts';
import { STORY_REGION } from '../../story.config.ts';
import { loadInterface } from '../../src/story/interface.ts';

/** The repository's interface strings, which translated fixtures are built with. */
export const UI_TABLE = loadInterface(
  readFileSync(join(import.meta.dirname, '..', '..', 'story', 'interface.yaml'), 'utf8'),
  'interface.yaml',
).table;

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const VALID = join(FIXTURES, 'story');

export function loadFixture(dir: string, text: string | Uint8Array = readFileSync(join(dir, 'story.yaml'))): LoadResult {
  return loadStory({
    file: 'story.yaml',
    text,
    readData: (rel) => {
      for (const base of [dir, VALID]) if (existsSync(join(base, rel))) return readFileSync(join(base, rel), 'utf8');
      return null;
    },
    dataLabel: (rel) => rel,
    region: STORY_REGION,
    ui: UI_TABLE,
  });
}
