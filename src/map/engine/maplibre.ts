// The default engine: maplibre-gl with the offline basemap. Loaded as its own chunk after the
// story text has painted; everything it needs (worker, fonts, data) comes from this origin.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import land from '../../../assets/basemap/land.json';
import borders from '../../../assets/basemap/borders.json';
import type { MapAdapter } from './adapter.ts';
import { basemapStyle, offlineTerrain, reliefParts, reliefTilesUrl } from '../style/style.ts';
import { RELIEF_CREDIT, siteRoot } from '../../relief/relief.ts';
import { engineCamera, storyAdapter, type StoryInit } from './story-map.ts';

maplibregl.setWorkerUrl(workerUrl);

export function createMap(init: StoryInit): MapAdapter {
  const map = new maplibregl.Map({
    container: init.container,
    style: basemapStyle({
      land: land as unknown as GeoJSON.FeatureCollection,
      borders: borders as unknown as GeoJSON.FeatureCollection,
      labels: init.labels,
    }),
    ...engineCamera(init.view.camera, init.options),
    // The story owns the scroll: the map takes no gestures while reading.
    interactive: false,
    attributionControl: { compact: true, customAttribution: ['Natural Earth', RELIEF_CREDIT] },
    maxPitch: 85,
    // The style is checked against the style spec by the unit tests (basemap, labels, engines):
    // validating it again on every reader's phone costs the engine's takeover for nothing.
    validateStyle: false,
    // Reduced motion: labels appear and go at once instead of fading.
    fadeDuration: init.options.reducedMotion ? 0 : 300,
  });
  const loaded = new Promise<void>((resolve, reject) => {
    map.once('load', () => resolve());
    map.once('error', (e) => reject(e.error));
  });
  let gone = false;
  const adapter = storyAdapter(map, init, { engine: 'maplibre', loaded, teardown: () => (gone = true) });
  // The relief comes once the story is drawn: its tiles never hold up the map's first frame.
  adapter.ready.then(
    () => !gone && addRelief(map, offlineTerrain(init.story)),
    () => {},
  );
  return adapter;
}

function addRelief(map: maplibregl.Map, terrain: maplibregl.TerrainSpecification | null) {
  const { sources, layer, above } = reliefParts(reliefTilesUrl(siteRoot(document)));
  for (const [id, source] of Object.entries(sources)) map.addSource(id, source);
  const ids = map.getStyle().layers.map((l) => l.id);
  map.addLayer(layer, ids[ids.indexOf(above) + 1]);
  if (terrain) map.setTerrain(terrain);
}
