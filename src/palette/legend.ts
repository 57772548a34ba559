// The legend's counter rows: km² each side holds at a step, in palette order.
import type { FrontStatuses, HeldAreas } from '../geo/held.ts';
import { SIDE_WORDS, SIDES, STATUSES, type Side, type Status } from './palette.ts';
import { fill, type Ui } from '../story/ui.ts';
import { formatNumber, type Lang } from '../story/dates.ts';

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

/** What screen readers hear of the counter, once per step: " Area held: Gov't + Hezbollah 944 km², …" */
export const heldSentence = (rows: readonly HeldRow[] | null, ui: Ui, lang: Lang): string =>
  rows?.length
    ? fill(ui.announceHeld, {
        rows: rows
          .map((r) => `${ui[SIDE_WORDS[r.side].short]} ${fill(ui.km2, { n: formatNumber(Math.round(r.km2), lang) })}`)
          .join(lang === 'ar' ? '، ' : ', '),
      })
    : '';

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
