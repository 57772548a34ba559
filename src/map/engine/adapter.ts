// The one interface the story talks to; each map engine implements it (maplibre.ts, and
// mapbox.ts when a token is configured; engine.ts picks one). Components never touch an engine directly.
import { motionScale } from '../../motion/scale.ts';
import type { Camera, Transition } from '../../story/schema.ts';
import type { View } from '../../story/model.ts';
import type { FrontState } from '../front/front-morph.ts';
import type { Padding } from '../../geo/projection.ts';

export type { Padding };

export interface ShowOptions {
  /** area covered by cards, so the camera's centre lands in the part of the map left free */
  padding: Padding;
  /** prefers-reduced-motion: every move becomes a cut */
  reducedMotion: boolean;
  /** added to the script's zoom so the step frames the same area on this screen (layout/layout.ts zoomOffset) */
  zoomOffset: number;
}

/** The library drawing the map: maplibre-gl (offline, the default) or mapbox-gl (with a token). */
export type EngineLibrary = 'maplibre' | 'mapbox';
/** What draws the map: a library, or static SVG maps when none can run (static-map.ts). */
export type MapEngine = EngineLibrary | 'static';

/** How the map is drawn: not yet, by the engine, as static maps, or not at all. */
export type MapStatus = 'loading' | 'ready' | 'static' | 'failed';

export interface MapAdapter {
  readonly engine: MapEngine;
  /** Brings the map to `view` in one call (camera, layers, highlights); a new call interrupts a move in progress. */
  show(view: View, options: ShowOptions): void;
  /**
   * Draws the front lines on `day` (ISO; the explore scrubber), between snapshots interpolated
   * by date with the morph plans, at once and without moving the camera; null: the view's own snapshot.
   */
  showDay(day: string | null): void;
  /** the camera now, in the script's terms (zoom as written, without this screen's zoomOffset) */
  camera(): Camera;
  /** where [lon, lat] is on screen now, in CSS pixels from the map's top-left corner */
  project(lngLat: [number, number]): [number, number];
  /** ids of the story's layers visible now */
  visibleLayers(): string[];
  /** the data the engine holds now for a story layer's source (a front layer: the snapshot drawn), or null */
  layerData(layerId: string): GeoJSON.FeatureCollection | null;
  /** a camera move or a front-line morph is in progress */
  isMoving(): boolean;
  /** calls `fn` whenever the camera has changed (each frame of a move); returns the unsubscriber */
  onMove(fn: () => void): () => void;
  /** the front layers' snapshot and data now, on the engines that morph them (map/front/front-morph.ts) */
  front?(): FrontState;
  /** lets the reader pan, zoom, tilt and turn the map (the dev camera picker; exploring at the end), or stops it */
  setInteractive(on: boolean): void;
  /** the canvas is ready for a move; resolves once the style and data have loaded */
  ready: Promise<void>;
  resize(): void;
  destroy(): void;
}

/** The move actually made: reduced motion or a zero duration is a cut (its length scaled for tests: motion/scale.ts). */
export function motionFor(transition: Transition, reducedMotion: boolean): Transition {
  return reducedMotion || transition.duration === 0
    ? { type: 'jump', duration: 0 }
    : { ...transition, duration: transition.duration * motionScale() };
}
