// A build with a Mapbox token: mapbox-gl keeps the same map contract as the offline engine, with
// satellite imagery and terrain, and when Mapbox fails the story falls back to the offline
// engine on the reader's step. Mapbox's services are answered in the page (mapbox-fake.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build.ts';
import { connect } from './browser.ts';
import { PHONE } from './chromium.ts';
import { expectStep, ids, mapContract, scrollToStep, settled } from './contract.ts';
import { firstMove } from './reading.ts';
import { FAKE_TOKEN, fakeMapbox, MAPBOX_HOSTS, type Answers } from './mapbox-fake.ts';
import { serveDir, type StaticServer } from './server.ts';

const OUT = '.cache/dist-mapbox';
let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  await buildSite(OUT, { VITE_MAPBOX_TOKEN: FAKE_TOKEN });
  [browser, server] = await Promise.all([connect(), serveDir(OUT)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const site = { browser: () => browser, url: () => server.url, hosts: MAPBOX_HOSTS, cuts: true };

// On a phone: the desktop's framing is the same code on either engine, and the offline engine's
// contract runs on both; terrain in software rendering at desktop size would double the suite's length.
// Every step is walked on maplibre (framing.browser.test.ts); on Mapbox, each kind of thing drawn.
mapContract({ ...site, engine: 'mapbox', prepare: (page) => fakeMapbox(page), viewports: ['phone'], walk: 'cover' });

// A refused token: the browser logs the 401 response itself; the page adds nothing alarming.
mapContract({
  ...site,
  engine: 'maplibre',
  label: 'fallback to maplibre after a 401 from Mapbox',
  prepare: (page) => fakeMapbox(page, { style: 401 }),
  expectedErrors: /status of 401/,
  viewports: ['phone'],
  // the offline engine's walk through every step: framing.browser.test.ts
  walk: false,
});

/** A phone page on the token build, with Mapbox answering as `answers` says. */
async function open(answers: Answers, hash = '') {
  const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  // What Mapbox never sends is waited for 2 s here, not the readers' 8 (engine.ts loadPatience).
  await page.addInitScript(() => Object.assign(window, { __storyLoadPatienceMs: 2000 }));
  const requested: string[] = [];
  const warnings: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const fake = await fakeMapbox(page, answers);
  await page.goto(server.url + hash);
  await firstMove(page);
  return { page, requested, warnings, fake };
}

const engineOnceReady = (page: Page, timeout = 20_000) =>
  page
    // Static maps may stand in while an engine is slow (src/map/start.ts): wait for the engine.
    .waitForFunction(() => window.__story?.mapStatus === 'ready' || window.__story?.mapStatus === 'failed', null, { timeout })
    .then(() => page.evaluate(() => [window.__story!.mapStatus, window.__story!.mapEngine]));

describe('mapbox engine', () => {
  it('draws satellite imagery with terrain, shows the Mapbox logo and attribution, and never fetches maplibre', async () => {
    const { page, requested, fake } = await open({});
    expect(await engineOnceReady(page)).toEqual(['ready', 'mapbox']);
    expect(fake.requests).toContain('https://api.mapbox.com/styles/v1/mapbox/satellite-v9');
    expect(fake.requests.some((u) => u.includes('/v4/mapbox.satellite/'))).toBe(true);
    expect(fake.requests.some((u) => u.includes('/v4/mapbox.mapbox-terrain-dem-v1/'))).toBe(true);
    await expect(page.locator('.mapboxgl-ctrl-logo').isVisible()).resolves.toBe(true);
    expect(await page.locator('.mapboxgl-ctrl-attrib').textContent()).toContain('© Mapbox');
    expect(requested.filter((u) => /maplibre/.test(u))).toEqual([]);
    await page.close();
  });

  it('draws the Arabic edition too, shaping its names with the right-to-left plugin the site ships', async () => {
    const { page, requested } = await open({}, 'ar/#three-axes');
    expect(await engineOnceReady(page)).toEqual(['ready', 'mapbox']);
    await settled(page, 'three-axes');
    // Fetched when the first Arabic name is laid out (by the engine's workers), from the site itself (no CDN).
    const plugin = () => requested.filter((u) => u.includes('mapbox-gl-rtl-text'));
    await expect.poll(() => plugin().length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(plugin().every((u) => u.startsWith(new URL(server.url).origin))).toBe(true);
    await page.close();
  });

  it('opens the evidence of the area a reader taps', async () => {
    const { page } = await open({}, '#assal-al-ward-hills');
    expect(await engineOnceReady(page)).toEqual(['ready', 'mapbox']);
    await settled(page, 'assal-al-ward-hills');
    const at = (await page.evaluate(() => window.__story!.project([36.47, 34.02])))!;
    await page.touchscreen.tap(at[0], at[1]);
    const panel = page.getByRole('dialog', { name: /based on/ }).filter({ hasNotText: 'Loading' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Army of Conquest (Nusra-led rebels)');
    await page.close();
  });

  it('falls back within seconds when the network to Mapbox is blocked', async () => {
    const { page, warnings } = await open({ style: 'abort' });
    const started = Date.now();
    expect(await engineOnceReady(page)).toEqual(['ready', 'maplibre']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(warnings.some((w) => w.startsWith('Mapbox is unavailable'))).toBe(true);
    await page.close();
  });

  it('goes on with Mapbox when only some imagery is slow, and follows the steps', async () => {
    const { page } = await open({ imagery: 'hang' });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await engineOnceReady(page, 30_000)).toEqual(['ready', 'mapbox']);
    await scrollToStep(page, ids[1]!);
    expectStep(await settled(page, ids[1]!), 1, 'mapbox');
    await page.close();
  });

  it('falls back when Mapbox sends no style, on the step the reader has reached meanwhile', async () => {
    const { page, warnings } = await open({ style: 'hang' });
    await page.waitForFunction(() => window.__story?.step === window.__story?.steps[0], null, { timeout: 10_000 });
    await scrollToStep(page, ids[2]!);
    expect(await engineOnceReady(page, 30_000)).toEqual(['ready', 'maplibre']);
    expectStep(await settled(page, ids[2]!), 2, 'maplibre');
    expect(warnings.some((w) => w.startsWith('Mapbox is unavailable'))).toBe(true);
    await page.close();
  });
});
