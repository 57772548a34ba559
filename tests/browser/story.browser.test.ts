// What a reader sees, in real Chromium on the built site: each step lands on its exact state
// whichever way the reader gets there.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameCamera } from '../../src/map/camera.ts';
import type { Camera } from '../../src/story/schema.ts';
import { DESKTOP, launch, PHONE } from './chromium.ts';
import { serveDir, type StaticServer } from './server.ts';
import { ids, scrollToStep, story } from './steps.ts';

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), serveDir('dist')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Observed {
  step: string | null;
  camera: Camera | null;
  layers: string[];
  dataStep: string | undefined;
}

/** Waits until the map has settled on step `id`, then reads what the page shows. */
async function settled(page: Page, id: string): Promise<Observed> {
  await page.waitForFunction((sid) => window.__story?.step === sid && window.__story.mapStatus === 'ready' && !window.__story.moving, id, { timeout: 20_000 });
  return page.evaluate(() => ({
    step: window.__story!.step,
    camera: window.__story!.camera(),
    layers: window.__story!.layers(),
    dataStep: document.documentElement.dataset.step,
  }));
}

function expectStep(observed: Observed, index: number) {
  const view = story.views[index]!;
  expect(observed.step).toBe(ids[index]);
  expect(observed.dataStep).toBe(ids[index]);
  expect([...observed.layers].sort()).toEqual([...view.layers].sort());
  expect(observed.camera, `camera at ${ids[index]}: ${JSON.stringify(observed.camera)} vs ${JSON.stringify(view.camera)}`).not.toBeNull();
  expect(sameCamera(observed.camera!, view.camera)).toBe(true);
}

for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
  describe(`on a ${name} (${viewport.width}×${viewport.height})`, () => {
    let page: Page;
    const foreign: string[] = [];
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      page = await browser.newPage({ viewport, isMobile: name === 'phone', hasTouch: name === 'phone' });
      const origin = new URL(server.url).origin;
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
      });
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
      page.on('pageerror', (e) => consoleErrors.push(String(e)));
      await page.goto(server.url);
    });
    afterAll(() => page?.close());

    it('shows the title, and exposes every step in window.__story', async () => {
      await expect(page.locator('h1').textContent()).resolves.toBe(story.meta.title);
      expect(await page.evaluate(() => window.__story?.steps)).toEqual(ids);
    });

    it('lands on each step in turn with its camera and layers', async () => {
      for (const [i, id] of ids.entries()) {
        await scrollToStep(page, id);
        expectStep(await settled(page, id), i);
      }
    });

    it('goes straight from the first step to the last with the End key', async () => {
      await scrollToStep(page, ids[0]!);
      expectStep(await settled(page, ids[0]!), 0);
      await page.keyboard.press('End');
      expectStep(await settled(page, ids.at(-1)!), ids.length - 1);
    });

    it('restores an earlier step when the reader scrolls back up', async () => {
      await scrollToStep(page, ids[1]!);
      expectStep(await settled(page, ids[1]!), 1);
    });

    it('interrupts a camera move when a new step arrives mid-flight', async () => {
      await scrollToStep(page, ids[0]!);
      await settled(page, ids[0]!);
      await scrollToStep(page, ids[2]!);
      await page.waitForFunction(() => window.__story!.moving, null, { timeout: 5_000 });
      await scrollToStep(page, ids[3]!);
      expectStep(await settled(page, ids[3]!), 3);
    });

    it('made no request to another origin and logged no error', () => {
      expect(foreign).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  });
}
