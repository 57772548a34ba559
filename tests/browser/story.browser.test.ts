// What a reader sees on the default build (no Mapbox token): the offline maplibre engine keeps
// the map contract, and mapbox-gl is neither built nor fetched.
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mapContract } from './contract.ts';
import { launch, PHONE } from './chromium.ts';
import { serveDir, type StaticServer } from './server.ts';

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), serveDir('dist')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

mapContract({ engine: 'maplibre', browser: () => browser, url: () => server.url });

it('without a token, builds no mapbox-gl chunk and requests none', async () => {
  const scripts = readdirSync('dist/assets').filter((f) => /\.(m?js|css)$/.test(f));
  // mapbox-gl's code names its API host; maplibre's does not.
  expect(scripts.filter((f) => /mapbox/i.test(f) || readFileSync(`dist/assets/${f}`, 'utf8').includes('api.mapbox.com'))).toEqual([]);

  const page = await browser.newPage({ viewport: PHONE });
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(server.url);
  await page.waitForFunction(() => window.__story?.mapStatus === 'ready', null, { timeout: 20_000 });
  expect(requested.some((u) => /maplibre/.test(u))).toBe(true);
  expect(requested.filter((u) => /mapbox/i.test(u))).toEqual([]);
  await page.close();
});
