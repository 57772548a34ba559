// Vite takes DEV/PROD from NODE_ENV before the mode, and Vitest sets NODE_ENV=test: a build
// run from a test would otherwise be a development build (dev-only modules, Svelte's dev mode),
// not the site readers get.
import { build, type InlineConfig } from 'vite';

export async function productionBuild(config: InlineConfig = {}): Promise<void> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build(config);
  } finally {
    process.env.NODE_ENV = before;
  }
}
