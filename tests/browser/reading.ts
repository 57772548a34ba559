// Where a reader is when a step starts: shared by the reader tests.
import type { Page } from 'playwright-core';
import { READING_LINE, DESKTOP_MIN_WIDTH } from '../../src/layout/layout.ts';

/** Scrolls so that step `id` has just crossed the trigger line, as a reader's scroll would. */
export const scrollToStep = (page: Page, id: string) =>
  page.evaluate(
    ({ sid, line: lines, desktop }) => {
      const top = document.getElementById(sid)!.getBoundingClientRect().top + window.scrollY;
      const line = window.innerWidth >= desktop ? lines.desktop : lines.phone;
      window.scrollTo({ top: top - window.innerHeight * line + 40, behavior: 'instant' });
    },
    { sid: id, line: READING_LINE, desktop: DESKTOP_MIN_WIDTH },
  );

/**
 * The reader's first move, which starts the map engine (src/reader/first-move.ts): a scroll of a pixel,
 * once the static map is up (the page listens for the move from then on).
 */
export async function firstMove(page: Page) {
  await page.waitForFunction(() => window.__story && window.__story.mapStatus !== 'loading', null, { timeout: 20_000 });
  await page.evaluate(() => window.scrollBy(0, 1));
}

/**
 * Resolves once step `id` is active and its camera has come to rest. A flight settles in about
 * 2.5 s here, but SwiftShader on a shared, loaded machine has taken over 20 s: wait generously.
 */
export const settle = (page: Page, id: string) =>
  page.waitForFunction((sid) => window.__story?.step === sid && window.__story.mapStatus === 'ready' && !window.__story.moving, id, {
    timeout: 45_000,
  });
