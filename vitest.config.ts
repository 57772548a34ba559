import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two workers on this 2-core machine, one per project: the Node tests run beside the one
    // Chromium file at a time, not after them (the default, one fewer than the cores, runs all in turn).
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.unit.test.ts'], testTimeout: 30_000, maxWorkers: 1 } },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.browser.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: SwiftShader takes a whole core.
          fileParallelism: false,
          // The files run one after another in one worker, sharing its loaded modules (playwright,
          // the story compiled once): each file still opens its own pages and servers.
          isolate: false,
        },
      },
    ],
  },
});
