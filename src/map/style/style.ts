// The offline basemap: regional GeoJSON cut by scripts/build-basemap.mjs, fonts from fonts.ts,
// nothing fetched from another origin. No relief: no elevation data ships with the story.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { FONT_BOLD, FONT_FACES, FONT_ITALIC, FONT_REGULAR } from './fonts.ts';
import { BASEMAP } from '../../palette/palette.ts';

export const TEXT_FONT_REGULAR = [FONT_REGULAR] as const;
export const TEXT_FONT_BOLD = [FONT_BOLD] as const;
export const TEXT_FONT_ITALIC = [FONT_ITALIC] as const;

/** Area fills can go below this instead, so the borders stay visible through them. */
export const STORY_FILLS_BEFORE = 'border-other';

const SYRIA_LEBANON = 'Lebanon–Syria';
const isSyriaLebanon: ExpressionSpecification = ['==', ['get', 'between'], SYRIA_LEBANON];

const byZoom = (z0: number, v0: number, z1: number, v1: number): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  z0,
  v0,
  z1,
  v1,
];

const labelPaint = {
  'text-color': BASEMAP.labelMuted,
  'text-halo-color': BASEMAP.halo,
  'text-halo-width': 1.5,
} as const;

const layers: LayerSpecification[] = [
  { id: 'background', type: 'background', paint: { 'background-color': BASEMAP.sea } },
  {
    id: 'land',
    type: 'fill',
    source: 'basemap-land',
    paint: {
      'fill-color': ['match', ['get', 'name'], ['Syria', 'Lebanon'], BASEMAP.land, BASEMAP.landOther],
    },
  },
  {
    id: 'border-other',
    type: 'line',
    source: 'basemap-borders',
    filter: ['!', isSyriaLebanon],
    layout: { 'line-join': 'round' },
    paint: { 'line-color': BASEMAP.borderOther, 'line-width': byZoom(7, 0.6, 11, 1.2) },
  },
  {
    // A white band under the dashes keeps the border legible over front-line fills.
    id: 'border-syria-lebanon-casing',
    type: 'line',
    source: 'basemap-borders',
    filter: isSyriaLebanon,
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': BASEMAP.halo, 'line-opacity': 0.85, 'line-width': byZoom(7, 3, 11, 6) },
  },
  {
    id: 'border-syria-lebanon',
    type: 'line',
    source: 'basemap-borders',
    filter: isSyriaLebanon,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': BASEMAP.border, 'line-width': byZoom(7, 1.2, 11, 2), 'line-dasharray': [3, 2] },
  },
  {
    id: 'label-region',
    type: 'symbol',
    source: 'basemap-labels',
    filter: ['==', ['get', 'kind'], 'region'],
    layout: {
      'text-field': ['format', ['get', 'name'], {}, '\n', {}, ['get', 'name_ar'], { 'font-scale': 0.9 }],
      'text-font': [...TEXT_FONT_ITALIC],
      'text-size': byZoom(7, 11, 11, 14),
      'text-max-width': 7,
      'text-line-height': 1.15,
      'text-padding': 4,
    },
    paint: labelPaint,
  },
  // Latin and Arabic country names are separate layers because maplibre drops letter-spacing
  // from any label that contains Arabic (spacing would break the joined letters). The Latin
  // layer sits above, so it is placed first and the Arabic line gives way to it.
  {
    id: 'label-country-ar',
    type: 'symbol',
    source: 'basemap-labels',
    filter: ['==', ['get', 'kind'], 'country'],
    layout: {
      'text-field': ['get', 'name_ar'],
      'text-font': [...TEXT_FONT_BOLD],
      'text-size': byZoom(7, 12, 11, 15),
      'text-anchor': 'top',
      'text-offset': [0, 0.2],
      'text-padding': 0,
    },
    paint: labelPaint,
  },
  {
    id: 'label-country',
    type: 'symbol',
    source: 'basemap-labels',
    filter: ['==', ['get', 'kind'], 'country'],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [...TEXT_FONT_BOLD],
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.3,
      'text-size': byZoom(7, 13, 11, 17),
      'text-anchor': 'bottom',
      'text-padding': 0,
    },
    paint: labelPaint,
  },
];

export function basemapStyle(data: { land: FeatureCollection; borders: FeatureCollection; labels: FeatureCollection }): StyleSpecification {
  return {
    version: 8,
    name: 'Qalamoun 2015 basemap',
    'font-faces': FONT_FACES,
    sources: {
      'basemap-land': { type: 'geojson', data: data.land },
      'basemap-borders': { type: 'geojson', data: data.borders },
      'basemap-labels': { type: 'geojson', data: data.labels },
    },
    // Fresh objects on every call, so edits to one map's style never leak into the next.
    layers: layers.map((layer) => structuredClone(layer)),
  };
}
