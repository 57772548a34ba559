// Framing, as a reader sees it on a phone and on a desktop: when a step has just become active
// (and the map fills the screen) and its camera has come to rest, every place the card rings is drawn on the map where no card
// (nor the date stamp or legend) covers it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { STORY_SCRIPT } from '../../story.config.ts';
import { DESKTOP, PHONE } from './chromium.ts';
import { firstMove, scrollToStep, settle } from './reading.ts';
import { builtSite } from './site.ts';

const { story, data } = loadStoryFile(STORY_SCRIPT);
if (!story) throw new Error('the story script does not load; run npm run check');
const where = new Map(
  Object.values(data).flatMap((fc) =>
    fc.features.flatMap((f) =>
      f.geometry.type === 'Point' && typeof f.properties?.id === 'string'
        ? [[f.properties.id, f.geometry.coordinates as [number, number]] as const]
        : [],
    ),
  ),
);

/** Radius of the highlight ring plus its stroke: the whole ring must be clear. */
const RING = 13;

interface Rect {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const site = builtSite();

for (const [name, viewport] of [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const) {
  describe(`framing on a ${name} (${viewport.width}×${viewport.height})`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await site.browser.newPage({ viewport, isMobile: name === 'phone', hasTouch: name === 'phone' });
      // Cuts: a flight ends on the same camera, and the walk takes seconds instead of a minute.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(site.url);
      await firstMove(page);
    });
    afterAll(() => page?.close());

    it(
      'shows every ringed place clear of the cards, the date stamp and the legend',
      async () => {
        const problems: string[] = [];
        let checked = 0;
        for (const [i, step] of story.steps.entries()) {
          const ids = story.views[i]!.highlight;
          await scrollToStep(page, step.id);
          // The first step becomes active while the map is still rising into place: the reader
          // scrolls on until it fills the screen.
          await page.evaluate(() => window.scrollBy(0, Math.max(0, document.querySelector('.graphic')!.getBoundingClientRect().top)));
          await settle(page, step.id);
          const seen = await page.evaluate(
            (points) => {
              const cover = [...document.querySelectorAll('.card, .stamp, .legend')]
                .map((el, k) => ({ name: `${el.className.split(' ')[0]}#${k}`, ...el.getBoundingClientRect().toJSON() }))
                .filter((r) => r.bottom > 0 && r.top < window.innerHeight && r.width > 0);
              return {
                at: points.map(([id, p]) => [id, window.__story!.project(p)] as const),
                cover,
                width: window.innerWidth,
                height: window.innerHeight,
              };
            },
            ids.map((id) => [id, where.get(id)!] as const),
          );
          for (const [id, at] of seen.at) {
            checked++;
            if (!at) {
              problems.push(`${step.id}: ${id} is not drawn`);
              continue;
            }
            const [x, y] = at.map(Math.round) as [number, number];
            if (x < RING || y < RING || x > seen.width - RING || y > seen.height - RING)
              problems.push(`${step.id}: ${id} at (${x}, ${y}) is off screen`);
            const under = seen.cover.find((r: Rect) => x > r.left - RING && x < r.right + RING && y > r.top - RING && y < r.bottom + RING);
            if (under)
              problems.push(
                `${step.id}: ${id} at (${x}, ${y}) is under ${under.name} (${Math.round(under.top)}–${Math.round(under.bottom)} px)`,
              );
          }
        }
        expect(checked).toBeGreaterThan(story.steps.length);
        expect(problems).toEqual([]);
      },
      20_000 + story.steps.length * 8_000,
    );
  });
}
