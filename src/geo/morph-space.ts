// Front-line morphing, the page's half of the geometry: a plan (morph-plan.ts) expanded into one
// vertex buffer per snapshot, every buffer the same length with vertex i the same point of the
// same area, so a frame between any two states (including a half-finished morph) is one linear
// interpolation.
import { isWalk, walkRing, type MorphPlan } from './morph-plan.ts';
import { arcParams, sampleRing, unionParams, type Position } from './rings.ts';

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
