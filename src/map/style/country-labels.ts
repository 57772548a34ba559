// LEBANON and SYRIA beside their border at every zoom, never cut by the screen's edge. The
// basemap holds many label points per country (scripts/build-basemap.mjs: along the border, at
// several distances); for each view one point per country is picked here, in screen space:
// inside the screen with a margin, off the border line, clear of the step's places, near the
// middle of the free map. Pure, so both engines and the static map pick the same points.
import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { projector, type CameraLike, type Frame } from '../../geo/projection.ts';
import { BASEMAP } from '../../palette/palette.ts';
import { isDesktop } from '../../layout/layout.ts';
import type { LabelFonts } from './story-layers.ts';
import type { StoryData, View } from '../../story/model.ts';
import type { Layer } from '../../story/schema.ts';

export const COUNTRY_SOURCE = 'country-labels';
export const COUNTRY_LAYERS = ['label-country-ar', 'label-country'] as const;

type Box = [x0: number, y0: number, x1: number, y1: number];
type Point = GeoJSON.Feature<GeoJSON.Point>;

/** Text sizes by zoom, as the style's `interpolate` (zoom 7 → 11), clamped. */
const byZoom = (z: number, v0: number, v1: number) => v0 + (v1 - v0) * Math.max(0, Math.min(1, (z - 7) / 4));
export const countryTextSize = (z: number) => byZoom(z, 13, 17);
export const countryArabicSize = (z: number) => byZoom(z, 12, 15);
/** Letter spacing of the Latin name, in ems. */
export const COUNTRY_SPACING = 0.3;
/** The Arabic name's distance below the point, in ems of its size. */
export const COUNTRY_ARABIC_DROP = 0.2;
/** No label comes closer than this to the screen's edge. */
const EDGE_MARGIN = 10;
/** Where a name sits best: this far from the border, in px. */
const IDEAL_OFFSET_PX = 70;
/**
 * Where the map's keys sit over it (Legend.svelte, DateStamp.svelte): across the top on a phone,
 * down the right on desktop. A name there would be hidden, so it goes there only when nothing else fits.
 */
const mapKeys = ({ width }: Frame): Box => (isDesktop(width) ? [width - 270, 0, width, 360] : [0, 0, width, 120]);

/** Space a place's marker and name may take around its point, the name on either side: px per character, and half the height. */
const PLACE_CHAR_PX = 8.5;
const PLACE_HALF_HEIGHT = 24;

/**
 * The box a country label takes with its point at (x, y): the Latin name above the point, the
 * Arabic below. Widths are estimated generously from the character count.
 */
export function countryLabelBox(name: string, arabic: string, [x, y]: readonly number[], z: number): Box {
  const size = countryTextSize(z);
  const ar = countryArabicSize(z);
  const w = Math.max(name.length * size * (0.7 + COUNTRY_SPACING), arabic.length * ar * 0.6);
  return [x! - w / 2, y! - size * 1.2, x! + w / 2, y! + ar * (COUNTRY_ARABIC_DROP + 1.25)];
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Whether segment p–q crosses or touches the box (Liang–Barsky). Allocation-free: it runs for every border segment near a candidate. */
function segmentHitsBox(p: readonly number[], q: readonly number[], box: Box): boolean {
  const [px, py] = [p[0]!, p[1]!];
  const [dx, dy] = [q[0]! - px, q[1]! - py];
  let t0 = 0;
  let t1 = 1;
  const clip = (a: number, b: number) => {
    if (a === 0) return b >= 0;
    const r = b / a;
    if (a < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    return t0 <= t1;
  };
  return clip(-dx, px - box[0]) && clip(dx, box[2] - px) && clip(-dy, py - box[1]) && clip(dy, box[3] - py);
}

/** A projected border line and its bounding box, so boxes far from it skip its segments. */
interface ScreenLine {
  points: number[][];
  bounds: Box;
}

function screenLine(points: number[][]): ScreenLine {
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return { points, bounds: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
}

// Touching counts, as in segmentHitsBox.
const lineHitsBox = ({ points, bounds }: ScreenLine, box: Box) =>
  bounds[0] <= box[2] &&
  box[0] <= bounds[2] &&
  bounds[1] <= box[3] &&
  box[1] <= bounds[3] &&
  points.some((q, i) => i > 0 && segmentHitsBox(points[i - 1]!, q, box));

export interface CountryPick {
  /** the basemap's label points, country and region (regions are ignored) */
  labels: GeoJSON.FeatureCollection;
  /** the basemap's borders: names keep off every border line */
  borders: GeoJSON.FeatureCollection;
  /** the places the view shows: names keep clear of them and of their names */
  places: readonly ShownPlace[];
  /** the lines the view draws (arrows, routes): names keep off them as off the borders */
  routes?: readonly GeoJSON.Feature[];
}

/** Ids of the label points to show for `camera` on `frame`: at most one per country, none when no point fits. */
export function pickCountryLabels({ labels, borders, places, routes = [] }: CountryPick, camera: CameraLike, frame: Frame): string[] {
  const project = projector(camera, frame);
  const z = camera.zoom + frame.zoomOffset;
  const { width, height, padding: p } = frame;
  // km → px at the view's centre latitude (Web Mercator, 512-px tiles)
  const pxPerKm = (512 * 2 ** z) / (40075.017 * Math.cos((camera.center[1] * Math.PI) / 180));
  const screen: Box = [EDGE_MARGIN, EDGE_MARGIN, width - EDGE_MARGIN, height - EDGE_MARGIN];
  const free: Box = [p.left, p.top, width - p.right, height - p.bottom];
  const [fx, fy] = [(free[0] + free[2]) / 2, (free[1] + free[3]) / 2];
  const keys = mapKeys(frame);
  const inside = (b: Box, r: Box) => b[0] >= r[0] && b[1] >= r[1] && b[2] <= r[2] && b[3] <= r[3];
  const lines = [...borders.features, ...routes]
    .flatMap((f) =>
      f.geometry.type === 'LineString'
        ? [f.geometry.coordinates.map(project)]
        : f.geometry.type === 'MultiLineString'
          ? f.geometry.coordinates.map((l) => l.map(project))
          : [],
    )
    .map(screenLine);
  const placeBoxes = places.map(({ at, name, centred }): Box => {
    const [x, y] = project(at);
    const w = centred ? (name.length * PLACE_CHAR_PX) / 2 : 12 + name.length * PLACE_CHAR_PX;
    return [x - w, y - PLACE_HALF_HEIGHT, x + w, y + PLACE_HALF_HEIGHT];
  });

  // Every point on screen, scored (lower is better: out of the free map, on a place, far from the
  // ideal distance or the middle); then per country the best that keeps off the borders. Scoring
  // first leaves the border test, the costly part, to the few best candidates.
  const candidates: { id: string; name: string; box: Box; score: number }[] = [];
  for (const f of labels.features as Point[]) {
    const { id, name, name_ar: arabic, kind, offset } = (f.properties ?? {}) as Record<string, unknown>;
    if (kind !== 'country' || typeof id !== 'string' || typeof offset !== 'number') continue;
    const at = project(f.geometry.coordinates);
    const box = countryLabelBox(String(name), String(arabic ?? ''), at, z);
    if (!inside(box, screen)) continue;
    const score =
      placeBoxes.filter((b) => overlaps(b, box)).length * 2000 +
      (inside(box, free) ? 0 : 1000) +
      (overlaps(box, keys) ? 1500 : 0) +
      Math.abs(Math.log2((offset * pxPerKm) / IDEAL_OFFSET_PX)) * 60 +
      Math.hypot(at[0] - fx, at[1] - fy) / 10;
    candidates.push({ id, name: String(name), box, score });
  }
  // A stable sort: of equal scores, the first point in the file wins.
  candidates.sort((a, b) => a.score - b.score);
  const picked = new Map<string, string>();
  for (const c of candidates) {
    if (picked.has(c.name) || lines.some((l) => lineHitsBox(l, c.box))) continue;
    picked.set(c.name, c.id);
  }
  return [...picked.values()].sort();
}

/** The filter that shows the picked points only. */
export const countryLabelFilter = (ids: readonly string[]): FilterSpecification => ['in', ['get', 'id'], ['literal', [...ids]]];

const size = (v0: number, v1: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 7, v0, 11, v1];

const paint = { 'text-color': BASEMAP.labelMuted, 'text-halo-color': BASEMAP.halo, 'text-halo-width': 1.5 } as const;

/** The label points as an engine source (country points only: the basemap style draws the regions). */
export const countrySource = (labels: GeoJSON.FeatureCollection): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: labels.features.filter((f) => f.properties?.kind === 'country') },
});

/**
 * Latin and Arabic names are separate layers because maplibre drops letter-spacing from any
 * label that contains Arabic (spacing would break the joined letters). The Latin layer sits
 * above, so it is placed first and the Arabic line gives way to it. Nothing shows until a view
 * picks its points.
 */
export function countryLayers(fonts: LabelFonts): LayerSpecification[] {
  const filter = countryLabelFilter([]);
  return [
    {
      id: COUNTRY_LAYERS[0],
      type: 'symbol',
      source: COUNTRY_SOURCE,
      filter,
      layout: {
        'text-field': ['get', 'name_ar'],
        'text-font': [...fonts.bold],
        'text-size': size(countryArabicSize(7), countryArabicSize(11)),
        'text-anchor': 'top',
        'text-offset': [0, COUNTRY_ARABIC_DROP],
        'text-padding': 0,
      },
      paint,
    },
    {
      id: COUNTRY_LAYERS[1],
      type: 'symbol',
      source: COUNTRY_SOURCE,
      filter,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [...fonts.bold],
        'text-letter-spacing': COUNTRY_SPACING,
        'text-size': size(countryTextSize(7), countryTextSize(11)),
        'text-anchor': 'bottom',
        'text-padding': 0,
      },
      paint,
    },
  ];
}

export interface ShownPlace {
  at: number[];
  name: string;
  /** a name centred on its point (a label layer's), not beside a marker */
  centred?: boolean;
}

/** The places and names a view draws: its places and label layers', and the places it rings. */
export function shownPlaces(layers: readonly Layer[], data: StoryData, view: Pick<View, 'layers' | 'highlight'>): ShownPlace[] {
  const shown = new Set(view.layers);
  const ringed = new Set(view.highlight);
  const named = (f: GeoJSON.Feature, centred: boolean): ShownPlace[] =>
    f.geometry?.type === 'Point' ? [{ at: f.geometry.coordinates, name: String(f.properties?.name ?? ''), centred }] : [];
  return layers.flatMap((l) => {
    const features = data[l.id]?.features ?? [];
    if (l.kind === 'label') return shown.has(l.id) ? features.flatMap((f) => named(f, true)) : [];
    if (l.kind !== 'places') return [];
    return features.filter((f) => shown.has(l.id) || ringed.has(String(f.properties?.id))).flatMap((f) => named(f, false));
  });
}

/** The lines a view draws (its line layers' arrows and routes), which country names keep off. */
export const shownRoutes = (layers: readonly Layer[], data: StoryData, view: Pick<View, 'layers'>): GeoJSON.Feature[] =>
  layers.filter((l) => l.kind === 'line' && view.layers.includes(l.id)).flatMap((l) => data[l.id]?.features ?? []);
