// Builds the production site once, without a Mapbox token; every browser test serves that dist/.
import { buildSite } from './build.ts';

export default async function setup() {
  await buildSite('dist');
}
