// The story's own layers as engine layers: one source per story layer, drawn with the palette.
// Pure: the same specs serve maplibre and mapbox, and are tested without a map.
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Layer, StyleToken } from '../../story/schema.ts';
import type { StoryData } from '../../story/model.ts';
import { BASEMAP, SIDES, STATUSES, tokenColor } from '../../palette/palette.ts';
import { STORY_FILLS_BEFORE, TEXT_FONT_BOLD, TEXT_FONT_REGULAR } from './style.ts';
import {
  HIGHLIGHT_TEXT_SIZE,
  labelOffset,
  levelOf,
  markerImage,
  markerImageId,
  markersOf,
  PLACE_BOLD,
  PLACE_TEXT_SIZE,
  type Level,
} from './markers.ts';
import { MORPH_GLOW, snapshot } from '../../geo/morph-plan.ts';

/** The step's places (ring, marker, name), above every other label so that collisions never hide them. */
export const HIGHLIGHT_LABEL_LAYER = 'story-highlight-label';
const HIGHLIGHT_SOURCE = 'story-highlight';
/** The property of a highlight feature naming its ringed marker image. */
const RINGED_MARKER = 'marker';

export const sourceId = (layer: Pick<Layer, 'id'>) => `story:${layer.id}`;
const part = (layer: Pick<Layer, 'id'>, name: string) => `story:${layer.id}:${name}`;

/** Engine layer id → the story layer it belongs to, or null for basemap layers. */
export const storyLayerOf = (engineLayerId: string): string | null => /^story:([^:]+):/.exec(engineLayerId)?.[1] ?? null;

/** Font stacks for the story's labels: they must name fonts the engine's style can draw. */
export interface LabelFonts {
  regular: readonly string[];
  bold: readonly string[];
}

/** The fonts that ship with the page (fonts.ts), drawn by maplibre through the basemap's font-faces. */
export const LOCAL_FONTS: LabelFonts = { regular: TEXT_FONT_REGULAR, bold: TEXT_FONT_BOLD };

export interface PlacedLayer {
  spec: LayerSpecification;
  /** basemap layer to insert under; undefined: on top */
  before: string | undefined;
}

const approximate: ExpressionSpecification = ['==', ['get', 'confidence'], 'approximate'];
/** A place's level (markers.ts) as an expression: hills 3, else the rank clamped to 0–2 (2 without one). */
const level: ExpressionSpecification = [
  'case',
  ['==', ['get', 'kind'], 'hill'],
  3,
  ['min', 2, ['max', 0, ['coalesce', ['get', 'rank'], 2]]],
];
const byLevel = (v: (level: Level) => unknown): ExpressionSpecification =>
  ['match', level, 0, v(0), 1, v(1), 2, v(2), v(3)] as unknown as ExpressionSpecification;

/** Every place's marker, by level and confidence, as an image id for a layer of this colour. */
const markerOf = (token: StyleToken): ExpressionSpecification =>
  byLevel((l) => [
    'case',
    approximate,
    markerImageId(token, { level: l, approximate: true, highlighted: false }),
    markerImageId(token, { level: l, approximate: false, highlighted: false }),
  ]);

/**
 * A place is one symbol: its marker as the icon, its name beside it. Both must fit for either to
 * show, so no dot is left without its name, and the marker's box keeps other names off it.
 * Collisions are settled by the hierarchy: capital, towns, villages, then hills.
 */
function placesLayers(layer: Layer, fonts: LabelFonts): LayerSpecification[] {
  return [
    {
      id: part(layer, 'label'),
      type: 'symbol',
      source: sourceId(layer),
      layout: {
        ...placeLabel(
          fonts,
          byLevel((l) => PLACE_TEXT_SIZE[l]),
          byLevel((l) => labelOffset(l, false)),
        ),
        'text-font': byLevel((l) => ['literal', [...(PLACE_BOLD[l] ? fonts.bold : fonts.regular)]]),
        'icon-image': markerOf(layer.style.color),
        'symbol-sort-key': level,
      },
      paint: { 'text-color': BASEMAP.label, 'text-halo-color': BASEMAP.halo, 'text-halo-width': 1.5 },
    },
  ];
}

/** A place's name beside its marker (right of it, left, below, above: the first that is free), `offset` ems from its point. */
const placeLabel = (fonts: LabelFonts, size: ExpressionSpecification | number, offset: ExpressionSpecification | number) =>
  ({
    'text-field': ['get', 'name'],
    'text-font': [...fonts.bold],
    'text-size': size,
    'text-max-width': 7,
    'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
    'text-radial-offset': offset,
    'text-justify': 'auto',
    'text-padding': 2,
    'icon-padding': 1,
  }) satisfies SymbolLayerSpecification['layout'];

function lineLayers(layer: Layer): LayerSpecification[] {
  const source = sourceId(layer);
  const color = tokenColor(layer.style.color);
  const dash = layer.style.dashed ? { 'line-dasharray': [2, 1.5] } : {};
  return [
    {
      id: part(layer, 'casing'),
      type: 'line',
      source,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': BASEMAP.halo, 'line-width': 7, 'line-opacity': 0.9 },
    },
    {
      id: part(layer, 'line'),
      type: 'line',
      source,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: { 'line-color': color, 'line-width': 4, 'line-opacity': layer.style.opacity ?? 0.85, ...dash },
    },
    {
      // Heads are points computed from each line's last segment (arrowHeads), drawn as icons.
      id: part(layer, 'head'),
      type: 'symbol',
      source: `${source}:heads`,
      layout: {
        'icon-image': arrowImageId(layer.style.color),
        'icon-rotate': ['get', 'bearing'],
        'icon-rotation-alignment': 'map',
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
  ];
}

function areaLayers(layer: Layer): LayerSpecification[] {
  const source = sourceId(layer);
  const color = tokenColor(layer.style.color);
  return [
    { id: part(layer, 'fill'), type: 'fill', source, paint: { 'fill-color': color, 'fill-opacity': layer.style.opacity ?? 0.45 } },
    {
      id: part(layer, 'edge'),
      type: 'line',
      source,
      paint: { 'line-color': color, 'line-width': 1.5, ...(layer.style.dashed ? { 'line-dasharray': [2, 2] } : {}) },
    },
  ];
}

const SIDE_COLOR: ExpressionSpecification = [
  'match',
  ['get', 'side'],
  ...Object.entries(SIDES).flatMap(([side, { color }]) => [side, color]),
  BASEMAP.label,
] as unknown as ExpressionSpecification;
const claimed: ExpressionSpecification = ['==', ['get', 'status'], 'claimed'];
/** How opaque a front polygon is by status: firmer control, stronger fill (static/static-svg.ts reads it too). */
export const FRONT_FILL_OPACITY: Record<string, number> = Object.fromEntries(Object.entries(STATUSES).map(([s, v]) => [s, v.fillOpacity]));
// While a front morphs (front/morpher.ts), polygons that gain ground glow (more opaque, thicker edge),
// and the last snapshot stays behind in a source of its own as a ghost that fades out, so lost
// ground fades rather than vanishes. The ghost is sent once per morph; only its opacity changes.
const glow: ExpressionSpecification = ['coalesce', ['get', MORPH_GLOW], 0];
const GHOST_FILL_OPACITY = 0.3;
const ghostSourceId = (layer: Pick<Layer, 'id'>) => `${sourceId(layer)}:ghost`;

/** Front polygons coloured by side; claimed areas lighter with a dashed edge (STYLE.md §3). */
function frontLayers(layer: Layer): LayerSpecification[] {
  const source = sourceId(layer);
  return [
    {
      id: part(layer, 'ghost-fill'),
      type: 'fill',
      source: ghostSourceId(layer),
      paint: { 'fill-color': SIDE_COLOR, 'fill-opacity': 0 },
    },
    {
      id: part(layer, 'fill'),
      type: 'fill',
      source,
      paint: {
        'fill-color': SIDE_COLOR,
        'fill-opacity': [
          '+',
          ['match', ['get', 'status'], ...Object.entries(FRONT_FILL_OPACITY).flat(), 0.2],
          ['*', 0.25, glow],
        ] as unknown as ExpressionSpecification,
      },
    },
    {
      id: part(layer, 'ghost-edge'),
      type: 'line',
      source: ghostSourceId(layer),
      paint: { 'line-color': SIDE_COLOR, 'line-width': 1, 'line-opacity': 0, 'line-dasharray': [2, 2] },
    },
    {
      id: part(layer, 'edge'),
      type: 'line',
      source,
      filter: ['!', claimed],
      paint: { 'line-color': SIDE_COLOR, 'line-width': ['+', 1.5, ['*', 2, glow]] },
    },
    {
      id: part(layer, 'edge-claimed'),
      type: 'line',
      source,
      filter: claimed,
      paint: { 'line-color': SIDE_COLOR, 'line-width': ['+', 1.5, ['*', 2, glow]], 'line-dasharray': [2, 2] },
    },
  ];
}

/** Where a front layer's ghost goes, and the paint values that show it at `fade` (0..1). */
export const frontGhost = (layer: Pick<Layer, 'id'>, fade: number) => ({
  source: ghostSourceId(layer),
  paint: [
    { layer: part(layer, 'ghost-fill'), property: 'fill-opacity' as const, value: GHOST_FILL_OPACITY * fade },
    { layer: part(layer, 'ghost-edge'), property: 'line-opacity' as const, value: fade },
  ],
});

function labelLayers(layer: Layer, fonts: LabelFonts): LayerSpecification[] {
  return [
    {
      id: part(layer, 'text'),
      type: 'symbol',
      source: sourceId(layer),
      layout: { 'text-field': ['get', 'name'], 'text-font': [...fonts.regular], 'text-size': 13, 'text-max-width': 8 },
      paint: { 'text-color': tokenColor(layer.style.color), 'text-halo-color': BASEMAP.halo, 'text-halo-width': 1.5 },
    },
  ];
}

const BUILDERS: Record<Layer['kind'], (l: Layer, fonts: LabelFonts) => LayerSpecification[]> = {
  places: placesLayers,
  line: lineLayers,
  area: areaLayers,
  label: labelLayers,
  front: frontLayers,
};

/** Bearing in degrees clockwise from north of the segment a → b (on a local flat approximation). */
export function segmentBearing(a: readonly number[], b: readonly number[]): number {
  const dx = (b[0]! - a[0]!) * Math.cos((((a[1]! + b[1]!) / 2) * Math.PI) / 180);
  const dy = b[1]! - a[1]!;
  return ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
}

/** A point at the end of every line, carrying the bearing of its last segment. */
export function arrowHeads(fc: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const lines = fc.features.flatMap((f) =>
    f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [],
  );
  return {
    type: 'FeatureCollection',
    features: lines
      .filter((l) => l.length >= 2)
      .map((l) => ({
        type: 'Feature',
        properties: { bearing: segmentBearing(l[l.length - 2]!, l[l.length - 1]!) },
        geometry: { type: 'Point', coordinates: l[l.length - 1]! },
      })),
  };
}

export const arrowImageId = (token: StyleToken) => `arrow-${token}`;

/** An arrow head pointing up (north before rotation), anti-aliased by 4×4 supersampling. */
export function arrowImage(token: StyleToken, size = 24): { width: number; height: number; data: Uint8Array } {
  const hex = tokenColor(token);
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const data = new Uint8Array(size * size * 4);
  const inside = (x: number, y: number) => {
    // triangle (size/2, 0) – (0, size) – (size, size), inset by a pixel
    const t = (y - 1) / (size - 2);
    return t >= 0 && t <= 1 && Math.abs(x - size / 2) <= (t * (size - 2)) / 2;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
      const o = (y * size + x) * 4;
      data.set([rgb[0]!, rgb[1]!, rgb[2]!, Math.round((hits / 16) * 255)], o);
    }
  }
  return { width: size, height: size, data };
}

/** Sources for the story layers and their data, plus the highlight source over every place. */
export function storySources(layers: readonly Layer[], data: StoryData): Record<string, GeoJSONSourceSpecification> {
  const sources: Record<string, GeoJSONSourceSpecification> = {};
  const places: GeoJSON.Feature[] = [];
  for (const layer of layers) {
    const fc = data[layer.id] ?? { type: 'FeatureCollection', features: [] };
    // A front layer's source holds one snapshot at a time; the engine sets it per step.
    sources[sourceId(layer)] = { type: 'geojson', data: layer.kind === 'front' ? snapshot(fc, null) : fc };
    if (layer.kind === 'line') sources[`${sourceId(layer)}:heads`] = { type: 'geojson', data: arrowHeads(fc) };
    if (layer.kind === 'front') sources[ghostSourceId(layer)] = { type: 'geojson', data: snapshot(fc, null) };
    // The highlight source merges every places layer: each feature names its ringed marker.
    if (layer.kind === 'places')
      places.push(
        ...fc.features.map((f) => ({
          ...f,
          properties: {
            ...f.properties,
            [RINGED_MARKER]: markerImageId(layer.style.color, {
              level: levelOf(f.properties),
              approximate: f.properties?.confidence === 'approximate',
              highlighted: true,
            }),
          },
        })),
      );
  }
  sources[HIGHLIGHT_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: places } };
  return sources;
}

/** Engine layers for the story in drawing order, hidden until a step shows them. */
export function storyLayers(layers: readonly Layer[], fonts: LabelFonts = LOCAL_FONTS): PlacedLayer[] {
  const placed = layers.flatMap((layer) =>
    BUILDERS[layer.kind](layer, fonts).map((spec) => ({
      spec: { ...spec, layout: { ...spec.layout, visibility: 'none' } } as LayerSpecification,
      // Fills go under the borders; the rest on top, so the story's labels win placement
      // over the basemap's generic region names.
      before: spec.type === 'fill' ? STORY_FILLS_BEFORE : undefined,
    })),
  );
  // The places the card names: ring, marker and name in one symbol, placed before every other
  // label (it is drawn last) and never hidden, so collisions always go its way.
  const highlight: LayerSpecification = {
    id: HIGHLIGHT_LABEL_LAYER,
    type: 'symbol',
    source: HIGHLIGHT_SOURCE,
    filter: highlightFilter([]),
    layout: {
      ...placeLabel(fonts, HIGHLIGHT_TEXT_SIZE, labelOffset(0, true)),
      'icon-image': ['get', RINGED_MARKER],
      'icon-allow-overlap': true,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': BASEMAP.label, 'text-halo-color': BASEMAP.halo, 'text-halo-width': 2 },
  };
  placed.push({ spec: highlight, before: undefined });
  return placed;
}

/** The images the story's symbols use: arrow heads and place markers, in each layer's colour. */
export function storyImages(layers: readonly Layer[]): [string, ReturnType<typeof arrowImage>][] {
  const tokens = (kind: Layer['kind']) => [...new Set(layers.filter((l) => l.kind === kind).map((l) => l.style.color))];
  return [
    ...tokens('line').map((t): [string, ReturnType<typeof arrowImage>] => [arrowImageId(t), arrowImage(t)]),
    ...tokens('places').flatMap((t) =>
      markersOf().map((m): [string, ReturnType<typeof arrowImage>] => [markerImageId(t, m), markerImage(t, m)]),
    ),
  ];
}

/**
 * Filters that show the step's places: ringed, top-priority symbols for `ids`, and every
 * other place in its own layer (so a ringed place is not drawn twice).
 */
export function highlightFilters(layers: readonly Layer[], ids: readonly string[]): [string, ExpressionSpecification][] {
  const only = highlightFilter(ids);
  return [
    [HIGHLIGHT_LABEL_LAYER, only],
    ...layers.filter((l) => l.kind === 'places').map((l): [string, ExpressionSpecification] => [part(l, 'label'), ['!', only]]),
  ];
}

export const highlightFilter = (ids: readonly string[]): ExpressionSpecification => ['in', ['get', 'id'], ['literal', [...ids]]];
