// Days between the front-line snapshots: where a day falls between two snapshots (for the
// shapes and the km² drawn on it), and a day read from a link, kept inside the snapshots' range.

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO day (YYYY-MM-DD). */
export const dayNumber = (iso: string): number => {
  const [, y, m, d] = ISO_DAY.exec(iso) ?? [];
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / DAY_MS;
};

/** The ISO day of a day number. */
export const isoDay = (n: number): string => new Date(Math.round(n) * DAY_MS).toISOString().slice(0, 10);

/** A real calendar day written YYYY-MM-DD (not 2015-02-30), else null. */
export function parseDay(text: string): string | null {
  if (!ISO_DAY.test(text)) return null;
  const n = dayNumber(text);
  return Number.isFinite(n) && isoDay(n) === text ? text : null;
}

/** Where a day falls: between snapshots `from` and `to` (indices), `t` of the way (0 on `from`; from === to on a snapshot or outside the range). */
export interface Between {
  from: number;
  to: number;
  t: number;
}

/** `snapshots`: ISO days, ascending. A day before the first or after the last is the first or the last. */
export function between(snapshots: readonly string[], day: string): Between {
  const n = dayNumber(day);
  const last = snapshots.length - 1;
  if (last < 0 || n <= dayNumber(snapshots[0]!)) return { from: 0, to: 0, t: 0 };
  if (n >= dayNumber(snapshots[last]!)) return { from: last, to: last, t: 0 };
  const to = snapshots.findIndex((s) => dayNumber(s) >= n);
  const a = dayNumber(snapshots[to - 1]!);
  const b = dayNumber(snapshots[to]!);
  return n === b ? { from: to, to, t: 0 } : { from: to - 1, to, t: (n - a) / (b - a) };
}

/** A day asked for (a link's), inside `[first, last]`; `asked` says why it was not taken as it is, else null. */
export interface ClampedDay {
  day: string;
  asked: 'invalid' | 'early' | 'late' | null;
}

/** Clamps `text` into the snapshots' range; text that is no day at all opens on the last. */
export function clampDay(snapshots: readonly string[], text: string): ClampedDay {
  const first = snapshots[0]!;
  const last = snapshots.at(-1)!;
  const day = parseDay(text);
  if (day === null) return { day: last, asked: 'invalid' };
  if (day < first) return { day: first, asked: 'early' };
  if (day > last) return { day: last, asked: 'late' };
  return { day, asked: null };
}
