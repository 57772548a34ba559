// Helpers shared by the reader tests: the story as the tests know it, and moving like a reader.
import type { Page } from 'playwright-core';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { STORY_SCRIPT } from '../../story.config.ts';

const loaded = loadStoryFile(STORY_SCRIPT);
if (!loaded.story) throw new Error('the story script does not load; run npm run check');
export const story = loaded.story;
export const data = loaded.data;
export const ids = story.steps.map((s) => s.id);

/** Scrolls so that step `id` has just crossed the trigger line, as a reader's scroll would. */
export const scrollToStep = (page: Page, id: string) =>
  page.evaluate((sid) => {
    const top = document.getElementById(sid)!.getBoundingClientRect().top + window.scrollY;
    const line = window.innerWidth >= 1024 ? 0.5 : 0.7;
    window.scrollTo({ top: top - window.innerHeight * line + 40, behavior: 'instant' });
  }, id);

/** Waits until the page shows step `id` with its map settled (engine or static). */
export const settledOn = (page: Page, id: string, timeout = 20_000) =>
  page.waitForFunction(
    (sid) => window.__story?.step === sid && window.__story.mapStatus !== 'loading' && !window.__story.moving,
    id,
    { timeout },
  );

/** Waits for the map to reach `status`. */
export const mapStatus = (page: Page, status: string, timeout = 30_000) =>
  page.waitForFunction((s) => window.__story?.mapStatus === s, status, { timeout });
