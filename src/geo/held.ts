// Ground each side holds: km² by front layer, snapshot and side, measured on the sphere at build
// time for the legend's counter.
import { geometryAreaKm2 } from './rings.ts';
import { between } from './timeline.ts';

/** Ground a side holds: assessed control and its claims. Advances (no control) and contested ground are not counted. */
const HELD = new Set(['assessed', 'claimed']);

/** km² by front layer, snapshot date and side. */
export type HeldAreas = Record<string, Record<string, Record<string, number>>>;

type Layers = readonly { id: string; kind: string }[];
type Data = Readonly<Record<string, GeoJSON.FeatureCollection>>;

const fronts = (layers: Layers, data: Data) => layers.filter((l) => l.kind === 'front' && data[l.id]);

/** Every polygon of the front layers, with the properties both tallies read. */
function* frontPolygons(layers: Layers, data: Data) {
  for (const layer of fronts(layers, data)) {
    for (const f of data[layer.id]!.features) {
      const { snapshot, side, status } = (f.properties ?? {}) as Record<string, string>;
      yield { layer: layer.id, snapshot: snapshot!, side: side!, status: status!, geometry: f.geometry };
    }
  }
}

export function heldAreas(layers: Layers, data: Data): HeldAreas {
  const out: HeldAreas = Object.fromEntries(fronts(layers, data).map((l) => [l.id, {}]));
  for (const { layer, snapshot, side, status, geometry } of frontPolygons(layers, data)) {
    const sides = (out[layer]![snapshot] ??= {});
    sides[side] = (sides[side] ?? 0) + (HELD.has(status) ? geometryAreaKm2(geometry) : 0);
  }
  for (const bySnapshot of Object.values(out))
    for (const sides of Object.values(bySnapshot)) for (const s of Object.keys(sides)) sides[s] = Math.round(sides[s]! * 10) / 10;
  return out;
}

/**
 * The tallies with `day` added to each layer, a day between two snapshots weighed as the shapes
 * drawn on it are (linearly by date, timeline.ts); a snapshot's own day is its tally as measured.
 * Rounded as the measured tallies are.
 */
export function withDay(areas: HeldAreas, day: string): HeldAreas {
  return Object.fromEntries(
    Object.entries(areas).map(([layer, bySnapshot]) => {
      const snapshots = Object.keys(bySnapshot).sort();
      if (!snapshots.length || bySnapshot[day]) return [layer, bySnapshot];
      const { from, to, t } = between(snapshots, day);
      const a = bySnapshot[snapshots[from]!]!;
      const b = bySnapshot[snapshots[to]!]!;
      const sides = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      const km2 = (s: string) => Math.round(((a[s] ?? 0) * (1 - t) + (b[s] ?? 0) * t) * 10) / 10;
      return [layer, { ...bySnapshot, [day]: Object.fromEntries(sides.map((s) => [s, km2(s)])) }];
    }),
  );
}

/** Sides shown in each status (assessed, claimed, contested, advance), by front layer and snapshot. */
export type FrontStatuses = Record<string, Record<string, Record<string, string[]>>>;

export function frontStatuses(layers: Layers, data: Data): FrontStatuses {
  const out: FrontStatuses = Object.fromEntries(fronts(layers, data).map((l) => [l.id, {}]));
  for (const { layer, snapshot, side, status } of frontPolygons(layers, data)) {
    const sides = ((out[layer]![snapshot] ??= {})[status] ??= []);
    if (!sides.includes(side)) sides.push(side);
  }
  return out;
}
