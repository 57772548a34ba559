// The story on a map engine, written once against the API maplibre-gl and mapbox-gl share (same
// camera calls, same style spec): it adds the story's images, sources and layers, and brings the
// map to a view. Each engine module only creates its map and says when it is loaded.
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { Story, StoryData, View } from '../../story/model.ts';
import type { Camera } from '../../story/schema.ts';
import { motionFor, type EngineLibrary, type MapAdapter, type Padding, type ShowOptions } from './adapter.ts';
import { createFrontMorph } from '../front/front-morph.ts';
import type { MorphPlan } from '../../geo/morph-plan.ts';
import {
  arrowImage,
  arrowImageId,
  frontGhost,
  highlightFilters,
  HIGHLIGHT_LABEL_LAYER,
  HIGHLIGHT_LAYER,
  LOCAL_FONTS,
  sourceId,
  storyLayerOf,
  storyLayers,
  storySources,
  type LabelFonts,
} from '../style/story-layers.ts';

interface Target {
  center: [number, number];
  zoom: number;
  pitch: number;
  bearing: number;
  padding?: Padding;
}

interface GestureHandler {
  enable(): unknown;
  disable(): unknown;
}

const GESTURES = [
  'dragPan',
  'scrollZoom',
  'boxZoom',
  'dragRotate',
  'keyboard',
  'doubleClickZoom',
  'touchZoomRotate',
  'touchPitch',
] as const;

/** Each engine's CSS class prefix (its grab cursor is `<prefix>-interactive`). */
const CSS_PREFIX: Record<EngineLibrary, string> = { maplibre: 'maplibregl', mapbox: 'mapboxgl' };

/** The part of a maplibre-gl or mapbox-gl `Map` the story uses. */
export interface EngineMap extends Record<(typeof GESTURES)[number], GestureHandler> {
  addImage(id: string, image: { width: number; height: number; data: Uint8Array }, options: { pixelRatio: number }): void;
  addSource(id: string, source: GeoJSONSourceSpecification): void;
  addLayer(layer: LayerSpecification, before?: string): void;
  getLayer(id: string): unknown;
  getSource(id: string): unknown;
  setLayoutProperty(layer: string, name: 'visibility', value: 'visible' | 'none'): void;
  getLayoutProperty(layer: string, name: 'visibility'): unknown;
  setFilter(layer: string, filter: ExpressionSpecification): void;
  setPaintProperty(layer: string, name: 'fill-opacity' | 'line-opacity', value: number): void;
  jumpTo(target: Target): unknown;
  easeTo(target: Target & { duration: number }): unknown;
  flyTo(target: Target & { duration: number; essential: boolean }): unknown;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getPitch(): number;
  getBearing(): number;
  project(lngLat: [number, number]): { x: number; y: number };
  isMoving(): boolean;
  on(type: 'moveend' | 'move', listener: () => void): unknown;
  off(type: 'move', listener: () => void): unknown;
  once(type: 'idle', listener: () => void): unknown;
  getCanvasContainer(): HTMLElement;
  resize(): unknown;
  remove(): void;
}

interface GeoJSONSourceLike {
  setData(data: GeoJSON.FeatureCollection): unknown;
  serialize(): { data?: unknown };
}

export interface StoryInit {
  container: HTMLElement;
  story: Story;
  data: StoryData;
  /** how front layers morph (virtual:story-morph, planned at build time) */
  plans: Record<string, MorphPlan>;
  /** the view to open on, so the first frame is already the right one */
  view: View;
  options: ShowOptions;
}

/** The engine camera for a scripted one on this screen: the script's zoom plus the screen's offset. */
export const engineCamera = ({ center, zoom, pitch, bearing }: Camera, { zoomOffset }: ShowOptions): Target => ({
  center: [center[0], center[1]],
  zoom: zoom + zoomOffset,
  pitch,
  bearing,
});

export interface EngineSetup {
  engine: EngineLibrary;
  /** resolves when the map can take the story's layers; a rejection makes `ready` reject */
  loaded: Promise<void>;
  /** font stacks the engine's style can draw */
  fonts?: LabelFonts;
  /** called by destroy() before the map is removed */
  teardown?: () => void;
}

/** How long `ready` waits for the first frame with the story's layers drawn. */
const FIRST_DRAW_PATIENCE_MS = 3000;

/** A MapAdapter over an engine's map: the story's layers go in once `loaded` resolves. */
export function storyAdapter(map: EngineMap, { story, data, plans, view, options }: StoryInit, setup: EngineSetup): MapAdapter {
  const engineLayers = storyLayers(story.layers, setup.fonts ?? LOCAL_FONTS);
  let pending: [View, ShowOptions] | null = [view, options];
  let loaded = false;
  let offset = options.zoomOffset;
  let target: Target | null = null;

  const source = (layerId: string) => map.getSource(sourceId({ id: layerId })) as GeoJSONSourceLike | undefined;
  // The one place front layers' data is set: cuts and morph frames, and the morph's fading ghost.
  const fronts = createFrontMorph({
    layers: story.layers,
    data,
    plans,
    setData: (layerId, fc) => source(layerId)?.setData(fc),
    setGhostData: (layerId, fc) => (map.getSource(frontGhost({ id: layerId }, 0).source) as GeoJSONSourceLike | undefined)?.setData(fc),
    setGhostFade: (layerId, fade) => {
      for (const p of frontGhost({ id: layerId }, fade).paint) map.setPaintProperty(p.layer, p.property, p.value);
    },
  });

  const apply = (v: View, o: ShowOptions) => {
    const shown = new Set(v.layers);
    for (const { spec } of engineLayers) {
      const owner = storyLayerOf(spec.id);
      if (owner) map.setLayoutProperty(spec.id, 'visibility', shown.has(owner) ? 'visible' : 'none');
    }
    fronts.show(v, o.reducedMotion);
    for (const id of [HIGHLIGHT_LAYER, HIGHLIGHT_LABEL_LAYER])
      map.setLayoutProperty(id, 'visibility', v.highlight.length ? 'visible' : 'none');
    for (const [id, filter] of highlightFilters(story.layers, v.highlight)) map.setFilter(id, filter);
    offset = o.zoomOffset;
    const wanted = { ...engineCamera(v.camera, o), padding: o.padding };
    const motion = motionFor(v.transition, o.reducedMotion);
    // No target while the engine stops the move in progress: that stop is not a landing.
    target = null;
    if (motion.type === 'jump') map.jumpTo(wanted);
    else if (motion.type === 'ease') map.easeTo({ ...wanted, duration: motion.duration });
    // Reduced motion is decided above, so the engine's own check must not second-guess it.
    else map.flyTo({ ...wanted, duration: motion.duration, essential: true });
    target = wanted;
  };

  // Over terrain, mapbox-gl ends a move re-centred on the ground, a little off the scripted
  // camera: once a move has landed, the camera is set exactly.
  const land = () => {
    if (!target || map.isMoving()) return;
    const t = target;
    target = null;
    map.jumpTo(t);
  };

  const install = () => {
    const tokens = new Set(story.layers.filter((l) => l.kind === 'line').map((l) => l.style.color));
    for (const token of tokens) map.addImage(arrowImageId(token), arrowImage(token), { pixelRatio: 2 });
    for (const [id, source] of Object.entries(storySources(story.layers, data))) map.addSource(id, source);
    // A basemap layer to insert under exists only in the styles that have it (the offline one).
    for (const { spec, before } of engineLayers) map.addLayer(spec, before && map.getLayer(before) ? before : undefined);
    map.on('moveend', land);
    loaded = true;
    if (pending) apply(...pending);
    pending = null;
  };

  return {
    engine: setup.engine,
    // Ready once the story's layers are drawn, not just added: the static map it takes over
    // from stays until then, so the reader never sees the basemap bare. Capped, for tiles that hang.
    ready: setup.loaded.then(install).then(
      () =>
        new Promise<void>((resolve) => {
          map.once('idle', resolve);
          setTimeout(resolve, FIRST_DRAW_PATIENCE_MS);
        }),
    ),
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
        .filter((l) =>
          engineLayers.every(({ spec }) => storyLayerOf(spec.id) !== l.id || map.getLayoutProperty(spec.id, 'visibility') === 'visible'),
        )
        .map((l) => l.id);
    },
    layerData(layerId) {
      const data = loaded ? source(layerId)?.serialize().data : undefined;
      // Read back from the engine: an inline FeatureCollection (a URL would mean data not set by the story).
      return typeof data === 'object' && data !== null ? (data as GeoJSON.FeatureCollection) : null;
    },
    isMoving: () => !loaded || map.isMoving() || fronts.state().morphing,
    onMove(fn) {
      map.on('move', fn);
      return () => void map.off('move', fn);
    },
    front: () => fronts.state(),
    setInteractive(on) {
      for (const gesture of GESTURES) {
        if (on) map[gesture].enable();
        else map[gesture].disable();
      }
      map.getCanvasContainer().classList.toggle(`${CSS_PREFIX[setup.engine]}-interactive`, on);
    },
    resize: () => void map.resize(),
    destroy() {
      fronts.destroy();
      setup.teardown?.();
      map.remove();
    },
  };
}
