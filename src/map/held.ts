// The legend's counter: km² each side holds in each snapshot, measured on the sphere at build
// time, and the rows a step shows.
import type { Layer } from '../story/schema.ts';
import type { StoryData } from '../story/model.ts';
import { geometryAreaKm2 } from './morph.ts';
import { SIDES, type Side } from './palette.ts';

/** Ground a side holds: assessed control and its claims. Advances (no control) and contested ground are not counted. */
const HELD = new Set(['assessed', 'claimed']);

/** km² by front layer, snapshot date and side. */
export type HeldAreas = Record<string, Record<string, Partial<Record<Side, number>>>>;

export function heldAreas(layers: readonly Layer[], data: StoryData): HeldAreas {
  const out: HeldAreas = {};
  for (const layer of layers) {
    const fc = data[layer.id];
    if (layer.kind !== 'front' || !fc) continue;
    const bySnapshot: HeldAreas[string] = {};
    for (const f of fc.features) {
      const { snapshot, side, status } = (f.properties ?? {}) as Record<string, string>;
      const sides = (bySnapshot[snapshot!] ??= {});
      const km2 = HELD.has(status!) ? geometryAreaKm2(f.geometry) : 0;
      sides[side as Side] = (sides[side as Side] ?? 0) + km2;
    }
    for (const sides of Object.values(bySnapshot)) for (const s of Object.keys(sides) as Side[]) sides[s] = Math.round(sides[s]! * 10) / 10;
    out[layer.id] = bySnapshot;
  }
  return out;
}

export interface HeldRow {
  side: Side;
  km2: number;
  /** the most this side holds at any snapshot: room for the counter's widest figure */
  max: number;
}

/**
 * The counter's rows at a step: one per side that the visible front layers show at any of their
 * snapshots (so rows do not come and go as the front moves), in palette order; null with no front shown.
 */
export function heldRows(areas: HeldAreas, visible: readonly string[], snapshot: string | null): HeldRow[] | null {
  const layers = visible.filter((id) => areas[id]);
  if (!layers.length || snapshot === null) return null;
  const sides = new Set(layers.flatMap((id) => Object.values(areas[id]!).flatMap((s) => Object.keys(s))));
  return (Object.keys(SIDES) as Side[])
    .filter((side) => sides.has(side))
    .map((side) => {
      const at = (date: string) => layers.reduce((sum, id) => sum + (areas[id]![date]?.[side] ?? 0), 0);
      const dates = new Set(layers.flatMap((id) => Object.keys(areas[id]!)));
      return { side, km2: at(snapshot), max: Math.max(...[...dates].map(at)) };
    });
}
