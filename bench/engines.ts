// Weight of each map engine as a reader downloads it (gzip -9): a build without a token holds
// maplibre-gl only; a build with one holds mapbox-gl, plus maplibre-gl for the fallback. Read from
// Vite's manifest: the engine module, the chunks it imports, its CSS and its worker, and apart,
// any module it loads only on demand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSite } from '../tests/browser/build.ts';
import { FAKE_TOKEN } from '../tests/browser/mapbox-fake.ts';

interface Chunk {
  file: string;
  name?: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

export interface EngineSize {
  engine: string;
  build: string;
  js: number;
  worker: number;
  css: number;
  /** modules fetched only when a feature needs them, by name */
  onDemand: { name: string; bytes: number }[];
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function measure(dist: string, entry: string, engine: string, build: string): EngineSize {
  const manifest: Record<string, Chunk> = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const closure = new Set<string>();
  const visit = (key: string) => {
    // index.html is the shell, already counted before the map.
    if (closure.has(key) || key === 'index.html') return;
    closure.add(key);
    for (const k of manifest[key]?.imports ?? []) visit(k);
  };
  visit(entry);
  const chunks = [...closure].map((k) => manifest[k]!);
  const size = (files: string[]) => files.reduce((n, f) => n + gz(join(dist, f)), 0);
  const onDemand = new Set<string>();
  for (const c of chunks) for (const k of c.dynamicImports ?? []) if (!closure.has(k)) onDemand.add(k);
  return {
    engine,
    build,
    js: size(chunks.map((c) => c.file)),
    worker: size(chunks.flatMap((c) => c.assets ?? []).filter((f) => /\.m?js$/.test(f))),
    css: size(chunks.flatMap((c) => c.css ?? [])),
    onDemand: [...onDemand].map((k) => ({ name: manifest[k]!.name ?? k, bytes: gz(join(dist, manifest[k]!.file)) })),
  };
}

export async function engineSizes(): Promise<EngineSize[]> {
  const offline = '.cache/bench/offline';
  const mapbox = '.cache/bench/mapbox';
  await buildSite(offline, {}, { manifest: true });
  await buildSite(mapbox, { VITE_MAPBOX_TOKEN: FAKE_TOKEN }, { manifest: true });
  return [
    measure(offline, 'src/map/engine/maplibre.ts', 'maplibre-gl', 'no token'),
    measure(mapbox, 'src/map/engine/mapbox.ts', 'mapbox-gl', 'with token'),
    measure(mapbox, 'src/map/engine/maplibre.ts', 'maplibre-gl (fallback)', 'with token'),
  ];
}
