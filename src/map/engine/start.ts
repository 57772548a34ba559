// The map the reader gets: the engine when it can run (engine.ts picks it), static SVG maps until
// it starts (reader/first-move.ts) and whenever it cannot: without WebGL, when the engine's chunk fails to
// load, when it never draws (a blocked worker), or when its WebGL context is lost, every step
// still shows its map, quietly.
import type { Story, StoryData, View } from '../../story/model.ts';
import type { MapAdapter, MapStatus, ShowOptions } from './adapter.ts';
import type { StaticMap } from '../static/static-map.ts';
import type { StoryFiles } from './engine.ts';

/** How long the engine may take to become ready before static maps stand in (it may still take over later). */
export const ENGINE_PATIENCE_MS = 8000;

export interface StartOptions {
  /** the engine's box */
  container: HTMLElement;
  /** the static maps' box, over the engine's: an engine wants its own box empty when it starts */
  staticContainer: HTMLElement;
  story: Story;
  /** the view and options now: a map opens on the step the reader is at when it is created */
  now: () => { view: View; options: ShowOptions };
  /** starts the engine: resolves once it is ready, rejects when it cannot draw (engine.ts startMap) */
  engine: () => Promise<MapAdapter>;
  /** loads the story layers' data and the fronts' morph plans, for the static maps (a day between snapshots is drawn with the plans) */
  files: () => Promise<StoryFiles>;
  /** loads the basemap's names, for the static maps (null without them) */
  labels: () => Promise<GeoJSON.FeatureCollection | null>;
  /** the map the reader sees changed */
  onMap: (map: MapAdapter | null, status: MapStatus) => void;
  /**
   * Holds the engine back until it calls `start` (reader/first-move.ts: the reader's first move), static maps
   * showing meanwhile; returns its canceller. Without it the engine starts at once.
   */
  wake?: (start: () => void) => () => void;
  patienceMs?: number;
}

/** A missing data file empties its layers; the rest of the map still draws. */
export const withEveryLayer = (story: Story, data: StoryData): StoryData =>
  Object.fromEntries(story.layers.map((l) => [l.id, data[l.id] ?? { type: 'FeatureCollection', features: [] }]));

/** Starts the map; returns the function that tears it down. */
export function startMapOrStatic(o: StartOptions): () => void {
  let stopped = false;
  let engine: MapAdapter | null = null;
  let engineReady = false;
  let fallback = null as StaticMap | null;
  let fallbackPending = false;
  // Static maps before the first move are a preview, drawn flat; standing in for the engine
  // (no WebGL, a failure, too slow), they shade the relief the engine would have shown.
  let standingIn = false;
  const files = o
    .files()
    .catch((): StoryFiles => ({ data: null, plans: {} }))
    .then((f) => ({ data: withEveryLayer(o.story, f.data ?? {}), plans: f.data ? f.plans : {} }));

  const showStatic = async (standIn: boolean) => {
    standingIn ||= standIn;
    if (standingIn) fallback?.shadeRelief();
    if (fallback || fallbackPending || stopped) return;
    fallbackPending = true;
    try {
      const [{ createStaticMap }, { data, plans }, labels] = await Promise.all([import('../static/static-map.ts'), files, o.labels()]);
      if (stopped || engineReady) return;
      fallback = createStaticMap({ container: o.staticContainer, story: o.story, data, plans, labels, ...o.now() });
      if (standingIn) fallback.shadeRelief();
      o.onMap(fallback, 'static');
    } catch (error) {
      if (!stopped && !engineReady) {
        console.warn('No map could be drawn; the story stays readable without it.', error);
        o.onMap(null, 'failed');
      }
    } finally {
      fallbackPending = false;
    }
  };

  const lost = () => {
    engineReady = false;
    engine?.destroy();
    engine = null;
    void showStatic(true);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const startEngine = () => {
    timer = setTimeout(() => void showStatic(true), o.patienceMs ?? ENGINE_PATIENCE_MS);
    (async () => {
      // No WebGL shows as the engine failing to create its context: probing for it first would
      // cost every reader a context of its own (~0.4 s in software rendering).
      const map = await o.engine();
      if (stopped) return map.destroy();
      engine = map;
      engineReady = true;
      clearTimeout(timer);
      fallback?.destroy();
      fallback = null;
      o.onMap(map, 'ready');
      o.container.addEventListener('webglcontextlost', lost, { capture: true, once: true });
    })().catch((error: unknown) => {
      clearTimeout(timer);
      console.info('Static maps stand in for the interactive map.', error);
      void showStatic(true);
    });
  };
  let unwake = () => {};
  if (o.wake) {
    void showStatic(false);
    unwake = o.wake(startEngine);
  } else startEngine();

  return () => {
    stopped = true;
    unwake();
    clearTimeout(timer);
    o.container.removeEventListener('webglcontextlost', lost, { capture: true });
    engine?.destroy();
    fallback?.destroy();
  };
}
