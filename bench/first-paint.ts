// What a phone reader downloads before the story's text first paints: the page loaded in
// Chromium on Lighthouse's mobile network and CPU (150 ms RTT, 1.6 Mbit/s, 4× slower CPU), the
// bytes of every response that ended before the first contentful paint. (Lighthouse's own run
// simulates the network after loading at full speed, so its timings cannot order requests.)
import { launch, PHONE } from '../tests/browser/chromium.ts';
import { serveDir } from '../tests/browser/server.ts';

export interface FirstPaint {
  /** ms from navigation start */
  fcp: number;
  bytes: number;
  files: string[];
}

export async function firstTextPaint(dist = 'dist'): Promise<FirstPaint> {
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
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60_000 });
    // Let what was in flight at the paint finish, so its timing is recorded.
    await page.waitForLoadState('load');
    return await page.evaluate((base) => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const before = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.responseEnd <= fcp);
      return {
        fcp,
        bytes: nav.transferSize + before.reduce((n, r) => n + r.transferSize, 0),
        files: ['index.html', ...before.map((r) => new URL(r.name).pathname.replace(base, ''))],
      };
    }, new URL(server.url).pathname);
  } finally {
    await browser.close();
    await server.close();
  }
}
