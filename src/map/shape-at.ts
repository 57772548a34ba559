// Which shape a reader tapped: the same test on every engine and on the static maps, made on
// screen from what the map draws now (a front mid-morph as it is drawn, not as scripted).
import type { Layer } from '../story/schema.ts';
import { shapeKey } from '../story/evidence.ts';
import { linesOf, polygonsOf } from '../geo/rings.ts';
import type { MapAdapter } from './engine/adapter.ts';

type Screen = [number, number];

/** How far from a marker or an arrow a tap still counts, in CSS px: a fingertip's reach. */
export const TAP_SLOP = 14;

const dist2 = (a: Screen, b: Screen) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

function segmentDist2(p: Screen, a: Screen, b: Screen): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len)) : 0;
  return dist2(p, [a[0] + t * dx, a[1] + t * dy]);
}

/** Even-odd rule over the polygon's rings: holes excluded. */
function inside(p: Screen, rings: Screen[][]): boolean {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

/**
 * The key (evidence.ts) of the shape under `point` (CSS px in the map's box): a place before an
 * arrow before an area, as they are stacked; null over bare map.
 */
export function shapeAt(
  map: Pick<MapAdapter, 'visibleLayers' | 'layerData' | 'project'>,
  layers: readonly Layer[],
  point: Screen,
): string | null {
  const visible = new Set(map.visibleLayers());
  const shown = (kind: Layer['kind']) => layers.filter((l) => l.kind === kind && visible.has(l.id));
  const features = (l: Layer) => map.layerData(l.id)?.features ?? [];
  const key = (l: Layer, f: GeoJSON.Feature) => shapeKey(l.id, f.properties ?? {});
  const near = TAP_SLOP ** 2;

  for (const l of shown('places')) {
    let best: { key: string | null; d: number } = { key: null, d: near };
    for (const f of features(l)) {
      if (f.geometry.type !== 'Point') continue;
      const d = dist2(point, map.project(f.geometry.coordinates as Screen));
      if (d <= best.d) best = { key: key(l, f), d };
    }
    if (best.key) return best.key;
  }
  for (const l of shown('line')) {
    for (const f of features(l)) {
      for (const line of linesOf(f.geometry)) {
        const pts = line.map((c) => map.project(c as Screen));
        if (pts.some((a, i) => i > 0 && segmentDist2(point, pts[i - 1]!, a) <= near)) return key(l, f);
      }
    }
  }
  for (const l of shown('front')) {
    for (const f of features(l)) {
      if (
        polygonsOf(f.geometry).some((poly) =>
          inside(
            point,
            poly.map((ring) => ring.map((c) => map.project(c as Screen))),
          ),
        )
      ) {
        return key(l, f);
      }
    }
  }
  return null;
}
