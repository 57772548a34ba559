// Step index → absolute view. Each step may leave out what does not change (camera, layers,
// date); the value is looked up from the nearest earlier step that sets it, so a view never
// depends on which step the reader came from.
import type { DateSpec, Layer, Step } from './schema.ts';
import { fitCamera } from '../layout/layout.ts';
import { linesOf } from '../geo/rings.ts';
import { snapshotDates } from './geojson.ts';
import type { DateRange, View } from './model.ts';
import { formatDateRange, formatDay, type Lang } from './dates.ts';
import { fill } from './ui.ts';

/** The words a view's dates are written in: the page's language and its "front as of {date}". */
export interface Wording {
  lang: Lang;
  frontAsOf: string;
}
const ENGLISH: Wording = { lang: 'en', frontAsOf: 'front as of {date}' };

const DEFAULT_TRANSITION = { type: 'fly', duration: 2000 } as const;
const DEFAULT_MORPH = { duration: 1200, ease: 'power2.inOut' } as const;

export const toRange = (d: DateSpec): DateRange => (typeof d === 'string' ? { from: d, to: d } : { from: d.from, to: d.to });

/** Index of the nearest step at or before `index` that sets `key`, or -1. */
function setter(steps: readonly Step[], index: number, key: 'camera' | 'layers' | 'date' | 'front'): number {
  for (let i = index; i >= 0; i--) if (steps[i]?.[key] !== undefined) return i;
  return -1;
}

/** The view of step `index`. Throws only on a script that load.ts would have rejected. */
export function viewAt(steps: readonly Step[], index: number, words: Wording = ENGLISH): View {
  const step = steps[index];
  const camera = steps[setter(steps, index, 'camera')]?.camera;
  const dated = steps[setter(steps, index, 'date')];
  if (!step || !camera || !dated?.date) throw new RangeError(`step ${index} has no camera or date to inherit`);
  const range = toRange(dated.date);
  const view: View = {
    camera: { ...camera, center: [camera.center[0], camera.center[1]] },
    transition: step.transition ?? DEFAULT_TRANSITION,
    layers: [...(steps[setter(steps, index, 'layers')]?.layers ?? [])],
    highlight: [...step.highlight],
    front: steps[setter(steps, index, 'front')]?.front ?? null,
    morph: step.morph ?? DEFAULT_MORPH,
    date: { ...range, label: (words.lang === 'en' ? dated.dateLabel : dated[words.lang]?.dateLabel) ?? formatDateRange(range, words.lang) },
    stamp: '',
  };
  return { ...view, stamp: stampOf(view, words) };
}

/** The date stamp: the step's date, and the front's date unless the step's dates end on it. */
export function stampOf({ date, front }: Pick<View, 'date' | 'front'>, words: Wording = ENGLISH): string {
  if (front === null || front === date.to) return date.label;
  return `${date.label} · ${fill(words.frontAsOf, { date: formatDay(front, Number(date.to.slice(0, 4)), words.lang) })}`;
}

export const resolveViews = (steps: readonly Step[], words?: Wording): View[] => steps.map((_, i) => viewAt(steps, i, words));

/** Room around the story's ground when the reader explores it, in CSS px. */
const EXPLORE_MARGIN = 24;

/**
 * The free exploration after the last step: the last step's layers, framed on all the story's
 * ground (every feature of its layers, all snapshots) and dated by the last front shown.
 */
export function exploreView(
  last: View,
  layers: readonly Layer[],
  data: Readonly<Record<string, GeoJSON.FeatureCollection>>,
  lang: Lang = 'en',
): View {
  const points = layers.flatMap((l) => (data[l.id]?.features ?? []).flatMap((f) => linesOf(f.geometry).flat() as [number, number][]));
  const fronts = layers.filter((l) => l.kind === 'front').flatMap((l) => snapshotDates(data[l.id] ?? { type: 'FeatureCollection', features: [] }));
  const front = fronts.sort().at(-1) ?? last.front;
  const camera = fitCamera({ ...last.camera, zoom: 22 }, points, EXPLORE_MARGIN);
  const date = front ? { from: front, to: front, label: formatDateRange({ from: front, to: front }, lang) } : last.date;
  return {
    ...last,
    camera: { center: [camera.center[0], camera.center[1]], zoom: camera.zoom, pitch: 0, bearing: 0 },
    transition: DEFAULT_TRANSITION,
    highlight: [],
    front,
    date,
    stamp: date.label,
  };
}
