// `npm run dev` for editors, on a temporary copy of the fixture story: saving the script or a
// data file updates the page in place on the same step, a broken save lists its problems over
// the last story that worked, and `?edit` gives a camera to paste into the script.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cameraYaml } from '../../src/dev/camera-yaml.ts';
import { sameCamera } from '../../src/geo/camera.ts';
import { screenPoint } from '../../src/layout/layout.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { Camera } from '../../src/story/schema.ts';
import { storyPlugin } from '../../src/story/vite-plugin.ts';
import { DESKTOP, launch, PHONE } from './chromium.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'story');
const dir = mkdtempSync(join(tmpdir(), 'story-dev-'));
const script = join(dir, 'story.yaml');
const places = join(dir, 'data', 'places.geojson');
const original = { script: readFileSync(join(FIXTURE, 'story.yaml'), 'utf8'), places: readFileSync(join(FIXTURE, 'data', 'places.geojson'), 'utf8') };
let server: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  cpSync(FIXTURE, dir, { recursive: true });
  server = await createServer({
    configFile: false,
    root: join(import.meta.dirname, '..', '..'),
    cacheDir: '.cache/vite-dev-test',
    logLevel: 'silent',
    plugins: [svelte(), storyPlugin({ script })],
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  url = server.resolvedUrls!.local[0]!;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});
// Each test starts from the fixture as written, once the page has taken the restored files in:
// a restore still on its way would otherwise land in the middle of the next test.
afterEach(async () => {
  let restored = false;
  for (const [file, text] of [[script, original.script], [places, original.places]] as const) {
    if (readFileSync(file, 'utf8') === text) continue;
    writeFileSync(file, text);
    restored = true;
  }
  if (restored) await new Promise((r) => setTimeout(r, 1500));
});

const settled = (page: Page, id: string) =>
  page.waitForFunction((sid) => window.__story?.step === sid && window.__story.mapStatus === 'ready' && !window.__story.moving, id, { timeout: 30_000 });

/** Scrolls step `id` just past the trigger line, as a reader would. */
const scrollToStep = (page: Page, id: string) =>
  page.evaluate((sid) => {
    const top = document.body.querySelector(`[data-step="${sid}"]`)!.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top - window.innerHeight * 0.3, behavior: 'instant' });
  }, id);

const edit = (from: string, to: string) => {
  const text = readFileSync(script, 'utf8');
  expect(text).toContain(from);
  writeFileSync(script, text.replace(from, to));
};

describe('live preview', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ viewport: PHONE });
    await page.goto(url);
    await settled(page, 'first');
  });
  afterAll(() => page?.close());

  it('updates a saved caption in place, on the same step, without reloading', async () => {
    await scrollToStep(page, 'second');
    await settled(page, 'second');
    const before = await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
      return window.scrollY;
    });
    edit('The second step, with a quote:', 'The revised second step, with a quote:');
    await page.waitForFunction(() => document.body.querySelector('[data-step="second"]')?.textContent?.includes('The revised second step'), null, { timeout: 15_000 });
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
    writeFileSync(places, original.places.replace('"name": "Zabadani"', '"name": "Az-Zabadani"'));
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
    writeFileSync(script, broken);
    const panel = page.getByTestId('story-errors');
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toContain(`story.yaml:${line}:14  steps[1].chapter: unknown chapter "ofensive" (did you mean "offensive"?)`);
    expect(await panel.textContent()).toContain(`> ${line} |     chapter: ofensive`);
    // the story is still there, on the same step, and Vite's overlay is not
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('body [data-step="second"] .card').isVisible()).toBe(true);
    expect(await page.evaluate(() => window.__story?.step)).toBe('second');
    expect(await page.locator('vite-error-overlay').count()).toBe(0);

    writeFileSync(script, original.script.replace('A test story', 'A revised test story'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'A revised test story', null, { timeout: 15_000 });
    expect(await panel.count()).toBe(0);
    expect(await page.evaluate(() => window.__story?.step)).toBe('second');
  });
});

it('opened on a broken script, shows the error, and loads the story once it is fixed', async () => {
  writeFileSync(script, original.script.replace('zoom: 8 }', 'zoom: 80 }'));
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(url);
  const overlay = page.locator('vite-error-overlay');
  await overlay.waitFor({ timeout: 15_000 });
  expect(await overlay.evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('steps[0].camera.zoom: 80 is too large: expected at most 22');
  writeFileSync(script, original.script);
  await settled(page, 'first');
  await page.close();
});

describe('?edit: the camera picker', () => {
  it('shows the camera of the view; the copied line, pasted into a step, reproduces that view', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${url}?edit`);
    await settled(page, 'first');
    const yaml = page.getByTestId('camera-yaml');
    const scripted = loadStoryFile(script).story!.views[0]!.camera;
    await page.waitForFunction((y) => document.querySelector('[data-testid="camera-yaml"]')?.textContent === y, cameraYaml(scripted));

    // Move the map by hand: pan, zoom, then tilt and turn.
    await page.mouse.move(700, 450);
    await page.mouse.down();
    await page.mouse.move(620, 380, { steps: 8 });
    await page.mouse.up();
    await page.mouse.wheel(0, -400);
    await page.mouse.move(700, 450);
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(740, 400, { steps: 8 });
    await page.mouse.up({ button: 'right' });
    await page.waitForFunction(() => !window.__story!.moving, null, { timeout: 15_000 });
    const moved = (await page.evaluate(() => window.__story!.camera()))!;
    expect(sameCamera(moved, scripted)).toBe(false);
    expect(moved.pitch).toBeGreaterThan(0);
    expect(Math.abs(moved.bearing)).toBeGreaterThan(0);
    await page.waitForFunction((y) => document.querySelector('[data-testid="camera-yaml"]')?.textContent === y, cameraYaml(moved), { timeout: 5_000 });
    expect(await page.locator('[data-testid="edit-panel"]').textContent()).toContain('Step first · sources: report-a');

    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await yaml.textContent());
    const pasted = Camera.parse(parse(copied).camera);

    // Paste it over the first step's camera; a fresh page opens on exactly that view.
    edit('    camera: { center: [36.4, 33.9], zoom: 8 }', `    ${copied}`);
    const fresh = await context.newPage();
    await fresh.goto(url);
    await settled(fresh, 'first');
    const shown = (await fresh.evaluate(() => window.__story!.camera()))!;
    expect(sameCamera(shown, pasted), `${JSON.stringify(shown)} vs ${copied}`).toBe(true);
    expect(sameCamera(shown, moved), `${JSON.stringify(shown)} vs ${JSON.stringify(moved)}`).toBe(true);

    // The step list jumps between steps.
    await page.getByRole('button', { name: /^second/ }).click();
    await settled(page, 'second');
    await context.close();
  });
});
