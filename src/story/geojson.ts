// Structural checks for a layer's GeoJSON file: what the map engine would otherwise reject
// silently at run time (wrong geometry for the layer kind, open, crossed or flat rings, lon/lat
// swapped), and shapes too large to check in bounded time.
import type { Layer } from './schema.ts';
import { CONFIDENCE, type EvidenceKind } from './confidence.ts';
import { count, LIMITS } from './limits.ts';
import { ringArea2, selfIntersection } from '../geo/simple-ring.ts';

export interface GeoIssue {
  path: (string | number)[];
  message: string;
}

const GEOMETRIES: Record<Layer['kind'], readonly string[]> = {
  places: ['Point'],
  label: ['Point'],
  line: ['LineString', 'MultiLineString'],
  area: ['Polygon', 'MultiPolygon'],
  front: ['Polygon', 'MultiPolygon'],
};

export const SIDES = ['government', 'rebels', 'isil', 'lebanese-army'] as const;
/** ISW's terms: assessed control, claimed by one side, advance without control; contested ground */
export const STATUSES = ['assessed', 'claimed', 'advance', 'contested'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkPosition(p: unknown, path: GeoIssue['path'], out: GeoIssue[]): void {
  if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    out.push({ path, message: 'expected a position [longitude, latitude]' });
    return;
  }
  const [lon, lat] = p as number[];
  if (lon! < -180 || lon! > 180) out.push({ path, message: `longitude ${lon} is outside −180..180` });
  if (lat! < -90 || lat! > 90) out.push({ path, message: `latitude ${lat} is outside −90..90 (are longitude and latitude swapped?)` });
}

function checkLine(coords: unknown, path: GeoIssue['path'], min: number, out: GeoIssue[]): coords is number[][] {
  if (!Array.isArray(coords) || coords.length < min) {
    out.push({ path, message: `expected at least ${min} positions` });
    return false;
  }
  if (coords.length > LIMITS.verticesPerShape) {
    const message = `${count(coords.length)} positions, more than the ${count(LIMITS.verticesPerShape)} a shape may have: simplify it (e.g. mapshaper -simplify)`;
    out.push({ path, message });
    return false;
  }
  const before = out.length;
  coords.forEach((p, i) => checkPosition(p, [...path, i], out));
  return out.length === before;
}

function checkRing(ring: unknown, path: GeoIssue['path'], out: GeoIssue[]): void {
  if (!checkLine(ring, path, 4, out)) return;
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1])
    return void out.push({ path, message: 'polygon ring is not closed: its last position must repeat the first' });
  const crossing = selfIntersection(ring);
  if (crossing) {
    const [i, j] = crossing;
    return void out.push({
      path: [...path, j],
      message: `polygon ring crosses itself: the edge from position ${j} meets the edge from position ${i} (a bow-tie? reorder the positions)`,
    });
  }
  // A simple ring under a square metre: its positions lie on one line.
  if (Math.abs(ringArea2(ring)) < 2e-10) out.push({ path, message: 'polygon ring has no area: its positions lie on one line' });
}

function checkGeometry(g: unknown, allowed: readonly string[], path: GeoIssue['path'], out: GeoIssue[]): void {
  if (!isObject(g)) return void out.push({ path, message: 'expected a geometry object' });
  if (!allowed.includes(String(g.type))) {
    return void out.push({
      path: [...path, 'type'],
      message: `geometry "${String(g.type)}" does not fit this layer; expected ${allowed.join(' or ')}`,
    });
  }
  const c = g.coordinates;
  const at = [...path, 'coordinates'];
  const each = (v: unknown, fn: (x: unknown, i: number) => void): void => {
    if (Array.isArray(v) && v.length > 0) v.forEach(fn);
    else out.push({ path: at, message: 'expected a non-empty array' });
  };
  switch (g.type) {
    case 'Point':
      return checkPosition(c, at, out);
    case 'LineString':
      return void checkLine(c, at, 2, out);
    case 'MultiLineString':
      return each(c, (l, i) => checkLine(l, [...at, i], 2, out));
    case 'Polygon':
      return each(c, (r, i) => checkRing(r, [...at, i], out));
    case 'MultiPolygon':
      return each(c, (p, i) => each(p, (r, j) => checkRing(r, [...at, i, j], out)));
  }
}

/** Every problem in `json` as the data of a layer of `kind`; an empty list means it is usable. */
export function checkLayerData(json: unknown, kind: Layer['kind']): GeoIssue[] {
  const out: GeoIssue[] = [];
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return [{ path: [], message: 'expected a GeoJSON FeatureCollection: { "type": "FeatureCollection", "features": [...] }' }];
  }
  const ids = new Map<string, number>();
  json.features.forEach((f: unknown, i: number) => {
    const path = ['features', i];
    if (!isObject(f) || f.type !== 'Feature') return void out.push({ path, message: 'expected a GeoJSON Feature' });
    checkGeometry(f.geometry, GEOMETRIES[kind], [...path, 'geometry'], out);
    const props = isObject(f.properties) ? f.properties : {};
    if (kind === 'places' || kind === 'label') {
      if (typeof props.name !== 'string' || !props.name) out.push({ path: [...path, 'properties'], message: 'a place needs a "name"' });
    }
    if (kind === 'front') checkFrontProperties(props, [...path, 'properties'], out);
    if (kind === 'front' || kind === 'line' || kind === 'places') checkEvidence(props, kind, [...path, 'properties'], out);
    if (kind === 'places') {
      const id = props.id;
      if (typeof id !== 'string' || !SLUG.test(id)) {
        out.push({
          path: [...path, 'properties'],
          message: 'a place needs an "id" slug (lowercase letters, digits, hyphens) that steps can highlight',
        });
      } else if (ids.has(id)) {
        out.push({ path: [...path, 'properties', 'id'], message: `duplicate place id "${id}" (also features[${ids.get(id)}])` });
      } else ids.set(id, i);
    }
  });
  return out;
}

/** A front polygon says what it is and when. */
function checkFrontProperties(props: Record<string, unknown>, path: GeoIssue['path'], out: GeoIssue[]): void {
  const need = (ok: boolean, key: string, what: string) =>
    ok || out.push({ path: [...path, key], message: `a front polygon needs "${key}": ${what}` });
  need(typeof props.id === 'string' && SLUG.test(props.id), 'id', 'a slug naming the area across snapshots, e.g. "nusra-jurud-arsal"');
  need(typeof props.snapshot === 'string' && ISO_DATE.test(props.snapshot), 'snapshot', 'the date of the snapshot, YYYY-MM-DD');
  need(SIDES.includes(props.side as never), 'side', SIDES.join(', '));
  need(STATUSES.includes(props.status as never), 'status', STATUSES.join(', '));
}

/**
 * What a reader who taps the shape is shown (src/story/evidence.ts): the reports it rests on, how
 * sure it is and how it was drawn. The method note promises all three for every shape.
 */
function checkEvidence(props: Record<string, unknown>, kind: EvidenceKind, path: GeoIssue['path'], out: GeoIssue[]): void {
  const what = kind === 'front' ? 'a front polygon' : kind === 'line' ? 'an arrow' : 'a place';
  const need = (ok: boolean, key: string, hint: string) => ok || out.push({ path: [...path, key], message: `${what} needs "${key}": ${hint}` });
  if (kind === 'line') need(typeof props.id === 'string' && SLUG.test(props.id), 'id', 'a slug naming it, e.g. "toward-tfail"');
  const sources = props.sources;
  need(
    Array.isArray(sources) && sources.length > 0 && sources.every((s) => typeof s === 'string' && SLUG.test(s)),
    'sources',
    'a list of ids from meta.sources, e.g. ["dailystar-2015-05-07"]',
  );
  const levels = CONFIDENCE[kind];
  need(levels.includes(props.confidence as never), 'confidence', levels.join(', '));
  need(
    typeof props.derivation === 'string' && props.derivation.length > 0,
    'derivation',
    'one line on how it was drawn, e.g. "follows the 1,500 m contour around the town"',
  );
}

/** Snapshot dates in a front layer's data (already checked), sorted. */
export const snapshotDates = (fc: GeoJSON.FeatureCollection): string[] =>
  [...new Set(fc.features.map((f) => String(f.properties?.snapshot)))].sort();

/**
 * Outer rings counter-clockwise, holes clockwise, as RFC 7946 asks (in place, on checked data):
 * tools that read the published data then agree on which side of a ring is inside.
 */
export function normaliseWinding(fc: GeoJSON.FeatureCollection): void {
  for (const f of fc.features) {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of polygons) rings.forEach((ring, r) => ringArea2(ring) > 0 !== (r === 0) && ring.reverse());
  }
}

/**
 * Positions of a (checked) layer outside the ground the story maps: the first of each feature,
 * saying so when the position swapped would fall inside.
 */
export function outsideRegion(fc: GeoJSON.FeatureCollection, region: readonly [number, number, number, number]): GeoIssue[] {
  const [west, south, east, north] = region;
  const inside = (x: number, y: number) => x >= west && x <= east && y >= south && y <= north;
  const out: GeoIssue[] = [];
  const firstOutside = (c: unknown, path: GeoIssue['path']): GeoIssue['path'] | null => {
    if (typeof (c as number[])[0] === 'number') return inside((c as number[])[0]!, (c as number[])[1]!) ? null : path;
    for (const [i, x] of (c as unknown[]).entries()) {
      const found = firstOutside(x, [...path, i]);
      if (found) return found;
    }
    return null;
  };
  fc.features.forEach((f, i) => {
    const path = firstOutside((f.geometry as GeoJSON.Point).coordinates, ['features', i, 'geometry', 'coordinates']);
    if (!path) return;
    const [x, y] = path.slice(4).reduce<unknown>((c, k) => (c as unknown[])[k as number], (f.geometry as GeoJSON.Point).coordinates) as number[];
    const area = `${west}..${east} E, ${south}..${north} N`;
    const hint = inside(y!, x!) ? ': longitude and latitude swapped? GeoJSON writes [longitude, latitude]' : '';
    out.push({ path, message: `position [${x}, ${y}] is outside the story's region (${area})${hint}` });
  });
  return out;
}
