// Embedding weights: what a host page downloads for the story frames it embeds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export function report(dist = 'dist'): string[] {
  return [
    'Embedding (gzip -9)',
    `  embed.js (host script)      ${gz(join(dist, 'embed.js'))} B   [target ≤ 3072 B]`,
    `  embed.html + embed-page.js  ${gz(join(dist, 'embed.html')) + gz(join(dist, 'embed-page.js'))} B`,
  ];
}
