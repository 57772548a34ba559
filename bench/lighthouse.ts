// Lighthouse on the built site with its mobile preset (simulated slow 4G, 4× CPU slowdown), in
// Debian's Chromium with the SwiftShader flags the tests use, served gzipped like any real host.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/browser/chromium.ts';
import { serveDir } from '../tests/browser/server.ts';

export interface LighthouseFigures {
  /** 0–100 */
  scores: { performance: number; accessibility: number; bestPractices: number; seo: number };
  /** simulated, ms (cls: unitless) */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  /** failed audits that cost points, for reading */
  failing: string[];
}

/**
 * `blocked`: URL patterns to fail, e.g. the engine's chunk, to see what the page costs without it;
 * `page`: the page under the site's root, e.g. "ar/" for the Arabic edition.
 */
export async function runLighthouse(dist = 'dist', blocked: string[] = [], page = ''): Promise<LighthouseFigures> {
  const server = await serveDir(dist, undefined, { gzip: true });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    const result = await lighthouse(server.url + page, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      blockedUrlPatterns: blocked,
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const num = (id: string) => audits[id]?.numericValue ?? NaN;
    return {
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
      },
      fcp: num('first-contentful-paint'),
      lcp: num('largest-contentful-paint'),
      tbt: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      speedIndex: num('speed-index'),
      failing: Object.values(categories)
        .flatMap((c) => c.auditRefs.filter((a) => a.weight > 0).map((a) => audits[a.id]!))
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
        .map((a) => `${a.id} (${a.displayValue ?? a.score})`),
    };
  } finally {
    chrome.kill();
    await server.close();
  }
}
