// Things a script may legally say but probably does not mean: reported by `npm run check` and
// the dev server as warnings, never blocking a build.
import { fitCamera, freeBox, REFERENCE_VIEWPORT, screenPoint } from '../layout/layout.ts';
import type { CameraLike } from '../geo/projection.ts';
import type { View } from './model.ts';
import type { Layer, Step } from './schema.ts';

/** Words that fit on a phone card with the map still visible above it. */
export const CAPTION_WORDS = 80;

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
  /** the source ids the map's shapes cite (their `sources` properties) */
  mapSources?: readonly string[];
  layers: readonly Layer[];
  places: readonly PlaceRef[];
  /** the points of each line layer (arrows), for framing the steps that bring them in */
  lines?: readonly { layer: string; points: readonly [number, number][] }[];
}

/** A warning, located in the script, or in a layer's data file when `layer` is set. */
export interface Finding {
  layer?: string;
  path: (string | number)[];
  message: string;
}

/** Screens a step is framed for: the reference phone, with its card at the reading position, and a desktop. */
const FRAMED_ON = [
  { name: 'a phone', ...REFERENCE_VIEWPORT },
  { name: 'a desktop', width: 1280, height: 800 },
] as const;

/** Radius of a place's highlight ring and its stroke: the whole ring must show. */
export const RING = 13;

/** Where a point falls on `screen` at `camera`: in the free map, or what covers it. */
function whereOn(camera: View['camera'], p: readonly [number, number], screen: (typeof FRAMED_ON)[number]): string | null {
  const at = screenPoint(camera, p, screen);
  if (!at || at[0] < RING || at[0] > screen.width - RING || at[1] < RING || at[1] > screen.height - RING) return 'off screen';
  const box = freeBox(screen);
  if (at[0] < box.left + RING) return screen.name === 'a phone' ? 'at the edge' : 'under the cards';
  if (at[0] > box.right - RING) return screen.name === 'a phone' ? 'at the edge' : 'under the legend';
  if (at[1] < box.top + RING) return screen.name === 'a phone' ? 'under the date stamp and legend' : 'at the edge';
  if (at[1] > box.bottom - RING) return screen.name === 'a phone' ? 'under the card being read' : 'at the edge';
  return null;
}

const cameraLine = ({ center, zoom, pitch, bearing }: CameraLike) =>
  `camera: { center: [${center[0]}, ${center[1]}], zoom: ${zoom}${pitch ? `, pitch: ${pitch}` : ''}${bearing ? `, bearing: ${bearing}` : ''} }`;

export function lint({ steps, views, captionWords, sources, mapSources = [], layers, places, lines }: LintInput): Finding[] {
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
    // What the step is about: its ringed places and the arrows it brings in.
    const before = new Set(i > 0 ? (views?.[i - 1]?.layers ?? []) : []);
    const arrows = (lines ?? []).filter((l) => view.layers.includes(l.layer) && !before.has(l.layer));
    const subject = [...known.map(({ place }) => place.lngLat), ...arrows.flatMap((l) => l.points)];
    // One camera that frames the subject on every screen, offered wherever it is cut.
    const fit = FRAMED_ON.reduce<CameraLike>((c, screen) => fitCamera(c, subject, RING, screen), view.camera);
    for (const screen of FRAMED_ON) {
      const hidden = known.flatMap(({ j, place }) => {
        const where = whereOn(view.camera, place.lngLat, screen);
        return where ? [{ j, place, where }] : [];
      });
      const cutArrows = arrows.filter((l) => l.points.some((p) => whereOn(view.camera, p, screen)));
      if (!hidden.length && !cutArrows.length) continue;
      const advice = fit === view.camera ? 'move the center towards it' : `try ${cameraLine(fit)}`;
      const at = `at this step's camera (zoom ${view.camera.zoom}) on ${screen.name} (${screen.width}×${screen.height}) while the card is read`;
      for (const { j, place, where } of hidden)
        out.push({ path: ['steps', i, 'highlight', j], message: `place "${place.id}" is ${where} ${at}: ${advice}` });
      for (const l of cutArrows)
        out.push({ path: ['steps', i, 'layers'], message: `the arrows of layer "${l.layer}" run out of the free map ${at}: ${advice}` });
    }
  });

  const cited = new Set([...steps.flatMap((s) => s.sources), ...mapSources]);
  sources.forEach(
    (id, i) =>
      cited.has(id) || out.push({ path: ['meta', 'sources', i, 'id'], message: `source "${id}" is cited by no step and no shape on the map` }),
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
