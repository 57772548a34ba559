// Front-line morphing at run time: the state on screen and the frames toward a target snapshot,
// over the buffers of an expanded plan (geo/morph-space.ts).
import { MORPH_GLOW, snapshot } from '../../geo/morph-plan.ts';
import type { MorphSpace } from '../../geo/morph-space.ts';
import { ringAreaKm2, type Position } from '../../geo/rings.ts';
import { between } from '../../geo/timeline.ts';

type Props = Record<string, unknown>;

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

  /**
   * The polygons on `day` (ISO), put on screen at once: a snapshot's own day exactly as the data
   * has it (rest), a day between two snapshots the interpolation between them by date, with the
   * properties of the earlier (the last reported), no glow and no ghost. Outside the snapshots'
   * range, the first or the last.
   */
  onDay(day: string): GeoJSON.FeatureCollection {
    const { from, to, t } = between(this.snapshots, day);
    if (t === 0) return this.rest(from);
    const { positions, present, plan } = this.space;
    this.from.set(positions[from]!);
    this.fromPresence.set(present[from]!);
    this.glowFrom.fill(0);
    this.gains.fill(0);
    this.fadeFrom = 0;
    this.resting = false;
    this.target = to;
    this.ghost = { type: 'FeatureCollection', features: [] };
    plan.groups.forEach((g, gi) => {
      this.shapes[gi]!.properties = { ...(this.fc.features[g.props[from]!]!.properties as Props), [MORPH_GLOW]: 0 };
    });
    return this.frame(t);
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
