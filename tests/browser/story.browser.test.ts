// What a reader sees on the default build (no Mapbox token): the offline maplibre engine keeps
// the map contract, and mapbox-gl is neither built nor fetched.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { mapContract } from './contract.ts';
import { story } from './steps.ts';
import { sameCamera } from '../../src/geo/camera.ts';
import { PHONE } from './chromium.ts';
import { firstMove } from './reading.ts';
import { builtSite } from './site.ts';
import { PNG } from 'pngjs';
import { HIGHLIGHT } from '../../src/palette/palette.ts';

const site = builtSite();

// Real flights on a phone (with the mid-flight interruption); cuts only on a desktop, whose end states are the same.
// Every step with cuts, on both screens: framing.browser.test.ts walks them with the same checks.
mapContract({ engine: 'maplibre', browser: () => site.browser, url: () => site.url, viewports: ['phone'], walk: false });
mapContract({ engine: 'maplibre', browser: () => site.browser, url: () => site.url, viewports: ['desktop'], cuts: true, walk: false });

it('without a token, builds no mapbox-gl chunk and requests none', async () => {
  const scripts = readdirSync('dist/assets').filter((f) => /\.(m?js|css)$/.test(f));
  // mapbox-gl's code names its API host; maplibre's does not.
  expect(scripts.filter((f) => /mapbox/i.test(f) || readFileSync(`dist/assets/${f}`, 'utf8').includes('api.mapbox.com'))).toEqual([]);

  const page = await site.browser.newPage({ viewport: PHONE });
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(site.url);
  await firstMove(page);
  await page.waitForFunction(() => window.__story?.mapStatus === 'ready', null, { timeout: 20_000 });
  expect(requested.some((u) => /maplibre/.test(u))).toBe(true);
  expect(requested.filter((u) => /mapbox/i.test(u))).toEqual([]);
  await page.close();
});

it('shows the first step’s static map at once, fetches the engine ahead at idle and runs it only when the reader first moves', async () => {
  const page = await site.browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  const requested: string[] = [];
  const ahead: string[] = [];
  page.on('request', (r) => (r.resourceType() === 'other' ? ahead : requested).push(r.url()));
  await page.goto(site.url);
  await page.waitForFunction(() => window.__story?.mapStatus === 'static', null, { timeout: 10_000 });
  await page.waitForLoadState('networkidle');
  expect(await page.locator('.static-map svg').count()).toBe(1);
  expect(await page.evaluate(() => window.__story!.layers())).toEqual(story.views[0]!.layers);
  // Fetched into the cache (reader/prefetch.ts), not run: no script of the engine's was loaded.
  const named = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel=prefetch]')].map((l) => l.href));
  expect(named.filter((u) => /maplibre-gl-worker|maplibre-[\w-]+\.js$/.test(u))).toHaveLength(2);
  expect(ahead.toSorted()).toEqual(named.toSorted());
  expect(requested.filter((u) => /maplibre/.test(u))).toEqual([]);
  expect(await page.locator('canvas').count()).toBe(0);

  await page.evaluate(() => window.scrollBy(0, 120));
  await page.waitForFunction(() => window.__story?.mapStatus === 'ready' && !window.__story.moving, null, { timeout: 20_000 });
  expect(requested.some((u) => /maplibre/.test(u))).toBe(true);
  expect(await page.locator('.static-map').count()).toBe(0);
  expect(await page.evaluate(() => window.__story!.step)).toBe(story.steps[0]!.id);
  expect(sameCamera((await page.evaluate(() => window.__story!.camera()))!, story.views[0]!.camera)).toBe(true);

  // The engine draws each ringed place's orange ring (markers are images the story adds to the map).
  await page.waitForFunction(() => window.__story!.labels()?.settled, null, { timeout: 10_000 });
  const rings = await page.evaluate(() => window.__story!.highlights());
  expect(rings.map((r) => r.id).toSorted()).toEqual([...story.views[0]!.highlight].sort());
  for (const { x, y } of rings) {
    const shot = PNG.sync.read(await page.screenshot({ clip: { x: x - 16, y: y - 16, width: 32, height: 32 } }));
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(HIGHLIGHT.color.slice(i, i + 2), 16));
    let orange = 0;
    for (let i = 0; i < shot.data.length; i += 4)
      if (Math.abs(shot.data[i]! - r!) + Math.abs(shot.data[i + 1]! - g!) + Math.abs(shot.data[i + 2]! - b!) < 40) orange++;
    expect(orange).toBeGreaterThan(40);
  }
  await page.close();
});
