// The explore scrubber's calendar, in words: the days the fronts were mapped, what the date stamp
// and screen readers say of a day, the steps dated on it, and why a linked day was moved.
import type { HeldAreas } from '../geo/held.ts';
import { between, dayNumber, isoDay, type ClampedDay } from '../geo/timeline.ts';
import { formatDay } from './dates.ts';
import type { StoryStep } from './model.ts';
import type { Lang } from './dates.ts';
import { fill, type Ui } from './ui.ts';
import { plainText } from './plain-text.ts';

/** Every day a front snapshot maps, ascending: the scrubber's range and its marks. */
export const frontDays = (areas: HeldAreas): string[] => [...new Set(Object.values(areas).flatMap((s) => Object.keys(s)))].sort();

/** A day in full, "15 May 2015". */
const longDay = (day: string, lang: Lang): string => formatDay(day, undefined, lang);

/** The map's date stamp on a day: between two snapshots it says so, short enough for one line on a phone (dayNote names them). */
export const dayStamp = (day: string, days: readonly string[], ui: Ui, lang: Lang): string =>
  between(days, day).t === 0 ? longDay(day, lang) : fill(ui.dayDrawnBetween, { day: longDay(day, lang) });

/** What the lines on a day are: a map of that day, or drawn between the two maps around it. */
export function dayNote(day: string, days: readonly string[], ui: Ui, lang: Lang): string {
  const { from, to, t } = between(days, day);
  if (t === 0) return ui.dayMapped;
  const year = Number(day.slice(0, 4));
  return fill(ui.dayBetween, { from: formatDay(days[from]!, year, lang), to: formatDay(days[to]!, year, lang) });
}

/** Steps dated more loosely than this (commentary, a month's build-up) are not a day's events. */
const EVENT_SPAN_DAYS = 14;

/** The story's steps dated on `day` (their dates include it, to within two weeks), in story order. */
export const eventsOn = (steps: readonly StoryStep[], day: string): StoryStep[] =>
  steps.filter(
    (s) => s.date.from <= day && day <= s.date.to && dayNumber(s.date.to) - dayNumber(s.date.from) <= EVENT_SPAN_DAYS,
  );

/** A step in a list of events: its caption's first sentence, as the card words it (attributed there); one that introduces a quote, with the quote. */
export function eventText(step: StoryStep): string {
  const [first, next] = step.caption;
  const sentence = (first ? plainText([first]) : step.alt).split(/(?<=[.!?])\s/)[0]!;
  return sentence.endsWith(':') && next?.t === 'quote' && next.c[0] ? `${sentence} ${plainText([next.c[0]])}` : sentence;
}

/** Why a day asked for by a link is not the day shown; null when it is. */
export function clampNote({ day, asked }: ClampedDay, text: string, ui: Ui, lang: Lang): string | null {
  const shown = longDay(day, lang);
  if (asked === 'invalid') return fill(ui.dayInvalid, { text, day: shown });
  if (asked === 'early') return fill(ui.dayEarly, { day: shown, asked: longDay(text, lang) });
  if (asked === 'late') return fill(ui.dayLate, { day: shown, asked: longDay(text, lang) });
  return null;
}

/**
 * The next day Play shows after `day`: the next day, or under reduced motion the next snapshot
 * (no tween between them); null on the last day.
 */
export function playNext(days: readonly string[], day: string, bySnapshot: boolean): string | null {
  const last = days.at(-1)!;
  if (day >= last) return null;
  return bySnapshot ? days.find((d) => d > day)! : isoDay(dayNumber(day) + 1);
}

/** The snapshot after (dir 1) or before (dir -1) `day`, for Page Up and Page Down; the day itself at the ends. */
export const snapshotStep = (days: readonly string[], day: string, dir: 1 | -1): string =>
  (dir > 0 ? days.find((d) => d > day) : days.findLast((d) => d < day)) ?? day;
