// Dates as a newsroom writes them: "3 April 2015", "25–28 March 2015", "30 May – 2 June 2015".
import type { DateRange } from './model.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const parts = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y!, m: MONTHS[m! - 1]!, d: d! };
};

export function formatDateRange({ from, to }: DateRange): string {
  const a = parts(from);
  const b = parts(to);
  if (from === to) return `${a.d} ${a.m} ${a.y}`;
  if (a.y !== b.y) return `${a.d} ${a.m} ${a.y} – ${b.d} ${b.m} ${b.y}`;
  if (a.m !== b.m) return `${a.d} ${a.m} – ${b.d} ${b.m} ${b.y}`;
  return `${a.d}–${b.d} ${a.m} ${a.y}`;
}

/** "21 June", or "21 June 2015" when `year` differs from the date's year. */
export function formatDay(iso: string, year?: number): string {
  const a = parts(iso);
  return a.y === year ? `${a.d} ${a.m}` : `${a.d} ${a.m} ${a.y}`;
}

/** A source's date to its precision: "4 May 2015", "June 2015" or "2015". */
export function formatSourceDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return `${y}`;
  return d === undefined ? `${MONTHS[m - 1]} ${y}` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The same, short, for a card's source line: "4 May", "June 2015", "2015". */
export function shortSourceDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return `${y}`;
  return d === undefined ? `${MONTHS[m - 1]!.slice(0, 3)} ${y}` : `${d}\u00a0${MONTHS[m - 1]!.slice(0, 3)}`;
}
