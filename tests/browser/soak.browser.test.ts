// A long reading session, short: random step changes by link and by scroll leave the page on the
// step last asked for, with its exact view, one WebGL context, and its heap and DOM bounded.
// `npm run bench` runs the 1,000-change session and prints its figures (bench/soak.ts).
import { describe, expect, it } from 'vitest';
import { sameCamera } from '../../src/geo/camera.ts';
import { PHONE } from './chromium.ts';
import { builtSite } from './site.ts';
import { countWebglContexts, soak } from './soak.ts';
import { firstMove, ids, mapStatus, settledOn, story } from './steps.ts';

const site = builtSite();

describe('a long reading session', () => {
  it('ends on the step last asked for, with one WebGL context and its heap and DOM bounded', { timeout: 120_000 }, async () => {
    const context = await site.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await countWebglContexts(page);
    await page.goto(site.url);
    await firstMove(page);
    await mapStatus(page, 'ready');
    const f = await soak(page, ids, 25);
    console.log(
      `soak: ${f.changes} changes in ${f.ms} ms; heap ${f.heap.before} → ${f.heap.after}; nodes ${f.nodes.before} → ${f.nodes.after}; contexts ${f.contexts}`,
    );
    await settledOn(page, f.target);
    const i = ids.indexOf(f.target);
    expect(sameCamera((await page.evaluate(() => window.__story!.camera()))!, story.views[i]!.camera)).toBe(true);
    expect((await page.evaluate(() => window.__story!.layers())).sort()).toEqual([...story.views[i]!.layers].sort());
    expect(f.contexts).toBe(1);
    // Generous bounds for a short run on a shared machine; the bench's 1,000 changes are held to 5 MB.
    expect(f.heap.after - f.heap.before).toBeLessThan(15 * 1024 * 1024);
    expect(f.nodes.after - f.nodes.before).toBeLessThan(300);
    await context.close();
  });
});
