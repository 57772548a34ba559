// The default engine: maplibre-gl with the offline basemap. Loaded as its own chunk after the
// story text has painted; everything it needs (worker, fonts, data) comes from this origin.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import land from '../../assets/basemap/land.json';
import borders from '../../assets/basemap/borders.json';
import labels from '../../assets/basemap/country-labels.json';
import type { Story, StoryData, View } from '../story/model.ts';
import type { Camera } from '../story/schema.ts';
import { motionFor, type MapAdapter, type ShowOptions } from './adapter.ts';
import { basemapStyle } from './style.ts';
import { arrowImage, arrowImageId, frontGhost, highlightFilter, HIGHLIGHT_LAYER, sourceId, storyLayerOf, storyLayers, storySources } from './story-layers.ts';
import { createFrontMorph } from './front-morph.ts';
import plans from 'virtual:story-morph';

maplibregl.setWorkerUrl(workerUrl);

export interface CreateOptions {
  container: HTMLElement;
  story: Story;
  data: StoryData;
  /** the view to open on, so the first frame is already the right one */
  view: View;
  options: ShowOptions;
}

export function createMap({ container, story, data, view, options }: CreateOptions): MapAdapter {
  const map = new maplibregl.Map({
    container,
    style: basemapStyle({
      land: land as unknown as GeoJSON.FeatureCollection,
      borders: borders as unknown as GeoJSON.FeatureCollection,
      labels: labels as unknown as GeoJSON.FeatureCollection,
    }),
    center: view.camera.center,
    zoom: view.camera.zoom + options.zoomOffset,
    pitch: view.camera.pitch,
    bearing: view.camera.bearing,
    // The story owns the scroll: the map takes no gestures while reading.
    interactive: false,
    attributionControl: { compact: true, customAttribution: 'Natural Earth' },
    maxPitch: 85,
  });
  const engineLayers = storyLayers(story.layers);
  let pending: [View, ShowOptions] | null = [view, options];
  let loaded = false;
  let offset = options.zoomOffset;
  const fronts = createFrontMorph({
    layers: story.layers,
    data,
    plans,
    setData: (id, fc) => map.getSource<maplibregl.GeoJSONSource>(sourceId({ id }))?.setData(fc),
    setGhostData: (id, fc) => map.getSource<maplibregl.GeoJSONSource>(frontGhost({ id }, 0).source)?.setData(fc),
    setGhostFade: (id, fade) => {
      for (const p of frontGhost({ id }, fade).paint) map.setPaintProperty(p.layer, p.property, p.value);
    },
  });

  const apply = (v: View, o: ShowOptions) => {
    const shown = new Set(v.layers);
    for (const { spec } of engineLayers) {
      const owner = storyLayerOf(spec.id);
      if (owner) map.setLayoutProperty(spec.id, 'visibility', shown.has(owner) ? 'visible' : 'none');
    }
    fronts.show(v, o.reducedMotion);
    map.setLayoutProperty(HIGHLIGHT_LAYER, 'visibility', v.highlight.length ? 'visible' : 'none');
    map.setFilter(HIGHLIGHT_LAYER, highlightFilter(v.highlight));
    offset = o.zoomOffset;
    const target = { ...v.camera, zoom: v.camera.zoom + offset, padding: o.padding };
    const motion = motionFor(v.transition, o.reducedMotion);
    if (motion.type === 'jump') map.jumpTo(target);
    else if (motion.type === 'ease') map.easeTo({ ...target, duration: motion.duration });
    // Reduced motion is decided above, so the engine's own check must not second-guess it.
    else map.flyTo({ ...target, duration: motion.duration, essential: true });
  };

  const ready = new Promise<void>((resolve, reject) => {
    map.once('load', () => {
      const tokens = new Set(story.layers.filter((l) => l.kind === 'line').map((l) => l.style.color));
      for (const token of tokens) map.addImage(arrowImageId(token), arrowImage(token), { pixelRatio: 2 });
      for (const [id, source] of Object.entries(storySources(story.layers, data))) map.addSource(id, source);
      for (const { spec, before } of engineLayers) map.addLayer(spec, before);
      loaded = true;
      if (pending) apply(...pending);
      pending = null;
      resolve();
    });
    map.once('error', (e) => {
      if (!loaded) reject(e.error);
    });
  });

  return {
    ready,
    show(v, o) {
      if (loaded) apply(v, o);
      else pending = [v, o];
    },
    camera(): Camera {
      const c = map.getCenter();
      return { center: [c.lng, c.lat], zoom: map.getZoom() - offset, pitch: map.getPitch(), bearing: map.getBearing() };
    },
    project(lngLat) {
      const p = map.project(lngLat);
      return [p.x, p.y];
    },
    visibleLayers() {
      if (!loaded) return [];
      return story.layers
        .filter((l) => engineLayers.every(({ spec }) => storyLayerOf(spec.id) !== l.id || map.getLayoutProperty(spec.id, 'visibility') === 'visible'))
        .map((l) => l.id);
    },
    isMoving: () => !loaded || map.isMoving() || fronts.state().morphing,
    front: () => fronts.state(),
    resize: () => map.resize(),
    destroy: () => {
      fronts.destroy();
      map.remove();
    },
  };
}
