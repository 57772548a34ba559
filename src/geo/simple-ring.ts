// Whether a polygon ring is simple: a bow-tie (a ring crossing itself) or a ring with no area
// draws as nothing or as the wrong area, and its km² count is wrong. Segments are swept in order
// of their west end, so a ring of n vertices costs about n log n, not n².
export type Pos = readonly number[];

/** Twice the signed area (counter-clockwise positive) of a closed ring, in degrees². */
export function ringArea2(ring: readonly Pos[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return a;
}

const turn = (a: Pos, b: Pos, c: Pos) => (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
const within = (a: Pos, b: Pos, p: Pos) =>
  Math.min(a[0]!, b[0]!) <= p[0]! && p[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= p[1]! && p[1]! <= Math.max(a[1]!, b[1]!);

/** Whether segments ab and cd share a point (crossing, touching or overlapping). */
export function segmentsMeet(a: Pos, b: Pos, c: Pos, d: Pos): boolean {
  const [d1, d2, d3, d4] = [turn(c, d, a), turn(c, d, b), turn(a, b, c), turn(a, b, d)];
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && within(c, d, a)) || (d2 === 0 && within(c, d, b)) || (d3 === 0 && within(a, b, c)) || (d4 === 0 && within(a, b, d));
}

/**
 * The first pair of edges of a closed ring that meet other than at the vertex they share, as the
 * indices of their first positions (i < j), or null for a simple ring. Repeated positions are skipped.
 */
export function selfIntersection(ring: readonly Pos[]): [number, number] | null {
  // Indices of the distinct vertices: an edge runs from keep[k] to keep[k + 1].
  const keep: number[] = [];
  for (let i = 0; i < ring.length; i++) {
    const last = keep.length ? ring[keep[keep.length - 1]!]! : null;
    if (!last || last[0] !== ring[i]![0] || last[1] !== ring[i]![1]) keep.push(i);
  }
  const edges = keep.length - 1; // the last kept position repeats the first
  if (edges < 3) return null;
  const minX = (k: number) => Math.min(ring[keep[k]!]![0]!, ring[keep[k + 1]!]![0]!);
  const maxX = (k: number) => Math.max(ring[keep[k]!]![0]!, ring[keep[k + 1]!]![0]!);
  const order = Array.from({ length: edges }, (_, k) => k).sort((p, q) => minX(p) - minX(q));
  let found: [number, number] | null = null;
  for (let x = 0; x < order.length; x++) {
    const p = order[x]!;
    for (let y = x + 1; y < order.length && minX(order[y]!) <= maxX(p); y++) {
      const q = order[y]!;
      const [k, m] = p < q ? [p, q] : [q, p];
      if (m - k === 1 || (k === 0 && m === edges - 1)) continue; // neighbours share a vertex
      if (!segmentsMeet(ring[keep[k]!]!, ring[keep[k + 1]!]!, ring[keep[m]!]!, ring[keep[m + 1]!]!)) continue;
      if (!found || m < found[1] || (m === found[1] && k < found[0])) found = [k, m];
    }
  }
  return found && [keep[found[0]]!, keep[found[1]]!];
}
