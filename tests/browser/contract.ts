// The contract every map engine keeps, checked in real Chromium on a built site: each step lands
// on its exact state (camera, visible layers, front-line snapshot) whichever way the reader gets
// there, with the engine expected, talking to no host but the page's own and its provider's.
import { firstMove, scrollToStep, settle } from './reading.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapEngine } from '../../src/map/engine/adapter.ts';
import { sameCamera } from '../../src/geo/camera.ts';
import { snapshot } from '../../src/geo/morph-plan.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import type { Camera } from '../../src/story/schema.ts';
import { STORY_SCRIPT } from '../../story.config.ts';
import { DESKTOP, PHONE } from './chromium.ts';

const { story, data } = loadStoryFile(STORY_SCRIPT);
if (!story) throw new Error('the story script does not load; run npm run check');
export { story };
export const ids = story.steps.map((s) => s.id);
const fronts = story.layers.filter((l) => l.kind === 'front').map((l) => l.id);
/** The steps that first show each layer and each front snapshot, and the last step (walk: 'cover'). */
export const covering = new Set(
  story.views.flatMap((v, i) => {
    const before = story.views.slice(0, i);
    const fresh = v.layers.some((l) => !before.some((b) => b.layers.includes(l))) || (v.front && !before.some((b) => b.front === v.front));
    return fresh || i === ids.length - 1 ? [i] : [];
  }),
);

export interface Site {
  /** the engine that must draw the map */
  engine: MapEngine;
  /** what the describe blocks call this setting; the engine's name by default */
  label?: string;
  browser(): Browser;
  /** the story's URL */
  url(): string;
  /** run on each new page before it loads, e.g. to answer the provider's requests */
  prepare?(page: Page): Promise<unknown>;
  /** hosts other than the page's own it may talk to: its map provider's */
  hosts?: readonly string[];
  /** console errors expected in this setting (the browser's own network log of a refused request) */
  expectedErrors?: RegExp;
  viewports?: readonly ('phone' | 'desktop')[];
  /**
   * Cuts instead of flights (reduced motion) on this page: the end states are the same and the
   * suite stays short. Without it every step is still walked with cuts, then the first chapter
   * with real flights, and a flight is interrupted; with it those two tests are not registered
   * (not reported as skipped: they do not apply).
   */
  cuts?: boolean;
  /**
   * false: the walk through every step with cuts is left to another file that walks the same
   * engine on the same screens (framing.browser.test.ts checks each step there with expectStep).
   * 'cover': only the steps that first show each layer and each front snapshot, and the last: every
   * kind of thing the engine draws, for an engine whose every-step walk is another file's.
   */
  walk?: boolean | 'cover';
}

interface Observed {
  step: string | null;
  engine: MapEngine | null;
  camera: Camera | null;
  layers: string[];
  /** per front layer, the snapshot date of each polygon the engine holds */
  fronts: Record<string, unknown[] | null>;
  dataStep: string | undefined;
}

/** Waits until the map has settled on step `id`, then reads what the page shows. */
export async function settled(page: Page, id: string): Promise<Observed> {
  await settle(page, id);
  return page.evaluate(
    (frontIds) => ({
      step: window.__story!.step,
      engine: window.__story!.mapEngine,
      camera: window.__story!.camera(),
      layers: window.__story!.layers(),
      fronts: Object.fromEntries(
        frontIds.map((f) => [f, window.__story!.layerData(f)?.features.map((x) => x.properties?.snapshot) ?? null]),
      ),
      dataStep: document.documentElement.dataset.step,
    }),
    fronts,
  );
}

/** `view`: what the map shows, when not the step's own (past the last step, the exploration's). */
export function expectStep(observed: Observed, index: number, engine: MapEngine, view = story!.views[index]!) {
  expect(observed.step).toBe(ids[index]);
  expect(observed.dataStep).toBe(ids[index]);
  expect(observed.engine).toBe(engine);
  expect([...observed.layers].sort()).toEqual([...view.layers].sort());
  expect(observed.camera, `camera at ${ids[index]}: ${JSON.stringify(observed.camera)} vs ${JSON.stringify(view.camera)}`).not.toBeNull();
  expect(
    sameCamera(observed.camera!, view.camera),
    `camera at ${ids[index]}: ${JSON.stringify(observed.camera)} vs ${JSON.stringify(view.camera)}`,
  ).toBe(true);
  for (const f of fronts)
    expect(observed.fronts[f], `front ${f} at ${ids[index]}`).toEqual(
      snapshot(data[f]!, view.front).features.map((x) => x.properties?.snapshot),
    );
}

export { scrollToStep };

const VIEWPORTS = { phone: PHONE, desktop: DESKTOP } as const;

/** Registers the contract's tests for `site`, once per viewport. */
export function mapContract(site: Site) {
  for (const name of site.viewports ?? (['phone', 'desktop'] as const)) {
    const viewport = VIEWPORTS[name];
    describe(`${site.label ?? site.engine} on a ${name} (${viewport.width}×${viewport.height})`, () => {
      let page: Page;
      const foreign: string[] = [];
      const consoleErrors: string[] = [];

      beforeAll(async () => {
        page = await site.browser().newPage({ viewport, isMobile: name === 'phone', hasTouch: name === 'phone' });
        const origin = new URL(site.url()).origin;
        page.on('request', (r) => {
          const url = new URL(r.url());
          if (url.origin !== origin && !['data:', 'blob:'].includes(url.protocol) && !site.hosts?.includes(url.hostname))
            foreign.push(r.url());
        });
        page.on('console', (m) => m.type() === 'error' && !site.expectedErrors?.test(m.text()) && consoleErrors.push(m.text()));
        page.on('pageerror', (e) => consoleErrors.push(String(e)));
        await site.prepare?.(page);
        if (site.cuts) await page.emulateMedia({ reducedMotion: 'reduce' });
        // Real flights and morphs, at twice the speed: the same moves (motion/scale.ts) in half the time.
        else await page.addInitScript(() => Object.assign(window, { __storyMotionScale: 0.5 }));
        await page.goto(site.url());
        await firstMove(page);
      });
      afterAll(() => page?.close());

      it('shows the title, and exposes every step in window.__story', async () => {
        await expect(page.locator('h1').textContent()).resolves.toBe(story!.meta.title);
        expect(await page.evaluate(() => window.__story?.steps)).toEqual(ids);
      });

      if (site.walk !== false)
        it(
          `lands on ${site.walk === 'cover' ? 'each step that brings in a layer or a snapshot' : 'each step in turn'} with its camera, layers and front lines (cuts)`,
          { timeout: ids.length * 20_000 },
          async () => {
            await page.emulateMedia({ reducedMotion: 'reduce' });
            for (const [i, id] of ids.entries()) {
              if (site.walk === 'cover' && !covering.has(i)) continue;
              await scrollToStep(page, id);
              expectStep(await settled(page, id), i, site.engine);
            }
            if (!site.cuts) await page.emulateMedia({ reducedMotion: 'no-preference' });
          },
        );

      // Flights end on the same cameras as cuts: one chapter of them (its jump, flights and morphs) shows it.
      if (!site.cuts) {
        it(
          'flies to each step of the first chapter, landing on its camera, layers and front lines',
          { timeout: ids.length * 20_000 },
          async () => {
            const chapter = story!.steps.filter((s) => s.chapter === story!.steps[0]!.chapter).length;
            for (const [i, id] of ids.slice(0, chapter).entries()) {
              await scrollToStep(page, id);
              expectStep(await settled(page, id), i, site.engine);
            }
          },
        );
      }

      it('goes straight from the first step to the end, framed on all the story’s ground, with the End key', async () => {
        await scrollToStep(page, ids[0]!);
        expectStep(await settled(page, ids[0]!), 0, site.engine);
        await page.keyboard.press('End');
        // The scroll passes the last step on its way: wait for the end's view, then check it exactly.
        await page.waitForFunction((zoom) => Math.abs((window.__story?.camera()?.zoom ?? -1) - zoom) < 0.05, story!.explore.camera.zoom, {
          timeout: 20_000,
        });
        expectStep(await settled(page, ids.at(-1)!), ids.length - 1, site.engine, story!.explore);
      });

      it('restores an earlier step when the reader scrolls back up', async () => {
        await scrollToStep(page, ids[1]!);
        expectStep(await settled(page, ids[1]!), 1, site.engine);
      });

      if (!site.cuts) {
        it('interrupts a camera move when a new step arrives mid-flight', async () => {
          await scrollToStep(page, ids[0]!);
          await settled(page, ids[0]!);
          await scrollToStep(page, ids[2]!);
          await page.waitForFunction(() => window.__story!.moving, null, { timeout: 5_000 });
          await scrollToStep(page, ids[3]!);
          expectStep(await settled(page, ids[3]!), 3, site.engine);
        });
      }

      it(`talks to no host but its own${site.hosts?.length ? ` and ${site.hosts.join(', ')}` : ''}, and logs no error`, () => {
        expect(foreign).toEqual([]);
        expect(consoleErrors).toEqual([]);
      });
    });
  }
}
