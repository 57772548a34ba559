// The story never leaves a reader with a blank page: its text is in the built HTML (no
// JavaScript, print), and when the map engine cannot run every step still shows its map, as a
// static SVG framed like the live one.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameCamera } from '../../src/geo/camera.ts';
import { planMorph, snapshot } from '../../src/geo/morph-plan.ts';
import { expand } from '../../src/geo/morph-space.ts';
import { Morpher } from '../../src/map/front/morpher.ts';
import { plainText } from '../../src/story/markup.ts';
import { connect } from './browser.ts';
import { launch, PHONE, SUITE_FLAGS } from './chromium.ts';
import { serveDir, type StaticServer } from './server.ts';
import { data, firstMove, ids, mapStatus, scrollToStep, settledOn, story } from './steps.ts';

let server: StaticServer;
let shared: Browser | undefined;
let withoutWebgl: Promise<Browser> | undefined;
beforeAll(async () => {
  [server, shared] = await Promise.all([serveDir('dist'), connect()]);
});
afterAll(async () => {
  await Promise.all([shared?.close(), withoutWebgl?.then((b) => b.close())]);
  await server?.close();
});
/** The suite's browser; without WebGL, one of this file's own (launch flags are the browser's), started once. */
const chromium = async ({ webgl = true } = {}): Promise<Browser> =>
  webgl ? shared! : (withoutWebgl ??= launch([...SUITE_FLAGS, '--disable-webgl', '--disable-3d-apis']));
const phone = (b: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> =>
  b.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, ...options });

// The page draws a word with a no-break hyphen (U+2011 in the story) whole, with a plain hyphen.
const normalise = (s: string) =>
  s
    .replace(/\u2011/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

describe('the text without the map', () => {
  it('is all in the built page, readable with JavaScript off', async () => {
    const context = await phone(await chromium(), { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    const text = normalise(await page.locator('body').innerText());
    expect(text).toContain(story.meta.title);
    expect(text).toContain(normalise(story.meta.dek));
    for (const step of story.steps) {
      for (const block of step.caption) expect(text).toContain(normalise(plainText([block])));
      expect(await page.locator(`#${step.id}`).isVisible()).toBe(true);
    }
    for (const source of story.meta.sources) expect(text).toContain(normalise(source.title));
    // An article, not cards over an empty map.
    expect(await page.locator('.graphic').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: '.cache/shots/nojs-phone.png', fullPage: true });
    await context.close();
  });

  it('prints as an article', async () => {
    const context = await phone(await chromium());
    const page = await context.newPage();
    await page.goto(server.url);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.graphic').isVisible()).toBe(false);
    expect(await page.locator('.stepper').isVisible()).toBe(false);
    const tops = await page.evaluate((sids) => sids.map((id) => document.getElementById(id)!.getBoundingClientRect().top), ids);
    // one after the other, with no screen-high gaps between them
    for (let i = 1; i < tops.length; i++) expect(tops[i]! - tops[i - 1]!).toBeLessThan(PHONE.height * 0.9);
    await context.close();
  });
});

/** Every step shows its static map: the step's layers and rings, framed by the step's camera. */
async function everyStepHasItsMap(page: Page) {
  for (const [i, id] of ids.entries()) {
    await scrollToStep(page, id);
    await settledOn(page, id);
    const view = story.views[i]!;
    const drawn = await page.evaluate(() => {
      const svg = document.querySelector('.static-map svg');
      return {
        svg: svg !== null && svg.getBoundingClientRect().width > 0,
        shown: window.__story!.layers(),
        groups: [...new Set([...document.querySelectorAll('.static-map [data-layer]')].map((g) => g.getAttribute('data-layer')))],
        rings: [...document.querySelectorAll('.static-map [data-highlight]')].map((c) => c.getAttribute('data-highlight')),
        camera: window.__story!.camera(),
      };
    });
    expect(drawn.svg, `a map at ${id}`).toBe(true);
    expect(drawn.shown.sort(), `layers at ${id}`).toEqual([...view.layers].sort());
    // Every shown layer with something to draw is drawn. Names, and places (a marker goes with its
    // name), may give way to others or to the frame's edge, as on the live map; the ringed places
    // are always drawn (the rings below).
    const kind = (l: string) => story.layers.find((x) => x.id === l)!.kind;
    const drawable = view.layers.filter(
      (l) =>
        kind(l) !== 'label' &&
        kind(l) !== 'places' &&
        data[l] &&
        (kind(l) === 'front' ? snapshot(data[l], view.front) : data[l]).features.length > 0,
    );
    expect(drawn.groups, `drawn at ${id}`).toEqual(expect.arrayContaining(drawable));
    expect(view.layers, `drawn at ${id}`).toEqual(expect.arrayContaining(drawn.groups));
    expect(drawn.rings.sort(), `rings at ${id}`).toEqual([...view.highlight].sort());
    expect(sameCamera(drawn.camera!, view.camera)).toBe(true);
  }
}

describe('a missing file', () => {
  it('costs its layer, not the map: no label fonts and no story data still give the live basemap', async () => {
    const context = await phone(await chromium());
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route(/\.woff2$|story-data[^/]*\.js$/, (route) => route.abort());
    await page.goto(server.url);
    await firstMove(page);
    await mapStatus(page, 'ready');
    await settledOn(page, ids[0]!);
    expect(await page.evaluate(() => window.__story!.layers())).toEqual(story.views[0]!.layers);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The reader moves, and the engine tries and fails: resolves when the page says static maps stand in. */
async function engineFails(page: Page) {
  const said = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('Static maps stand in'), timeout: 40_000 });
  await mapStatus(page, 'static');
  await firstMove(page);
  await said;
}

describe('static maps when the map engine cannot run', () => {
  it('without WebGL', { timeout: 180_000 }, async () => {
    const context = await phone(await chromium({ webgl: false }));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await engineFails(page);
    // Standing in for the engine, the static maps shade the relief it would have shown.
    await page.waitForSelector('.static-map image[data-relief]', { state: 'attached' });
    await everyStepHasItsMap(page);
    await page.screenshot({ path: '.cache/shots/static-phone.png' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when the engine’s chunk fails to load', { timeout: 180_000 }, async () => {
    const context = await phone(await chromium());
    const page = await context.newPage();
    await page.route(/\/assets\/maplibre-[^/]*\.js$/, (route) => route.abort());
    await page.goto(server.url);
    await engineFails(page);
    expect(await page.evaluate(() => window.__story!.mapStatus)).toBe('static');
    await everyStepHasItsMap(page);
    // The explore scrubber's day is drawn too: the fronts between two snapshots, as the engine would.
    await page.evaluate(() => (location.hash = '#explore/2015-05-15'));
    await page.waitForFunction(() => window.__story?.date === '2015-05-15' && !window.__story.moving);
    const morpher = new Morpher(expand(data.front!, planMorph(data.front!)), data.front!);
    const drawn = await page.evaluate(() => window.__story!.layerData('front')!);
    expect(drawn.features.map((f) => f.geometry)).toEqual(structuredClone(morpher.onDay('2015-05-15')).features.map((f) => f.geometry));
    await context.close();
  });

  it('when the engine’s worker is blocked (the map never draws)', async () => {
    const context = await phone(await chromium());
    const page = await context.newPage();
    const blocked = new Promise<void>((resolve) => {
      void page.route(/maplibre-gl-worker[^/]*\.mjs$/, (route) => {
        resolve();
        return route.abort();
      });
    });
    await page.goto(server.url);
    await firstMove(page);
    await blocked;
    await scrollToStep(page, ids[1]!);
    await settledOn(page, ids[1]!);
    expect(await page.locator('.static-map svg [data-highlight]').count()).toBe(story.views[1]!.highlight.length);
    await context.close();
  });

  it('while the engine is slow to arrive, then hands over to it', async () => {
    const context = await phone(await chromium());
    const page = await context.newPage();
    // The engine's chunk is held until the reader's move has asked for it (no fixed delay): while it
    // is on its way the static map stands in; then it arrives and the engine takes over.
    let asked!: () => void;
    let arrive!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    const released = new Promise<void>((resolve) => (arrive = resolve));
    await page.route(/\/assets\/maplibre-[^/]*\.js$/, async (route) => {
      asked();
      await released;
      await route.continue().catch(() => {
        /* the page has gone */
      });
    });
    await page.goto(server.url);
    await mapStatus(page, 'static');
    await firstMove(page);
    await requested;
    expect(await page.evaluate(() => window.__story!.mapStatus)).toBe('static');
    arrive();
    await mapStatus(page, 'ready', 40_000);
    expect(await page.locator('.static-map').count()).toBe(0);
    await scrollToStep(page, ids[1]!);
    await settledOn(page, ids[1]!);
    expect(sameCamera((await page.evaluate(() => window.__story!.camera()))!, story.views[1]!.camera)).toBe(true);
    await context.close();
  });

  it('when the WebGL context is lost', async () => {
    const context = await phone(await chromium());
    const page = await context.newPage();
    await page.goto(server.url);
    await firstMove(page);
    await mapStatus(page, 'ready');
    await page.evaluate(() => document.querySelector('canvas')!.getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext());
    await mapStatus(page, 'static');
    expect(await page.locator('.static-map svg').count()).toBe(1);
    expect(await page.locator('canvas').count()).toBe(0);
    await context.close();
  });

  it('frames each place where the live map draws it', async () => {
    const places = data[story.layers.find((l) => l.kind === 'places')!.id]!.features;
    const where = async (page: Page, id: string) => {
      await scrollToStep(page, id);
      await settledOn(page, id);
      return page.evaluate(
        (ps) => ps.map(([pid, lngLat]) => [pid, window.__story!.project(lngLat)] as const),
        places.map((f) => [f.properties!.id as string, (f.geometry as GeoJSON.Point).coordinates as [number, number]] as const),
      );
    };
    const live = await (await phone(await chromium())).newPage();
    const flat = await (await phone(await chromium({ webgl: false }))).newPage();
    await Promise.all([live.goto(server.url), flat.goto(server.url)]);
    await firstMove(live);
    await Promise.all([mapStatus(live, 'ready'), mapStatus(flat, 'static')]);
    for (const id of [ids[0]!, ids[2]!]) {
      const [a, b] = [await where(live, id), await where(flat, id)];
      for (const [[pid, p], [, q]] of a.map((x, i) => [x, b[i]!] as const)) {
        expect(Math.hypot(p![0] - q![0], p![1] - q![1]), `${pid} at ${id}`).toBeLessThan(1.5);
      }
      // and the SVG draws each place's marker there (a place whose name found no room is not drawn)
      const dots = await flat.evaluate(() =>
        [...document.querySelectorAll('.static-map [data-place], .static-map [data-highlight]')].map((g) => {
          const r = g.querySelector('circle')!.getBoundingClientRect();
          return [g.getAttribute('data-place') ?? g.getAttribute('data-highlight'), r.left + r.width / 2, r.top + r.height / 2] as const;
        }),
      );
      expect(dots.length).toBeGreaterThan(0);
      for (const [pid, x, y] of dots) {
        const p = b.find(([id]) => id === pid)![1]!;
        expect(Math.hypot(x - p[0], y - p[1]), `${pid} drawn at ${id}`).toBeLessThan(1);
      }
    }
  });
});
