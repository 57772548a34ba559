// The explore view's date scrubber on the built site, one page per viewport: a link to a day
// opens there, keys step days and snapshots and the handle reports them, the fronts and km²
// drawn are the unit computation's for that day, bad links are clamped with a note, Play runs
// to the last day and stops, and axe finds nothing. Reduced motion: cuts, and Play by snapshot.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { heldRows } from '../../src/palette/legend.ts';
import { withDay } from '../../src/geo/held.ts';
import { expand } from '../../src/geo/morph-space.ts';
import { planFronts } from '../../src/geo/morph-plan.ts';
import { Morpher } from '../../src/map/front/morpher.ts';
import { frontDays } from '../../src/story/days.ts';
import { PHONE, SMALL_DESKTOP } from './chromium.ts';
import { builtSite } from './site.ts';
import { data, firstMove, ids, mapStatus, story } from './steps.ts';

const site = builtSite();
const days = frontDays(story.areas);
const morpher = new Morpher(expand(data.front!, planFronts(story.layers, data).front!), data.front!);
/** The figures the legend shows on `day`, as the unit computation makes them. */
const figures = (day: string) =>
  heldRows(withDay(story.areas, day), story.explore.layers, day)!.map((r) => Math.round(r.km2).toLocaleString('en-GB'));

const date = (page: Page) => page.evaluate(() => window.__story!.date);
const waitDate = (page: Page, day: string) => page.waitForFunction((d) => window.__story?.date === d && !window.__story.moving, day);
const slider = (page: Page) => page.getByRole('slider', { name: 'Day by day' });

describe('the date scrubber', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', SMALL_DESKTOP],
  ] as const) {
    it(`opens on a linked day and walks the campaign by key and by Play on a ${name}`, { timeout: 90_000 }, async () => {
      const phone = name === 'phone';
      const context = await site.browser.newContext({ viewport, isMobile: phone, hasTouch: phone, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${site.url}#explore/2015-05-18`);
      await firstMove(page);
      await mapStatus(page, 'ready');

      // The link opens the explore view on its day; the fronts are that snapshot.
      await waitDate(page, '2015-05-18');
      expect(await page.evaluate(() => [window.__story!.step, window.__story!.front()!.snapshot])).toEqual([ids.at(-1), '2015-05-18']);
      await expect.poll(() => slider(page).getAttribute('aria-valuetext')).toContain('18 May 2015');
      const events = await page.locator('.scrubber .events a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(events).toEqual(['#jurud-flitah', '#velayati']);

      // Keys: arrows a day, Page Up/Down a snapshot, Home/End the ends; the address follows without new entries.
      const length = await page.evaluate(() => history.length);
      await slider(page).focus();
      for (const [key, day] of [
        ['ArrowRight', '2015-05-19'],
        ['ArrowLeft', '2015-05-18'],
        ['ArrowLeft', '2015-05-17'],
        ['PageDown', '2015-05-13'],
        ['PageUp', '2015-05-18'],
        ['Home', days[0]!],
        ['End', days.at(-1)!],
        ['PageDown', days.at(-2)!],
      ] as const) {
        await page.keyboard.press(key);
        await waitDate(page, day);
      }
      await page.waitForFunction((hash) => location.hash === hash, `#explore/${days.at(-2)}`);
      expect(await page.evaluate(() => history.length)).toBe(length);

      // Between two snapshots: the shapes and km² are the unit computation's for that day.
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      const between = '2015-03-29';
      await waitDate(page, between);
      const [drawn, shown, valuetext] = await Promise.all([
        page.evaluate(() => window.__story!.front()!.data.front!),
        page.locator('.legend .km2').allInnerTexts(),
        slider(page).getAttribute('aria-valuetext'),
      ]);
      expect(drawn.features.map((f) => f.geometry)).toEqual(structuredClone(morpher.onDay(between)).features.map((f) => f.geometry));
      expect(drawn).not.toEqual(structuredClone(morpher.onDay(days[0]!)));
      expect(shown).toEqual(figures(between));
      for (const km2 of figures(between)) expect(valuetext).toContain(`${km2} km²`);
      await expect.poll(() => page.locator('.stamp').innerText()).toBe('29 March 2015 · drawn between maps');
      expect(await page.locator('.scrubber .how').innerText()).toContain('Lines drawn between the 28 March and 20 April maps');

      // A day outside the maps, or no day at all, is clamped, with a note saying so.
      await page.evaluate(() => (location.hash = '#explore/2014-01-01'));
      await waitDate(page, days[0]!);
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'The maps begin on 28 March 2015' }).count()).toBe(1);
      await page.evaluate(() => (location.hash = '#explore/2015-13-40'));
      await waitDate(page, days.at(-1)!);
      await expect.poll(() => page.getByRole('status').filter({ hasText: '“2015-13-40”, is not a day' }).count()).toBe(1);
      await page.waitForFunction((hash) => location.hash === hash, `#explore/${days.at(-1)}`);

      // The rest of the page is axe's in reader.browser.test.ts: here, the explore panel with the scrubber.
      const { violations } = await new AxeBuilder({ page }).include('#explore').analyze();
      expect(violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

      // Play from the second-to-last snapshot: reduced motion steps a snapshot at a time, then stops on the last day.
      await slider(page).focus();
      await page.keyboard.press('PageDown');
      await waitDate(page, days.at(-2)!);
      const play = page.getByRole('button', { name: 'Play' });
      await play.click();
      await expect.poll(() => page.locator('.scrubber .play').getAttribute('aria-pressed')).toBe('true');
      await waitDate(page, days.at(-1)!);
      await expect.poll(() => page.locator('.scrubber .play').getAttribute('aria-pressed')).toBe('false');
      expect(await date(page)).toBe(days.at(-1));

      // A card of the offensive opens the scrubber on its own day.
      if (phone) {
        await page.evaluate(() => document.getElementById('tallat-musa')!.scrollIntoView());
        await page
          .locator('#tallat-musa')
          .getByRole('button', { name: /See it day by day/ })
          .click();
        await waitDate(page, '2015-05-13');
        expect(await page.evaluate(() => window.__story!.front()!.snapshot)).toBe('2015-05-13');
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
