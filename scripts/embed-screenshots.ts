// Screenshots of the built story embedded with embed.js in a host article on another origin, at a
// few steps, for looking at: npx tsx scripts/embed-screenshots.ts [out-dir] (after npm run build)
import { mkdirSync } from 'node:fs';
import { DESKTOP, launch, PHONE } from '../tests/browser/chromium.ts';
import { serveHostPages } from '../tests/browser/host-server.ts';
import { hostPages } from '../tests/browser/host-pages.ts';
import { serveDir } from '../tests/browser/server.ts';

const out = process.argv[2] ?? '.cache/shots';
mkdirSync(out, { recursive: true });
const site = await serveDir('dist');
const host = await serveHostPages(hostPages(site.url));
const browser = await launch();
try {
  for (const [name, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.goto(new URL('/embed-js-one', host.url).href);
    const frame = (await (await page.waitForSelector('#a')).contentFrame())!;
    await frame.waitForFunction(() => window.__story?.mapStatus !== 'loading', null, { timeout: 30000 });
    const steps = await frame.evaluate(() => window.__story!.steps);
    for (const id of [steps[1]!, steps[Math.floor(steps.length / 2)]!]) {
      const y = await frame.evaluate((sid) => document.getElementById(sid)!.getBoundingClientRect().top, id);
      await page.$eval(
        '#a',
        (f, top) => window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY + top - window.innerHeight * 0.3),
        y,
      );
      await frame.waitForFunction((sid) => window.__story!.step === sid && !window.__story!.moving, id, { timeout: 20000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/embed-${name}-${id}.png` });
    }
    // The article above the story, with the story's top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/embed-${name}-top.png` });
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
  await host.close();
}
console.log(`screenshots in ${out}`);
