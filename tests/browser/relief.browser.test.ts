// The offline relief on the built site: the engine fetches the elevation tiles once it starts,
// never before the reader's first move (the static preview before it is flat; static maps that
// stand in for the engine shade it: fallback.browser.test.ts), and every relief request stays on
// the page's own origin, under the site's sub-path.
import type { Request } from 'playwright-core';
import { expect, it } from 'vitest';
import { PHONE } from './chromium.ts';
import { firstMove } from './reading.ts';
import { builtSite } from './site.ts';
import { mapStatus } from './steps.ts';

const site = builtSite();
const TILE = /\/relief\/\d+\/\d+\/\d+\.png$/;

it('fetches the relief from the page’s origin only once the engine starts', async () => {
  const context = await site.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const relief: Request[] = [];
  const failed: string[] = [];
  page.on('request', (r) => void (/\/relief\//.test(r.url()) && relief.push(r)));
  page.on('response', (r) => void (/\/relief\//.test(r.url()) && r.status() !== 200 && failed.push(`${r.status()} ${r.url()}`)));
  await page.goto(site.url);
  await mapStatus(page, 'static');
  await page.waitForLoadState('networkidle');
  expect(await page.locator('.static-map image[data-relief]').count()).toBe(0);
  expect(relief.map((r) => r.url())).toEqual([]);

  const tile = page.waitForRequest(TILE, { timeout: 30_000 });
  await firstMove(page);
  await tile;
  await mapStatus(page, 'ready');
  await page.waitForLoadState('networkidle');
  const tiles = relief.map((r) => r.url()).filter((u) => TILE.test(u));
  expect(tiles.length).toBeGreaterThan(0);
  for (const url of relief.map((r) => r.url())) expect(url.startsWith(new URL('relief/', site.url).href), url).toBe(true);
  // The source's bounds keep the engine from asking for tiles the build did not make.
  expect(failed).toEqual([]);
  await context.close();
});
