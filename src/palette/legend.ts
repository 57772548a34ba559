// The legend's counter rows: km² each side holds at a step, in palette order.
import type { FrontStatuses, HeldAreas } from '../geo/held.ts';
import { SIDES, STATUSES, type Side, type Status } from './palette.ts';

export interface HeldRow {
  side: Side;
  km2: number;
  /** the most this side holds at any snapshot: room for the counter's widest figure */
  max: number;
}

/**
 * The counter's rows at a step: one per side that the visible front layers show at any of their
 * snapshots (so rows do not come and go as the front moves), in palette order; null with no front shown.
 */
export function heldRows(areas: HeldAreas, visible: readonly string[], snapshot: string | null): HeldRow[] | null {
  const layers = visible.filter((id) => areas[id]);
  if (!layers.length || snapshot === null) return null;
  const sides = new Set(layers.flatMap((id) => Object.values(areas[id]!).flatMap((s) => Object.keys(s))));
  return (Object.keys(SIDES) as Side[])
    .filter((side) => sides.has(side))
    .map((side) => {
      const at = (date: string) => layers.reduce((sum, id) => sum + (areas[id]![date]?.[side] ?? 0), 0);
      const dates = new Set(layers.flatMap((id) => Object.keys(areas[id]!)));
      return { side, km2: at(snapshot), max: Math.max(...[...dates].map(at)) };
    });
}

// One formatter for every figure: the counter formats on each frame of its tween, and
// toLocaleString builds a new formatter per call.
const KM2 = new Intl.NumberFormat('en-GB');

/** A km² figure as the counter shows it: whole, with thousands separated ("1,234"). */
export const formatKm2 = (n: number): string => KM2.format(Math.round(n));

/** What screen readers hear of the counter, once per step: " Area held: Gov't + Hezbollah 944 km², …" */
export const heldSentence = (rows: readonly HeldRow[] | null): string =>
  rows?.length ? ` Area held, by our reconstruction: ${rows.map((r) => `${SIDES[r.side].short} ${formatKm2(r.km2)} km²`).join(', ')}.` : '';

/** The sides the visible front layers show at `snapshot` in each status other than held ground, in palette order. */
export function shownStatuses(
  statuses: FrontStatuses,
  visible: readonly string[],
  snapshot: string | null,
): Partial<Record<Status, Side[]>> {
  const out: Partial<Record<Status, Side[]>> = {};
  if (snapshot === null) return out;
  for (const status of Object.keys(STATUSES) as Status[]) {
    if (status === 'assessed') continue;
    const sides = new Set(visible.flatMap((id) => statuses[id]?.[snapshot]?.[status] ?? []));
    const ordered = (Object.keys(SIDES) as Side[]).filter((s) => sides.has(s));
    if (ordered.length) out[status] = ordered;
  }
  return out;
}
