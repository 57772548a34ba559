// Screenshots of the built story at given steps, for looking at: npx tsx scripts/screenshot.ts [out-dir]
import { mkdirSync } from 'node:fs';
import { launch, DESKTOP, PHONE } from '../tests/browser/chromium.ts';
import { serveDir } from '../tests/browser/server.ts';

const out = process.argv[2] ?? '.cache/shots';
mkdirSync(out, { recursive: true });
const server = await serveDir('dist');
const browser = await launch();
try {
  for (const [name, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1, isMobile: name === 'phone', hasTouch: name === 'phone' });
    page.on('console', (m) => m.type() === 'error' && console.log(`[${name}] console:`, m.text()));
    await page.goto(server.url);
    await page.waitForFunction(() => window.__story?.mapStatus !== 'loading', null, { timeout: 30000 });
    await page.screenshot({ path: `${out}/${name}-top.png` });
    // The reader's first move starts the engine (src/reader/first-move.ts); the steps are shot on it.
    await page.evaluate(() => window.scrollBy(0, 1));
    await page
      .waitForFunction(() => window.__story?.mapStatus !== 'static', null, { timeout: 30000 })
      .catch(() => console.log(`[${name}] static maps only`));
    const steps = await page.evaluate(() => window.__story!.steps);
    for (const id of steps) {
      await page.evaluate((sid) => document.getElementById(sid)!.scrollIntoView({ block: 'start' }), id);
      await page.evaluate(() => window.scrollBy(0, -window.innerHeight * 0.45));
      await page
        .waitForFunction((sid) => window.__story!.step === sid && !window.__story!.moving, id, { timeout: 20000 })
        .catch(() => console.log(`[${name}] ${id}: not settled`));
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${name}-${id}.png` });
    }
    // The free exploration after the last step.
    await page.evaluate(() => document.querySelector('[data-scroll-end]')!.scrollIntoView({ block: 'end' }));
    await page
      .waitForFunction(() => !window.__story!.moving, null, { timeout: 20000 })
      .catch(() => console.log(`[${name}] explore: not settled`));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-explore.png` });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${out}`);
