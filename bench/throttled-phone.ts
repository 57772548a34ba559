// A phone page on Lighthouse's mobile network and CPU (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s
// up, 4× slower CPU), in Chromium, on the built site served gzipped like any real host.
import type { Page } from 'playwright-core';
import { launch, PHONE } from '../tests/browser/chromium.ts';
import { serveDir } from '../tests/browser/server.ts';

/** Runs `measure` on a throttled phone page (not yet navigated) with the site's URL; cleans up after. */
export async function onThrottledPhone<T>(dist: string, measure: (page: Page, url: string) => Promise<T>): Promise<T> {
  const server = await serveDir(dist, undefined, { gzip: true });
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6384 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    return await measure(page, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}
