// Things a script may legally say but probably does not mean: reported by `npm run check` and
// the dev server as warnings, never blocking a build.
import { REFERENCE_VIEWPORT, screenPoint } from '../layout/layout.ts';
import type { View } from './model.ts';
import type { Layer, Step } from './schema.ts';

/** Words that fit on a phone card with the map still visible above it. */
export const CAPTION_WORDS = 80;
/** A place this close to the screen's edge is cut off by it. */
const EDGE = 8;

export interface PlaceRef {
  id: string;
  layer: string;
  lngLat: [number, number];
  /** index of its feature in the layer's data file */
  feature: number;
}

export interface LintInput {
  steps: readonly Step[];
  /** each step's settled view; null when the script has errors that prevent settling them */
  views: readonly View[] | null;
  captionWords: readonly number[];
  sources: readonly string[];
  layers: readonly Layer[];
  places: readonly PlaceRef[];
}

/** A warning, located in the script, or in a layer's data file when `layer` is set. */
export interface Finding {
  layer?: string;
  path: (string | number)[];
  message: string;
}

const { width, height } = REFERENCE_VIEWPORT;
const onScreen = (p: [number, number] | null): boolean =>
  p !== null && p[0] >= EDGE && p[0] <= width - EDGE && p[1] >= EDGE && p[1] <= height - EDGE;

/** The zoom, at most `zoom`, at which every point shows on the reference phone; null if none does. */
function zoomToFit(view: View, points: readonly [number, number][]): number | null {
  for (let z = view.camera.zoom; z >= 0; z -= 0.1) {
    const camera = { ...view.camera, zoom: z };
    if (points.every((p) => onScreen(screenPoint(camera, p)))) return Math.floor(z * 10) / 10;
  }
  return null;
}

export function lint({ steps, views, captionWords, sources, layers, places }: LintInput): Finding[] {
  const out: Finding[] = [];
  const byId = new Map(places.map((p) => [p.id, p]));

  steps.forEach((step, i) => {
    if (!step.alt)
      out.push({
        path: ['steps', i],
        message: 'no alt text: screen readers get a description made from the layer names and caption; add alt: saying what the map shows',
      });
    const words = captionWords[i] ?? 0;
    if (words > CAPTION_WORDS)
      out.push({
        path: ['steps', i, 'caption'],
        message: `caption has ${words} words; about ${CAPTION_WORDS} fit on a phone card: shorten it or split the step`,
      });
    const view = views?.[i];
    if (!view) return;
    const known = step.highlight.flatMap((id, j) => (byId.has(id) ? [{ j, place: byId.get(id)! }] : []));
    const hidden = known.filter(({ place }) => !onScreen(screenPoint(view.camera, place.lngLat)));
    if (!hidden.length) return;
    const fit = zoomToFit(
      view,
      known.map(({ place }) => place.lngLat),
    );
    const advice = fit !== null ? `zoom out to ${fit} or less, or move the center` : 'move the center towards it';
    for (const { j, place } of hidden) {
      out.push({
        path: ['steps', i, 'highlight', j],
        message: `place "${place.id}" is off screen at this step's camera (zoom ${view.camera.zoom}) on a phone (${width}×${height}): ${advice}`,
      });
    }
  });

  const cited = new Set(steps.flatMap((s) => s.sources));
  sources.forEach(
    (id, i) => cited.has(id) || out.push({ path: ['meta', 'sources', i, 'id'], message: `source "${id}" is not cited by any step` }),
  );

  const shown = new Set(steps.flatMap((s) => s.layers ?? []));
  const highlighted = new Set(steps.flatMap((s) => s.highlight));
  layers.forEach((layer, i) => {
    // A places layer is used through its places: each is reported where it is written.
    if (layer.kind !== 'places' && !shown.has(layer.id))
      out.push({
        path: ['layers', i, 'id'],
        message: `layer "${layer.id}" is not shown by any step (add it to a step's layers, or remove it)`,
      });
  });
  for (const p of places) {
    if (!shown.has(p.layer) && !highlighted.has(p.id)) {
      out.push({
        layer: p.layer,
        path: ['features', p.feature, 'properties', 'id'],
        message: `place "${p.id}" is never on the map: no step highlights it or shows layer "${p.layer}"`,
      });
    }
  }
  return out;
}
