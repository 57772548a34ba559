// A long reading session: many random step changes (jumps by link, scrolls), then what the page
// holds after garbage collection: JS heap, DOM nodes, event listeners, WebGL contexts made, and
// whether it rests on the step last asked for. Shared by the suite's short soak and `npm run bench`.
import type { Page } from 'playwright-core';
import { random } from '../mutate.ts';

export interface SoakFigures {
  changes: number;
  ms: number;
  heap: { before: number; after: number };
  nodes: { before: number; after: number };
  listeners: { before: number; after: number };
  /** WebGL contexts the page made in all (one map, never restarted: 1) */
  contexts: number;
  target: string;
}

/** Counts the WebGL contexts the page makes; call before the page loads. A string: the page runs it as written. */
export const countWebglContexts = (page: Page) =>
  page.addInitScript(`(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    const made = new WeakSet();
    let n = 0;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      const ctx = get.call(this, type, ...rest);
      if (ctx && /webgl/.test(String(type)) && !made.has(ctx)) { made.add(ctx); n++; }
      return ctx;
    };
    Object.defineProperty(window, '__webglContexts', { get: () => n });
  })()`);

/** Jumps (a link to the step) or scrolls (the step's card to the reading line) to step `id`, and waits until it is the step. */
async function go(page: Page, id: string, jump: boolean) {
  await page.evaluate(
    ([sid, byLink]) => {
      if (byLink) location.hash = `#${sid}`;
      else {
        const top = document.getElementById(sid)!.getBoundingClientRect().top + window.scrollY;
        window.scrollTo({ top: top - window.innerHeight * 0.45, behavior: 'instant' });
      }
    },
    [id, jump] as const,
  );
  await page.waitForFunction((sid) => window.__story?.step === sid, id, { timeout: 10_000 });
}

/**
 * Visits every step once (the caches of a session fill), measures, makes `changes` random step
 * changes, and measures again. The page must be open with the map ready and countWebglContexts set.
 */
export async function soak(page: Page, ids: readonly string[], changes: number, seed = 2015): Promise<SoakFigures> {
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
    return { heap: usedSize, nodes, listeners: jsEventListeners };
  };
  for (const id of ids) await go(page, id, false);
  const before = await measure();
  const rnd = random(seed);
  const started = Date.now();
  let current = ids.at(-1)!;
  for (let n = 0; n < changes; n++) {
    let next = current;
    while (next === current) next = ids[Math.floor(rnd() * ids.length)]!;
    await go(page, next, rnd() < 0.5);
    current = next;
  }
  const ms = Date.now() - started;
  await page.waitForFunction(() => !window.__story!.moving, null, { timeout: 30_000 });
  const after = await measure();
  const contexts = (await page.evaluate(() => (window as unknown as { __webglContexts: number }).__webglContexts)) as number;
  await cdp.detach();
  return {
    changes,
    ms,
    heap: { before: before.heap, after: after.heap },
    nodes: { before: before.nodes, after: after.nodes },
    listeners: { before: before.listeners, after: after.listeners },
    contexts,
    target: current,
  };
}
