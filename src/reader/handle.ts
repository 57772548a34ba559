// window.__story: a read-only view of the reader's state (state.svelte.ts) for tests and embedding hosts.
import type { MapAdapter, MapEngine, MapStatus } from '../map/engine/adapter.ts';
import type { LabelReader, RenderedLabel } from '../map/engine/story-map.ts';
import type { FrontState } from '../map/front/front-morph.ts';
import type { Camera } from '../story/schema.ts';
import type { DataStatus, ReaderState } from './state.svelte.ts';

export interface StoryHandle {
  readonly steps: readonly string[];
  readonly step: string | null;
  /** the day the front lines show (ISO): the scrubber's while exploring, else the step's snapshot; null before the first front */
  readonly date: string | null;
  readonly mapStatus: MapStatus;
  /** the story's shapes: 'failed' when their file failed or never answered (the map then shows the basemap alone, with a notice) */
  readonly dataStatus: DataStatus;
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
  /** each place ringed at the current step, where it is drawn now (CSS px from the viewport's top-left) */
  highlights(): { id: string; x: number; y: number }[];
  /** the labels the map engine has placed now, each at its point (CSS px from the viewport's top-left), and whether its tiles are all laid out; null without an engine */
  labels(): { settled: boolean; labels: RenderedLabel[] } | null;
}

/** What the handle reads of the story: the places ringed now, and the layers that hold places. */
export interface HandleStory {
  highlight: () => readonly string[];
  /** the day the front lines show now */
  date: () => string | null;
  layers: readonly string[];
}

export function installHandle(state: ReaderState, story: HandleStory): StoryHandle {
  const project = (lngLat: [number, number]): [number, number] | null => {
    const at = state.map?.project(lngLat);
    const box = state.container?.getBoundingClientRect();
    return at && box ? [at[0] + box.left, at[1] + box.top] : null;
  };
  const handle: StoryHandle = Object.freeze({
    get steps() {
      return Object.freeze([...state.steps]);
    },
    get step() {
      return state.step;
    },
    get date() {
      return story.date();
    },
    get mapStatus() {
      return state.mapStatus;
    },
    get dataStatus() {
      return state.dataStatus;
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
    project,
    labels: () => {
      const map = state.map as (MapAdapter & Partial<LabelReader>) | null;
      const box = state.container?.getBoundingClientRect();
      if (!map?.labels || !box) return null;
      const { settled, labels } = map.labels();
      return { settled, labels: labels.map((l) => ({ ...l, at: [l.at[0] + box.left, l.at[1] + box.top] as [number, number] })) };
    },
    highlights() {
      const ids = new Set(story.highlight());
      const places = story.layers.flatMap((id) => state.map?.layerData(id)?.features ?? []);
      return places.flatMap((f) => {
        const id = f.properties?.id as string;
        const at = ids.has(id) && f.geometry.type === 'Point' ? project(f.geometry.coordinates as [number, number]) : null;
        return at ? [{ id, x: at[0], y: at[1] }] : [];
      });
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
