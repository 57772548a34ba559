// The map's labels as the engine places them, at every step on a phone and a desktop: no
// "(approx.)" in any name, no marker without its name (the card's places always shown), and
// LEBANON or SYRIA on the map, wholly inside it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoomOffset } from '../../src/layout/layout.ts';
import { COUNTRY_LAYERS, countryLabelBox } from '../../src/map/style/country-labels.ts';
import { HIGHLIGHT_LABEL_LAYER } from '../../src/map/style/story-layers.ts';
import { DESKTOP, PHONE } from './chromium.ts';
import { ids, story } from './contract.ts';
import { firstMove, scrollToStep, settle } from './reading.ts';
import { builtSite } from './site.ts';

const site = builtSite();

/**
 * The labels once the engine has placed this step's: setting a step's filters lays its symbols
 * out again, which ends after the camera has come to rest. Read until two reads agree.
 */
async function placed(page: Page, id: string) {
  let last = '';
  for (let tries = 0; tries < 80; tries++) {
    const seen = await page.evaluate(() => {
      const r = document.querySelector('.map')!.getBoundingClientRect();
      return {
        labels: window.__story!.labels(),
        camera: window.__story!.camera(),
        map: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      };
    });
    if (!seen.labels || !seen.camera) throw new Error(`${id}: no engine labels`);
    const key = JSON.stringify(seen.labels.labels.map((l) => [l.layer, l.properties.id ?? l.properties.name, ...l.at.map(Math.round)]));
    if (seen.labels.settled && key === last) return { ...seen, labels: seen.labels.labels, camera: seen.camera };
    last = seen.labels.settled ? key : '';
    await page.waitForTimeout(150);
  }
  throw new Error(`${id}: the labels never settled`);
}

for (const [name, viewport] of [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const) {
  const desktop = name === 'desktop';
  describe(`labels on a ${name} (${viewport.width}×${viewport.height})`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await site.browser.newPage({ viewport, isMobile: !desktop, hasTouch: !desktop });
      // Cuts, so each step settles at once on its own camera.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(site.url);
      await firstMove(page);
    });
    afterAll(() => page?.close());

    it('names every marker, never "(approx.)", and keeps a country name wholly on the map', { timeout: 240_000 }, async () => {
      const problems: string[] = [];
      for (const [i, id] of ids.entries()) {
        await scrollToStep(page, id);
        await settle(page, id);
        const { labels, camera, map } = await placed(page, id);
        const all = labels
          .filter((l) => l.layer === HIGHLIGHT_LABEL_LAYER || l.layer.endsWith(':label'))
          .map((l) => String(l.properties.name ?? ''));
        if (all.some((t) => t.includes('approx'))) problems.push(`${id}: "(approx.)" in a name`);
        if (all.some((t) => t.trim() === '')) problems.push(`${id}: a marker without a name`);
        // the card's places always show, marker and name
        const ringed = new Set(labels.filter((l) => l.layer === HIGHLIGHT_LABEL_LAYER).map((l) => l.properties.id));
        const missing = story!.views[i]!.highlight.filter((p) => !ringed.has(p));
        if (missing.length) problems.push(`${id}: ringed places not shown: ${missing.join(', ')}`);
        const countries = labels.filter((l) => l.layer === COUNTRY_LAYERS[1]);
        if (!countries.length) problems.push(`${id}: neither LEBANON nor SYRIA on the map`);
        const z = camera.zoom + zoomOffset(viewport.width, viewport.height);
        for (const c of countries) {
          const [x0, y0, x1, y1] = countryLabelBox(String(c.properties.name), String(c.properties.name_ar ?? ''), c.at, z);
          if (x0 < map.left || y0 < map.top || x1 > map.right || y1 > map.bottom)
            problems.push(`${id}: ${String(c.properties.name)} cut by the edge (${[x0, y0, x1, y1].map(Math.round).join(', ')})`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
}
