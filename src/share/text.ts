// The cards' words: a step's one-line summary, and text wrapped and cut to the room it has.
// Pure; widths come from a Measure (metrics.ts), so tests can pass a simple one.
import type { Measure } from './metrics.ts';

const ELLIPSIS = '…';
/** Words a cut never ends on: "…mountains on the…" reads as broken, "…mountains…" as cut. */
const DANGLING = /(?:^|\s)(?:a|an|the|of|on|in|into|for|to|and|or|but|by|with|at|from|as|its|their|his|her|that|who|which)$/i;

/** Greedy lines of at most `width` (in the measure's units × `size`). A word longer than a line stands alone. */
export function wrap(text: string, width: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`) * size <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * `text` in at most `maxLines` lines; when it does not fit, cut cleanly: after the last clause
 * (comma, semicolon, colon, dash) that keeps at least half the room, else after the last whole
 * word that fits and is not a dangling article, preposition or conjunction, with an ellipsis, no
 * dangling punctuation, and a quotation closed.
 */
export function fitLines(text: string, width: number, size: number, maxLines: number, measure: Measure): string[] {
  const whole = wrap(text, width, size, measure);
  if (whole.length <= maxLines) return whole;
  const fits = (s: string) => wrap(s, width, size, measure).length <= maxLines;
  // A quotation cut short still closes: “… words…”
  const cutAt = (end: number) => {
    const kept = text.slice(0, end).replace(/[\s,;:.–—-]+$/u, '');
    return `${kept}${ELLIPSIS}${(kept.match(/“/g)?.length ?? 0) > (kept.match(/”/g)?.length ?? 0) ? '”' : ''}`;
  };
  const words = [...text.matchAll(/\S(?=\s)/g)].map((m) => m.index + 1).filter((end) => !DANGLING.test(text.slice(0, end)));
  // (not a colon that opens a quotation: the card would give the speaker and not the words)
  const clauses = [...text.matchAll(/[,;](?=\s)|:(?=\s+[^“"‘\s])|\s[–—](?=\s)/g)].map((m) => m.index);
  const longest = words.filter((end) => fits(cutAt(end))).at(-1) ?? 0;
  const clause = clauses.filter((end) => end <= longest && end >= longest / 2).at(-1);
  const end = clause ?? longest;
  return end ? wrap(cutAt(end), width, size, measure) : whole.slice(0, maxLines);
}

/** The largest size, up to `max`, at which `text` fits one line of `width`. */
export const sizeToFit = (text: string, width: number, max: number, measure: Measure): number =>
  Math.min(max, width / Math.max(measure(text), 1e-6));
