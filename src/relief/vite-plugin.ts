// The relief, rendered at build time from the DTED cells in assets/relief: Terrarium tiles for the
// map engine and one shaded image for the static maps, emitted as relief/… and served at the same
// paths by the dev server. Rendered once (about 2 s), the same bytes every time: kept in the
// project's .cache/ for the next build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import type { Plugin } from 'vite';
import { decodeDted } from './dted.ts';
import { elevationSampler, extentOf } from './elevation.ts';
import { RELIEF_BOUNDS, RELIEF_MAXZOOM, RELIEF_MINZOOM, RELIEF_SHADE, RELIEF_TILE_SIZE, RELIEF_TILES } from './relief.ts';
import { shadeImage, type ShadeOptions } from './shade.ts';
import { terrariumTile, tilesOver } from './tiles.ts';

/**
 * The static maps' shade: zoom 7.5 keeps the image under 150 kB (it is scaled up at the story's
 * closer zooms, where a soft shade blurs gracefully); light from the north-west, as the live map's.
 */
export const SHADE: ShadeOptions = { zoom: 7.5, azimuth: 315, altitude: 45, exaggeration: 2, strength: 0.5, fade: 8 };

const png = (width: number, height: number, rgba: Uint8Array, colorType: 2 | 4) => {
  const image = new PNG({ width, height });
  image.data = Buffer.from(rgba);
  return PNG.sync.write(image, { colorType, deflateLevel: 9 });
};

/** Every relief file of the site, by its path relative to the site's root. */
export function renderRelief(dir: string): Map<string, Buffer> {
  const cells = readdirSync(dir)
    .filter((f) => f.endsWith('.dt0'))
    .sort()
    .map((f) => decodeDted(new Uint8Array(readFileSync(join(dir, f))), f));
  const extent = extentOf(cells);
  if (extent.join() !== RELIEF_BOUNDS.join())
    throw new Error(
      `${dir}: the cells cover [${extent.join(', ')}], RELIEF_BOUNDS in src/relief/relief.ts says [${RELIEF_BOUNDS.join(', ')}]`,
    );
  const height = elevationSampler(cells);
  const files = new Map<string, Buffer>();
  for (const tile of tilesOver(extent, RELIEF_MINZOOM, RELIEF_MAXZOOM)) {
    const path = RELIEF_TILES.replace('{z}', `${tile.z}`).replace('{x}', `${tile.x}`).replace('{y}', `${tile.y}`);
    files.set(path, png(RELIEF_TILE_SIZE, RELIEF_TILE_SIZE, terrariumTile(height, extent, tile, RELIEF_TILE_SIZE), 2));
  }
  const shade = shadeImage(height, extent, SHADE);
  files.set(RELIEF_SHADE, png(shade.width, shade.height, shade.rgba, 4));
  return files;
}

/** Rendered files by folder of cells: every build and dev server of the process shares them. */
const rendered = new Map<string, Map<string, Buffer>>();

/**
 * The files for the cells in `dir`, from `cacheDir` when a process has rendered the same cells
 * with the same code before (the test suite builds the site several times, in several
 * processes), else rendered and kept there. Keyed by the cells' bytes and this folder's code.
 */
export function cachedRelief(dir: string, cacheDir: string): Map<string, Buffer> {
  const code = dirname(fileURLToPath(import.meta.url));
  const key = createHash('sha256');
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.dt0'))
    .sort())
    key.update(f).update(readFileSync(join(dir, f)));
  for (const f of readdirSync(code)
    .filter((f) => f.endsWith('.ts'))
    .sort())
    key.update(f).update(readFileSync(join(code, f)));
  const file = join(cacheDir, `${key.digest('hex').slice(0, 32)}.json`);
  if (existsSync(file)) {
    const entries = JSON.parse(readFileSync(file, 'utf8')) as [string, string][];
    return new Map(entries.map(([path, data]) => [path, Buffer.from(data, 'base64')]));
  }
  const files = renderRelief(dir);
  mkdirSync(cacheDir, { recursive: true });
  // Whole or not at all, for a build running beside.
  writeFileSync(`${file}.${process.pid}`, JSON.stringify([...files].map(([path, data]) => [path, data.toString('base64')])));
  renameSync(`${file}.${process.pid}`, file);
  return files;
}

/** `dir`: the cells, relative to the project's root. */
export function reliefPlugin({ dir = 'assets/relief' }: { dir?: string } = {}): Plugin {
  let root = process.cwd();
  const relief = () => {
    const path = resolve(root, dir);
    if (!rendered.has(path)) rendered.set(path, cachedRelief(path, join(root, '.cache', 'relief')));
    return rendered.get(path)!;
  };
  return {
    name: 'story-relief',
    // for the share cards' static maps (src/share/vite-plugin.ts)
    api: { files: relief },
    configResolved(config) {
      root = config.root;
    },
    generateBundle() {
      for (const [fileName, source] of relief()) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        // The page asks relative to its own address (base './'): match the path's end.
        const path = /(?:^|\/)(relief\/[\w/.]+\.png)$/.exec(new URL(req.url ?? '/', 'http://x').pathname)?.[1];
        const file = path && relief().get(path);
        if (!file) return next();
        res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-cache' });
        res.end(file);
      });
    },
  };
}
