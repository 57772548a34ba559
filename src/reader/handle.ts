// window.__story: a read-only view of the reader's state (state.svelte.ts) for tests and embedding hosts.
import type { MapEngine, MapStatus } from '../map/engine/adapter.ts';
import type { FrontState } from '../map/front/front-morph.ts';
import type { Camera } from '../story/schema.ts';
import type { ReaderState } from './state.svelte.ts';

export interface StoryHandle {
  readonly steps: readonly string[];
  readonly step: string | null;
  readonly mapStatus: MapStatus;
  /** what draws the map once it is up (a library, or 'static' SVG maps), else null */
  readonly mapEngine: MapEngine | null;
  readonly moving: boolean;
  camera(): Camera | null;
  /** front lines: the snapshot shown or being morphed to, whether a morph runs, setData calls so far, each front layer's data now */
  front(): FrontState | null;
  layers(): string[];
  /** the data the map draws now for a story layer (a front layer: its snapshot), or null */
  layerData(layerId: string): GeoJSON.FeatureCollection | null;
  /** where [lon, lat] is drawn now, in CSS pixels from the viewport's top-left; null without a map */
  project(lngLat: [number, number]): [number, number] | null;
}

export function installHandle(state: ReaderState): StoryHandle {
  const handle: StoryHandle = Object.freeze({
    get steps() {
      return Object.freeze([...state.steps]);
    },
    get step() {
      return state.step;
    },
    get mapStatus() {
      return state.mapStatus;
    },
    get mapEngine() {
      return state.map?.engine ?? null;
    },
    get moving() {
      return state.map?.isMoving() ?? false;
    },
    camera: () => state.camera,
    front: () => state.map?.front?.() ?? null,
    layers: () => state.map?.visibleLayers() ?? [],
    layerData: (layerId: string) => state.map?.layerData(layerId) ?? null,
    project: (lngLat: [number, number]): [number, number] | null => {
      const at = state.map?.project(lngLat);
      const box = state.container?.getBoundingClientRect();
      return at && box ? [at[0] + box.left, at[1] + box.top] : null;
    },
  });
  Object.defineProperty(window, '__story', { value: handle, configurable: true });
  return handle;
}

declare global {
  interface Window {
    __story?: StoryHandle;
  }
}
