// Bundle weights of a production build, split the way a reader downloads them: the shell
// (everything the first paint needs) and the map (loaded after the text has painted).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Sizes {
  /** JS and CSS the HTML loads directly */
  shell: { js: number; css: number; files: string[] };
  /** the map engine chunk, its worker, CSS and data */
  map: { js: number; worker: number; css: number; data: number };
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export function measure(dist = 'dist'): Sizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const direct = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const assets = readdirSync(join(dist, 'assets'));
  const sum = (files: string[]) => files.reduce((n, f) => n + gz(join(dist, f)), 0);
  const pick = (re: RegExp) => assets.filter((f) => re.test(f)).map((f) => `assets/${f}`);
  return {
    shell: { js: sum(direct.filter((f) => f.endsWith('.js'))), css: sum(direct.filter((f) => f.endsWith('.css'))), files: direct },
    map: {
      js: sum(pick(/^maplibre-(?!gl-worker).*\.js$/)),
      worker: sum(pick(/^maplibre-gl-worker.*\.mjs$/)),
      css: sum(pick(/^maplibre-.*\.css$/)),
      data: sum(pick(/^_virtual_story-data.*\.js$/)),
    },
  };
}
