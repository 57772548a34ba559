// window.__story: a read-only view of the story's state for tests and embedding hosts.
import type { MapAdapter, MapEngine } from '../map/engine/adapter.ts';
import type { FrontState } from '../map/front/front-morph.ts';
import type { Camera } from './schema.ts';

export type MapStatus = 'loading' | 'ready' | 'static' | 'failed';

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

/** What the story writes; the handle only reads it. */
export interface StoryState {
  step: string | null;
  mapStatus: MapStatus;
  map: MapAdapter | null;
  /** the map's element, to turn map pixels into viewport pixels */
  container: HTMLElement | null;
}

export function installHandle(steps: readonly string[], state: StoryState): StoryHandle {
  const handle: StoryHandle = Object.freeze({
    steps: Object.freeze([...steps]),
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
    camera: () => state.map?.camera() ?? null,
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
