// "What is this based on?": a tap on a shape, or a card's button, opens the evidence behind it
// (sources, confidence, how it was drawn), on the engine and on the static maps, by touch, mouse
// and keyboard; Escape closes it and gives the focus back. The pages open on a link to a step,
// which they check lands there (the reader's deep links, phone and desktop).
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileEvidence } from '../../src/story/evidence.ts';
import { sameCamera } from '../../src/geo/camera.ts';
import { snapshot } from '../../src/geo/morph-plan.ts';
import { shapeAt } from '../../src/map/shape-at.ts';
import { DESKTOP, PHONE } from './chromium.ts';
import { builtSite } from './site.ts';
import { data, firstMove, ids, mapStatus, settledOn, story } from './steps.ts';

const site = builtSite();
const evidence = compileEvidence(story, data);
const STEP = 'assal-al-ward-hills';
const view = story.views[ids.indexOf(STEP)]!;
/** A point in the rebels' barrens on 7 May, clear of every arrow and marker. */
const AREA: [number, number] = [36.47, 34.02];
// The shape there, found in Node on the step's own data (degrees scaled so a tap's slop is a hair).
const areaKey = shapeAt(
  {
    visibleLayers: () => view.layers,
    layerData: (id) => (story.layers.find((l) => l.id === id)?.kind === 'front' ? snapshot(data[id]!, view.front) : data[id]!),
    project: ([x, y]) => [x * 1e4, -y * 1e4],
  },
  story.layers,
  [AREA[0] * 1e4, -AREA[1] * 1e4],
)!;
const area = evidence.entries[areaKey]!;
const titleOf = (id: string) => story.meta.sources.find((s) => s.id === id)!.title;

async function open(viewport: { width: number; height: number }, prepare?: (page: Page) => Promise<unknown>) {
  const phone = viewport.width < 1024;
  const context = await site.browser.newContext({ viewport, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => {}));
  await prepare?.(page);
  await page.goto(`${site.url}#${STEP}`);
  return page;
}

const panel = (page: Page) => page.getByRole('dialog', { name: /based on/ });

/** Taps (phone) or clicks the map at [lon, lat]; resolves with the panel's text once loaded. */
async function tapShape(page: Page, lngLat: [number, number]) {
  const at = (await page.evaluate((ll) => window.__story!.project(ll), lngLat))!;
  if (page.viewportSize()!.width < 1024) await page.touchscreen.tap(at[0], at[1]);
  else await page.mouse.click(at[0], at[1]);
  await panel(page).filter({ hasNotText: 'Loading' }).waitFor();
  return (await panel(page).textContent())!;
}

function expectArea(text: string) {
  expect(text).toContain(area.title);
  expect(text).toContain(area.what);
  expect(text).toContain(area.confidence);
  for (const id of area.sources) expect(text).toContain(titleOf(id));
}

/** The card's button, by keyboard: the panel opens with the focus in it; Escape gives it back. */
async function byKeyboard(page: Page) {
  const button = page.locator(`#${STEP}`).getByRole('button', { name: 'What is this based on?' });
  await button.focus();
  await page.keyboard.press('Enter');
  await panel(page).filter({ hasNotText: 'Loading' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('evidence-title');
  const text = (await panel(page).textContent())!;
  for (const id of story.steps[ids.indexOf(STEP)]!.sources) expect(text).toContain(titleOf(id));
  for (const key of evidence.views[ids.indexOf(STEP)]!) expect(text).toContain(evidence.entries[key]!.title);
  await page.keyboard.press('Escape');
  await panel(page).waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.closest('[data-step]')?.id)).toBe(STEP);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('What is this based on?');
}

describe('the evidence behind the map', () => {
  it('finds, in the data, the area the tests tap', () => {
    expect(areaKey).toMatch(/^front\/.+@2015-05-07$/);
    expect(area.sources.length).toBeGreaterThan(0);
  });

  for (const [name, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    it(`on the live map, on a ${name}: opened by a link on its step, with its exact camera; a tap on an area, and the card's button by keyboard`, async () => {
      const page = await open(viewport);
      await firstMove(page);
      await mapStatus(page, 'ready');
      await settledOn(page, STEP);
      // The link's step: its card wholly on screen, its camera exactly, the address kept.
      await page.waitForFunction((id) => {
        const r = document.getElementById(id)!.querySelector('.card')!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }, STEP);
      expect(sameCamera((await page.evaluate(() => window.__story!.camera()))!, view.camera)).toBe(true);
      expect(await page.evaluate(() => location.hash)).toBe(`#${STEP}`);
      expectArea(await tapShape(page, AREA));
      if (name === 'phone') {
        const { violations } = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
        expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      }
      await page.keyboard.press('Escape');
      await panel(page).waitFor({ state: 'detached' });
      await byKeyboard(page);
      await page.close();
    });
  }

  it('on the static maps, when the engine cannot start', async () => {
    const page = await open(PHONE, (p) => p.route(/\/assets\/maplibre-[^/]*\.js$/, (route) => route.abort()));
    const said = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('Static maps stand in'), timeout: 40_000 });
    await firstMove(page);
    await said;
    await settledOn(page, STEP);
    expect(await page.evaluate(() => window.__story!.mapStatus)).toBe('static');
    expectArea(await tapShape(page, AREA));
    await page.close();
  });
});
