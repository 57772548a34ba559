// The default engine: maplibre-gl with the offline basemap. Loaded as its own chunk after the
// story text has painted; everything it needs (worker, fonts, data) comes from this origin.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import land from '../../../assets/basemap/land.json';
import borders from '../../../assets/basemap/borders.json';
import labels from '../../../assets/basemap/country-labels.json';
import type { MapAdapter } from './adapter.ts';
import { basemapStyle, offlineTerrain, reliefTilesUrl } from '../style/style.ts';
import { RELIEF_CREDIT } from '../../relief/relief.ts';
import { engineCamera, storyAdapter, type StoryInit } from './story-map.ts';

maplibregl.setWorkerUrl(workerUrl);

export function createMap(init: StoryInit): MapAdapter {
  const map = new maplibregl.Map({
    container: init.container,
    style: basemapStyle(
      {
        land: land as unknown as GeoJSON.FeatureCollection,
        borders: borders as unknown as GeoJSON.FeatureCollection,
        labels: labels as unknown as GeoJSON.FeatureCollection,
      },
      { reliefTiles: reliefTilesUrl(document.baseURI) },
    ),
    ...engineCamera(init.view.camera, init.options),
    // The story owns the scroll: the map takes no gestures while reading.
    interactive: false,
    attributionControl: { compact: true, customAttribution: ['Natural Earth', RELIEF_CREDIT] },
    maxPitch: 85,
    // Reduced motion: labels appear and go at once instead of fading.
    fadeDuration: init.options.reducedMotion ? 0 : 300,
  });
  const terrain = offlineTerrain(init.story);
  const loaded = new Promise<void>((resolve, reject) => {
    map.once('load', () => {
      if (terrain) map.setTerrain(terrain);
      resolve();
    });
    map.once('error', (e) => reject(e.error));
  });
  return storyAdapter(map, init, { engine: 'maplibre', loaded });
}
