import { describe, it, expect } from 'vitest';
import { parseCaption, plainText, wordCount, type Block, type Inline } from '../../src/story/markup.ts';

const t = (v: string): Inline => v;
const em = (...c: Inline[]): Inline => ({ t: 'em', c });
const strong = (...c: Inline[]): Inline => ({ t: 'strong', c });
const link = (href: string, ...c: Inline[]): Inline => ({ t: 'link', href, c });
const p = (...c: Inline[]): Block => ({ t: 'p', c });

/** Parses a caption that must be error-free and returns its blocks. */
function ok(text: string): Block[] {
  const { blocks, errors } = parseCaption(text);
  expect(errors).toEqual([]);
  return blocks;
}
const errorsOf = (text: string) => parseCaption(text).errors;

const HTML = (tag: string) => `raw HTML is not allowed ("${tag}"); use *emphasis*, **strong**, [text](https://…) or "> " block quotes`;
const ALLOWED = 'use https://…, http://…, mailto:… or a #section-id on this page';
const ATTRIBUTION = 'block quote needs an attribution line: > — Name, role';

describe('paragraphs', () => {
  it('splits on blank lines, joins single newlines and collapses whitespace', () => {
    expect(ok('  The Anti-Lebanon   mountains\nrun along\tthe border.  \n\n \n\nSecond\r\nparagraph.\n')).toEqual([
      p(t('The Anti-Lebanon mountains run along the border.')),
      p(t('Second paragraph.')),
    ]);
  });

  it('keeps no-break spaces, which editors use on purpose', () => {
    expect(ok('5\u00a0km away')).toEqual([p(t('5\u00a0km away'))]);
  });
});

describe('emphasis and strong', () => {
  it('parses *em*, _em_ and **strong**', () => {
    expect(ok('the *jurud*, the _barrens_ and **Arsal**.')).toEqual([
      p(t('the '), em(t('jurud')), t(', the '), em(t('barrens')), t(' and '), strong(t('Arsal')), t('.')),
    ]);
  });

  it('nests em inside strong and strong inside em', () => {
    expect(ok('**held by _al-Nusra_ fighters** and *a **key** hill*')).toEqual([
      p(strong(t('held by '), em(t('al-Nusra')), t(' fighters')), t(' and '), em(t('a '), strong(t('key')), t(' hill'))),
    ]);
  });

  it('spans emphasis across a line break inside a paragraph', () => {
    expect(ok('*two\nlines*')).toEqual([p(em(t('two lines')))]);
  });

  it('keeps underscores inside words literal', () => {
    expect(ok('snake_case, al_Jubbah and _jurud_ near Ras_al-Maara_')).toEqual([
      p(t('snake_case, al_Jubbah and '), em(t('jurud')), t(' near Ras_al-Maara_')),
    ]);
  });

  it('keeps asterisks surrounded by spaces literal', () => {
    expect(ok('2 * 3 = 6 and a * b')).toEqual([p(t('2 * 3 = 6 and a * b'))]);
  });
});

describe('links', () => {
  it('parses links with emphasis in their text and every allowed href kind', () => {
    expect(
      ok(
        'Read [the **full** _report_](https://example.org/a?b=1#c), ' +
          '[this](http://example.org), [mail us](mailto:desk@example.org) or [step 2](#step-2).',
      ),
    ).toEqual([
      p(
        t('Read '),
        link('https://example.org/a?b=1#c', t('the '), strong(t('full')), t(' '), em(t('report'))),
        t(', '),
        link('http://example.org', t('this')),
        t(', '),
        link('mailto:desk@example.org', t('mail us')),
        t(' or '),
        link('#step-2', t('step 2')),
        t('.'),
      ),
    ]);
  });

  it('keeps balanced parentheses in a URL', () => {
    const href = 'https://en.wikipedia.org/wiki/Qalamoun_offensive_(May%E2%80%93June_2015)';
    expect(ok(`([Wikipedia](${href}))`)).toEqual([p(t('('), link(href, t('Wikipedia')), t(')'))]);
  });

  it('keeps balanced brackets inside link text', () => {
    expect(ok('[the [sic] claim](https://example.org)')).toEqual([p(link('https://example.org', t('the [sic] claim')))]);
  });

  it.each([
    ['javascript:alert(1)', 4],
    ['data:text/html,hi', 4],
    ['page.html', 4],
    ['/about', 4],
    ['#Not_A_Slug', 4],
    ['https://', 4],
  ])('rejects href %s, naming it, and drops the link but keeps its text', (href, column) => {
    expect(parseCaption(`[x](${href}) y`)).toEqual({
      blocks: [p(t('x y'))],
      errors: [{ line: 0, column, message: `link URL "${href}" is not allowed; ${ALLOWED}` }],
    });
  });

  it('rejects an empty href', () => {
    expect(errorsOf('a [x]() b')).toEqual([{ line: 0, column: 6, message: `link URL is empty; ${ALLOWED}` }]);
  });
});

describe('block quotes', () => {
  it('parses a multi-paragraph quote with an attribution', () => {
    const text = [
      'Before.',
      '',
      '> The battle for the *jurud*',
      '> has begun.',
      '>',
      '>Second paragraph.',
      '> — Nick Blanford, **Beirut**-based journalist',
      'After.',
    ].join('\n');
    expect(ok(text)).toEqual([
      p(t('Before.')),
      {
        t: 'quote',
        c: [p(t('The battle for the '), em(t('jurud')), t(' has begun.')), p(t('Second paragraph.'))],
        by: [t('Nick Blanford, '), strong(t('Beirut')), t('-based journalist')],
      },
      p(t('After.')),
    ]);
  });

  it('accepts "-- " and "– " attributions and lists inside quotes', () => {
    expect(ok('> - not a list\n> -- A\n\n> Words\n> – B, [site](https://b.org)')).toEqual([
      { t: 'quote', c: [p(t('- not a list'))], by: [t('A')] },
      { t: 'quote', c: [p(t('Words'))], by: [t('B, '), link('https://b.org', t('site'))] },
    ]);
  });

  it('requires an attribution', () => {
    expect(parseCaption('Intro.\n\n  > Unattributed words\n> more')).toEqual({
      blocks: [p(t('Intro.')), { t: 'quote', c: [p(t('Unattributed words more'))], by: null }],
      errors: [{ line: 2, column: 2, message: ATTRIBUTION }],
    });
  });

  it('reports an empty attribution on its own line', () => {
    expect(parseCaption('> Words\n> —')).toEqual({
      blocks: [{ t: 'quote', c: [p(t('Words'))], by: null }],
      errors: [{ line: 1, column: 2, message: ATTRIBUTION }],
    });
  });

  it('reports a quote with only an attribution', () => {
    expect(errorsOf('> — Someone')).toEqual([
      {
        line: 0,
        column: 0,
        message: 'block quote has no quoted text; put the words on "> " lines above the attribution',
      },
    ]);
  });

  it('reports inline errors at their column after the "> " marker', () => {
    expect(errorsOf('> fine\n>  a **b\n> — X')).toEqual([
      { line: 1, column: 5, message: 'unclosed "**" (strong) opened here; close it, or write \\* for a literal "*"' },
    ]);
  });
});

describe('escapes', () => {
  it('turns \\* \\_ \\[ \\] \\\\ \\> into literal characters', () => {
    expect(ok('\\*not em\\* \\_nor this\\_ \\[no link\\](x) a\\\\b\n\\> not a quote')).toEqual([
      p(t('*not em* _nor this_ [no link](x) a\\b > not a quote')),
    ]);
  });

  it('keeps a backslash before a letter or at the end', () => {
    expect(ok('C:\\path \\')).toEqual([p(t('C:\\path \\'))]);
  });
});

describe('errors', () => {
  it('reports an empty caption', () => {
    for (const text of ['', '  \n\t\n ']) {
      expect(parseCaption(text)).toEqual({ blocks: [], errors: [{ line: 0, column: 0, message: 'caption is empty' }] });
    }
  });

  it('reports raw HTML with the tag, but allows "< 5 km"', () => {
    expect(parseCaption('under < 5 km, <b>bold</b>\n\nx <!-- note --> y </p\n<script>alert(1)</script>')).toEqual({
      blocks: [p(t('under < 5 km, <b>bold</b>')), p(t('x <!-- note --> y </p <script>alert(1)</script>'))],
      errors: [
        { line: 0, column: 14, message: HTML('<b>') },
        { line: 0, column: 21, message: HTML('</b>') },
        { line: 2, column: 2, message: HTML('<!-- note -->') },
        { line: 2, column: 18, message: HTML('</p') },
        { line: 3, column: 0, message: HTML('<script>') },
        { line: 3, column: 16, message: HTML('</script>') },
      ],
    });
  });

  it('reports every unclosed delimiter where it opened, and keeps the text', () => {
    expect(parseCaption('a **bold and *em\nend\n\nsnake _open and [link [sic] text\n\n[text] alone')).toEqual({
      blocks: [p(t('a **bold and *em end')), p(t('snake _open and [link [sic] text')), p(t('[text] alone'))],
      errors: [
        { line: 0, column: 2, message: 'unclosed "**" (strong) opened here; close it, or write \\* for a literal "*"' },
        { line: 0, column: 13, message: 'unclosed "*" (emphasis) opened here; close it, or write \\* for a literal "*"' },
        { line: 3, column: 6, message: 'unclosed "_" (emphasis) opened here; close it, or write \\_ for a literal "_"' },
        {
          line: 3,
          column: 16,
          message: 'unclosed "[" (link) opened here; write [text](https://…), or \\[ for a literal "["',
        },
        {
          line: 5,
          column: 0,
          message: '"[text]" must be followed by (url), e.g. [text](https://…); write \\[ for a literal "["',
        },
      ],
    });
  });

  it('reports a link URL without its closing parenthesis', () => {
    expect(parseCaption('[x](https://a.org and more')).toEqual({
      blocks: [p(t('[x](https://a.org and more'))],
      errors: [
        {
          line: 0,
          column: 3,
          message: 'unclosed "(" (link URL) opened here; write (https://…) with no spaces in the URL',
        },
      ],
    });
  });

  it('reports link titles and links inside links, which CommonMark parses but captions do not support', () => {
    expect(errorsOf('[x](https://a.org "t") and [a [b](#b) c](#c)')).toEqual([
      { line: 0, column: 4, message: 'link titles ([text](https://… "title")) are not supported; end the link right after its URL' },
      { line: 0, column: 27, message: 'a link cannot contain another link; remove the inner [text](…)' },
    ]);
  });

  it('reports headings and lists at line start, outside quotes', () => {
    const heading = 'headings ("# ") are not supported in captions; use a plain paragraph or **strong** text';
    const list = 'lists ("- ", "* ", "1. ") are not supported in captions; write the items as a sentence or as separate paragraphs';
    expect(errorsOf('# Title\n\nIntro\n - one\n* two\n12. three\n#hashtag and -- dash')).toEqual([
      { line: 0, column: 0, message: heading },
      { line: 3, column: 1, message: list },
      { line: 4, column: 0, message: list },
      { line: 5, column: 0, message: list },
    ]);
  });

  it('reports images and keeps their alt text', () => {
    expect(parseCaption('See ![the map](map.png) here')).toEqual({
      blocks: [p(t('See the map here'))],
      errors: [
        {
          line: 0,
          column: 4,
          message: 'images ("![…](…)") are not supported in captions; use a link [text](https://…) instead',
        },
      ],
    });
  });

  it('reports code spans once per pair of backticks', () => {
    const code = 'code spans ("`") are not supported in captions; write plain text, or \\` for a literal backtick';
    expect(parseCaption('run `ls` now\nor ``x`` and ` alone')).toEqual({
      blocks: [p(t('run `ls` now or ``x`` and ` alone'))],
      errors: [
        { line: 0, column: 4, message: code },
        { line: 1, column: 3, message: code },
        { line: 1, column: 13, message: code },
      ],
    });
  });

  it('returns all errors across blocks, sorted by position', () => {
    const errors = errorsOf('<i>x</i> *a\n\n> q <br>\n\n[y](javascript:void(0))');
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [0, 0],
      [0, 4],
      [0, 9],
      [2, 0],
      [2, 4],
      [4, 4],
    ]);
  });
});

describe('plainText and wordCount', () => {
  const blocks = ok('The *jurud*, the [barrens](#jurud).\n\n> About **3,000** rebels\n>\n> withdrew.\n> — A. Writer, reporter');

  it('joins paragraphs, quote paragraphs and the attribution with a space', () => {
    expect(plainText(blocks)).toBe('The jurud, the barrens. About 3,000 rebels withdrew. — A. Writer, reporter');
  });

  it('extracts text from inlines without adding spaces', () => {
    expect(plainText([t('a '), strong(t('b'), em(t('c'))), link('#x', t('d'))])).toBe('a bcd');
    expect(plainText([])).toBe('');
  });

  it('counts words, not dashes', () => {
    expect(wordCount(blocks)).toBe(11);
    expect(wordCount([])).toBe(0);
    expect(wordCount(ok('Al-Nusra — 15 fighters; قتل ١٥ مقاتلا'))).toBe(6);
  });
});

describe('robustness', () => {
  // Deterministic PRNG so a failure reproduces.
  function mulberry32(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pieces = [
    '*',
    '**',
    '_',
    '[',
    ']',
    '(',
    ')',
    '\\',
    '>',
    '> ',
    '<',
    '<b>',
    '!',
    '`',
    '#',
    '# ',
    '- ',
    '1. ',
    '— ',
    '-- ',
    '– ',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '\r\n',
    '\t',
    'a',
    'word',
    'al_',
    '#x',
    'https://a.org',
    'javascript:',
    '\u00a0',
    '😀',
  ];
  const SAFE = /^(https?:\/\/|mailto:|#[a-z0-9-]+$)/i;

  it('never throws on 2,000 random strings and keeps its invariants', () => {
    const rand = mulberry32(20150505);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const len = Math.floor(rand() * 40);
      for (let k = 0; k < len; k++) text += pieces[Math.floor(rand() * pieces.length)];

      const { blocks, errors } = parseCaption(text);
      const lines = text.split(/\r\n|\r|\n/);
      for (const e of errors) {
        expect(e.message, text).not.toBe('');
        expect(e.line, text).toBeGreaterThanOrEqual(0);
        expect(e.line, text).toBeLessThan(lines.length);
        expect(e.column, text).toBeGreaterThanOrEqual(0);
        expect(e.column, text).toBeLessThanOrEqual(lines[e.line]!.length);
      }
      const hrefs: string[] = [];
      const walk = (c: Inline[]) =>
        c.forEach((i) => {
          if (typeof i === 'string') return;
          if (i.t === 'link') hrefs.push(i.href);
          walk(i.c);
        });
      blocks.forEach((b) => (b.t === 'p' ? walk(b.c) : (b.c.forEach((q) => walk(q.c)), walk(b.by ?? []))));
      for (const href of hrefs) expect(href, text).toMatch(SAFE);
      expect(() => wordCount(blocks)).not.toThrow();
    }
  });

  it('survives deep nesting and non-string input', () => {
    expect(() => parseCaption('*a _b '.repeat(5000))).not.toThrow();
    expect(() => parseCaption('['.repeat(5000) + ']'.repeat(5000))).not.toThrow();
    expect(parseCaption(null as unknown as string).errors).toEqual([{ line: 0, column: 0, message: 'caption is empty' }]);
  });
});
