// What a phone reader downloads before the story's text first paints: the page loaded on a
// throttled phone (throttled-phone.ts), the bytes of every response that ended before the first
// contentful paint. (Lighthouse's own run simulates the network after loading at full speed, so
// its timings cannot order requests.)
import { onThrottledPhone } from './throttled-phone.ts';

export interface FirstPaint {
  /** ms from navigation start */
  fcp: number;
  bytes: number;
  files: string[];
}

export const firstTextPaint = (dist = 'dist'): Promise<FirstPaint> =>
  onThrottledPhone(dist, async (page, url) => {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60_000 });
    // Let what was in flight at the paint finish, so its timing is recorded.
    await page.waitForLoadState('load');
    return page.evaluate((base) => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const before = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.responseEnd <= fcp);
      return {
        fcp,
        bytes: nav.transferSize + before.reduce((n, r) => n + r.transferSize, 0),
        files: ['index.html', ...before.map((r) => new URL(r.name).pathname.replace(base, ''))],
      };
    }, new URL(url).pathname);
  });
