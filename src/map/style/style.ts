// The offline basemap: regional GeoJSON cut by scripts/build-basemap.mjs, fonts from fonts.ts,
// relief shaded from the elevation tiles the build renders (src/relief), nothing fetched from
// another origin.
import type { FeatureCollection } from 'geojson';
import type {
  ExpressionSpecification,
  LayerSpecification,
  RasterDEMSourceSpecification,
  StyleSpecification,
  TerrainSpecification,
} from 'maplibre-gl';
import { FONT_BOLD, FONT_FACES, FONT_ITALIC, FONT_REGULAR } from './fonts.ts';
import { BASEMAP } from '../../palette/palette.ts';
import type { Story } from '../../story/model.ts';
import { RELIEF_BOUNDS, RELIEF_MAXZOOM, RELIEF_MINZOOM, RELIEF_TILE_SIZE, RELIEF_TILES } from '../../relief/relief.ts';

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

/** The hillshade's elevation source, and the 3D terrain's: maplibre wants terrain on a source of its own. */
export const RELIEF_SOURCE = 'relief';
export const TERRAIN_SOURCE = 'relief-terrain';

/**
 * The relief tiles' URL template on the page's own origin: the engine fetches tiles from its
 * worker, which cannot resolve the site's relative paths (base './').
 */
export const reliefTilesUrl = (baseURI: string) => new URL('.', baseURI).href + RELIEF_TILES;

const reliefSource = (tiles: string): RasterDEMSourceSpecification => ({
  type: 'raster-dem',
  tiles: [tiles],
  encoding: 'terrarium',
  tileSize: RELIEF_TILE_SIZE,
  minzoom: RELIEF_MINZOOM,
  maxzoom: RELIEF_MAXZOOM,
  bounds: [...RELIEF_BOUNDS],
});

/**
 * 3D relief on the offline map, only where the script asks for it: an exaggeration above 0 and a
 * pitched step. A map seen from straight above shows the mountains by the hillshade alone, and
 * terrain would cost every frame of the reading map.
 */
export function offlineTerrain(story: Pick<Story, 'meta' | 'views'>): TerrainSpecification | null {
  const { exaggeration } = story.meta.terrain;
  return exaggeration > 0 && story.views.some((v) => v.camera.pitch > 0) ? { source: TERRAIN_SOURCE, exaggeration } : null;
}

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
    // Soft neutral greys lit from the screen's north-west: ridges and valleys read without tinting
    // the land or the fronts drawn over it (no blue: blue is a side). 'igor' leaves flat ground,
    // the Beqaa's floor, untouched.
    id: 'relief',
    type: 'hillshade',
    source: RELIEF_SOURCE,
    paint: {
      'hillshade-method': 'igor',
      'hillshade-illumination-direction': 315,
      'hillshade-illumination-anchor': 'viewport',
      // Overzoomed, the smooth 0.9-km relief greys whole slopes: lighter as the story closes in.
      'hillshade-exaggeration': byZoom(7, 0.55, 11, 0.4),
      'hillshade-shadow-color': '#75716C',
      'hillshade-highlight-color': '#FFFFFF',
      'hillshade-accent-color': '#75716C',
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
  // LEBANON and SYRIA are story layers (country-labels.ts): they follow the camera, on both engines.
];

/**
 * The relief's sources and hillshade layer, and the basemap layer it goes right above (under
 * everything else, story fills included): in the style (basemapStyle), or added to a map once its
 * story is drawn (maplibre.ts).
 */
export function reliefParts(tiles: string): {
  sources: Record<string, RasterDEMSourceSpecification>;
  layer: LayerSpecification;
  above: string;
} {
  const layer = layers.find((l) => l.type === 'hillshade')!;
  return {
    sources: { [RELIEF_SOURCE]: reliefSource(tiles), [TERRAIN_SOURCE]: reliefSource(tiles) },
    layer: structuredClone(layer),
    above: layers[layers.indexOf(layer) - 1]!.id,
  };
}

/** `reliefTiles`: the elevation tiles' absolute URL template (reliefTilesUrl); without it, no relief. */
export function basemapStyle(
  data: { land: FeatureCollection; borders: FeatureCollection; labels: FeatureCollection | null },
  { reliefTiles }: { reliefTiles?: string } = {},
): StyleSpecification {
  return {
    version: 8,
    name: 'Qalamoun 2015 basemap',
    'font-faces': FONT_FACES,
    sources: {
      'basemap-land': { type: 'geojson', data: data.land },
      'basemap-borders': { type: 'geojson', data: data.borders },
      // Without the names' file (labels.ts failed to load), a map without region names.
      ...(data.labels && { 'basemap-labels': { type: 'geojson', data: data.labels } }),
      ...(reliefTiles && reliefParts(reliefTiles).sources),
    },
    // Fresh objects on every call, so edits to one map's style never leak into the next.
    layers: layers
      .filter((layer) => reliefTiles || layer.type !== 'hillshade')
      .filter((layer) => data.labels || !('source' in layer) || layer.source !== 'basemap-labels')
      .map((layer) => structuredClone(layer)),
  };
}
