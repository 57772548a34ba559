// What the Mapbox engine adds to a Mapbox style, as plain data (tested without a map): fonts its
// glyph server has, and the terrain source and settings.
import type { RasterDEMSourceSpecification } from 'mapbox-gl';
import type { LabelFonts } from './story-layers.ts';

/** Satellite imagery only: the story's own labels and lines are the map's words. */
export const DEFAULT_STYLE = 'mapbox://styles/mapbox/satellite-v9';

/**
 * Font stacks Mapbox's glyph API serves every account (its own styles use them): with Mapbox the
 * story's labels come from the style's glyphs, as the page's own fonts exist only in the offline basemap.
 */
export const MAPBOX_FONTS: LabelFonts = {
  regular: ['DIN Pro Regular', 'Arial Unicode MS Regular'],
  bold: ['DIN Pro Bold', 'Arial Unicode MS Bold'],
};

/** The elevation source's id; a style that already defines one under this id keeps its own. */
export const DEM_SOURCE = 'mapbox-dem';

/** Mapbox's global elevation tiles (terrain-RGB), 512 px up to zoom 14. */
export const DEM_SPEC: RasterDEMSourceSpecification = {
  type: 'raster-dem',
  url: 'mapbox://mapbox.mapbox-terrain-dem-v1',
  tileSize: 512,
  maxzoom: 14,
};

/** The terrain setting for the script's exaggeration; none at 0 (flat). */
export const terrainFor = (exaggeration: number) => (exaggeration > 0 ? { source: DEM_SOURCE, exaggeration } : null);
