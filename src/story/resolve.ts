// Step index → absolute view. Each step may leave out what does not change (camera, layers,
// date); the value is looked up from the nearest earlier step that sets it, so a view never
// depends on which step the reader came from.
import type { DateSpec, Step } from './schema.ts';
import type { DateRange, View } from './model.ts';
import { formatDateRange } from './dates.ts';

const DEFAULT_TRANSITION = { type: 'fly', duration: 2000 } as const;
const DEFAULT_MORPH = { duration: 1200, ease: 'power2.inOut' } as const;

export const toRange = (d: DateSpec): DateRange => (typeof d === 'string' ? { from: d, to: d } : { from: d.from, to: d.to });

/** Index of the nearest step at or before `index` that sets `key`, or -1. */
function setter(steps: readonly Step[], index: number, key: 'camera' | 'layers' | 'date' | 'front'): number {
  for (let i = index; i >= 0; i--) if (steps[i]?.[key] !== undefined) return i;
  return -1;
}

/** The view of step `index`. Throws only on a script that load.ts would have rejected. */
export function viewAt(steps: readonly Step[], index: number): View {
  const step = steps[index];
  const camera = steps[setter(steps, index, 'camera')]?.camera;
  const dated = steps[setter(steps, index, 'date')];
  if (!step || !camera || !dated?.date) throw new RangeError(`step ${index} has no camera or date to inherit`);
  const range = toRange(dated.date);
  return {
    camera: { ...camera, center: [camera.center[0], camera.center[1]] },
    transition: step.transition ?? DEFAULT_TRANSITION,
    layers: [...(steps[setter(steps, index, 'layers')]?.layers ?? [])],
    highlight: [...step.highlight],
    front: steps[setter(steps, index, 'front')]?.front ?? null,
    morph: step.morph ?? DEFAULT_MORPH,
    date: { ...range, label: dated.dateLabel ?? formatDateRange(range) },
  };
}

export const resolveViews = (steps: readonly Step[]): View[] => steps.map((_, i) => viewAt(steps, i));
