// The Arabic edition from the same script: complete translations build it, and a missing or
// extra translation, an unknown locale or an untranslated interface string is reported at its place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/story/errors.ts';
import { loadInterface } from '../../src/story/interface.ts';
import { formatDateRange, formatDay, formatNumber, formatSourceDate, shortSourceDate } from '../../src/story/dates.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { plainText } from '../../src/story/markup.ts';
import { STORY_SCRIPT } from '../../story.config.ts';
import { FIXTURES, loadFixture } from './fixtures.ts';

const AR = join(FIXTURES, 'story-ar');
const arText = readFileSync(join(AR, 'story.yaml'), 'utf8');
const errorsOf = (text: string) =>
  loadFixture(AR, text)
    .errors.filter((e) => e.severity === 'error')
    .map(formatError);

describe('an Arabic edition from the same script', () => {
  const { story, editions, errors } = loadFixture(AR);
  const ar = editions?.ar?.story;

  it('builds beside the English, right to left, with every text in Arabic', () => {
    expect(errors).toEqual([]);
    expect(story?.lang).toBe('en');
    expect(ar?.lang).toBe('ar');
    expect(ar?.dir).toBe('rtl');
    expect(ar?.meta.title).toBe('قصة للاختبار');
    expect(ar?.steps[0]?.caption).toEqual([{ t: 'p', c: ['الخطوة ', { t: 'em', c: ['الأولى'] }, '.'] }]);
    expect(ar?.chapters.map((c) => c.title)).toEqual(['تمهيد', 'الهجوم']);
    expect(ar?.meta.sources[1]).toMatchObject({ publisher: 'المنار', affiliation: 'تلفزيون حزب الله', title: 'Report B' });
  });

  it('shares every camera, layer, front and id with the English', () => {
    expect(ar?.steps.map((s) => s.id)).toEqual(story?.steps.map((s) => s.id));
    expect(ar?.views.map(({ camera, layers, front, highlight }) => ({ camera, layers, front, highlight }))).toEqual(
      story?.views.map(({ camera, layers, front, highlight }) => ({ camera, layers, front, highlight })),
    );
    expect(ar?.explore.camera).toEqual(story?.explore.camera);
  });

  it('writes dates in Arabic with Western digits, and names places in Arabic on the map', () => {
    expect(ar?.steps.map((s) => s.date.label)).toEqual(['25 آذار 2015', '7–12 أيار 2015', '7–12 أيار 2015']);
    expect(editions?.ar?.data.towns?.features.map((f) => f.properties?.name)).toEqual(['عرسال', 'الزبداني']);
    expect(editions?.ar?.data.towns?.features[0]?.properties?.name_en).toBe('Arsal');
  });
});

describe('translations that are missing, extra or unknown, located', () => {
  it('a step without its Arabic caption', () => {
    const text = arText.replace('ar: { alt: الزبداني مجدداً., caption: ترث الكاميرا والطبقات والتاريخ. }', 'ar: { alt: الزبداني مجدداً. }');
    expect(errorsOf(text)).toEqual([
      'story.yaml:82:5  steps[2].caption: no Arabic for "caption": the Arabic edition needs ar: { caption: … } beside it',
    ]);
  });

  it('a translation under a locale the story has no edition for', () => {
    const text = arText.replace('    ar: { title: تمهيد }\n', '    ar: { title: تمهيد }\n    fr: { title: Prélude }\n');
    expect(errorsOf(text)).toEqual([
      'story.yaml:25:5  chapters[0].fr: unknown key "fr" (a translation into a language this story has no edition for; editions: ar); allowed here: id, title, ar',
    ]);
  });

  it('an Arabic text with no English to translate', () => {
    const text = arText.replace('ar: { alt: الزبداني مجدداً., caption:', 'ar: { dateLabel: منتصف أيار, alt: الزبداني مجدداً., caption:');
    expect(errorsOf(text)).toEqual([
      'story.yaml:83:11  steps[2].ar.dateLabel: Arabic "dateLabel" with no English "dateLabel" beside it: add the English, or remove this translation',
    ]);
  });

  it('a place without its Arabic name, in its data file', () => {
    const result = loadFixture(AR, arText.replace('data/places.geojson', 'data/places-en.geojson'));
    expect(result.errors.map(formatError)).toContain(
      'data/places-en.geojson:2:108  features[0].properties: no name_ar: the ar edition names this place in its language on the map',
    );
  });

  it('Arabic written but no edition asked for: a warning, and nothing built', () => {
    const result = loadFixture(AR, arText.replace('  editions: [ar]\n', ''));
    expect(result.errors.map(formatError)).toEqual([
      'story.yaml:1:1  warning: meta: the script has Arabic texts but meta.editions does not list ar: the Arabic edition is not built',
    ]);
    expect(result.editions).toEqual({});
  });
});

describe('the interface strings table', () => {
  const table = readFileSync(join(import.meta.dirname, '..', '..', 'story', 'interface.yaml'), 'utf8');
  const check = (text: string) => loadInterface(text, 'story/interface.yaml').errors.map(formatError);

  it('is complete in both languages', () => expect(check(table)).toEqual([]));

  it('an untranslated string, at its line', () => {
    const lines = table.split('\n');
    const n = lines.findIndex((l) => l.startsWith('share:'));
    lines[n] = 'share: { en: Share this step }';
    expect(check(lines.join('\n'))).toEqual([`story/interface.yaml:${n + 1}:1  share: "share" is not translated: no Arabic (ar: …)`]);
  });

  it('an Arabic string that drops a placeholder, and an unknown key', () => {
    const text = table.replace('ar: "اطُّلع عليه في {date}"', 'ar: "اطُّلع عليه"').replace('skip:', 'skipp:');
    expect(check(text)).toEqual([
      'story/interface.yaml:5:1  skipp: unknown interface string "skipp" (did you mean "skip"?)',
      expect.stringMatching(
        /^story\/interface\.yaml:9:\d+ {2}consulted\.ar: the Arabic must hold the same \{placeholders\} as the English: date$/,
      ),
      'story/interface.yaml:4:1  interface string "skip" is missing',
    ]);
  });
});

describe('dates and numbers as each edition writes them', () => {
  it('English, unchanged', () => {
    expect(formatDateRange({ from: '2015-05-30', to: '2015-06-02' })).toBe('30 May – 2 June 2015');
    expect(formatNumber(1234.4)).toBe('1,234.4');
  });

  it('Arabic: Levantine months, Western digits', () => {
    expect(formatDateRange({ from: '2015-04-03', to: '2015-04-03' }, 'ar')).toBe('3 نيسان 2015');
    expect(formatDateRange({ from: '2015-03-25', to: '2015-03-28' }, 'ar')).toBe('25–28 آذار 2015');
    expect(formatDateRange({ from: '2015-05-30', to: '2015-06-02' }, 'ar')).toBe('30 أيار – 2 حزيران 2015');
    expect(formatDay('2015-06-21', 2015, 'ar')).toBe('21 حزيران');
    expect(formatSourceDate('2015-06', 'ar')).toBe('حزيران 2015');
    expect(shortSourceDate('2015-05-04', 'ar')).toBe('4\u00a0أيار');
    expect(formatNumber(1234, 'ar')).toBe('1,234');
    // never the Arabic-Indic digits ٠–٩
    expect(formatDateRange({ from: '2015-05-07', to: '2015-05-12' }, 'ar')).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
  });
});

describe("the story's Arabic edition", () => {
  const { story, editions } = loadStoryFile(STORY_SCRIPT);
  const ar = editions?.ar?.story;
  // "1,000" and "1000" are one figure; dates, km², counts and percentages are all digits here.
  const figures = (s: string) => (s.replace(/(\d),(\d{3})/g, '$1$2').match(/\d+(?:\.\d+)?/g) ?? []).sort();

  it('is built', () => expect(ar?.steps).toHaveLength(story!.steps.length));

  it('gives every figure of every caption, alt text and the method note exactly as the English does', () => {
    const pairs = story!.steps.flatMap((s, i) => [
      [s.id, plainText(s.caption), plainText(ar!.steps[i]!.caption)],
      [`${s.id} (alt)`, s.alt, ar!.steps[i]!.alt],
    ]);
    pairs.push(['method', plainText(story!.meta.method), plainText(ar!.meta.method)]);
    for (const [where, en, arabic] of pairs) expect(figures(arabic!), where).toEqual(figures(en!));
  });

  it('marks every quote it translates (ترجمة): the sources at hand give none in the original Arabic', () => {
    for (const step of ar!.steps) {
      const text = plainText(step.caption);
      const quoted = text.match(/«[^»]+»/g) ?? [];
      for (const q of quoted) expect(text.slice(text.indexOf(q) + q.length), `${step.id}: ${q}`).toMatch(/^\s*\(ترجمة\)/);
      for (const block of step.caption.filter((b) => b.t === 'quote')) expect(plainText([block]), step.id).toContain('(ترجمة)');
    }
  });
});
