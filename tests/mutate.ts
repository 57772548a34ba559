// A seeded mutator over a story script, for fuzzing the loader: the mistakes editors make (lines
// lost, doubled, swapped or re-indented) and the values an attacker would try (aliases, anchors,
// tags, NaN, huge numbers, HTML, odd URLs, YAML punctuation, control characters).

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const VALUES = [
  '*Zabadani* was cut off',
  '*alias',
  '&anchor value',
  '&a [1, 2]',
  '!Zabadani fell',
  '!!str 3',
  '!!binary aGVsbG8=',
  '!!map {}',
  '.nan',
  '.inf',
  '-.inf',
  '1e309',
  '-1e400',
  '99999999999999999999999',
  '0x1F',
  '~',
  'null',
  '[]',
  '{}',
  '""',
  "''",
  '<script>alert(1)</script>',
  '"[x](javascript:alert(1))"',
  '"[x](JaVaScRiPt:alert(document.domain))"',
  'JaVaScRiPt:alert(document.domain)',
  'data:text/html,<b>x</b>',
  'https://',
  'mailto:',
  '"[a](https://example.org "title")"',
  '"`code` and <b>bold</b> and ![img](x.png)"',
  '"**unclosed *nested _mixed"',
  '"> quote without attribution"',
  '2015-02-30',
  '{ from: 2015-05-12, to: 2015-05-07 }',
  '[36.4]',
  '[200, 100]',
  '[33.9, 36.4]',
  'data/../../secret.geojson',
  '/etc/passwd',
  '|',
  '>-',
  '- x',
  '? x',
  ': x',
  '{ a: [',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  '"unterminated',
  "'unterminated",
  '%YAML 1.1',
  '---',
  '...',
  '#',
  '@at',
  '`backtick',
  '"\\u0000"',
  '"\\ud800"',
];

const PUNCTUATION = [
  '*',
  '&',
  '!',
  '|',
  '>',
  '[',
  ']',
  '{',
  '}',
  ':',
  ',',
  '#',
  '?',
  '-',
  '%',
  '@',
  '`',
  '"',
  "'",
  '\t',
  '\0',
  '\u0085',
  '\ufeff',
];

type Mutation = (lines: string[], rnd: () => number) => string;

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)]!;
const at = (lines: string[], rnd: () => number) => Math.floor(rnd() * lines.length);

const MUTATIONS: Record<string, Mutation> = {
  delete: (lines, rnd) => {
    const i = at(lines, rnd);
    lines.splice(i, 1);
    return `delete line ${i + 1}`;
  },
  duplicate: (lines, rnd) => {
    const i = at(lines, rnd);
    lines.splice(i, 0, lines[i]!);
    return `duplicate line ${i + 1}`;
  },
  swap: (lines, rnd) => {
    const [i, j] = [at(lines, rnd), at(lines, rnd)];
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return `swap lines ${i + 1} and ${j + 1}`;
  },
  value: (lines, rnd) => {
    const i = at(lines, rnd);
    const value = pick(VALUES, rnd);
    lines[i] = lines[i]!.replace(/^(\s*(?:- )?[\w-]+:)(.*)$/, `$1 ${value}`).replace(/^(\s*- )(?![\w-]+:)(.*)$/, `$1${value}`);
    return `line ${i + 1} value → ${JSON.stringify(value)}`;
  },
  indent: (lines, rnd) => {
    const i = at(lines, rnd);
    const by = pick([-4, -2, -1, 1, 2, 4], rnd);
    lines[i] = by > 0 ? ' '.repeat(by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-by}}`), '');
    return `re-indent line ${i + 1} by ${by}`;
  },
  punctuation: (lines, rnd) => {
    const i = at(lines, rnd);
    const col = Math.floor(rnd() * (lines[i]!.length + 1));
    const p = pick(PUNCTUATION, rnd);
    lines[i] = lines[i]!.slice(0, col) + p + lines[i]!.slice(col);
    return `insert ${JSON.stringify(p)} at ${i + 1}:${col + 1}`;
  },
};

/** The script with 1 to 4 mutations, and what they were. */
export function mutate(script: string, rnd: () => number): { text: string; steps: string[] } {
  const lines = script.split('\n');
  const names = Object.keys(MUTATIONS);
  const steps = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => MUTATIONS[pick(names, rnd)]!(lines, rnd));
  return { text: lines.join('\n'), steps };
}
