// `npm run dev` for editors: mistakes show in the page with their location, and fixing the
// script brings the story back, without restarting anything.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storyPlugin } from '../../src/story/vite-plugin.ts';
import { launch, PHONE } from './chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'story-dev-'));
const script = join(dir, 'story.yaml');
let server: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'story'), dir, { recursive: true });
  server = await createServer({
    configFile: false,
    root: join(import.meta.dirname, '..', '..'),
    cacheDir: '.cache/vite-dev-test',
    logLevel: 'silent',
    plugins: [svelte(), storyPlugin({ script })],
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('shows a script error in the page at its line and column, then recovers when it is fixed', async () => {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(server.resolvedUrls!.local[0]!);
  await page.waitForFunction(() => window.__story?.step === 'first' && window.__story.mapStatus === 'ready', null, { timeout: 30_000 });

  const good = readFileSync(script, 'utf8');
  const broken = good.replace('chapter: offensive\n    date:', 'chapter: ofensive\n    date:');
  const line = broken.split('\n').findIndex((l) => l.includes('chapter: ofensive')) + 1;
  writeFileSync(script, broken);
  const overlay = page.locator('vite-error-overlay');
  await overlay.waitFor({ timeout: 15_000 });
  const text = await overlay.evaluate((el) => el.shadowRoot?.textContent ?? '');
  expect(text).toContain(`story.yaml:${line}:14  steps[1].chapter: unknown chapter "ofensive" (did you mean "offensive"?)`);

  writeFileSync(script, good.replace('A test story', 'A revised test story'));
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'A revised test story', null, { timeout: 15_000 });
  expect(await page.locator('vite-error-overlay').count()).toBe(0);
  await page.close();
});
