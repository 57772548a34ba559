// Terrarium elevation tiles (the encoding maplibre's raster-dem reads) over a sampler: which tiles
// cover an area, and each tile's pixels. Pure; the build encodes them as PNG.
import { mercator } from '../geo/projection.ts';
import type { Bounds } from './elevation.ts';

export interface TileId {
  z: number;
  x: number;
  y: number;
}

/** [lon, lat] of a point given as a share of the Web Mercator world from its top-left (mercator's inverse). */
export const lonLatOf = (x: number, y: number): [number, number] => [
  x * 360 - 180,
  (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI,
];

/** Every tile from `minzoom` to `maxzoom` that overlaps `bounds`, zoom by zoom, row by row. */
export function tilesOver([west, south, east, north]: Bounds, minzoom: number, maxzoom: number): TileId[] {
  const tiles: TileId[] = [];
  const [left, top] = mercator([west, north]);
  const [right, bottom] = mercator([east, south]);
  for (let z = minzoom; z <= maxzoom; z++) {
    const n = 2 ** z;
    // A bound exactly on a tile edge does not reach into the next tile.
    const [x0, x1] = [Math.floor(left * n), Math.ceil(right * n) - 1];
    const [y0, y1] = [Math.floor(top * n), Math.ceil(bottom * n) - 1];
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) tiles.push({ z, x, y });
  }
  return tiles;
}

/** How far beyond the cells (degrees) the relief takes to fade out. */
export const EDGE_FADE = 0.15;
/** Half the stretch of edge (degrees) whose mean height the relief fades to beyond it. */
const EDGE_SPAN = 0.3;

/**
 * Beyond `bounds`, a height that draws neither a cliff at the edge (it starts at the nearest edge
 * height) nor streaks away from it (repeating the edge would carry every ridge it cuts on for ever):
 * it eases, over EDGE_FADE, to the mean height of the nearby stretch of edge, which shades flat.
 */
function beyond(height: (lon: number, lat: number) => number | null, [west, south, east, north]: Bounds, lon: number, lat: number) {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const [cx, cy] = [clamp(lon, west, east), clamp(lat, south, north)];
  const at = (x: number, y: number) => height(clamp(x, west, east), clamp(y, south, north)) ?? 0;
  const distance = Math.hypot(lon - cx, lat - cy);
  if (distance === 0) return at(cx, cy);
  const t = Math.min(1, distance / EDGE_FADE);
  const ease = t * t * (3 - 2 * t);
  // Along the edge the point is beyond: east-west for the north and south edges, else north-south.
  const alongLon = lat !== cy;
  let sum = 0;
  for (let k = -4; k <= 4; k++) sum += alongLon ? at(cx + (k * EDGE_SPAN) / 4, cy) : at(cx, cy + (k * EDGE_SPAN) / 4);
  return (1 - ease) * at(cx, cy) + (ease * sum) / 9;
}

/**
 * The RGBA pixels of one tile, each the height at its centre: (h + 32768) × 256 = R·65536 + G·256 + B.
 * Pixels beyond `bounds` fade out smoothly (beyond).
 */
export function terrariumTile(
  height: (lon: number, lat: number) => number | null,
  bounds: Bounds,
  { z, x, y }: TileId,
  size: number,
): Uint8Array {
  const n = 2 ** z;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const [lon, lat] = lonLatOf((x + (px + 0.5) / size) / n, (y + (py + 0.5) / size) / n);
      const h = beyond(height, bounds, lon, lat);
      const v = Math.max(0, Math.min(65535.996, h + 32768));
      const i = (py * size + px) * 4;
      rgba[i] = Math.floor(v / 256);
      rgba[i + 1] = Math.floor(v) % 256;
      rgba[i + 2] = Math.floor((v % 1) * 256);
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}
