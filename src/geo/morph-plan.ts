// Front-line morphing, the build-time half (run by the Vite plugin): pairs each area of each
// snapshot with the same area in the others (same side and id; parts and holes by nearest
// centre), makes every ring run the same way and start at the vertex that best matches the
// previous snapshot's, and picks the point an area grows from or shrinks to where it is absent.
// The page expands the plan (morph-space.ts) and runs it (map/front/).
import { arcLengths, centroid, distinct, orient, pointAt, polygonsOf, signedArea, type Position } from './rings.ts';

/** The polygons of one front-line snapshot (none for null). */
export const snapshot = (fc: GeoJSON.FeatureCollection, date: string | null): GeoJSON.FeatureCollection => ({
  type: 'FeatureCollection',
  features: date === null ? [] : fc.features.filter((f) => f.properties?.snapshot === date),
});

/** One ring of one snapshot: feature `f`, polygon `p` (0 for a Polygon), ring `r` (0 outer); walked from `start`. */
export interface RingWalk {
  f: number;
  p: number;
  r: number;
  /** index of the first vertex, counted along the walking direction */
  start: number;
  /** walk the ring backwards, so outer rings all run counter-clockwise and holes clockwise */
  reverse: boolean;
}

export interface MorphSlot {
  /** the polygon (group) this ring belongs to; a group's first slot is its outer ring */
  group: number;
  /** per snapshot: the ring, or the point it shrinks to / grows from where the area does not exist */
  at: (RingWalk | Position)[];
}

export interface MorphGroup {
  side: string;
  id: string;
  /** per snapshot: the feature whose properties the polygon carries (its own, else the nearest snapshot's) */
  props: number[];
}

export interface MorphPlan {
  /** snapshot dates, ascending */
  snapshots: string[];
  /** cos(latitude) of the region: scales longitude so that arc lengths along a ring are isotropic */
  kx: number;
  groups: MorphGroup[];
  slots: MorphSlot[];
}

/** The property a moving polygon carries while it gains ground, 0..1 (map/style/story-layers.ts draws it brighter). */
export const MORPH_GLOW = 'morphGlow';

export const isWalk = (a: RingWalk | Position): a is RingWalk => !Array.isArray(a);

export const walkRing = (fc: GeoJSON.FeatureCollection, w: RingWalk): Position[] =>
  orient(distinct(polygonsOf(fc.features[w.f]!.geometry)[w.p]![w.r]!), w.start, w.reverse);

/** Points compared along two rings to choose a start. */
const ALIGN_SAMPLES = 64;
/** Start vertices tried on a long ring before refining around the best (keeps big rings fast). */
const ALIGN_CANDIDATES = 512;
/** Vertices of a ring considered as the point it grows from. */
const ANCHOR_CANDIDATES = 256;

/**
 * Index of the vertex of `ring` to start from so that walking both rings by arc length keeps
 * matching points closest (least squares) to `ref`. Both rings must already run the same way.
 */
export function bestStart(ref: readonly Position[], ring: readonly Position[], kx: number): number {
  const n = ring.length;
  if (n < 2) return 0;
  const r = arcLengths(ref, kx);
  const samples = Array.from({ length: ALIGN_SAMPLES }, (_, k) => pointAt(ref, r.cum, r.total, (k / ALIGN_SAMPLES) * r.total));
  const { cum, total } = arcLengths(ring, kx);
  const cost = (j: number) => {
    let c = 0;
    for (let k = 0; k < ALIGN_SAMPLES; k++) {
      const s = (cum[j]! + (k / ALIGN_SAMPLES) * total) % total;
      const p = pointAt(ring, cum, total, s);
      const q = samples[k]!;
      c += ((p[0] - q[0]) * kx) ** 2 + (p[1] - q[1]) ** 2;
    }
    return c;
  };
  const stride = Math.max(1, Math.ceil(n / ALIGN_CANDIDATES));
  let best = 0;
  let bestCost = Infinity;
  const consider = (j: number) => {
    const c = cost(((j % n) + n) % n);
    if (c < bestCost) [best, bestCost] = [((j % n) + n) % n, c];
  };
  for (let j = 0; j < n; j += stride) consider(j);
  if (stride > 1) for (let j = best - stride + 1, end = best + stride; j < end; j++) consider(j);
  return best;
}

/** Squared scaled distance from p to the segment a–b. */
function segmentDistance2(p: Position, a: Position, b: Position, kx: number): number {
  const ax = a[0] * kx;
  const bx = b[0] * kx;
  const px = p[0] * kx;
  const dx = bx - ax;
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
  return (px - ax - t * dx) ** 2 + (p[1] - a[1] - t * dy) ** 2;
}

/** The vertex of `ring` nearest to any of `others`: where an area meets its side's ground. */
export function nearestVertex(ring: readonly Position[], others: readonly (readonly Position[])[], kx: number): Position {
  const stride = Math.max(1, Math.ceil(ring.length / ANCHOR_CANDIDATES));
  let best = ring[0]!;
  let bestD = Infinity;
  for (let i = 0; i < ring.length; i += stride) {
    const p = ring[i]!;
    for (const o of others) {
      for (let k = 0; k < o.length; k++) {
        const d = segmentDistance2(p, o[k]!, o[(k + 1) % o.length]!, kx);
        if (d < bestD) [best, bestD] = [p, d];
      }
    }
  }
  return [best[0], best[1]];
}

interface Found {
  walk: RingWalk;
  /** vertices as walked */
  pts: Position[];
}

interface RingTrack {
  at: (Found | null)[];
  last: Position[] | null;
  centre: Position;
}

interface AreaTrack extends RingTrack {
  side: string;
  id: string;
  holes: RingTrack[];
}

/** Pairs items with tracks, nearest centres first; returns the track index per item, or -1. */
function greedyMatch(tracks: readonly { centre: Position }[], centres: readonly Position[], kx: number): number[] {
  const pairs: [number, number, number][] = [];
  tracks.forEach((t, ti) => centres.forEach((c, ci) => pairs.push([((t.centre[0] - c[0]) * kx) ** 2 + (t.centre[1] - c[1]) ** 2, ti, ci])));
  pairs.sort((a, b) => a[0] - b[0]);
  const byItem = centres.map(() => -1);
  const used = new Set<number>();
  for (const [, ti, ci] of pairs) {
    if (used.has(ti) || byItem[ci] !== -1) continue;
    used.add(ti);
    byItem[ci] = ti;
  }
  return byItem;
}

/** Orients a ring (outer rings counter-clockwise, holes clockwise) and starts it where it best follows the track. */
function place(track: RingTrack, s: number, f: number, p: number, r: number, raw: Position[], kx: number): void {
  const reverse = signedArea(raw, kx) > 0 !== (r === 0);
  const oriented = orient(raw, 0, reverse);
  const start = track.last ? bestStart(track.last, oriented, kx) : 0;
  const pts = orient(oriented, start, false);
  track.at[s] = { walk: { f, p, r, start, reverse }, pts };
  track.last = pts;
  track.centre = centroid(pts);
}

/** The snapshot nearest to `s` at which the track exists (earlier on a tie). */
function nearestPresent(at: readonly (Found | null)[], s: number): number {
  for (let d = 0; d < at.length; d++) {
    if (at[s - d]) return s - d;
    if (at[s + d]) return s + d;
  }
  return -1;
}

/** Regional cos(latitude), from the mean latitude of every vertex. */
function regionKx(fc: GeoJSON.FeatureCollection): number {
  let sum = 0;
  let n = 0;
  for (const f of fc.features)
    for (const rings of polygonsOf(f.geometry))
      for (const ring of rings)
        for (const p of ring) {
          sum += p[1]!;
          n++;
        }
  return Math.cos(((n ? sum / n : 0) * Math.PI) / 180);
}

/** The morph plan of one front layer's data (already validated by the story loader). */
export function planMorph(fc: GeoJSON.FeatureCollection): MorphPlan {
  const snapshots = [...new Set(fc.features.map((f) => String(f.properties?.snapshot)))].sort();
  const kx = regionKx(fc);
  const S = snapshots.length;
  const tracks: AreaTrack[] = [];
  const newTrack = <T extends object>(extra: T): RingTrack & T => ({
    at: Array<Found | null>(S).fill(null),
    last: null,
    centre: [0, 0],
    ...extra,
  });

  snapshots.forEach((date, s) => {
    const byKey = new Map<string, { side: string; id: string; parts: { f: number; p: number; rings: Position[][] }[] }>();
    fc.features.forEach((feature, f) => {
      const props = feature.properties ?? {};
      if (props.snapshot !== date) return;
      const side = String(props.side);
      const id = String(props.id);
      const key = JSON.stringify([side, id]);
      const entry = byKey.get(key) ?? { side, id, parts: [] };
      byKey.set(key, entry);
      polygonsOf(feature.geometry).forEach((rings, p) => {
        const clean = rings.map(distinct);
        if (clean[0]!.length >= 3) entry.parts.push({ f, p, rings: clean });
      });
    });
    for (const { side, id, parts } of byKey.values()) {
      const own = tracks.filter((t) => t.side === side && t.id === id);
      const match = greedyMatch(
        own,
        parts.map((part) => centroid(part.rings[0]!)),
        kx,
      );
      parts.forEach((part, i) => {
        let track = own[match[i]!];
        if (!track) tracks.push((track = newTrack({ side, id, holes: [] as RingTrack[] })));
        place(track, s, part.f, part.p, 0, part.rings[0]!, kx);
        const holes = part.rings
          .slice(1)
          .map((ring, k) => ({ ring, r: k + 1 }))
          .filter((h) => h.ring.length >= 3);
        const holeMatch = greedyMatch(
          track.holes,
          holes.map((h) => centroid(h.ring)),
          kx,
        );
        holes.forEach((h, k) => {
          let hole = track.holes[holeMatch[k]!];
          if (!hole) track.holes.push((hole = newTrack({})));
          place(hole, s, part.f, part.p, h.r, h.ring, kx);
        });
      });
    }
  });

  // Where an area is absent it is a point: the vertex that touches its side's ground at that
  // snapshot (so it grows out of, or shrinks back into, the front), else its centre.
  const anchors = tracks.map((track) =>
    track.at.map((found, s): Position | null => {
      if (found) return null;
      const ring = track.at[nearestPresent(track.at, s)]!.pts;
      const friends = tracks.filter((t) => t !== track && t.side === track.side && t.at[s]).map((t) => t.at[s]!.pts);
      return friends.length ? nearestVertex(ring, friends, kx) : centroid(ring);
    }),
  );

  const groups: MorphGroup[] = [];
  const slots: MorphSlot[] = [];
  tracks.forEach((track, g) => {
    groups.push({ side: track.side, id: track.id, props: snapshots.map((_, s) => track.at[nearestPresent(track.at, s)]!.walk.f) });
    slots.push({ group: g, at: track.at.map((found, s) => found?.walk ?? anchors[g]![s]!) });
    for (const hole of track.holes) {
      slots.push({
        group: g,
        // A hole closes to its own centre inside a standing area, or follows its area's point.
        at: hole.at.map((found, s) => found?.walk ?? (track.at[s] ? centroid(hole.at[nearestPresent(hole.at, s)]!.pts) : anchors[g]![s]!)),
      });
    }
  });
  return { snapshots, kx, groups, slots };
}

/** Plans for every front layer of a story, by layer id. */
export const planFronts = (
  layers: readonly { id: string; kind: string }[],
  data: Readonly<Record<string, GeoJSON.FeatureCollection>>,
): Record<string, MorphPlan> =>
  Object.fromEntries(layers.filter((l) => l.kind === 'front' && data[l.id]).map((l) => [l.id, planMorph(data[l.id]!)]));
