// Heights anywhere over a set of DTED cells: bilinear between the four posts around a point, so
// the relief rendered from it has no steps at the posts.
import { DTED_VOID, type DtedCell } from './dted.ts';

/** [west, south, east, north], degrees */
export type Bounds = [number, number, number, number];

/** The area the cells cover together (their bounding box). */
export function extentOf(cells: readonly DtedCell[]): Bounds {
  if (cells.length === 0) throw new Error('no elevation cells');
  return [
    Math.min(...cells.map((c) => c.west)),
    Math.min(...cells.map((c) => c.south)),
    Math.max(...cells.map((c) => c.west + (c.columns - 1) * c.lonStep)),
    Math.max(...cells.map((c) => c.south + (c.rows - 1) * c.latStep)),
  ];
}

/**
 * Height in metres at (lon, lat), or null outside every cell. A void post counts as sea level:
 * Level 0 cells of this region have none, and a hole must not take the whole square around it.
 */
export function elevationSampler(cells: readonly DtedCell[]): (lon: number, lat: number) => number | null {
  return (lon, lat) => {
    const cell = cells.find(
      (c) => lon >= c.west && lon <= c.west + (c.columns - 1) * c.lonStep && lat >= c.south && lat <= c.south + (c.rows - 1) * c.latStep,
    );
    if (!cell) return null;
    const x = (lon - cell.west) / cell.lonStep;
    const y = (lat - cell.south) / cell.latStep;
    // The last column and row belong to the square before them (they are the next cell's first).
    const i = Math.min(Math.floor(x), cell.columns - 2);
    const j = Math.min(Math.floor(y), cell.rows - 2);
    const fx = x - i;
    const fy = y - j;
    const at = (col: number, row: number) => {
      const h = cell.heights[col * cell.rows + row]!;
      return h === DTED_VOID ? 0 : h;
    };
    const south = at(i, j) * (1 - fx) + at(i + 1, j) * fx;
    const north = at(i, j + 1) * (1 - fx) + at(i + 1, j + 1) * fx;
    return south * (1 - fy) + north * fy;
  };
}
