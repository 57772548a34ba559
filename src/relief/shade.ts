// The static maps' relief: one pre-shaded Web Mercator image over the cells, black with alpha.
// Black at alpha a over a colour is that colour multiplied by (1 − a), so the image darkens the
// shaded slopes of whatever land colour lies under it and leaves flat and lit ground untouched.
import { mercator } from '../geo/projection.ts';
import type { Bounds } from './elevation.ts';
import { lonLatOf } from './tiles.ts';

export interface ShadeOptions {
  /** image zoom, as the map's (a 512-px world at zoom 0) */
  zoom: number;
  /** light from this azimuth, degrees clockwise from north, and this altitude above the horizon */
  azimuth: number;
  altitude: number;
  /** vertical exaggeration: posts 0.9 km apart smooth the slopes */
  exaggeration: number;
  /** alpha of the darkest shadow, 0–1 */
  strength: number;
  /** pixels over which the image fades out at its edges, so it ends without a seam */
  fade: number;
}

export interface ShadeImage {
  width: number;
  height: number;
  /** RGBA, black with the shade in alpha */
  rgba: Uint8Array;
}

const EARTH_CIRCUMFERENCE = 40_075_016.686;

/** Hillshade of `height` over `bounds`, lit by Lambert's law and normalised so flat ground is 1 (no shade). */
export function shadeImage(height: (lon: number, lat: number) => number | null, bounds: Bounds, o: ShadeOptions): ShadeImage {
  const [west, south, east, north] = bounds;
  const world = 512 * 2 ** o.zoom;
  const [left, top] = mercator([west, north]);
  const [right, bottom] = mercator([east, south]);
  const width = Math.round((right - left) * world);
  const rows = Math.round((bottom - top) * world);
  const heights = new Float64Array(width * rows);
  const lats = new Float64Array(rows);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < width; x++) {
      const [lon, lat] = lonLatOf(left + ((x + 0.5) / width) * (right - left), top + ((y + 0.5) / rows) * (bottom - top));
      lats[y] = lat;
      heights[y * width + x] = height(lon, lat) ?? 0;
    }
  }
  const az = (o.azimuth * Math.PI) / 180;
  const alt = (o.altitude * Math.PI) / 180;
  // Unit vector towards the light: x east, y north, z up.
  const light = [Math.cos(alt) * Math.sin(az), Math.cos(alt) * Math.cos(az), Math.sin(alt)] as const;
  const rgba = new Uint8Array(width * rows * 4);
  const at = (x: number, y: number) => heights[Math.min(rows - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))]!;
  for (let y = 0; y < rows; y++) {
    // Ground metres per pixel at this latitude, scaled by the exaggeration.
    const metres = (EARTH_CIRCUMFERENCE * Math.cos((lats[y]! * Math.PI) / 180)) / world / o.exaggeration;
    for (let x = 0; x < width; x++) {
      const east = (at(x + 1, y) - at(x - 1, y)) / (2 * metres);
      const northward = (at(x, y - 1) - at(x, y + 1)) / (2 * metres);
      const lambert = (-east * light[0] - northward * light[1] + light[2]) / Math.hypot(east, northward, 1);
      const shadow = 1 - Math.min(1, Math.max(0, lambert) / light[2]);
      const edge = Math.min(1, (Math.min(x, y, width - 1 - x, rows - 1 - y) + 0.5) / o.fade);
      rgba[(y * width + x) * 4 + 3] = Math.round(255 * o.strength * shadow * edge);
    }
  }
  return { width, height: rows, rgba };
}
