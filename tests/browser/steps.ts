// Helpers for the phone-reader and fallback tests: the story as the tests know it, and waiting
// for a step whichever way its map is drawn (engine or static).
import type { Page } from 'playwright-core';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { STORY_SCRIPT } from '../../story.config.ts';

const loaded = loadStoryFile(STORY_SCRIPT);
if (!loaded.story) throw new Error('the story script does not load; run npm run check');
export const story = loaded.story;
export const data = loaded.data;
export const ids = story.steps.map((s) => s.id);

export { firstMove, scrollToStep } from './reading.ts';

/** Waits until the page shows step `id` with its map settled, engine or static (reading.ts settle() wants the engine). */
export const settledOn = (page: Page, id: string, timeout = 45_000) =>
  page.waitForFunction((sid) => window.__story?.step === sid && window.__story.mapStatus !== 'loading' && !window.__story.moving, id, {
    timeout,
  });

/** Waits for the map to reach `status`. */
export const mapStatus = (page: Page, status: string, timeout = 30_000) =>
  page.waitForFunction((s) => window.__story?.mapStatus === s, status, { timeout });
