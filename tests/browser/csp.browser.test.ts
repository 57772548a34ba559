// The story under the strict Content Security Policy README.md documents, sent as a header:
// nothing is refused, from the prerendered page to the engine's worker, fonts and relief tiles.
import { describe, expect, it } from 'vitest';
import { PHONE } from './chromium.ts';
import { firstMove } from './reading.ts';
import { builtSite } from './site.ts';

/** The policy README.md gives, word for word. */
const POLICY = "script-src 'self'; style-src 'self'; worker-src 'self' blob:; img-src 'self' data: blob:; connect-src 'self'";

const site = builtSite('dist', { headers: { 'content-security-policy': POLICY } });

describe('a strict Content Security Policy', () => {
  it('refuses nothing the story does, and the map engine runs', async () => {
    const context = await site.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__violations', { value: seen });
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
      );
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    // The relief comes once the story is drawn: its first tile is the last kind of request the page makes.
    const relief = page.waitForResponse((r) => /\/relief\/\d+\/\d+\/\d+\.png$/.test(r.url()), { timeout: 40_000 });
    const response = await page.goto(site.url);
    expect(response?.headers()['content-security-policy']).toBe(POLICY);
    await firstMove(page);
    await page.waitForFunction(() => window.__story?.mapStatus === 'ready', null, { timeout: 40_000 });
    expect((await relief).ok()).toBe(true);
    await page.waitForFunction(() => window.__story?.labels()?.settled, null, { timeout: 20_000 });
    expect(await page.evaluate(() => window.__story!.mapEngine)).toBe('maplibre');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
