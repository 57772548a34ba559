// Ground each side holds: km² by front layer, snapshot and side, measured on the sphere at build
// time for the legend's counter.
import { geometryAreaKm2 } from './rings.ts';

/** Ground a side holds: assessed control and its claims. Advances (no control) and contested ground are not counted. */
const HELD = new Set(['assessed', 'claimed']);

/** km² by front layer, snapshot date and side. */
export type HeldAreas = Record<string, Record<string, Record<string, number>>>;

export function heldAreas(
  layers: readonly { id: string; kind: string }[],
  data: Readonly<Record<string, GeoJSON.FeatureCollection>>,
): HeldAreas {
  const out: HeldAreas = {};
  for (const layer of layers) {
    const fc = data[layer.id];
    if (layer.kind !== 'front' || !fc) continue;
    const bySnapshot: HeldAreas[string] = {};
    for (const f of fc.features) {
      const { snapshot, side, status } = (f.properties ?? {}) as Record<string, string>;
      const sides = (bySnapshot[snapshot!] ??= {});
      const km2 = HELD.has(status!) ? geometryAreaKm2(f.geometry) : 0;
      sides[side!] = (sides[side!] ?? 0) + km2;
    }
    for (const sides of Object.values(bySnapshot)) for (const s of Object.keys(sides)) sides[s] = Math.round(sides[s]! * 10) / 10;
    out[layer.id] = bySnapshot;
  }
  return out;
}

/** Sides shown in each status (assessed, claimed, contested, advance), by front layer and snapshot. */
export type FrontStatuses = Record<string, Record<string, Record<string, string[]>>>;

export function frontStatuses(
  layers: readonly { id: string; kind: string }[],
  data: Readonly<Record<string, GeoJSON.FeatureCollection>>,
): FrontStatuses {
  const out: FrontStatuses = {};
  for (const layer of layers) {
    const fc = data[layer.id];
    if (layer.kind !== 'front' || !fc) continue;
    const bySnapshot: FrontStatuses[string] = (out[layer.id] = {});
    for (const f of fc.features) {
      const { snapshot, side, status } = (f.properties ?? {}) as Record<string, string>;
      const sides = ((bySnapshot[snapshot!] ??= {})[status!] ??= []);
      if (!sides.includes(side!)) sides.push(side!);
    }
  }
  return out;
}
