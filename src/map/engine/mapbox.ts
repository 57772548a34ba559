// The engine when a Mapbox token is configured: mapbox-gl with satellite imagery and 3D terrain.
// Its own chunk, fetched only by a build with a token. Any failure before the story is on the map
// (bad token, blocked network, style or tile error, no style within STYLE_TIMEOUT_MS) rejects
// `ready`, and engine.ts falls back to the offline engine.
import mapboxgl from 'mapbox-gl';
import 'mapbox-gl/dist/mapbox-gl.css';
// The package exports only its source; the built plugin is the file mapbox-gl loads into its workers.
import rtlTextPlugin from '../../../node_modules/@mapbox/mapbox-gl-rtl-text/dist/mapbox-gl-rtl-text.js?url';
import type { MapAdapter } from './adapter.ts';
import { DEFAULT_STYLE, DEM_SOURCE, DEM_SPEC, MAPBOX_FONTS, terrainFor } from '../style/mapbox-style.ts';
import { engineCamera, storyAdapter, type EngineMap, type StoryInit } from './story-map.ts';
import { loadPatience } from './engine.ts';

export interface MapboxConfig {
  /** a public token (pk.…) */
  token: string;
  /** a Mapbox style URL (mapbox://styles/…) or any style JSON URL; satellite imagery when left out */
  style?: string | undefined;
}

/**
 * How long the style may take before the story gives up on Mapbox and uses the offline map; then
 * how long the first tiles may take before the story goes on without waiting for the rest.
 */
export const STYLE_TIMEOUT_MS = 8000;

/**
 * mapbox-gl shapes Arabic (joined letters, right to left) only with its right-to-left text plugin,
 * shipped from this site and fetched once, when a right-to-left name is first drawn.
 */
function shapeRightToLeft() {
  if (mapboxgl.getRTLTextPluginStatus() === 'unavailable') mapboxgl.setRTLTextPlugin(rtlTextPlugin, null, true);
}

export function createMap(init: StoryInit, { token, style }: MapboxConfig): MapAdapter {
  shapeRightToLeft();
  const map = new mapboxgl.Map({
    container: init.container,
    accessToken: token,
    style: style || DEFAULT_STYLE,
    ...engineCamera(init.view.camera, init.options),
    // The same flat projection as the offline engine, so a step frames the same area.
    projection: 'mercator',
    // The story owns the scroll: the map takes no gestures while reading.
    interactive: false,
    // Mapbox's terms: its wordmark (bottom left, where the legend is not) and the attribution of
    // the style's sources.
    attributionControl: true,
    logoPosition: 'bottom-left',
    performanceMetricsCollection: false,
    maxPitch: 85,
    // Reduced motion: labels appear and go at once instead of fading.
    fadeDuration: init.options.reducedMotion ? 0 : 300,
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let started = false;
  const patience = loadPatience(STYLE_TIMEOUT_MS);
  const loaded = new Promise<void>((resolve, reject) => {
    const start = () => {
      clearTimeout(timer);
      started = true;
      resolve();
    };
    timer = setTimeout(() => reject(new Error(`Mapbox sent no style within ${patience / 1000} s`)), patience);
    map.once('style.load', () => {
      clearTimeout(timer);
      // Tiles still missing by then are slow, not refused: the story goes on and they fill in.
      timer = setTimeout(start, patience);
      const terrain = terrainFor(init.story.meta.terrain.exaggeration);
      if (!terrain) return;
      if (!map.getSource(DEM_SOURCE)) map.addSource(DEM_SOURCE, DEM_SPEC);
      map.setTerrain(terrain);
    });
    map.once('load', start);
    // A listener also keeps mapbox-gl from logging errors itself: a tile that fails once the
    // story is on the map is worth a warning, not an alarm.
    map.on('error', ({ error }) => {
      if (started) return console.warn('Mapbox:', error?.message ?? error);
      clearTimeout(timer);
      reject(error);
    });
  });

  // mapbox-gl's typings differ from maplibre's in detail, not in the calls the story makes.
  return storyAdapter(map as unknown as EngineMap, init, {
    engine: 'mapbox',
    loaded,
    fonts: MAPBOX_FONTS,
    teardown: () => clearTimeout(timer),
  });
}
