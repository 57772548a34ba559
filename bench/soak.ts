// A long reading session for `npm run bench` (issue 16): 1,000 random step changes, by link and
// by scroll, flights and morphs interrupted as a restless reader would; then the heap after GC,
// the DOM, the event listeners and the WebGL contexts against where they started.
import { launch, PHONE } from '../tests/browser/chromium.ts';
import { serveDir } from '../tests/browser/server.ts';
import { firstMove } from '../tests/browser/reading.ts';
import { countWebglContexts, soak } from '../tests/browser/soak.ts';
import { loadStoryFile } from '../src/story/load-file.ts';
import { STORY_SCRIPT } from '../story.config.ts';

export async function printSoakFigures(dist = 'dist', changes = 1000): Promise<void> {
  const ids = loadStoryFile(STORY_SCRIPT).story!.steps.map((s) => s.id);
  const [browser, server] = await Promise.all([launch(), serveDir(dist)]);
  try {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await countWebglContexts(page);
    await page.goto(server.url);
    await firstMove(page);
    await page.waitForFunction(() => window.__story?.mapStatus === 'ready', null, { timeout: 60_000 });
    const f = await soak(page, ids, changes);
    const step = await page.evaluate(() => window.__story!.step);
    const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const grew = f.heap.after - f.heap.before;
    console.log(
      `\nA long reading session: ${f.changes} random step changes (links and scrolls) in ${(f.ms / 1000).toFixed(1)} s, phone, Chromium`,
    );
    console.log(
      `  JS heap after GC   ${MB(f.heap.before)} → ${MB(f.heap.after)} (${grew >= 0 ? '+' : ''}${MB(grew)})   ${Math.abs(grew) <= 5 * 1024 * 1024 ? '✓' : '✗'} target within 5 MB`,
    );
    console.log(`  DOM nodes          ${f.nodes.before} → ${f.nodes.after}`);
    console.log(`  event listeners    ${f.listeners.before} → ${f.listeners.after}`);
    console.log(`  WebGL contexts     ${f.contexts} made   ${f.contexts === 1 ? '✓' : '✗'} target 1`);
    console.log(`  rests on           ${step} (asked for ${f.target})   ${step === f.target ? '✓' : '✗'}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await printSoakFigures();
