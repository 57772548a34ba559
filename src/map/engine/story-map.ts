// The story on a map engine, written once against the API maplibre-gl and mapbox-gl share (same
// camera calls, same style spec): it adds the story's images, sources and layers, and brings the
// map to a view. Each engine module only creates its map and says when it is loaded.
import type { FilterSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { Story, StoryData, View } from '../../story/model.ts';
import type { Camera } from '../../story/schema.ts';
import { motionFor, type EngineLibrary, type MapAdapter, type Padding, type ShowOptions } from './adapter.ts';
import { createFrontMorph } from '../front/front-morph.ts';
import { perFrame } from '../front/per-frame.ts';
import type { MorphPlan } from '../../geo/morph-plan.ts';
import borders from '../../../assets/basemap/borders.json';
import {
  COUNTRY_LAYERS,
  COUNTRY_SOURCE,
  countryLabelFilter,
  countryLayers,
  countrySource,
  pickCountryLabels,
  shownPlaces,
  shownRoutes,
} from '../style/country-labels.ts';
import {
  frontGhost,
  highlightFilters,
  HIGHLIGHT_LABEL_LAYER,
  LOCAL_FONTS,
  sourceId,
  storyImages,
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

/**
 * The style changes the story makes on every step and morph frame are built by tested code
 * (story-layers.ts, checked against the style spec by the unit tests): validating each again on
 * the reader's main thread costs frames for nothing.
 */
type Unchecked = { validate: false };
const UNCHECKED: Unchecked = { validate: false };

/** The part of a maplibre-gl or mapbox-gl `Map` the story uses. */
export interface EngineMap extends Record<(typeof GESTURES)[number], GestureHandler> {
  addImage(id: string, image: { width: number; height: number; data: Uint8Array }, options: { pixelRatio: number }): void;
  addSource(id: string, source: GeoJSONSourceSpecification): void;
  addLayer(layer: LayerSpecification, before?: string): void;
  getLayer(id: string): unknown;
  getSource(id: string): unknown;
  setLayoutProperty(layer: string, name: 'visibility', value: 'visible' | 'none', options: Unchecked): void;
  getLayoutProperty(layer: string, name: 'visibility'): unknown;
  setFilter(layer: string, filter: FilterSpecification, options: Unchecked): void;
  setPaintProperty(layer: string, name: 'fill-opacity' | 'line-opacity', value: number, options: Unchecked): void;
  jumpTo(target: Target): unknown;
  easeTo(target: Target & { duration: number }): unknown;
  flyTo(target: Target & { duration: number; essential: boolean }): unknown;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getPitch(): number;
  getBearing(): number;
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(options: { layers: string[] }): { layer: { id: string }; properties: unknown; geometry: GeoJSON.Geometry }[];
  isMoving(): boolean;
  on(type: 'moveend' | 'move' | 'idle', listener: () => void): unknown;
  off(type: 'move' | 'idle', listener: () => void): unknown;
  once(type: 'idle', listener: () => void): unknown;
  getCanvasContainer(): HTMLElement;
  resize(): unknown;
  remove(): void;
}

/** A label the engine has placed (drawn, not lost to a collision), for tests. */
export interface RenderedLabel {
  layer: string;
  properties: Record<string, unknown>;
  /** the symbol's point, in CSS px from the map's top-left */
  at: [number, number];
}

/** The engine adapter's extra, read-only view of its labels (window.__story.labels()). */
export interface LabelReader {
  /** `settled`: every tile is loaded and laid out, so the labels are the view's own */
  labels(): { settled: boolean; labels: RenderedLabel[] };
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
  /** the basemap's country and region names (map/style/labels.ts); null when they could not be loaded */
  labels: GeoJSON.FeatureCollection | null;
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

const CAMERA_EVENTS = ['move', 'idle'] as const;

/** How long `ready` waits for the first frame with the story's layers drawn. */
const FIRST_DRAW_PATIENCE_MS = 3000;

/** A MapAdapter over an engine's map: the story's layers go in once `loaded` resolves. */
export function storyAdapter(
  map: EngineMap,
  { container, story, data, plans, view, options, labels: names }: StoryInit,
  setup: EngineSetup,
): MapAdapter & LabelReader {
  const fonts = setup.fonts ?? LOCAL_FONTS;
  const engineLayers = storyLayers(story.layers, fonts);
  const countryPick = {
    labels: names ?? { type: 'FeatureCollection', features: [] },
    borders: borders as unknown as GeoJSON.FeatureCollection,
    places: shownPlaces(story.layers, data, view),
    routes: shownRoutes(story.layers, data, view),
  };
  let pending: [View, ShowOptions] | null = [view, options];
  /** the scrubber's day, kept until the layers are in */
  let day: string | null = null;
  let loaded = false;
  let offset = options.zoomOffset;
  let padding = options.padding;
  let target: Target | null = null;

  // The country names' points for a camera, as the static map picks them (country-labels.ts).
  const placeCountryNames = (camera: Camera) => {
    const frame = { width: container.clientWidth, height: container.clientHeight, padding, zoomOffset: offset };
    if (!names) return;
    const filter = countryLabelFilter(pickCountryLabels(countryPick, camera, frame));
    for (const id of COUNTRY_LAYERS) map.setFilter(id, filter, UNCHECKED);
  };

  const adapterCamera = (): Camera => {
    const c = map.getCenter();
    return { center: [c.lng, c.lat], zoom: map.getZoom() - offset, pitch: map.getPitch(), bearing: map.getBearing() };
  };

  const source = (layerId: string) => map.getSource(sourceId({ id: layerId })) as GeoJSONSourceLike | undefined;
  // The one place front layers' data is set: cuts and morph frames, and the morph's fading ghost.
  const fronts = createFrontMorph({
    layers: story.layers,
    data,
    plans,
    setData: (layerId, fc) => source(layerId)?.setData(fc),
    setGhostData: (layerId, fc) => (map.getSource(frontGhost({ id: layerId }, 0).source) as GeoJSONSourceLike | undefined)?.setData(fc),
    setGhostFade: (layerId, fade) => {
      for (const p of frontGhost({ id: layerId }, fade).paint) map.setPaintProperty(p.layer, p.property, p.value, UNCHECKED);
    },
  });

  const dayFrame = perFrame((d: string | null) => fronts.showDay(d));

  // Whether the map has been idle (tiles laid out, nothing fading) since the last step was shown.
  let idle = false;
  const apply = (v: View, o: ShowOptions) => {
    idle = false;
    const shown = new Set(v.layers);
    for (const { spec } of engineLayers) {
      const owner = storyLayerOf(spec.id);
      if (owner) map.setLayoutProperty(spec.id, 'visibility', shown.has(owner) ? 'visible' : 'none', UNCHECKED);
    }
    fronts.show(v, o.reducedMotion);
    map.setLayoutProperty(HIGHLIGHT_LABEL_LAYER, 'visibility', v.highlight.length ? 'visible' : 'none', UNCHECKED);
    for (const [id, filter] of highlightFilters(story.layers, v.highlight)) map.setFilter(id, filter, UNCHECKED);
    offset = o.zoomOffset;
    padding = o.padding;
    countryPick.places = shownPlaces(story.layers, data, v);
    countryPick.routes = shownRoutes(story.layers, data, v);
    placeCountryNames(v.camera);
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
    // The reader's own moves (free exploration) bring the country names along.
    if (!target && !map.isMoving()) placeCountryNames(adapterCamera());
    if (!target || map.isMoving()) return;
    const t = target;
    target = null;
    map.jumpTo(t);
  };

  const install = () => {
    for (const [id, image] of storyImages(story.layers)) map.addImage(id, image, { pixelRatio: 2 });
    for (const [id, source] of Object.entries(storySources(story.layers, data))) map.addSource(id, source);
    // Without the names' file the map goes without country names.
    if (names) map.addSource(COUNTRY_SOURCE, countrySource(names));
    // A basemap layer to insert under exists only in the styles that have it (the offline one).
    for (const { spec, before } of engineLayers) map.addLayer(spec, before && map.getLayer(before) ? before : undefined);
    // Country names under the story's lines and labels, which win every collision with them.
    const under = engineLayers.find((p) => !p.before)?.spec.id;
    if (names) for (const spec of countryLayers(fonts)) map.addLayer(spec, under);
    map.on('moveend', land);
    map.on('idle', () => (idle = true));
    loaded = true;
    if (pending) apply(...pending);
    pending = null;
    // A day asked for before the layers were in (a link to a date) is drawn over the view's snapshot.
    if (day !== null) fronts.showDay(day);
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
    showDay(d) {
      day = d;
      if (loaded && (d !== null || fronts.state().day !== null || dayFrame.pending())) dayFrame.set(d);
    },
    camera: () => adapterCamera(),
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
    isMoving: () => !loaded || map.isMoving() || fronts.state().morphing || dayFrame.pending(),
    labels() {
      if (!loaded) return { settled: false, labels: [] };
      const layers = [...engineLayers.filter((p) => p.spec.type === 'symbol').map((p) => p.spec.id), ...(names ? COUNTRY_LAYERS : [])];
      const labels = map.queryRenderedFeatures({ layers }).flatMap((f) => {
        if (f.geometry.type !== 'Point') return [];
        const { x, y } = map.project(f.geometry.coordinates as [number, number]);
        return [{ layer: f.layer.id, properties: (f.properties ?? {}) as Record<string, unknown>, at: [x, y] as [number, number] }];
      });
      return { settled: idle, labels };
    },
    onMove(fn) {
      // Over 3D terrain the engine settles the camera on the ground once a move has ended,
      // without a move event: the next idle reports that last change.
      for (const type of CAMERA_EVENTS) map.on(type, fn);
      return () => {
        for (const type of CAMERA_EVENTS) map.off(type, fn);
      };
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
      dayFrame.cancel();
      fronts.destroy();
      setup.teardown?.();
      map.remove();
    },
  };
}
