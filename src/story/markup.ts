// Caption markup: a small, safe Markdown subset parsed at build time into a JSON AST.
// The AST is rendered with plain text nodes, so nothing here ever produces HTML.

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'em'; c: Inline[] }
  | { t: 'strong'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] };
export type Paragraph = { t: 'p'; c: Inline[] };
export type Quote = { t: 'quote'; c: Paragraph[]; by: Inline[] | null };
export type Block = Paragraph | Quote;
/** 0-based line and column (UTF-16 code units) within the caption text. */
export interface MarkupError { line: number; column: number; message: string }

interface Seg { text: string; line: number; col: number } // a line's content and where it starts

interface Frame {
  kind: 'root' | 'delim' | 'link';
  ch: string; // '*' or '_' for delim frames
  count: number; // opener characters still unmatched
  start: number; // index of the opener ('[' for links and images)
  c: Inline[];
  image: boolean;
  depth: number; // literal '[' nesting inside link text
}

const MSG = {
  empty: 'caption is empty',
  html: (tag: string) =>
    `raw HTML is not allowed ("${tag}"); use *emphasis*, **strong**, [text](https://…) or "> " block quotes`,
  unclosed: (open: string, name: string) =>
    `unclosed "${open}" (${name}) opened here; close it, or write \\${open[0]} for a literal "${open[0]}"`,
  unclosedLink: 'unclosed "[" (link) opened here; write [text](https://…), or \\[ for a literal "["',
  noUrl: '"[text]" must be followed by (url), e.g. [text](https://…); write \\[ for a literal "["',
  unclosedUrl: 'unclosed "(" (link URL) opened here; write (https://…) with no spaces in the URL',
  href: (href: string) =>
    `${href === '' ? 'link URL is empty' : `link URL "${href}" is not allowed`}; use https://…, http://…, mailto:… or a #section-id on this page`,
  emptyLinkText: 'link text is empty; write [text](https://…)',
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
const ESCAPABLE = /[!-/:-@[-`{-~]/; // any ASCII punctuation, as in CommonMark
// Only ASCII whitespace collapses, so editors' no-break spaces ("5\u00a0km") survive.
const COLLAPSE = /[ \t\n\r\f\v]+/g;
const ALLOWED_HREF = [/^https?:\/\/[^\s/?#]+\S*$/i, /^mailto:[^\s@]+@[^\s@]+$/i, /^#[a-z0-9-]+$/];
const MAX_NESTING = 32; // keeps the recursive passes below far from the stack limit

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
  const check = (seg: Seg, inQuote: boolean) => {
    const h = HEADING.exec(seg.text);
    if (h) errors.push({ line: seg.line, column: seg.col + h[1]!.length, message: MSG.heading });
    const l = inQuote ? null : LIST.exec(seg.text);
    if (l) errors.push({ line: seg.line, column: seg.col + l[1]!.length, message: MSG.list });
  };

  let i = 0;
  while (i < lines.length) {
    if (BLANK.test(lines[i]!)) {
      i++;
    } else if (QUOTE.test(lines[i]!)) {
      const segs: Seg[] = [];
      const at = { line: i, column: lines[i]!.indexOf('>') };
      for (; i < lines.length && QUOTE.test(lines[i]!); i++) {
        const col = QUOTE.exec(lines[i]!)![0].length;
        segs.push({ text: lines[i]!.slice(col), line: i, col });
      }
      blocks.push(parseQuote(segs, at, errors, check));
    } else {
      const segs: Seg[] = [];
      for (; i < lines.length && !BLANK.test(lines[i]!) && !QUOTE.test(lines[i]!); i++) {
        segs.push({ text: lines[i]!, line: i, col: 0 });
      }
      segs.forEach((s) => check(s, false));
      blocks.push({ t: 'p', c: parseInlines(segs, errors) });
    }
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { blocks, errors };
}

function parseQuote(
  segs: Seg[],
  at: { line: number; column: number }, // the first '>'
  errors: MarkupError[],
  check: (s: Seg, inQuote: boolean) => void,
): Quote {
  let last = segs.length - 1;
  while (last >= 0 && BLANK.test(segs[last]!.text)) last--;

  let by: Inline[] | null = null;
  const lastSeg = segs[last];
  const a = lastSeg ? ATTRIBUTION.exec(lastSeg.text) : null;
  if (lastSeg && a) {
    const seg = { text: lastSeg.text.slice(a[0].length), line: lastSeg.line, col: lastSeg.col + a[0].length };
    by = parseInlines([seg], errors);
    if (by.length === 0) {
      by = null;
      errors.push({ line: lastSeg.line, column: lastSeg.col, message: MSG.attribution });
    }
    segs = segs.slice(0, last);
  } else {
    errors.push({ ...at, message: MSG.attribution });
  }

  const c: Paragraph[] = [];
  let group: Seg[] = [];
  for (const seg of [...segs, { text: '', line: -1, col: 0 }]) { // the blank sentinel flushes the last group
    if (!BLANK.test(seg.text)) {
      check(seg, true);
      group.push(seg);
    } else if (group.length > 0) {
      c.push({ t: 'p', c: parseInlines(group, errors) });
      group = [];
    }
  }
  if (c.length === 0) errors.push({ ...at, message: MSG.quoteText });
  return { t: 'quote', c, by };
}

function parseInlines(segs: Seg[], errors: MarkupError[]): Inline[] {
  const src = segs.map((s) => s.text).join('\n');
  const report = (index: number, message: string) => {
    // Segment k starts at offset start; the joining '\n' maps to the end of the segment before it.
    let start = 0;
    for (const seg of segs) {
      if (index <= start + seg.text.length) {
        errors.push({ line: seg.line, column: seg.col + index - start, message });
        return;
      }
      start += seg.text.length + 1;
    }
  };

  const root: Frame = { kind: 'root', ch: '', count: 0, start: 0, c: [], image: false, depth: 0 };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;
  const silencedTicks = new Set<number>();

  // An opener left without its closer becomes literal text again, keeping what was parsed inside it.
  const unwindTo = (k: number) => {
    while (stack.length - 1 > k) {
      const f = stack.pop()!;
      const open = f.kind === 'link' ? (f.image ? '![' : '[') : f.ch.repeat(f.count);
      report(f.start, f.kind === 'link' ? MSG.unclosedLink : MSG.unclosed(open, delimName(f.count)));
      append(top().c, [{ t: 'text', v: open }, ...f.c]);
    }
  };

  const closeLink = (link: Frame, after: number): number => {
    const parent = top().c;
    const fallback = () => append(parent, [{ t: 'text', v: link.image ? '![' : '[' }, ...link.c, { t: 'text', v: ']' }]);
    if (src[after] !== '(') {
      report(link.start, MSG.noUrl);
      fallback();
      return after;
    }
    let k = after + 1;
    while (isSpace(src[k]) && k < src.length) k++;
    const hrefAt = k;
    // Balanced parentheses, because Wikipedia URLs end in "_(May–June_2015)".
    for (let depth = 0; k < src.length && !isSpace(src[k]); k++) {
      if (src[k] === '(') depth++;
      else if (src[k] === ')' && depth-- === 0) break;
    }
    const href = src.slice(hrefAt, k);
    while (isSpace(src[k]) && k < src.length) k++;
    if (src[k] !== ')') {
      report(after, MSG.unclosedUrl);
      fallback();
      return after;
    }
    if (link.image) {
      append(parent, link.c); // the image error is already reported; keep its alt text
    } else if (!ALLOWED_HREF.some((re) => re.test(href))) {
      report(hrefAt, MSG.href(href));
      append(parent, link.c); // never emit a link with an unsafe href, even best-effort
    } else {
      if (plainText(link.c).trim() === '') report(link.start, MSG.emptyLinkText);
      parent.push({ t: 'link', href, c: link.c });
    }
    return k + 1;
  };

  const delimiterRun = (i: number): number => {
    const ch = src[i]!;
    let n = 1;
    while (src[i + n] === ch) n++;
    if (n > (ch === '*' ? 3 : 1)) {
      append(top().c, [{ t: 'text', v: ch.repeat(n) }]); // "****", "__init__": not markup
      return i + n;
    }
    const prev = src[i - 1];
    const next = src[i + n];
    // CommonMark flanking rules, so "2 * 3" and "casualties*, he said" stay literal.
    const leftFlanking = !isSpace(next) && (!isPunct(next) || isSpace(prev) || isPunct(prev));
    const rightFlanking = !isSpace(prev) && (!isPunct(prev) || isSpace(next) || isPunct(next));
    // An underscore inside a word (snake_case, al_Jubbah) is never emphasis.
    const canOpen = leftFlanking && (ch === '*' || !isWord(prev));
    const canClose = rightFlanking && (ch === '*' || !isWord(next));

    let rest = n;
    while (canClose && rest > 0) {
      let k = stack.length - 1;
      while (k > 0 && stack[k]!.kind === 'delim' && stack[k]!.ch !== ch) k--;
      const f = stack[k]!;
      if (f.kind !== 'delim') break; // emphasis cannot close across a link boundary
      unwindTo(k);
      const use = Math.min(rest, f.count, 2);
      const node: Inline = use === 2 ? { t: 'strong', c: f.c } : { t: 'em', c: f.c };
      f.count -= use;
      rest -= use;
      if (f.count > 0) {
        f.c = [node]; // "***a**": the leftover "*" still wraps the strong
      } else {
        stack.pop();
        top().c.push(node);
      }
    }
    if (rest > 0 && canOpen && stack.length < MAX_NESTING) {
      stack.push({ kind: 'delim', ch, count: rest, start: i + n - rest, c: [], image: false, depth: 0 });
    } else if (rest > 0) {
      append(top().c, [{ t: 'text', v: ch.repeat(rest) }]);
    }
    return i + n;
  };

  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const next = src[i + 1];
    const link = stack.find((f) => f.kind === 'link');
    if (ch === '\\' && next !== undefined && ESCAPABLE.test(next)) {
      append(top().c, [{ t: 'text', v: next }]);
      i += 2;
    } else if (ch === '*' || ch === '_') {
      i = delimiterRun(i);
    } else if (ch === '[' || (ch === '!' && next === '[')) {
      const image = ch === '!';
      if (image) report(i, MSG.image);
      if (link || stack.length >= MAX_NESTING) {
        // Links cannot nest; brackets inside link text are literal but must balance.
        if (link) link.depth++;
        append(top().c, [{ t: 'text', v: image ? '![' : '[' }]);
      } else {
        stack.push({ kind: 'link', ch: '[', count: 1, start: image ? i + 1 : i, c: [], image, depth: 0 });
      }
      i += image ? 2 : 1;
    } else if (ch === ']' && link && link.depth === 0) {
      unwindTo(stack.indexOf(link));
      stack.pop();
      i = closeLink(link, i + 1);
    } else {
      if (ch === ']' && link) link.depth--;
      let v = ch;
      if (ch === '`') {
        while (src[i + v.length] === '`') v += '`';
        if (!silencedTicks.has(i)) {
          report(i, MSG.code);
          const close = src.indexOf(v, i + v.length);
          if (close >= 0) silencedTicks.add(close); // one error per `code span`, not two
        }
      } else if (ch === '<' && next !== undefined && /[A-Za-z/!]/.test(next)) {
        const tag = /^<[^<>\n]{0,40}>/.exec(src.slice(i)) ?? /^<[^\s<>]{0,20}/.exec(src.slice(i))!;
        report(i, MSG.html(tag[0]));
      }
      append(top().c, [{ t: 'text', v }]);
      i += v.length;
    }
  }
  unwindTo(0);
  return normalize(root.c);
}

function delimName(count: number): string {
  return count === 1 ? 'emphasis' : count === 2 ? 'strong' : 'strong emphasis';
}

function append(into: Inline[], nodes: Inline[]): void {
  for (const n of nodes) {
    const last = into[into.length - 1];
    if (n.t === 'text' && last?.t === 'text') into[into.length - 1] = { t: 'text', v: last.v + n.v };
    else into.push(n);
  }
}

// Collapses whitespace across node boundaries and trims the ends of the whole run.
function normalize(nodes: Inline[]): Inline[] {
  let afterSpace = true;
  const walk = (list: Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const n of list) {
      if (n.t !== 'text') {
        out.push({ ...n, c: walk(n.c) });
        continue;
      }
      let v = n.v.replace(COLLAPSE, ' ');
      if (afterSpace && v.startsWith(' ')) v = v.slice(1);
      if (v === '') continue;
      afterSpace = v.endsWith(' ');
      append(out, [{ t: 'text', v }]);
    }
    return out;
  };
  const trimEnd = (list: Inline[]): void => {
    const last = list[list.length - 1];
    if (last === undefined) return;
    if (last.t !== 'text') return trimEnd(last.c);
    last.v = last.v.replace(/ $/, '');
    if (last.v === '') {
      list.pop();
      trimEnd(list);
    }
  };
  const out = walk(nodes);
  trimEnd(out);
  return out;
}

const inlineText = (c: Inline[]): string => c.map((n) => (n.t === 'text' ? n.v : inlineText(n.c))).join('');
const blockText = (b: Block): string =>
  b.t === 'p' ? inlineText(b.c) : [...b.c.map(blockText), ...(b.by ? [`— ${inlineText(b.by)}`] : [])].join(' ');

/** Text content; blocks (and a quote's paragraphs and attribution) are joined by a space. */
export function plainText(nodes: Block[] | Inline[]): string {
  const isBlocks = (ns: Block[] | Inline[]): ns is Block[] => ns.every((n) => n.t === 'p' || n.t === 'quote');
  return isBlocks(nodes) ? nodes.map(blockText).join(' ') : inlineText(nodes);
}

/** Words = whitespace-separated tokens containing a letter or digit (so "—" is not a word). */
export function wordCount(blocks: Block[]): number {
  return plainText(blocks)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
