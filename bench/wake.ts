// What the reader's first move costs: the map engine starts then (src/reader/first-move.ts), so its
// download, compile and first frame fall in the first seconds of scrolling instead of before
// the page is usable. Measured on a throttled phone (throttled-phone.ts): time from the first
// scroll to the engine drawing, and the main thread's long tasks meanwhile (the part of each
// over 50 ms, as in TBT).
import { onThrottledPhone } from './throttled-phone.ts';

export interface WakeFigures {
  /** ms from the first scroll to mapStatus 'ready' */
  readyMs: number;
  /** sum over long tasks of their time beyond 50 ms */
  blockingMs: number;
  longest: number;
  longTasks: number;
}

export const engineWake = (dist = 'dist'): Promise<WakeFigures> =>
  onThrottledPhone(dist, async (page, url) => {
    await page.goto(url);
    await page.waitForFunction(() => window.__story?.mapStatus === 'static', null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    // A string, not a function: tsx would wrap named functions in a helper the page lacks.
    return (await page.evaluate(`new Promise((resolve) => {
      const tasks = [];
      const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      const start = performance.now();
      window.scrollBy(0, 120);
      const poll = () => {
        if (window.__story?.mapStatus !== 'ready') return void setTimeout(poll, 20);
        observer.disconnect();
        resolve({
          readyMs: performance.now() - start,
          blockingMs: tasks.reduce((n, d) => n + Math.max(0, d - 50), 0),
          longest: Math.max(0, ...tasks),
          longTasks: tasks.length,
        });
      };
      poll();
    })`)) as WakeFigures;
  });
