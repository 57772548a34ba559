// Builds the production site once; every browser test serves that dist/.
import { build } from 'vite';

export default async function setup() {
  // Vitest runs with NODE_ENV=test, which would give a development build; readers get production.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', build: { outDir: 'dist' } });
  } finally {
    process.env.NODE_ENV = env;
  }
}
