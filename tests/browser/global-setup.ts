// Builds the production site once; every browser test serves that dist/.
import { productionBuild } from '../production-build.ts';

export default async function setup() {
  await productionBuild({ logLevel: 'warn', build: { outDir: 'dist' } });
}
