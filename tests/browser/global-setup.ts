// Builds the production site once; every browser test serves that dist/.
import { build } from 'vite';

export default async function setup() {
  await build({ logLevel: 'warn', build: { outDir: 'dist' } });
}
