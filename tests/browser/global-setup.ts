// Before the first browser test file: checks that Chromium is there (a missing browser fails the
// run here, loudly, rather than as every test skipped behind a failed beforeAll), builds the
// production site once without a Mapbox token (every file that serves dist/ shares it), and
// starts the one Chromium the files connect to (browser.ts).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build.ts';
import { CHROMIUM, CHROMIUM_ARGS, SUITE_FLAGS } from './chromium.ts';
import type {} from './browser.ts';

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  await buildSite('dist');
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...SUITE_FLAGS] });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
