// Caption markup: a small, safe Markdown subset parsed at build time into a JSON AST.
// The AST is rendered with plain text nodes, so nothing here ever produces HTML.
// Blocks (paragraphs, "> " quotes and their attribution line) are split here by lines; a CommonMark parser then reads
// the text of each with only emphasis, links, images and code spans on. What it leaves as literal text is checked for
// the mistakes CommonMark forgives silently: an unclosed "*" or "[", a stray "<b>" or "`".
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { PhrasingContent } from 'mdast';
import { isCaptionHref } from './urls.ts';
import { plainText } from './plain-text.ts';

export { plainText };

/** Text is a plain string (the commonest node, kept small in the page's JSON). */
export type Inline =
  string | { t: 'em'; c: Inline[] } | { t: 'strong'; c: Inline[] } | { t: 'link'; href: string; c: Inline[] };
export type Paragraph = { t: 'p'; c: Inline[] };
export type Quote = { t: 'quote'; c: Paragraph[]; by: Inline[] | null };
export type Block = Paragraph | Quote;
/** 0-based line and column (UTF-16 code units) within the caption text. */
export interface MarkupError {
  line: number;
  column: number;
  message: string;
}

interface Seg {
  text: string;
  line: number;
  col: number;
} // a line's content and where it starts

const MSG = {
  empty: 'caption is empty',
  html: (tag: string) => `raw HTML is not allowed ("${tag}"); use *emphasis*, **strong**, [text](https://…) or "> " block quotes`,
  unclosed: (open: string, name: string) =>
    `unclosed "${open}" (${name}) opened here; close it, or write \\${open[0]} for a literal "${open[0]}"`,
  unclosedLink: 'unclosed "[" (link) opened here; write [text](https://…), or \\[ for a literal "["',
  noUrl: '"[text]" must be followed by (url), e.g. [text](https://…); write \\[ for a literal "["',
  nestedLink: 'a link cannot contain another link; remove the inner [text](…)',
  unclosedUrl: 'unclosed "(" (link URL) opened here; write (https://…) with no spaces in the URL',
  href: (href: string) =>
    `${href === '' ? 'link URL is empty' : `link URL "${href}" is not allowed`}; ` +
    'use https://…, http://…, mailto:… or a #section-id on this page',
  emptyLinkText: 'link text is empty; write [text](https://…)',
  title: 'link titles ([text](https://… "title")) are not supported; end the link right after its URL',
  heading: 'headings ("# ") are not supported in captions; use a plain paragraph or **strong** text',
  list: 'lists ("- ", "* ", "1. ") are not supported in captions; write the items as a sentence or as separate paragraphs',
  image: 'images ("![…](…)") are not supported in captions; use a link [text](https://…) instead',
  code: 'code spans ("`") are not supported in captions; write plain text, or \\` for a literal backtick',
  attribution: 'block quote needs an attribution line: > — Name, role',
  quoteText: 'block quote has no quoted text; put the words on "> " lines above the attribution',
};

const BLANK = /^\s*$/;
const QUOTE = /^[ \t]*> ?/;
const ATTRIBUTION = /^[ \t]*(?:—|–|--)(?:[ \t]+|$)/;
const HEADING = /^([ \t]*)#{1,6}(?:[ \t]|$)/;
const LIST = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/;
// What to look at in literal text: escapes (any ASCII punctuation, as in CommonMark) are skipped whole.
const LITERAL = /\\[!-/:-@[-`{-~]|`+|<(?=[A-Za-z/!])|!(?=\[)|\[|\*+|_+/g;
// Sticky (read at an index): slicing the text at each "<" would make a caption of many tags quadratic.
const TAG = /<[^<>\n]{0,40}>|<[^\s<>]{0,20}/y;
// Only ASCII whitespace collapses, so editors' no-break spaces ("5\u00a0km") survive.
const COLLAPSE = /[ \t\n\r\f\v]+/g;
// Blocks are split by parseCaption; HTML, autolinks, entities and "\" line breaks stay literal text (HTML is then reported).
const INLINE_ONLY = {
  disable: {
    null: [
      'autolink',
      'blockQuote',
      'characterReference',
      'codeFenced',
      'codeIndented',
      'definition',
      'hardBreakEscape',
      'headingAtx',
      'htmlFlow',
      'htmlText',
      'list',
      'setextUnderline',
      'thematicBreak',
    ],
  },
};

const tagAt = (src: string, i: number): string => {
  TAG.lastIndex = i;
  return TAG.exec(src)![0];
};

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
const isPunct = (ch: string | undefined) => ch !== undefined && /[\p{P}\p{S}]/u.test(ch);
const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

export function parseCaption(text: string): { blocks: Block[]; errors: MarkupError[] } {
  const errors: MarkupError[] = [];
  // Untyped YAML can hand us null or a number; treat anything but a string as empty.
  const source = typeof text === 'string' ? text : '';
  if (BLANK.test(source)) return { blocks: [], errors: [{ line: 0, column: 0, message: MSG.empty }] };

  const lines = source.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length;) {
    if (BLANK.test(lines[i]!)) {
      i++;
      continue;
    }
    // A quote is a run of "> " lines; paragraphs, a run of other lines with the blank lines between them, parsed
    // in one go (each parse has a fixed cost). Quotes stay apart: CommonMark would let a paragraph swallow their lines.
    const [first, quote] = [i, QUOTE.test(lines[i]!)];
    let end = i;
    while (end < lines.length && QUOTE.test(lines[end]!) === quote && !(quote && BLANK.test(lines[end]!))) end++;
    while (BLANK.test(lines[end - 1]!)) end--;
    const segs: Seg[] = [];
    for (; i < end; i++) {
      const col = quote ? QUOTE.exec(lines[i]!)![0].length : 0;
      segs.push({ text: lines[i]!.slice(col), line: i, col });
    }
    if (quote) {
      blocks.push(parseQuote(segs, { line: first, column: lines[first]!.indexOf('>') }, errors));
    } else {
      segs.forEach((s) => misplaced(s, false, errors));
      blocks.push(...parseParagraphs(segs, errors));
    }
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { blocks, errors };
}

// Headings and lists are reported on every line that starts like one, as the parser has them turned off.
function misplaced(seg: Seg, inQuote: boolean, errors: MarkupError[]): void {
  const h = HEADING.exec(seg.text);
  const m = h ?? (inQuote ? null : LIST.exec(seg.text));
  if (m) errors.push({ line: seg.line, column: seg.col + m[1]!.length, message: h ? MSG.heading : MSG.list });
}

function parseQuote(segs: Seg[], at: { line: number; column: number }, errors: MarkupError[]): Quote {
  const last = segs.findLastIndex((s) => !BLANK.test(s.text));
  const a = last >= 0 ? ATTRIBUTION.exec(segs[last]!.text) : null;
  let by: Inline[] | null = null;
  if (a) {
    const { text, line, col } = segs[last]!;
    const c = parseParagraphs([{ text: text.slice(a[0].length), line, col: col + a[0].length }], errors)[0]?.c ?? [];
    by = c.length > 0 ? c : null;
    if (!by) errors.push({ line, column: col, message: MSG.attribution });
    segs = segs.slice(0, last);
  } else {
    errors.push({ ...at, message: MSG.attribution });
  }
  segs.forEach((s) => misplaced(s, true, errors));
  const c = parseParagraphs(segs, errors);
  if (c.length === 0) errors.push({ ...at, message: MSG.quoteText });
  return { t: 'quote', c, by };
}

/** Parses lines (blank ones separate paragraphs), reporting errors at their place in the caption. */
function parseParagraphs(segs: Seg[], errors: MarkupError[]): Paragraph[] {
  const src = segs.map((s) => s.text).join('\n');
  const starts: number[] = [];
  segs.reduce((at, seg) => (starts.push(at), at + seg.text.length + 1), 0);
  const report = (index: number, message: string) => {
    // The segment holding the index, by binary search; the joining '\n' maps to the end of the segment before it.
    let [lo, hi] = [0, segs.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const seg = segs[lo]!;
    errors.push({ line: seg.line, column: seg.col + Math.min(index - starts[lo]!, seg.text.length), message });
  };

  let afterSpace = true; // whitespace collapses across node boundaries
  const text = (into: Inline[], raw: string) => {
    let v = raw.replace(COLLAPSE, ' ');
    if (afterSpace && v.startsWith(' ')) v = v.slice(1);
    if (v === '') return;
    afterSpace = v.endsWith(' ');
    const last = into.length - 1;
    if (typeof into[last] === 'string') into[last] += v;
    else into.push(v);
  };

  // A "[" CommonMark left literal: what its partner "]" is (not) followed by says what is missing.
  let paragraphEnd = 0;
  let bracketsTo = -1; // literal "[" up to here sit inside one already reported
  const bracket = (i: number) => {
    bracketsTo = paragraphEnd;
    for (let depth = 0, k = i; k < paragraphEnd; k++) {
      if (src[k] === '\\') k++;
      else if (src[k] === '[') depth++;
      else if (src[k] === ']' && --depth === 0) {
        bracketsTo = k;
        break;
      }
    }
    if (bracketsTo === paragraphEnd) report(i, MSG.unclosedLink);
    else if (src[bracketsTo + 1] !== '(') report(i, MSG.noUrl);
    else if (src.slice(i, bracketsTo).includes('](')) report(i, MSG.nestedLink);
    else report(bracketsTo + 1, MSG.unclosedUrl);
  };

  // A literal "*" or "_" run that could have opened emphasis (CommonMark's flanking rules, judged on the whole run,
  // including any part of it that did match) was left unclosed; "2 * 3", "snake_case" and "a*, b" never could.
  const delimiters = (i: number, n: number) => {
    const ch = src[i]!;
    let [s, e] = [i, i + n];
    while (src[s - 1] === ch && src[s - 2] !== '\\') s--; // an escaped one is not part of the run
    while (src[e] === ch) e++;
    const [prev, next] = [src[s - 1], src[e]];
    const leftFlanking = !isSpace(next) && (!isPunct(next) || isSpace(prev) || isPunct(prev));
    if (leftFlanking && e - s <= 3 && (ch === '*' || !isWord(prev))) {
      report(i, MSG.unclosed(ch.repeat(n), n === 1 ? 'emphasis' : n === 2 ? 'strong' : 'strong emphasis'));
    }
  };

  // Literal text as CommonMark left it, checked for what it would silently print as is.
  const scan = (from: number, to: number, inLink: boolean) => {
    for (const m of src.slice(from, to).matchAll(LITERAL)) {
      const [i, ch] = [from + m.index, m[0][0]];
      if (ch === '`') report(i, MSG.code);
      else if (ch === '<') report(i, MSG.html(tagAt(src, i)));
      else if (ch === '!') report(i, MSG.image);
      else if (ch === '[' && !inLink && i > bracketsTo)
        bracket(i); // link text holds balanced brackets only
      else if (ch === '*' || ch === '_') delimiters(i, m[0].length);
    }
  };

  const walk = (nodes: PhrasingContent[], into: Inline[], inLink: boolean): Inline[] => {
    for (const n of nodes) {
      const start = n.position!.start.offset!;
      const end = n.position!.end.offset!;
      if (n.type === 'text') {
        scan(start, end, inLink);
        text(into, n.value);
      } else if (n.type === 'emphasis' || n.type === 'strong') {
        const c: Inline[] = [];
        into.push({ t: n.type === 'emphasis' ? 'em' : 'strong', c });
        walk(n.children, c, inLink);
      } else if (n.type === 'link') {
        const label = src.indexOf('](', n.children.at(-1)?.position!.end.offset ?? start);
        const hrefAt = label + 2 + /^\s*/.exec(src.slice(label + 2))![0].length;
        if (typeof n.title === 'string') report(hrefAt, MSG.title);
        if (!isCaptionHref(n.url)) {
          report(hrefAt, MSG.href(n.url));
          walk(n.children, into, true); // never emit a link with an unsafe href, even best-effort
          continue;
        }
        const c: Inline[] = [];
        into.push({ t: 'link', href: n.url, c });
        if (plainText(walk(n.children, c, true)).trim() === '') report(start, MSG.emptyLinkText);
      } else if (n.type === 'image') {
        report(start, MSG.image);
        text(into, n.alt ?? '');
      } else if (n.type === 'inlineCode') {
        report(start, MSG.code);
        text(into, src.slice(start, end));
      } else if (n.type === 'break') {
        text(into, ' ');
      }
    }
    return into;
  };

  const paragraphs: Paragraph[] = [];
  for (const block of fromMarkdown(src, { extensions: [INLINE_ONLY] }).children) {
    if (block.type !== 'paragraph') continue; // the only block construct left on
    [afterSpace, paragraphEnd, bracketsTo] = [true, block.position!.end.offset!, -1];
    paragraphs.push({ t: 'p', c: trimEnd(walk(block.children, [], false)) });
  }
  return paragraphs;
}

function trimEnd(list: Inline[]): Inline[] {
  const last = list.at(-1);
  if (typeof last === 'string') {
    const trimmed = last.replace(/ $/, '');
    list.pop();
    if (trimmed === '') trimEnd(list);
    else list.push(trimmed);
  } else if (last) {
    trimEnd(last.c);
  }
  return list;
}

/** Words = whitespace-separated tokens containing a letter or digit (so "—" is not a word). */
export function wordCount(blocks: Block[]): number {
  return plainText(blocks)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
