// The suite's one Chromium: global-setup.ts starts it (a browser server) before the first test
// file and closes it after the last. Each file connects to it; closing a connected browser closes
// the contexts that file opened and disconnects. A file that needs other launch flags (no WebGL)
// launches a browser of its own with chromium.ts.
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the shared Chromium's WebSocket endpoint, from global-setup.ts */
    chromiumEndpoint: string;
  }
}

export function connect(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  if (!endpoint)
    throw new Error(
      'No shared Chromium: browser tests run in the Vitest project "browser", whose global setup (tests/browser/global-setup.ts) starts it',
    );
  return chromium.connect(endpoint);
}
