import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Node tests run after the Chromium files, on both cores (beside Chromium they slowed the
    // browser files more than they saved): groupOrder runs the projects in turn.
    maxWorkers: 2,
    projects: [
      {
        // The Node tests share one worker's modules too: importing them afresh for each file cost more than their tests.
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.unit.test.ts'],
          testTimeout: 30_000,
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
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
          maxWorkers: 1,
          sequence: { groupOrder: 0 },
          // The files run one after another in one worker, sharing its loaded modules (playwright,
          // the story compiled once): each file still opens its own pages and servers.
          isolate: false,
        },
      },
    ],
  },
});
