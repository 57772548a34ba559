// window.__story: a read-only view of the story's state for tests and embedding hosts.
import type { MapAdapter } from '../map/adapter.ts';
import type { Camera } from './schema.ts';

export type MapStatus = 'loading' | 'ready' | 'static' | 'failed';

export interface StoryHandle {
  readonly steps: readonly string[];
  readonly step: string | null;
  readonly mapStatus: MapStatus;
  readonly moving: boolean;
  camera(): Camera | null;
  layers(): string[];
}

/** What the story writes; the handle only reads it. */
export interface StoryState {
  step: string | null;
  mapStatus: MapStatus;
  map: MapAdapter | null;
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
    get moving() {
      return state.map?.isMoving() ?? false;
    },
    camera: () => state.map?.camera() ?? null,
    layers: () => state.map?.visibleLayers() ?? [],
  });
  Object.defineProperty(window, '__story', { value: handle, configurable: true });
  return handle;
}

declare global {
  interface Window {
    __story?: StoryHandle;
  }
}
