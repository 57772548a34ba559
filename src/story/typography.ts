// The copy desk's finish, applied at build time to every text a reader sees: curly quotes and
// apostrophes, dashes, no-break spaces that keep a number with its unit or a day with its month,
// and hyphens in place names that never break. Only characters between words change, never the
// words themselves, so quotes stay word for word what the sources said.
import type { Block, Inline } from './markup.ts';
import { NB_HYPHEN } from './unbreakable.ts';

const NBSP = '\u00a0';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
// Units written after a number with a space; "m" only where no letter follows ("2 m", not "2 more").
const UNITS = 'km²|km2|km|m²|m|ha|kg|%';
// Arabic articles, assimilated or not, before a capitalised noun: al-Nusra, As-Safir, an-Nabk, ash-Sham.
// (The article's case is spelt out: with the i flag, \p{Lu} would match lower case too.)
const ARTICLE = /(?<![\p{L}\p{N}])([Aa](?:l|s|n|sh|d|r|t|z)|[Ee]l)-(?=\p{Lu})/gu;
// URLs and e-mail addresses in text are left exactly as written.
const VERBATIM = /\b(?:https?:\/\/|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+/g;
// Where a quote mark opens: at the start, or after a space, a bracket, a dash or another opening quote.
const OPENS_AFTER = /[\s([{\u2014\u2013\u201c\u2018-]/u;

export interface TypesetOptions {
  /** names a line must not break (place and label names from the script's data) */
  names?: readonly string[];
  /** false for text that is only heard (alt text), where line breaks do not arise */
  hyphens?: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Rule = [RegExp, string | ((m: string, ...a: string[]) => string)];

/** The rules, in order; context characters are looked at, not consumed, where a rule can reach them. */
function rules({ names = [], hyphens = true }: TypesetOptions): Rule[] {
  const compound = hyphens ? names.filter((n) => /[ -]/.test(n)) : [];
  const named = new RegExp(`(?<![\\p{L}\\p{N}])(?:${compound.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return [
    // Dashes: a range of numbers or dates takes an en dash, spaced as the date labels have it
    // ("4 May – 21 June"; "12–14 May", but not an ISO date); "--" or another spaced hyphen is a dash.
    [new RegExp(`(?<=(?:\\d|\\b(?:${MONTHS})) )-(?= (?:\\d|(?:${MONTHS})\\b))`, 'gu'), '\u2013'],
    [/ ?--(?!-) ?/g, (m) => (m.startsWith(' ') || m.endsWith(' ') ? ' \u2014 ' : '\u2014')],
    [/(?<=\s)-(?=\s)/g, '\u2014'],
    [/(?<![\d\p{L}-])(\d{1,4})-(\d{1,4})(?![\d-])/gu, '$1\u2013$2'],
    // A spaced dash never starts a line.
    [/ (?=[\u2013\u2014] )/g, NBSP],
    // Quotes: ASCII marks curl by what stands before them.
    [/"/g, (m, ...a) => (opens(a) ? '\u201c' : '\u201d')],
    [/'/g, (m, ...a) => singleQuote(a)],
    // No-break spaces: number + unit, day + month, month + year.
    [new RegExp(`(?<=\\d) (?=(?:${UNITS})(?![\\p{L}\\p{N}]))`, 'gu'), NBSP],
    [new RegExp(`(?<=(?<![\\d,.])\\d{1,2}) (?=(?:${MONTHS})\\b)`, 'gu'), NBSP],
    [new RegExp(`(?<=\\b(?:${MONTHS})) (?=\\d{4}\\b)`, 'gu'), NBSP],
    // The map's place names are never broken (Ras al-Maara, Tallat Musa), nor an Arabic article from its noun.
    ...(compound.length ? [[named, (m: string) => m.replaceAll('-', NB_HYPHEN).replaceAll(' ', NBSP)] as Rule] : []),
    ...(hyphens ? [[ARTICLE, `$1${NB_HYPHEN}`] as Rule] : []),
  ];
}

// For a replacer over a global regex without groups, the trailing arguments are (offset, whole string).
const around = (a: unknown[]) => {
  const [offset, whole] = a.slice(-2) as [number, string];
  return { before: whole[offset - 1], after: whole[offset + 1] };
};
const opens = (a: unknown[]) => {
  const { before } = around(a);
  return before === undefined || OPENS_AFTER.test(before);
};
function singleQuote(a: unknown[]): string {
  const { before, after } = around(a);
  if (before !== undefined && /[\p{L}\p{N}]/u.test(before)) return '\u2019'; // al-Nusra's, rebels', Ta'la't
  if (after !== undefined && /\d/.test(after)) return '\u2019'; // elided century: '90s
  return opens(a) ? '\u2018' : '\u2019';
}

export type Typesetter = (text: string, before?: string) => string;

/**
 * A typesetter for one story. `before` is the character that precedes the text on the page (the
 * end of the previous text node), so a quote mark at the start of a node curls the right way.
 */
export function typesetter(options: TypesetOptions = {}): Typesetter {
  const all = rules(options);
  const apply = (s: string, prev: string) => {
    // The previous character is prepended as context and cut off again.
    let out = prev + s;
    for (const [re, to] of all) out = out.replace(re, to as string);
    return out.slice(prev.length);
  };
  return (text, before = '') => {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(VERBATIM)) {
      out += apply(text.slice(last, m.index), (out || before).slice(-1)) + m[0];
      last = m.index + m[0].length;
    }
    return out + apply(text.slice(last), (out || before).slice(-1));
  };
}

/** Typesets caption markup, text node by text node, carrying each node's last character to the next. */
export function typesetBlocks(blocks: Block[], typeset: Typesetter): Block[] {
  let prev = '';
  const inlines = (nodes: Inline[]): Inline[] =>
    nodes.map((n) => {
      if (typeof n !== 'string') return { ...n, c: inlines(n.c) };
      const out = typeset(n, prev);
      prev = out.slice(-1) || prev;
      return out;
    });
  // Each paragraph and attribution starts afresh.
  const fresh = (nodes: Inline[]) => ((prev = ''), inlines(nodes));
  return blocks.map((b) =>
    b.t === 'p' ? { ...b, c: fresh(b.c) } : { ...b, c: b.c.map((p) => ({ ...p, c: fresh(p.c) })), by: b.by && fresh(b.by) },
  );
}
