import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { ViteDevServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { decodeDted } from '../../src/relief/dted.ts';
import { elevationSampler } from '../../src/relief/elevation.ts';
import { RELIEF_BOUNDS, RELIEF_MAXZOOM, RELIEF_MINZOOM, RELIEF_SHADE } from '../../src/relief/relief.ts';
import { shadeImage } from '../../src/relief/shade.ts';
import { EDGE_FADE, lonLatOf, terrariumTile, tilesOver, type TileId } from '../../src/relief/tiles.ts';
import { reliefPlugin, renderRelief, SHADE } from '../../src/relief/vite-plugin.ts';
import { mercator } from '../../src/geo/projection.ts';

const DIR = join(import.meta.dirname, '../../assets/relief');
const cells = readdirSync(DIR)
  .filter((f) => f.endsWith('.dt0'))
  .map((f) => decodeDted(new Uint8Array(readFileSync(join(DIR, f))), f));
const height = elevationSampler(cells);

/** Height a Terrarium pixel encodes, as maplibre decodes it. */
const terrarium = (rgba: Uint8Array, i: number) => rgba[i * 4]! * 256 + rgba[i * 4 + 1]! + rgba[i * 4 + 2]! / 256 - 32768;

/** The tile at (lon, lat) and the pixel index there. */
function pixelAt(lon: number, lat: number, z: number, size = 256): { tile: TileId; index: number } {
  const [mx, my] = mercator([lon, lat]).map((v) => v * 2 ** z);
  const tile = { z, x: Math.floor(mx!), y: Math.floor(my!) };
  return { tile, index: Math.floor((my! - tile.y) * size) * size + Math.floor((mx! - tile.x) * size) };
}

describe('relief tiles', () => {
  it('cover the cells from zoom 5 to 9: one tile at zoom 5, 30 at zoom 9', () => {
    expect([RELIEF_MINZOOM, RELIEF_MAXZOOM]).toEqual([5, 9]);
    const count = (z: number) => tilesOver(RELIEF_BOUNDS, z, z).length;
    expect([5, 6, 7, 8, 9].map(count)).toEqual([1, 1, 4, 12, 30]);
    // Each tile overlaps the bounds, and the bounds' corners each fall in a tile.
    for (const { z, x, y } of tilesOver(RELIEF_BOUNDS, 5, 9)) {
      const [w, n] = lonLatOf(x / 2 ** z, y / 2 ** z);
      const [e, s] = lonLatOf((x + 1) / 2 ** z, (y + 1) / 2 ** z);
      expect(w < 38 && e > 35 && s < 35 && n > 33, `${z}/${x}/${y}`).toBe(true);
    }
    for (const [lon, lat] of [
      [35.001, 33.001],
      [37.999, 34.999],
    ])
      expect(tilesOver(RELIEF_BOUNDS, 9, 9)).toContainEqual(pixelAt(lon!, lat!, 9).tile);
  });

  it('encode the bilinear height at each pixel centre in Terrarium, to 1/256 m', () => {
    const { tile, index } = pixelAt(36.42, 34.18, 9);
    const rgba = terrariumTile(height, RELIEF_BOUNDS, tile, 256);
    expect(Math.abs(terrarium(rgba, index) - 1428)).toBeLessThan(30);
    const n = 2 ** 9;
    for (const i of [0, 1000, 40_000, 65_535]) {
      const [lon, lat] = lonLatOf((tile.x + ((i % 256) + 0.5) / 256) / n, (tile.y + (Math.floor(i / 256) + 0.5) / 256) / n);
      expect(terrarium(rgba, i)).toBeCloseTo(height(lon, lat)!, 2);
      expect(rgba[i * 4 + 3]).toBe(255);
    }
  });

  it('have no steps at the posts: a pixel changes by at most its share of the steepest post-to-post change', () => {
    const { tile } = pixelAt(36.4, 34.05, 9);
    const rgba = terrariumTile(height, RELIEF_BOUNDS, tile, 256);
    let pixelStep = 0;
    for (let y = 0; y < 256; y++)
      for (let x = 1; x < 256; x++)
        pixelStep = Math.max(pixelStep, Math.abs(terrarium(rgba, y * 256 + x) - terrarium(rgba, y * 256 + x - 1)));
    const cell = cells.find((c) => c.name === 'e036_n34.dt0')!;
    let postStep = 0;
    for (let i = cell.rows; i < cell.heights.length; i++)
      postStep = Math.max(postStep, Math.abs(cell.heights[i]! - cell.heights[i - cell.rows]!));
    // Nearest-post sampling would jump by a whole post's change; bilinear spreads it over the pixels between posts.
    const share = 360 / 2 ** 9 / 256 / cell.lonStep;
    expect(share).toBeCloseTo(1 / 3, 1);
    expect(pixelStep).toBeGreaterThan(0);
    expect(pixelStep).toBeLessThanOrEqual(postStep * share + 1);
  });

  it('fade out beyond the cells: no cliff at the edge, no streaks away from it', () => {
    // The z7 tile holding the cells' south edge (33 N) at 36.5 E reaches about 0.8° beyond it.
    const { tile } = pixelAt(36.5, 33.01, 7);
    const rgba = terrariumTile(height, RELIEF_BOUNDS, tile, 256);
    const rowAt = (lat: number) => Math.round((mercator([0, lat])[1]! * 2 ** 7 - tile.y) * 256 - 0.5);
    const row = (r: number) => Array.from({ length: 256 }, (_, x) => terrarium(rgba, r * 256 + x));
    // the steepest east-west step between neighbouring pixels: what draws a ridge's shading
    const rough = (r: number) =>
      Math.max(
        ...row(r)
          .slice(1)
          .map((h, x) => Math.abs(h - row(r)[x]!)),
      );
    // across the edge, heights change no more than between two rows inside it (no cliff)
    const edge = rowAt(33);
    const jump = (r: number) => Math.max(...row(r).map((h, x) => Math.abs(h - row(r + 1)[x]!)));
    expect(jump(edge)).toBeLessThanOrEqual(1.5 * Math.max(jump(edge - 2), jump(edge - 3)) + 10);
    // well beyond it: an east-west profile far flatter than the edge's (no ridges carried on)
    expect(rough(rowAt(33 - EDGE_FADE - 0.05))).toBeLessThan(rough(rowAt(33.01)) / 3);
  });
});

describe('relief shade for the static maps', () => {
  const small = { ...SHADE, zoom: 5 };

  it('covers the cells in Web Mercator at the given zoom', () => {
    const image = shadeImage(height, RELIEF_BOUNDS, small);
    const [left, top] = mercator([35, 35]);
    const [right, bottom] = mercator([38, 33]);
    expect(image.width).toBe(Math.round((right - left) * 512 * 32));
    expect(image.height).toBe(Math.round((bottom - top) * 512 * 32));
    expect(image.rgba.length).toBe(image.width * image.height * 4);
  });

  it('is black, shading the slopes turned from the north-west light, fading out at its edges', () => {
    const { width, rgba } = shadeImage(height, RELIEF_BOUNDS, SHADE);
    const alpha = (x: number, y: number) => rgba[(y * width + x) * 4 + 3]!;
    expect(rgba.every((v, i) => i % 4 === 3 || v === 0)).toBe(true);
    expect(alpha(0, 0)).toBe(0);
    let darkest = 0;
    for (let i = 3; i < rgba.length; i += 4) darkest = Math.max(darkest, rgba[i]!);
    expect(darkest).toBe(Math.round(255 * SHADE.strength));
    // The Beqaa's floor is flat and left bare; the Anti-Lebanon's slopes are shaded.
    const [left, top] = mercator([35, 35]);
    const world = 512 * 2 ** SHADE.zoom;
    const meanAlpha = ([w, s, e, n]: [number, number, number, number]) => {
      const [x0, y0] = mercator([w, n]).map((v, i) => Math.floor((v - (i ? top : left)) * world));
      const [x1, y1] = mercator([e, s]).map((v, i) => Math.floor((v - (i ? top : left)) * world));
      let sum = 0;
      for (let y = y0!; y < y1!; y++) for (let x = x0!; x < x1!; x++) sum += alpha(x, y);
      return sum / ((x1! - x0!) * (y1! - y0!));
    };
    const beqaa = meanAlpha([35.95, 33.82, 36.02, 33.88]);
    const antiLebanon = meanAlpha([36.2, 33.8, 36.6, 34.2]);
    expect(beqaa).toBeLessThan(5);
    expect(antiLebanon).toBeGreaterThan(2 * beqaa);
  });
});

describe('the relief plugin', () => {
  const files = renderRelief(DIR);

  it('renders every tile and the shade, under budget: tiles 2.2 MB in all, the shade under 150 kB', () => {
    const tiles = [...files.keys()].filter((k) => k !== RELIEF_SHADE);
    expect(tiles).toHaveLength(tilesOver(RELIEF_BOUNDS, RELIEF_MINZOOM, RELIEF_MAXZOOM).length);
    for (const path of tiles) expect(path).toMatch(/^relief\/\d+\/\d+\/\d+\.png$/);
    const bytes = tiles.reduce((n, k) => n + files.get(k)!.length, 0);
    expect(bytes).toBeLessThan(3_000_000);
    expect(files.get(RELIEF_SHADE)!.length).toBeLessThan(150_000);
  });

  it('writes PNGs maplibre reads: 256 × 256 Terrarium tiles, a grey-and-alpha shade', () => {
    const { tile, index } = pixelAt(36.1, 33.72, 9);
    const png = PNG.sync.read(files.get(`relief/${tile.z}/${tile.x}/${tile.y}.png`)!);
    expect([png.width, png.height]).toEqual([256, 256]);
    expect(Math.abs(terrarium(png.data, index) - 1164)).toBeLessThan(30);
    const shade = PNG.sync.read(files.get(RELIEF_SHADE)!);
    expect(shade.width).toBeGreaterThan(500);
  });

  it('renders the same bytes every time', () => {
    const again = renderRelief(DIR);
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [k, v] of again) expect(v.equals(files.get(k)!), k).toBe(true);
  });

  it('refuses a folder of cells that no longer covers RELIEF_BOUNDS, or holds none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-'));
    try {
      expect(() => renderRelief(dir)).toThrow('no elevation cells');
      copyFileSync(join(DIR, 'e036_n34.dt0'), join(dir, 'e036_n34.dt0'));
      expect(() => renderRelief(dir)).toThrow(
        'the cells cover [36, 34, 37, 35], RELIEF_BOUNDS in src/relief/relief.ts says [35, 33, 38, 35]',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the files from the dev server at their path under any base, and nothing else', async () => {
    let middleware: ((req: IncomingMessage, res: ServerResponse, next: () => void) => void) | undefined;
    const configureServer = reliefPlugin().configureServer as (server: ViteDevServer) => void;
    configureServer({ middlewares: { use: (fn: typeof middleware) => (middleware = fn) } } as unknown as ViteDevServer);
    const request = (url: string) => {
      let sent: { status: number; body?: Buffer } = { status: 0 };
      let passed = false;
      const res = {
        writeHead: (status: number) => (sent = { status }),
        end: (body: Buffer) => (sent.body = body),
      } as unknown as ServerResponse;
      middleware!({ url } as IncomingMessage, res, () => (passed = true));
      return { ...sent, passed };
    };
    const { tile } = pixelAt(36.4, 34, 9);
    const path = `relief/${tile.z}/${tile.x}/${tile.y}.png`;
    expect(request(`/${path}?t=1`).body?.equals(files.get(path)!)).toBe(true);
    expect(request(`/news/story/${RELIEF_SHADE}`).status).toBe(200);
    expect(request('/relief/9/0/0.png').passed).toBe(true);
    expect(request('/assets/main.js').passed).toBe(true);
  });
});
