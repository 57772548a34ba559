// Where the relief lives in the built site and what it covers: the one module of src/relief the
// page imports (the map's style and the static maps), so the decoder and renderer stay in the build.
import type { Bounds } from './elevation.ts';

/** The cells' extent (assets/relief: lon 35–38 E, lat 33–35 N); the build checks the cells still match. */
export const RELIEF_BOUNDS: Bounds = [35, 33, 38, 35];

/** Terrarium-encoded elevation tiles, relative to the page (the site's base is './'). */
export const RELIEF_TILES = 'relief/{z}/{x}/{y}.png';

/**
 * The site's root, where relief/ is: the page's folder, or the folder its `<html data-site-root>`
 * names (the Arabic edition's page, ar/index.html, sits one folder down: "../").
 */
export const siteRoot = (doc: Document): string => new URL(doc.documentElement.dataset.siteRoot ?? '.', doc.baseURI).href;
export const RELIEF_TILE_SIZE = 256;
export const RELIEF_MINZOOM = 5;
/**
 * Posts are 30″ apart (0.77 km east–west, 0.93 km north–south here); a zoom-9 tile pixel is 0.25 km,
 * three to four pixels a post. Zoom 10 would quadruple the bytes with nothing new: the engine overzooms.
 */
export const RELIEF_MAXZOOM = 9;

/** The static maps' pre-shaded relief: one Web Mercator image over RELIEF_BOUNDS. */
export const RELIEF_SHADE = 'relief/shade.png';

export const RELIEF_CREDIT = 'Elevation: NIMA/NGA DTED Level 0';
