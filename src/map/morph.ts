// Front-line morphing, the runtime half. A plan made at build time (morph-plan.ts) says which
// ring of which snapshot is which area, where each ring starts and which way it runs, and where
// an area absent from a snapshot collapses to. Expanding it gives one vertex buffer per snapshot,
// every buffer the same length with vertex i the same point of the same area, so a frame between
// any two states (including a half-finished morph) is one linear interpolation.
export type Position = [number, number];

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

export const isWalk = (a: RingWalk | Position): a is RingWalk => !Array.isArray(a);

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

export const walkRing = (fc: GeoJSON.FeatureCollection, w: RingWalk): Position[] =>
  orient(distinct(polygonsOf(fc.features[w.f]!.geometry)[w.p]![w.r]!), w.start, w.reverse);

/** Position of each vertex along the closed ring as a fraction of its length, 0 for the first. */
export function arcParams(ring: readonly Position[], kx: number): Float64Array {
  const n = ring.length;
  const u = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    u[i] = total;
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    total += Math.hypot((b[0] - a[0]) * kx, b[1] - a[1]);
  }
  // A degenerate ring (all one point) is spread evenly rather than divided by zero.
  for (let i = 0; i < n; i++) u[i] = total > 0 ? u[i]! / total : i / n;
  return u;
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

/** Every snapshot as a vertex buffer of the same layout. */
export interface MorphSpace {
  plan: MorphPlan;
  /** first vertex of each slot in the buffers, and how many it has */
  offset: Int32Array;
  count: Int32Array;
  /** vertices in a buffer */
  size: number;
  /** per snapshot: x, y of every vertex of every slot */
  positions: Float64Array[];
  /** per snapshot: 1 where the slot's ring exists */
  present: Uint8Array[];
}

/**
 * Builds the buffers: each slot's rings are sampled at the union of their own vertex positions
 * (by arc length from their aligned starts), so every original vertex is kept exactly, and an
 * absent ring becomes its collapse point repeated.
 */
export function expand(fc: GeoJSON.FeatureCollection, plan: MorphPlan): MorphSpace {
  const S = plan.snapshots.length;
  const offset = new Int32Array(plan.slots.length);
  const count = new Int32Array(plan.slots.length);
  const rings = plan.slots.map((slot) =>
    slot.at.map((a) => {
      if (!isWalk(a)) return null;
      const ring = walkRing(fc, a);
      return { ring, params: arcParams(ring, plan.kx) };
    }),
  );
  const unions = rings.map((per) => unionParams(per.flatMap((r) => (r ? [r.params] : []))));
  let size = 0;
  unions.forEach((u, i) => {
    offset[i] = size;
    count[i] = u.length;
    size += u.length;
  });
  const positions = Array.from({ length: S }, () => new Float64Array(2 * size));
  const present = Array.from({ length: S }, () => new Uint8Array(plan.slots.length));
  plan.slots.forEach((slot, i) => {
    for (let s = 0; s < S; s++) {
      const r = rings[i]![s];
      if (r) {
        sampleRing(r.ring, r.params, unions[i]!, positions[s]!, offset[i]!);
        present[s]![i] = 1;
      } else {
        const [x, y] = slot.at[s] as Position;
        for (let k = offset[i]!; k < offset[i]! + count[i]!; k++) {
          positions[s]![2 * k] = x;
          positions[s]![2 * k + 1] = y;
        }
      }
    }
  });
  return { plan, offset, count, size, positions, present };
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

type Props = Record<string, unknown>;
/** The property a moving polygon carries while it gains ground, 0..1 (story-layers.ts draws it brighter). */
export const MORPH_GLOW = 'morphGlow';

/**
 * The state on screen and the frames toward a target. Buffers are allocated once; a frame writes
 * into them and into reused coordinate arrays, so the only allocation is the small feature list.
 */
export class Morpher {
  /** what is on screen: x, y of every vertex */
  readonly current: Float64Array;
  /** how far each slot exists on screen, 0..1 (0: collapsed to its point) */
  readonly presence: Float32Array;
  private readonly from: Float64Array;
  private readonly fromPresence: Float32Array;
  private readonly coords: Position[][];
  private readonly shapes: GeoJSON.Feature<GeoJSON.Polygon>[];
  private readonly slotsOf: number[][];
  private readonly glowFrom: Float32Array;
  private readonly glow: Float32Array;
  private readonly gains: Uint8Array;
  private target = -1;
  /** the snapshot last at rest, whose polygons stay behind as a fading ghost while a morph runs */
  ghost: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
  /** the ghost's opacity, 1 as a morph leaves a snapshot, 0 as it lands */
  fade = 0;
  private fadeFrom = 0;
  /** on a snapshot, not between two */
  private resting = false;

  constructor(
    readonly space: MorphSpace,
    readonly fc: GeoJSON.FeatureCollection,
  ) {
    const { plan, size, count } = space;
    this.current = new Float64Array(2 * size);
    this.from = new Float64Array(2 * size);
    this.presence = new Float32Array(plan.slots.length);
    this.fromPresence = new Float32Array(plan.slots.length);
    this.coords = plan.slots.map((_, i) => Array.from({ length: count[i]! + 1 }, (): Position => [0, 0]));
    this.slotsOf = plan.groups.map(() => []);
    plan.slots.forEach((s, i) => this.slotsOf[s.group]!.push(i));
    this.shapes = plan.groups.map(() => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } }));
    this.glowFrom = new Float32Array(plan.groups.length);
    this.glow = new Float32Array(plan.groups.length);
    this.gains = new Uint8Array(plan.groups.length);
  }

  get snapshots() {
    return this.space.plan.snapshots;
  }

  /** Puts snapshot `s` on screen at once; returns its features exactly as the data has them. */
  rest(s: number): GeoJSON.FeatureCollection {
    this.current.set(this.space.positions[s]!);
    this.presence.set(this.space.present[s]!);
    this.glow.fill(0);
    this.target = s;
    this.fade = 0;
    this.resting = true;
    this.ghost = snapshot(this.fc, this.snapshots[s]!);
    return this.ghost;
  }

  /** Starts a morph from what is on screen toward snapshot `s`; true when it leaves a snapshot at rest (a new ghost). */
  begin(s: number): boolean {
    if (this.target < 0) throw new Error('a morph needs a snapshot at rest to start from');
    const { plan, present } = this.space;
    this.from.set(this.current);
    this.fromPresence.set(this.presence);
    this.glowFrom.set(this.glow);
    const fromRest = this.resting;
    this.fadeFrom = fromRest ? 1 : this.fade;
    this.resting = false;
    this.target = s;
    // A polygon that gains ground glows while it moves; one that loses it leaves a fading ghost.
    plan.groups.forEach((g, gi) => {
      const outer = this.slotsOf[gi]![0]!;
      const before = this.fromPresence[outer]! > 0 ? this.groupArea(gi, this.from) : 0;
      const after = present[s]![outer] ? this.groupArea(gi, this.space.positions[s]!) : 0;
      this.gains[gi] = after > before * 1.005 + 1e-6 ? 1 : 0;
      const shape = this.shapes[gi]!;
      shape.properties = { ...(this.fc.features[g.props[s]!]!.properties as Props), [MORPH_GLOW]: 0 };
    });
    return fromRest;
  }

  private groupArea(gi: number, xy: Float64Array): number {
    const { offset, count } = this.space;
    return this.slotsOf[gi]!.reduce((a, slot, k) => a + (k === 0 ? 1 : -1) * ringAreaKm2(xy, offset[slot]!, count[slot]!), 0);
  }

  /** The polygons at progress `t` (0..1) of the morph begun last; also sets the ghost's `fade`. */
  frame(t: number): GeoJSON.FeatureCollection {
    const { from, current, fromPresence, presence, space, coords } = this;
    const to = space.positions[this.target]!;
    const toPresent = space.present[this.target]!;
    // a·(1 − t) + b·t, not a + (b − a)·t: exactly a at t = 0 and exactly b at t = 1, whatever the values.
    const s = 1 - t;
    for (let slot = 0; slot < presence.length; slot++) {
      presence[slot] = fromPresence[slot]! * s + toPresent[slot]! * t;
      const at = 2 * space.offset[slot]!;
      const end = at + 2 * space.count[slot]!;
      if (!(presence[slot]! > 0)) {
        // not drawn, but kept exact: a later morph starts from here
        for (let i = at; i < end; i++) current[i] = from[i]! * s + to[i]! * t;
        continue;
      }
      const out = coords[slot]!;
      for (let i = at, k = 0; i < end; i += 2, k++) {
        const v = out[k]!;
        v[0] = current[i] = from[i]! * s + to[i]! * t;
        v[1] = current[i + 1] = from[i + 1]! * s + to[i + 1]! * t;
      }
      out[out.length - 1]![0] = out[0]![0];
      out[out.length - 1]![1] = out[0]![1];
    }
    this.fade = this.fadeFrom * s;
    const features: GeoJSON.Feature[] = [];
    const pulse = Math.sin(Math.PI * t);
    this.slotsOf.forEach((slots, gi) => {
      this.glow[gi] = Math.max(this.glowFrom[gi]! * (1 - t), this.gains[gi] ? pulse : 0);
      if (!(presence[slots[0]!]! > 0)) return;
      const shape = this.shapes[gi]!;
      (shape.properties as Props)[MORPH_GLOW] = this.glow[gi];
      shape.geometry.coordinates = slots.filter((slot) => presence[slot]! > 0).map((slot) => coords[slot]!);
      features.push(shape);
    });
    return { type: 'FeatureCollection', features };
  }
}
