// Rings of GeoJSON polygons as plain maths: their vertices, lengths, areas and centres. Shared by
// the build (morph plans, km² counts) and the page (morphs, static maps); imports nothing of the project.
export type Position = [number, number];

/** The polygons of a geometry (none for other types). */
export function polygonsOf(g: GeoJSON.Geometry | null): GeoJSON.Position[][][] {
  if (g?.type === 'Polygon') return [g.coordinates];
  if (g?.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/** A ring's vertices without the closing repeat or consecutive duplicates. */
export function distinct(ring: readonly GeoJSON.Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0]!, p[1]!]);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  return out;
}

/** Rotates and orients a ring's distinct vertices as a walk says. */
export function orient(ring: readonly Position[], start: number, reverse: boolean): Position[] {
  const seq = reverse ? [...ring].reverse() : ring;
  return [...seq.slice(start), ...seq.slice(0, start)];
}

/** Every line and ring of a geometry, for drawing: polygon rings and line strings alike. */
export function linesOf(g: GeoJSON.Geometry | null): GeoJSON.Position[][] {
  if (g?.type === 'LineString') return [g.coordinates];
  if (g?.type === 'MultiLineString') return g.coordinates;
  return polygonsOf(g).flat();
}

/** Shoelace area in scaled lon/lat: positive when the ring runs counter-clockwise. */
export function signedArea(ring: readonly Position[], kx: number): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    a += p[0] * kx * q[1] - q[0] * kx * p[1];
  }
  return a / 2;
}

/** Area-weighted centre of a ring (its vertices' mean when it has no area). */
export function centroid(ring: readonly Position[]): Position {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    const c = p[0] * q[1] - q[0] * p[1];
    a += c;
    cx += (p[0] + q[0]) * c;
    cy += (p[1] + q[1]) * c;
  }
  if (Math.abs(a) < 1e-18) {
    const n = ring.length || 1;
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/** Arc lengths along a closed ring (longitude scaled by kx): each vertex's distance from the first, and the total. */
export function arcLengths(ring: readonly Position[], kx: number): { cum: Float64Array; total: number } {
  const cum = new Float64Array(ring.length);
  let total = 0;
  for (let i = 0; i < ring.length; i++) {
    cum[i] = total;
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    total += Math.hypot((b[0] - a[0]) * kx, b[1] - a[1]);
  }
  return { cum, total };
}

/** The point at arc length `s` (0 ≤ s < total) along the closed ring. */
export function pointAt(ring: readonly Position[], cum: Float64Array, total: number, s: number): Position {
  let lo = 0;
  let hi = ring.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cum[mid]! <= s) lo = mid;
    else hi = mid - 1;
  }
  const a = ring[lo]!;
  const b = ring[(lo + 1) % ring.length]!;
  const next = lo + 1 < ring.length ? cum[lo + 1]! : total;
  const f = next > cum[lo]! ? (s - cum[lo]!) / (next - cum[lo]!) : 0;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
}

/** Position of each vertex along the closed ring as a fraction of its length, 0 for the first. */
export function arcParams(ring: readonly Position[], kx: number): Float64Array {
  const { cum, total } = arcLengths(ring, kx);
  // A degenerate ring (all one point) is spread evenly rather than divided by zero.
  for (let i = 0; i < cum.length; i++) cum[i] = total > 0 ? cum[i]! / total : i / cum.length;
  return cum;
}

/**
 * Samples the closed ring at `us` (ascending, in [0, 1)) into `out` from vertex `at`.
 * A parameter equal to one of the ring's own gives that vertex exactly, not a rounded copy.
 */
export function sampleRing(ring: readonly Position[], params: Float64Array, us: ArrayLike<number>, out: Float64Array, at: number): void {
  const n = ring.length;
  let k = 0;
  for (let i = 0; i < us.length; i++) {
    const v = us[i]!;
    while (k + 1 < n && params[k + 1]! <= v) k++;
    const a = ring[k]!;
    let x = a[0];
    let y = a[1];
    if (v !== params[k]) {
      const b = ring[(k + 1) % n]!;
      const u1 = k + 1 < n ? params[k + 1]! : 1;
      const f = (v - params[k]!) / (u1 - params[k]!);
      x += (b[0] - a[0]) * f;
      y += (b[1] - a[1]) * f;
    }
    out[2 * (at + i)] = x;
    out[2 * (at + i) + 1] = y;
  }
}

/** Sorted union of the parameter lists (exact duplicates merged). */
export function unionParams(lists: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
  lists.reduce((at, l) => (all.set(l, at), at + l.length), 0);
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
  return all.slice(0, n);
}

const R_KM = 6371.0088;
const RAD = Math.PI / 180;

/**
 * Area of a ring on the sphere in km², positive whichever way it runs (the Chamberlain–Duquette
 * formula used by d3-geo and turf). `xy` holds x, y pairs from vertex `at`, `n` of them, not closed.
 */
export function ringAreaKm2(xy: ArrayLike<number>, at = 0, n = xy.length / 2): number {
  if (n < 3) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const lo = 2 * (at + ((i + n - 1) % n));
    const mid = 2 * (at + i);
    const hi = 2 * (at + ((i + 1) % n));
    sum += (xy[hi]! - xy[lo]!) * RAD * Math.sin(xy[mid + 1]! * RAD);
  }
  return Math.abs((sum * R_KM * R_KM) / 2);
}

export const positionsArea = (ring: readonly GeoJSON.Position[]): number => ringAreaKm2(distinct(ring).flat());

/** km² of a Polygon or MultiPolygon: outer rings minus holes. */
export const geometryAreaKm2 = (g: GeoJSON.Geometry | null): number =>
  polygonsOf(g).reduce((sum, rings) => sum + rings.reduce((a, ring, r) => a + (r === 0 ? 1 : -1) * positionsArea(ring), 0), 0);
