// `npm run dev` for editors, on a temporary copy of the fixture story: saving the script or a
// data file updates the page in place on the same step, a broken save lists its problems over
// the last story that worked, and `?edit` gives a camera to paste into the script.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cameraYaml } from '../../src/dev/camera-yaml.ts';
import { sameCamera } from '../../src/geo/camera.ts';
import { screenPoint } from '../../src/layout/layout.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { LIVE_EVENT } from '../../src/story/live.ts';
import { Camera } from '../../src/story/schema.ts';
import { storyPlugin } from '../../src/story/vite-plugin.ts';
import { reliefPlugin } from '../../src/relief/vite-plugin.ts';
import { connect } from './browser.ts';
import { PHONE, SMALL_DESKTOP } from './chromium.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'story');
const dir = mkdtempSync(join(tmpdir(), 'story-dev-'));
const script = join(dir, 'story.yaml');
const places = join(dir, 'data', 'places.geojson');
const original = {
  script: readFileSync(join(FIXTURE, 'story.yaml'), 'utf8'),
  places: readFileSync(join(FIXTURE, 'data', 'places.geojson'), 'utf8'),
};
let server: ViteDevServer;
let browser: Browser;
let url: string;

/** Per file, what to call once the dev server has taken in its next save (see `save`). */
const awaited = new Map<string, () => void>();
/** Per file, when the server's file watcher last reported a change. */
const lastChange = new Map<string, number>();
/** Runs after storyPlugin's own hook, which has read the saved file again and sent the page its update. */
const savesTaken: Plugin = {
  name: 'test:saves-taken',
  hotUpdate({ file }) {
    if (this.environment.name !== 'client') return;
    awaited.get(file)?.();
    awaited.delete(file);
  },
};

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Writes `text` to `file`, and resolves once the dev server has taken the save in: a page opened
 * from then on gets it, and an open page has been sent it. (The server runs in this process and
 * the write is synchronous: any update it sends after the write carries the saved text.)
 */
async function save(file: string, text: string) {
  // Vite's watcher (chokidar) drops a change to a file within 50 ms of the last one it reported for
  // it: a save that soon (a restore just after the page took an edit in) would never reach the page.
  const wait = (lastChange.get(file) ?? -Infinity) + 60 - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const taken = new Promise<void>((resolve) => awaited.set(file, resolve));
  writeFileSync(file, text);
  await within(taken, 15_000, `the dev server did not take in the save of ${file}`);
}

/**
 * Has `page` note each story update once the story has applied it: window.__applied becomes the
 * update's story and data as JSON. Vite's client calls the story's own listener (registered at
 * mount) first; its update has run by the next task. (A string, so Vitest leaves the import alone.)
 */
const noteUpdates = (page: Page) =>
  page.evaluate(`import('/@vite/client').then(({ createHotContext }) =>
    createHotContext('/tests/browser/dev.browser.test.ts').on(${JSON.stringify(LIVE_EVENT)}, (update) =>
      setTimeout(() => (window.__applied = JSON.stringify([update.story, update.data])))))`);
/** The page the restores must reach before the next test (the live preview's), while it is open. */
let live: Page | undefined;

beforeAll(async () => {
  cpSync(FIXTURE, dir, { recursive: true });
  server = await createServer({
    configFile: false,
    root: join(import.meta.dirname, '..', '..'),
    cacheDir: '.cache/vite-dev-test',
    logLevel: 'silent',
    plugins: [svelte(), storyPlugin({ script }), reliefPlugin(), savesTaken],
    server: { port: 0, host: '127.0.0.1' },
  });
  server.watcher.on('change', (file) => lastChange.set(file, performance.now()));
  await server.listen();
  url = server.resolvedUrls!.local[0]!;
  browser = await connect();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});
// Each test starts from the fixture as written, once the server and the open page have taken the
// restored files in: a restore still on its way would otherwise land in the middle of the next test.
afterEach(async () => {
  const restores = (
    [
      [script, original.script],
      [places, original.places],
    ] as const
  ).filter(([file, text]) => readFileSync(file, 'utf8') !== text);
  for (const [file, text] of restores) await save(file, text);
  if (!restores.length || !live) return;
  const { story, data } = loadStoryFile(script);
  // the page shows the restored story, and its map (restarted for restored data) is at rest
  await live.waitForFunction((want) => (window as unknown as { __applied?: string }).__applied === want, JSON.stringify([story, data]), {
    timeout: 15_000,
  });
  await live.waitForFunction(() => window.__story?.mapStatus === 'ready' && !window.__story.moving, null, { timeout: 30_000 });
});

const settled = (page: Page, id: string) =>
  page.waitForFunction((sid) => window.__story?.step === sid && window.__story.mapStatus === 'ready' && !window.__story.moving, id, {
    timeout: 30_000,
  });

/** Scrolls step `id` just past the trigger line, as a reader would. */
const scrollToStep = (page: Page, id: string) =>
  page.evaluate((sid) => {
    const top = document.body.querySelector(`[data-step="${sid}"]`)!.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top - window.innerHeight * 0.3, behavior: 'instant' });
  }, id);

const edit = async (from: string, to: string) => {
  const text = readFileSync(script, 'utf8');
  expect(text).toContain(from);
  await save(script, text.replace(from, to));
};

describe('live preview', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ viewport: PHONE });
    await page.goto(url);
    await settled(page, 'first');
    await noteUpdates(page);
    live = page;
  });
  afterAll(async () => {
    live = undefined;
    await page?.close();
  });

  it('updates a saved caption in place, on the same step, without reloading', async () => {
    await scrollToStep(page, 'second');
    await settled(page, 'second');
    const before = await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
      return window.scrollY;
    });
    await edit('The second step, with a quote:', 'The revised second step, with a quote:');
    await page.waitForFunction(
      () => document.body.querySelector('[data-step="second"]')?.textContent?.includes('The revised second step'),
      null,
      { timeout: 15_000 },
    );
    const after = await page.evaluate(() => ({
      marker: (window as unknown as { marker?: number }).marker,
      scrollY: window.scrollY,
      step: window.__story?.step,
      dataStep: document.documentElement.dataset.step,
    }));
    expect(after).toEqual({ marker: 1, scrollY: before, step: 'second', dataStep: 'second' });
  });

  it('draws places where the warnings expect them (screenPoint matches the engine)', async () => {
    const { story, data } = loadStoryFile(script);
    const view = story!.views[1]!;
    expect(view.camera.pitch).toBeGreaterThan(0);
    const zabadani = data.towns!.features.find((f) => f.properties?.id === 'zabadani')!.geometry as GeoJSON.Point;
    const at = zabadani.coordinates as [number, number];
    const drawn = await page.evaluate((p) => window.__story!.project(p), at);
    const expected = screenPoint(view.camera, at, PHONE)!;
    expect(Math.hypot(drawn![0] - expected[0], drawn![1] - expected[1])).toBeLessThan(2);
  });

  it('restarts the map with a saved data file, on the same step', async () => {
    await settled(page, 'second');
    const canvas = await page.evaluateHandle(() => document.querySelector('.maplibregl-canvas'));
    await save(places, original.places.replace('"name": "Zabadani"', '"name": "Az-Zabadani"'));
    await page.waitForFunction((old) => document.querySelector('.maplibregl-canvas') !== old, canvas, { timeout: 15_000 });
    await settled(page, 'second');
    // the restarted map draws the saved file
    const name = await page.evaluate(() => window.__story!.layerData('towns')?.features.map((f) => f.properties?.name));
    expect(name).toContain('Az-Zabadani');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  });

  it('shows a broken save in the page at its line and column, over the last story that worked', async () => {
    await settled(page, 'second');
    const broken = original.script.replace('chapter: offensive\n    date:', 'chapter: ofensive\n    date:');
    const line = broken.split('\n').findIndex((l) => l.includes('chapter: ofensive')) + 1;
    await save(script, broken);
    const panel = page.getByTestId('story-errors');
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toContain(
      `story.yaml:${line}:14  steps[1].chapter: unknown chapter "ofensive" (did you mean "offensive"?)`,
    );
    expect(await panel.textContent()).toContain(`> ${line} |     chapter: ofensive`);
    // the story is still there, on the same step, and Vite's overlay is not
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('body [data-step="second"] .card').isVisible()).toBe(true);
    expect(await page.evaluate(() => window.__story?.step)).toBe('second');
    expect(await page.locator('vite-error-overlay').count()).toBe(0);

    await save(script, original.script.replace('A test story', 'A revised test story'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'A revised test story', null, { timeout: 15_000 });
    expect(await panel.count()).toBe(0);
    expect(await page.evaluate(() => window.__story?.step)).toBe('second');
  });
});

it('opened on a broken script, shows the error, and loads the story once it is fixed', async () => {
  // taken in before the page opens: else the server may still hold the script that worked
  await save(script, original.script.replace('zoom: 8 }', 'zoom: 80 }'));
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(url);
  const overlay = page.locator('vite-error-overlay');
  await overlay.waitFor({ timeout: 15_000 });
  expect(await overlay.evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain(
    'steps[0].camera.zoom: 80 is too large: expected at most 22',
  );
  await save(script, original.script);
  await settled(page, 'first');
  await page.close();
});

describe('?edit: the camera picker', () => {
  it('shows the camera of the view; the copied line, pasted into a step, reproduces that view', async () => {
    // Cuts between steps: the test is about the camera shown and pasted, not the flight between.
    const context = await browser.newContext({
      viewport: SMALL_DESKTOP,
      permissions: ['clipboard-read', 'clipboard-write'],
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(`${url}?edit`);
    await settled(page, 'first');
    const yaml = page.getByTestId('camera-yaml');
    const scripted = loadStoryFile(script).story!.views[0]!.camera;
    await page.waitForFunction((y) => document.querySelector('[data-testid="camera-yaml"]')?.textContent === y, cameraYaml(scripted));

    // Move the map by hand: pan, zoom, then tilt and turn.
    await page.mouse.move(700, 450);
    await page.mouse.down();
    await page.mouse.move(620, 380, { steps: 2 });
    await page.mouse.up();
    await page.mouse.wheel(0, -400);
    await page.mouse.move(700, 450);
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(740, 400, { steps: 2 });
    await page.mouse.up({ button: 'right' });
    await page.waitForFunction(() => !window.__story!.moving, null, { timeout: 15_000 });
    const moved = (await page.evaluate(() => window.__story!.camera()))!;
    expect(sameCamera(moved, scripted)).toBe(false);
    expect(moved.pitch).toBeGreaterThan(0);
    expect(Math.abs(moved.bearing)).toBeGreaterThan(0);
    await page.waitForFunction((y) => document.querySelector('[data-testid="camera-yaml"]')?.textContent === y, cameraYaml(moved), {
      timeout: 5_000,
    });
    expect(await page.locator('[data-testid="edit-panel"]').textContent()).toContain('Step first · sources: report-a');

    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await yaml.textContent());
    const pasted = Camera.parse(parse(copied).camera);

    // The step list jumps between steps: away from the first step's view, which the paste then
    // changes; back on it, the map shows exactly the pasted view.
    await page.getByRole('button', { name: /^second/ }).click();
    await settled(page, 'second');
    await noteUpdates(page);
    await edit('    camera: { center: [36.4, 33.9], zoom: 8 }', `    ${copied}`);
    await page.waitForFunction(() => (window as unknown as { __applied?: string }).__applied !== undefined, null, { timeout: 15_000 });
    await page.getByRole('button', { name: /^first/ }).click();
    await settled(page, 'first');
    const shown = (await page.evaluate(() => window.__story!.camera()))!;
    expect(sameCamera(shown, pasted), `${JSON.stringify(shown)} vs ${copied}`).toBe(true);
    expect(sameCamera(shown, moved), `${JSON.stringify(shown)} vs ${JSON.stringify(moved)}`).toBe(true);
    await context.close();
  });
});
