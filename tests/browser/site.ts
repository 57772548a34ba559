// The built site in Chromium, for one test file: a connection to the suite's browser and a server
// over `dir`, opened before the file's tests and closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { connect } from './browser.ts';
import { serveDir, type ServeOptions, type StaticServer } from './server.ts';

/** `serve`: how the server sends the files (extra headers, say). */
export function builtSite(dir = 'dist', serve: ServeOptions = {}): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([connect(), serveDir(dir, undefined, serve)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
  };
}
