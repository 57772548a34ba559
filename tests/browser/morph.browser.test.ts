// Front lines morph in real Chromium, built from the morph fixture story: each step settles on
// exactly its snapshot, however fast or backwards the reader scrolls, and reduced motion cuts.
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Browser, Page } from 'playwright-core';
import type { InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../../src/geo/morph-plan.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { storyPlugin } from '../../src/story/vite-plugin.ts';
import { reliefPlugin } from '../../src/relief/vite-plugin.ts';
import { connect } from './browser.ts';
import { buildSite } from './build.ts';
import { DESKTOP } from './chromium.ts';
import { scrollToStep } from './reading.ts';
import { serveDir, type StaticServer } from './server.ts';

const SCRIPT = join(import.meta.dirname, '..', 'fixtures', 'morph', 'story.yaml');
const OUT = '.cache/dist-morph';
const { story, data } = loadStoryFile(SCRIPT);
if (!story) throw new Error('the morph fixture does not load');
const fronts = data.fronts!;
/** the snapshot each step shows, as the source must hold it once settled */
const expected = (id: string) => snapshot(fronts, story.views[story.steps.findIndex((s) => s.id === id)]!.front);

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  // A production build, as readers get it (buildSite), of the fixture's story alone.
  const config: InlineConfig = {
    configFile: false,
    base: './',
    cacheDir: '.cache/vite-morph',
    plugins: [svelte(), storyPlugin({ script: SCRIPT }), reliefPlugin()],
    build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  };
  await buildSite(OUT, {}, { config });
  [browser, server] = await Promise.all([connect(), serveDir(OUT)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until step `id` is active and nothing moves, then returns what the front source holds. */
async function settled(page: Page, id: string): Promise<GeoJSON.FeatureCollection> {
  await page.waitForFunction((sid) => window.__story?.step === sid && window.__story.mapStatus === 'ready' && !window.__story.moving, id, {
    timeout: 20_000,
  });
  return page.evaluate(() => window.__story!.front()!.data.fronts!);
}

/**
 * Records, on every animation frame, whether a morph ran and each distinct front data seen. The
 * first record is taken at once, before the caller moves on: a loop that only began on the next
 * frame missed the state before the morph, and on a slow frame its first frames too.
 */
const watch = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __seen: { morphing: boolean; frames: number[] } };
    w.__seen = { morphing: false, frames: [] };
    const loop = () => {
      const f = window.__story?.front();
      if (f) {
        w.__seen.morphing ||= f.morphing;
        if (w.__seen.frames.at(-1) !== f.frames) w.__seen.frames.push(f.frames);
      }
      requestAnimationFrame(loop);
    };
    loop();
  });
const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: { morphing: boolean; frames: number[] } }).__seen);

async function open(reducedMotion: 'reduce' | 'no-preference'): Promise<Page> {
  const page = await browser.newPage({ viewport: DESKTOP });
  await page.emulateMedia({ reducedMotion });
  // Morphs at twice the speed (motion/scale.ts): the same frames' path, in half the time.
  await page.addInitScript(() => Object.assign(window, { __storyMotionScale: 0.5 }));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url);
  // This fixture build has no prerendered text: the steps exist once the story has mounted.
  await page.waitForSelector('#may-7');
  await scrollToStep(page, 'may-7');
  expect(await settled(page, 'may-7')).toEqual(expected('may-7'));
  expect(errors).toEqual([]);
  return page;
}

describe('front lines that morph', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('no-preference');
  });
  afterAll(() => page?.close());

  it('morphs into the next snapshot, frame by frame, and settles on exactly its data', async () => {
    await watch(page);
    await scrollToStep(page, 'may-12');
    await page.waitForFunction(() => window.__story!.front()!.morphing && window.__story!.moving, null, { timeout: 10_000 });
    // mid-morph: the last snapshot's ghost shows, fading
    await page.waitForFunction(() => window.__story!.front()!.ghost > 0, null, { timeout: 10_000 });
    expect(await settled(page, 'may-12')).toEqual(expected('may-12'));
    const { morphing, frames } = await seen(page);
    expect(morphing).toBe(true);
    expect(frames.length).toBeGreaterThan(3);
    expect(await page.evaluate(() => window.__story!.front()!.snapshot)).toBe('2015-05-12');
    expect(await page.evaluate(() => window.__story!.front()!.ghost)).toBe(0);
  });

  it('lands on the second snapshot when the reader scrolls on mid-morph', async () => {
    await scrollToStep(page, 'may-7');
    await settled(page, 'may-7');
    await scrollToStep(page, 'may-12');
    await page.waitForFunction(() => window.__story!.front()!.morphing, null, { timeout: 10_000 });
    // the abandoned morph started by now: it would have run its course by `end`
    const end =
      (await page.evaluate(() => performance.now())) + story.views[story.steps.findIndex((s) => s.id === 'may-12')]!.morph.duration;
    await scrollToStep(page, 'may-20');
    expect(await settled(page, 'may-20')).toEqual(expected('may-20'));
    // and stays there: no late frame of the abandoned morph arrives, up to the frame after its end
    const frames = await page.evaluate(() => window.__story!.front()!.frames);
    await page.evaluate(
      (until) =>
        new Promise<void>((done) => {
          const next = (t: number) => requestAnimationFrame(t > until ? () => done() : next);
          requestAnimationFrame(next);
        }),
      end,
    );
    expect(await page.evaluate(() => window.__story!.front()!.frames)).toBe(frames);
    expect(await page.evaluate(() => window.__story!.front()!.data.fronts)).toEqual(expected('may-20'));
  });

  it('restores the earlier snapshot when the reader scrolls back up', async () => {
    await scrollToStep(page, 'june-1');
    expect(await settled(page, 'june-1')).toEqual(expected('june-1'));
    await scrollToStep(page, 'may-12');
    expect(await settled(page, 'may-12')).toEqual(expected('may-12'));
  });

  it("counts each side's km² in the legend, landing on the step's figures", async () => {
    await scrollToStep(page, 'may-20');
    await settled(page, 'may-20');
    const want = story.areas.fronts!['2015-05-20']!;
    await page.waitForFunction(
      (gov) => [...document.querySelectorAll('.legend .km2')].some((el) => el.textContent === Math.round(gov).toLocaleString('en-GB')),
      want.government!,
      { timeout: 10_000 },
    );
    await expect(page.locator('.legend').textContent()).resolves.toContain('our reconstruction, not official figures');
  });
});

describe('front lines under reduced motion', () => {
  it('cut to each snapshot without a frame in between', async () => {
    const page = await open('reduce');
    await watch(page);
    const before = await page.evaluate(() => window.__story!.front()!.frames);
    await scrollToStep(page, 'may-12');
    expect(await settled(page, 'may-12')).toEqual(expected('may-12'));
    await scrollToStep(page, 'may-20');
    expect(await settled(page, 'may-20')).toEqual(expected('may-20'));
    const { morphing, frames } = await seen(page);
    expect(morphing).toBe(false);
    // one setData per step change, nothing in between
    expect(frames.filter((n) => n > before)).toEqual([before + 1, before + 2]);
    await page.close();
  });
});
