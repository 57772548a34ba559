// A host page that floods the embedded story with viewport messages (50,000 in about 5 s) leaves
// it responsive: the bridge keeps only the latest viewport and applies it once a frame
// (src/embed/bridge.ts), so a step change lands at once after the flood, and nothing piles up.
import type { Browser, CDPSession, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORT } from '../../src/embed/protocol.ts';
import { connect } from './browser.ts';
import { DESKTOP } from './chromium.ts';
import { serveHostPages } from './host-server.ts';
import { serveDir, type StaticServer } from './server.ts';
import { ids } from './steps.ts';

let browser: Browser;
let site: StaticServer;
let host: StaticServer;
beforeAll(async () => {
  [browser, site] = await Promise.all([connect(), serveDir('dist')]);
  // The host is the test's script: a frame of one screen, with no embed.js posting positions of its own.
  host = await serveHostPages({
    '/flood': `<!doctype html><meta charset="utf-8"><title>Flood</title><link rel="icon" href="data:,">
<body style="margin:0"><iframe id="story" src="${site.url}?embed" title="Story" style="display:block;width:100%;height:100vh;border:0"></iframe></body>`,
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
});

/** The frame's JS heap after a full collection, in bytes. */
async function heap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** The host viewport that puts step `id` at 40 % of the screen (where every layout's trigger line is passed). */
const viewportAt = (frame: Frame, id: string) =>
  frame.evaluate(
    ({ sid, screen }) => {
      const y = document.getElementById(sid)!.getBoundingClientRect().top + window.scrollY;
      const top = Math.round(screen * 0.4 - y);
      return { top, bottom: top + document.documentElement.scrollHeight, height: screen };
    },
    { sid: id, screen: DESKTOP.height },
  );

describe('a flood of viewport messages from the host', () => {
  it('is coalesced: the story stays responsive and its heap bounded', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors: string[] = [];
    // Playwright reports uncaught errors of the page's frames too, the story's out-of-process one included.
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(new URL('/flood', host.url).href);
    const frame = (await (await page.waitForSelector('#story')).contentFrame())!;
    await frame.waitForFunction(() => window.__story?.step != null, null, { timeout: 30_000 });
    // The story's frame is on another site: its own process, measured through its own session.
    const cdp = await page.context().newCDPSession(frame);
    const [first, second, target] = [await viewportAt(frame, ids[0]!), await viewportAt(frame, ids[1]!), await viewportAt(frame, ids[3]!)];
    // The host's first scroll is the reader's first move: the map engine loads (megabytes of heap) before the count starts.
    const post = (v: typeof first) =>
      page.evaluate(
        ({ type, v }) => (document.getElementById('story') as HTMLIFrameElement).contentWindow!.postMessage({ type, ...v }, '*'),
        {
          type: VIEWPORT,
          v,
        },
      );
    await post(first);
    await frame.waitForFunction(() => document.documentElement.dataset.embed === 'host');
    await post({ ...first, top: first.top - 1, bottom: first.bottom - 1 });
    await frame.waitForFunction(() => window.__story?.mapStatus === 'ready' && !window.__story.moving, null, { timeout: 40_000 });
    const before = await heap(cdp);

    const { posted, ms, at } = await page.evaluate(
      ({ type, a, b, last }) =>
        new Promise<{ posted: number; ms: number; at: number }>((resolve) => {
          const story = (document.getElementById('story') as HTMLIFrameElement).contentWindow!;
          const start = performance.now();
          let posted = 0;
          const burst = () => {
            // 100 messages every 10 ms: 50,000 in about 5 s, between the first two steps.
            for (let i = 0; i < 100; i++, posted++) story.postMessage({ type, ...(Math.random() < 0.5 ? a : b) }, '*');
            if (posted < 50_000) return void setTimeout(burst, 10);
            story.postMessage({ type, ...last }, '*');
            resolve({ posted: posted + 1, ms: performance.now() - start, at: Date.now() });
          };
          burst();
        }),
      { type: VIEWPORT, a: first, b: second, last: target },
    );
    await frame.waitForFunction((id) => window.__story?.step === id, ids[3]!, { timeout: 10_000, polling: 'raf' });
    const landed = Date.now() - at;
    const after = await heap(cdp);
    console.info(
      `flood: ${posted} messages in ${Math.round(ms)} ms; step landed ${landed} ms after the last; heap ${(before / 1e6).toFixed(1)} → ${(after / 1e6).toFixed(1)} MB`,
    );
    expect(posted).toBe(50_001);
    expect(ms).toBeLessThan(8000);
    expect(landed).toBeLessThan(1000);
    expect(after - before).toBeLessThan(5e6);
    expect(errors).toEqual([]);
    await page.close();
  });
});
