// Dates as a newsroom writes them: "3 April 2015", "25–28 March 2015", "30 May – 2 June 2015";
// in Arabic "3 نيسان 2015", through Intl (README "The Arabic edition": which months, which digits).
import type { DateRange } from './model.ts';
import type { Locale } from './schema.ts';

/** A page's language: English, or an edition's. */
export type Lang = 'en' | Locale;

/**
 * The Arabic edition's locale: Levantine month names (نيسان, أيار, حزيران), as the Syrian and
 * Lebanese press write them, and Western digits (nu-latn), as the same press prints figures.
 */
export const ARABIC_LOCALE = 'ar-SY-u-nu-latn';

const arabic = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(ARABIC_LOCALE, { ...options, timeZone: 'UTC' });
const AR_DAY = arabic({ day: 'numeric', month: 'long', year: 'numeric' });
const AR_DAY_MONTH = arabic({ day: 'numeric', month: 'long' });
const AR_MONTH = arabic({ month: 'long', year: 'numeric' });
const utc = (iso: string) => new Date(`${iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);

// One formatter per edition: the legend's counter formats on every frame of its tween, and
// toLocaleString builds a new formatter on each call.
const NUMBERS: Record<Lang, Intl.NumberFormat> = { en: new Intl.NumberFormat('en-GB'), ar: new Intl.NumberFormat(ARABIC_LOCALE) };
/** A number as the page's language prints it: "1,234" in both, with Western digits. */
export const formatNumber = (n: number, lang: Lang = 'en'): string => NUMBERS[lang].format(n);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const parts = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y!, m: MONTHS[m! - 1]!, d: d! };
};

export function formatDateRange({ from, to }: DateRange, lang: Lang = 'en'): string {
  if (lang === 'ar') return from === to ? AR_DAY.format(utc(from)) : AR_DAY.formatRange(utc(from), utc(to));
  const a = parts(from);
  const b = parts(to);
  if (from === to) return `${a.d} ${a.m} ${a.y}`;
  if (a.y !== b.y) return `${a.d} ${a.m} ${a.y} – ${b.d} ${b.m} ${b.y}`;
  if (a.m !== b.m) return `${a.d} ${a.m} – ${b.d} ${b.m} ${b.y}`;
  return `${a.d}–${b.d} ${a.m} ${a.y}`;
}

/** "21 June", or "21 June 2015" when `year` differs from the date's year. */
export function formatDay(iso: string, year?: number, lang: Lang = 'en'): string {
  if (lang === 'ar') return (Number(iso.slice(0, 4)) === year ? AR_DAY_MONTH : AR_DAY).format(utc(iso));
  const a = parts(iso);
  return a.y === year ? `${a.d} ${a.m}` : `${a.d} ${a.m} ${a.y}`;
}

/** A source's date to its precision: "4 May 2015", "June 2015" or "2015". */
export function formatSourceDate(date: string, lang: Lang = 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  if (lang === 'ar') return m === undefined ? `${y}` : (d === undefined ? AR_MONTH : AR_DAY).format(utc(date));
  if (m === undefined) return `${y}`;
  return d === undefined ? `${MONTHS[m - 1]} ${y}` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The same, short, for a card's source line: "4 May", "June 2015", "2015". */
export function shortSourceDate(date: string, lang: Lang = 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  if (lang === 'ar') return m === undefined ? `${y}` : d === undefined ? AR_MONTH.format(utc(date)) : AR_DAY_MONTH.format(utc(date)).replace(' ', '\u00a0');
  if (m === undefined) return `${y}`;
  return d === undefined ? `${MONTHS[m - 1]!.slice(0, 3)} ${y}` : `${d}\u00a0${MONTHS[m - 1]!.slice(0, 3)}`;
}
