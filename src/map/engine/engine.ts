// Which engine draws the story. A Mapbox token set at build (or dev) time selects mapbox-gl,
// with satellite imagery and terrain; without one, or when Mapbox fails, the offline maplibre-gl.
// Each engine is its own chunk, fetched only when it is used: a build without a token has no
// mapbox-gl at all, and a build with one fetches maplibre-gl only to fall back.
import type { MorphPlan } from '../../geo/morph-plan.ts';
import type { StoryData } from '../../story/model.ts';
import type { Lang } from '../../story/dates.ts';
import type { MapAdapter } from './adapter.ts';
import { withEveryLayer } from './start.ts';
import type { StoryInit } from './story-map.ts';

const TOKEN = import.meta.env.VITE_MAPBOX_TOKEN;
const STYLE = import.meta.env.VITE_MAPBOX_STYLE;

/** Where the map opens: everything an engine needs but the data, morph plans and names, which are loaded here. */
export type Placement = Omit<StoryInit, 'data' | 'plans' | 'labels'>;

/** How long a file the map needs (the story's data, the basemap's names) may take before the map goes on without it. */
export const LOAD_PATIENCE_MS = 12_000;

/**
 * How long to wait for a file or a service: `ms`, or the page's `__storyLoadPatienceMs` (set by
 * tests that make a file or Mapbox hang, before the page's scripts run).
 */
export const loadPatience = (ms = LOAD_PATIENCE_MS): number => {
  const set = (globalThis as { __storyLoadPatienceMs?: unknown }).__storyLoadPatienceMs;
  return typeof set === 'number' && set > 0 ? set : ms;
};

/** `load`, or a rejection once it has taken `ms`: a request that never answers ends like one that failed. */
export function patiently<T>(load: Promise<T>, what: string, ms = loadPatience()): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not load within ${ms / 1000} s`)), ms);
  });
  return Promise.race([load, late]).finally(() => clearTimeout(timer));
}

let labels: Promise<GeoJSON.FeatureCollection | null> | null = null;
/**
 * The basemap's names, once for the page; null when they fail or hang (the map is drawn without
 * them). In English each country and region shows its Latin name over its Arabic one; an edition
 * in another language shows its own name alone (in the first place, the second left empty).
 */
export const builtLabels = (lang: Lang = 'en'): Promise<GeoJSON.FeatureCollection | null> =>
  (labels ??= patiently(
    import('../style/labels.ts').then((m) => (lang === 'en' ? m.default : namedIn(m.default, lang))),
    'The basemap’s names',
  ).catch((error: unknown) => {
    console.warn('The map is drawn without its place names.', error);
    return null;
  }));

const namedIn = (fc: GeoJSON.FeatureCollection, lang: Exclude<Lang, 'en'>): GeoJSON.FeatureCollection => ({
  ...fc,
  features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, name: f.properties?.[`name_${lang}`], [`name_${lang}`]: '' } })),
});

/** The story layers' data (null when it failed to load) and the front lines' morph plans. */
export interface StoryFiles {
  data: StoryData | null;
  plans: Record<string, MorphPlan>;
}

/** The files the build made. A data file that fails to load costs its layers, not the map. */
export const builtFiles = (lang: Lang = 'en'): Promise<StoryFiles> =>
  Promise.all([
    // Each edition's own data: the same shapes, its places named in its language.
    (lang === 'ar' ? import('virtual:story-data/ar') : import('virtual:story-data')).then(
      (d) => d.default,
      () => null,
    ),
    import('virtual:story-morph').then(
      (d) => d.default,
      () => ({}),
    ),
  ]).then(([data, plans]) => ({ data, plans }));

/** Creates a map once its chunk and the data are in, and resolves when it is ready; a map that fails is removed. */
async function started<M>(
  chunk: Promise<M>,
  create: (m: M, init: StoryInit) => MapAdapter,
  current: () => Placement,
  files: () => Promise<StoryFiles>,
  names: () => Promise<GeoJSON.FeatureCollection | null>,
): Promise<MapAdapter> {
  const [m, { data, plans }, labels] = await Promise.all([chunk, files(), names()]);
  // Without its data, a front layer cuts instead of morphing: a plan indexes the features of the data it was built from.
  const placement = current();
  const adapter = create(m, { ...placement, data: withEveryLayer(placement.story, data ?? {}), plans: data ? plans : {}, labels });
  try {
    await adapter.ready;
    return adapter;
  } catch (error) {
    adapter.destroy();
    throw error;
  }
}

/**
 * Starts the map and resolves with it once it is ready; rejects only when no engine can draw.
 * `current` is read when an engine starts, so a fallback opens on the step the reader is on by then.
 */
export async function startMap(
  current: () => Placement,
  files: () => Promise<StoryFiles> = builtFiles,
  names: () => Promise<GeoJSON.FeatureCollection | null> = builtLabels,
): Promise<MapAdapter> {
  if (TOKEN) {
    try {
      return await started(import('./mapbox.ts'), (m, init) => m.createMap(init, { token: TOKEN, style: STYLE }), current, files, names);
    } catch (error) {
      console.warn('Mapbox is unavailable; the story uses the offline map instead.', error);
    }
  }
  return started(import('./maplibre.ts'), (m, init) => m.createMap(init), current, files, names);
}
