// A file that fails or never answers costs only what depends on it: the text always reads, and
// the map says the truth (window.__story.mapStatus, dataStatus). Each test breaks one of the
// chunks the map loads after the reader's first move, by its name in dist/assets.
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE } from './chromium.ts';
import { builtSite } from './site.ts';
import { firstMove, ids, mapStatus, story } from './steps.ts';

const site = builtSite();

const GSAP = /\/assets\/gsap-[^/]*\.js$/;
const LABELS = /\/assets\/labels-[^/]*\.js$/;
const DATA = /\/assets\/_virtual_story-data-[^/]*\.js$/;

const abort = (route: Route) => route.abort();
/** Never answers: the page's own patience ends the wait. */
const hang = () => {};

/** A phone reader whose page meets `faults`; resolves once the engine has come up (or given up) after the first move. */
async function read(faults: [RegExp, (route: Route) => unknown][], { patienceMs }: { patienceMs?: number } = {}) {
  const context = await site.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  // A hanging file waits out the page's patience: a short one here (engine.ts loadPatience), not the readers' 12 s.
  if (patienceMs) await context.addInitScript((ms) => Object.assign(window, { __storyLoadPatienceMs: ms }), patienceMs);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  for (const [url, handler] of faults) await page.route(url, handler);
  await page.goto(site.url);
  await firstMove(page);
  await mapStatus(page, 'ready', 40_000);
  return { page, errors, close: () => context.close() };
}

/** The first card is on screen with its text. */
async function cardReads(page: Page) {
  const card = page.locator(`#${ids[0]} .caption`);
  expect(await card.isVisible()).toBe(true);
  expect((await card.innerText()).length).toBeGreaterThan(40);
}

const handle = (page: Page) =>
  page.evaluate(() => ({
    mapStatus: window.__story!.mapStatus,
    dataStatus: window.__story!.dataStatus,
    engine: window.__story!.mapEngine,
    notice: document.querySelector('.notice')?.textContent?.trim() ?? '',
    countryNames: (window.__story!.labels()?.labels ?? []).filter((l) => l.layer.startsWith('label-country')).length,
  }));

describe('a chunk that fails or hangs costs only what depends on it', () => {
  it('GSAP failing: the engine still starts, and front lines cut instead of morphing', async () => {
    const { page, errors, close } = await read([[GSAP, abort]]);
    expect(await handle(page)).toMatchObject({ mapStatus: 'ready', dataStatus: 'ready', engine: 'maplibre', notice: '' });
    // The next step with a front line morphs on a working page; here it lands in one frame.
    const next = story.views.findIndex((v, i) => i > 0 && v.front && v.front !== story.views[i - 1]!.front && v.morph.duration > 0);
    await page.evaluate((id) => (location.hash = id), ids[next]!);
    await page.waitForFunction((id) => window.__story?.step === id && window.__story.front()?.snapshot !== null, ids[next]!);
    const front = await page.evaluate(() => window.__story!.front()!);
    expect(front).toMatchObject({ morphing: false, snapshot: story.views[next]!.front });
    await cardReads(page);
    expect(errors).toEqual([]);
    await close();
  });

  it('the basemap names failing: the map is ready without them', async () => {
    const { page, errors, close } = await read([[LABELS, abort]]);
    await page.waitForFunction(() => window.__story?.labels()?.settled, null, { timeout: 20_000 });
    expect(await handle(page)).toMatchObject({ mapStatus: 'ready', dataStatus: 'ready', engine: 'maplibre', countryNames: 0 });
    expect(await page.evaluate(() => window.__story!.layers())).toEqual(story.views[0]!.layers);
    await cardReads(page);
    expect(errors).toEqual([]);
    await close();
  });

  it('the story data failing: the basemap shows, and a polite notice says the shapes are missing', async () => {
    const { page, errors, close } = await read([[DATA, abort]]);
    await page.waitForFunction(() => window.__story?.dataStatus === 'failed');
    const state = await handle(page);
    expect(state).toMatchObject({ mapStatus: 'ready', dataStatus: 'failed', engine: 'maplibre' });
    expect(state.notice).toMatch(/could not be loaded/);
    expect(await page.locator('.notice[role="status"]').isVisible()).toBe(true);
    const places = story.layers.find((l) => l.kind === 'places')!.id;
    expect((await page.evaluate((id) => window.__story!.layerData(id), places))?.features).toEqual([]);
    await cardReads(page);
    expect(errors).toEqual([]);
    await close();
  });

  it('the story data and the names never answering: the same honest state, once the page stops waiting', async () => {
    const { page, errors, close } = await read(
      [
        [DATA, hang],
        [LABELS, hang],
      ],
      { patienceMs: 1500 },
    );
    const state = await handle(page);
    expect(state).toMatchObject({ mapStatus: 'ready', dataStatus: 'failed', engine: 'maplibre', countryNames: 0 });
    expect(state.notice).toMatch(/could not be loaded/);
    await cardReads(page);
    expect(errors).toEqual([]);
    await close();
  });
});
