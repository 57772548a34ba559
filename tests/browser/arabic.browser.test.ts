// The Arabic edition at /ar/, built from the same script: right to left, every step on exactly
// the English step's map state, Arabic on the map and in the no-JS page, a language link to the
// same step, deep links, no violation axe finds, and no request beyond the page's origin.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/story/markup.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { STORY_SCRIPT } from '../../story.config.ts';
import { DESKTOP, PHONE } from './chromium.ts';
import { covering, expectStep, settled } from './contract.ts';
import { firstMove, ids, scrollToStep, settledOn } from './steps.ts';
import { builtSite } from './site.ts';

const site = builtSite();
const arabic = loadStoryFile(STORY_SCRIPT).editions?.ar?.story;
if (!arabic) throw new Error('the story has no Arabic edition');
const ARABIC = /[\u0600-\u06ff]/;
const normalise = (s: string) =>
  s
    .replace(/\u2011/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/** A page of its own context (axe needs one), counting requests that leave the origin. */
async function open(viewport: { width: number; height: number }, path: string, foreign: string[] = []): Promise<Page> {
  const phone = viewport.width < 1024;
  const context = await site.browser.newContext({ viewport, isMobile: phone, hasTouch: phone, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => {}));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== new URL(site.url).origin && !['data:', 'blob:'].includes(url.protocol)) foreign.push(r.url());
  });
  await page.goto(site.url + path);
  return page;
}

describe('the Arabic edition on a desktop', () => {
  let page: Page;
  const foreign: string[] = [];
  beforeAll(async () => {
    page = await open(DESKTOP, 'ar/', foreign);
    await firstMove(page);
  });
  afterAll(() => page?.close());

  it('is right to left, with the card column right of the map', async () => {
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await expect(page.locator('h1').textContent()).resolves.toBe(arabic.meta.title);
    await scrollToStep(page, ids[1]!);
    await settledOn(page, ids[1]!);
    const card = await page.locator(`#${ids[1]} .card`).boundingBox();
    // the map's free part, where the camera frames the step, is left of the cards
    expect(card!.x).toBeGreaterThan(DESKTOP.width / 2);
    const legend = await page.locator('.legend').boundingBox();
    expect(legend!.x + legend!.width).toBeLessThan(DESKTOP.width / 2);
  });

  it(
    // The views are the English ones by construction (unit-tested): the steps that bring in each
    // layer and snapshot, and the last, show that the page draws them so.
    'lands on the English step’s camera, layers and front lines, at each step that brings in a layer or a snapshot (cuts)',
    { timeout: ids.length * 20_000 },
    async () => {
      for (const [i, id] of ids.entries()) {
        if (!covering.has(i)) continue;
        await scrollToStep(page, id);
        expectStep(await settled(page, id), i, 'maplibre');
      }
    },
  );

  it('names the places on the map in Arabic', async () => {
    const id = 'three-axes';
    await scrollToStep(page, id);
    await settled(page, id);
    await page.waitForFunction(() => window.__story!.labels()?.settled, null, { timeout: 20_000 });
    const names = await page.evaluate(() =>
      window
        .__story!.labels()!
        .labels.flatMap((l) => (l.layer.startsWith('story') && l.properties.name ? [String(l.properties.name)] : [])),
    );
    expect(names).toContain('الزبداني');
    for (const name of names) expect(name).toMatch(ARABIC);
  });

  it('links each card to the same step in the English edition, and the header to its top', async () => {
    await expect(page.locator('.intro .edition a').getAttribute('href')).resolves.toBe('../');
    const id = 'tallat-musa';
    await scrollToStep(page, id);
    await settled(page, id);
    const link = page.locator(`#${id} a[hreflang="en"]`);
    await expect(link.getAttribute('href')).resolves.toBe(`../#${id}`);
    await link.click();
    await settledOn(page, id);
    expect(await page.evaluate(() => [document.documentElement.lang, location.pathname])).toEqual(['en', new URL(site.url).pathname]);
    await expect(page.locator(`#${id} a[hreflang="ar"]`).getAttribute('href')).resolves.toBe(`ar/#${id}`);
  });

  it('talks to no host but its own', () => expect(foreign).toEqual([]));
});

describe('the Arabic edition on a phone', () => {
  it('opens the step a link names, and axe finds no violation', async () => {
    const foreign: string[] = [];
    const page = await open(PHONE, 'ar/#flitah-crossing', foreign);
    await settledOn(page, 'flitah-crossing');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // What the Arabic edition changes: the header, the map's keys, a card, the end.
    const { violations } = await new AxeBuilder({ page })
      .include('.intro')
      .include('.graphic')
      .include('#flitah-crossing')
      .include('.explore')
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('reads whole in Arabic with JavaScript off', async () => {
    const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}ar/`);
    const text = normalise(await page.locator('body').innerText());
    expect(text).toContain(arabic.meta.title);
    for (const step of arabic.steps) for (const block of step.caption) expect(text).toContain(normalise(plainText([block])));
    for (const block of arabic.meta.method) expect(text).toContain(normalise(plainText([block])));
    // no English sentence left: the words outside names, addresses and titles cited as published are Arabic
    const latin = text.match(/\b[A-Za-z]{4,}(?: [a-z]{3,}){3,}/g) ?? [];
    const cited = arabic.meta.sources.flatMap((s) => [s.title, s.publisher, s.note ?? ''].map(normalise));
    expect(latin.filter((l) => !cited.some((c) => c.includes(l)))).toEqual([]);
    await context.close();
  });
});
