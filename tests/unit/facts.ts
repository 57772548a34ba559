// The texts every caption must be traceable to: the seed article and the fact sheet, copied
// into story/evidence/ (its README says from where), so the suite needs nothing beside the repository.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '..', '..', 'story', 'evidence');

/**
 * The seed article with the one scraping defect that matters for quotes repaired, as
 * story/evidence/README.md says: the link text "axis of resistance" was lifted out of
 * Velayati's sentence and left on a line of its own.
 */
export const SEED = readFileSync(join(dir, 'seed-article.txt'), 'utf8').replace(
  'strengthen the , not just',
  'strengthen the axis of resistance, not just',
);
export const FACT_SHEET = readFileSync(join(dir, 'qalamoun-2015.md'), 'utf8');
/** Excerpts of reports beyond the fact sheet, copied verbatim with their addresses. */
export const FURTHER = readFileSync(join(dir, 'further-sources.md'), 'utf8');

/**
 * Only whitespace, quote marks and no-break hyphens are normalised when quotes are compared with
 * sources: the glyphs the build's typography (src/story/typography.ts) sets, never the words.
 */
export const normaliseQuote = (s: string): string =>
  s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\u2011/g, '-')
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** Rows of the fact sheet's places table (section 5), split into trimmed cells. */
const placeRows = (): string[][] =>
  (FACT_SHEET.split(/^## 5\./m)[1]?.split(/^## /m)[0] ?? '')
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Name') && !l.startsWith('|---'))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );

/** Published coordinates by place name (the name cell without its country tag), as [lon, lat]. */
export function factSheetCoordinates(): Map<string, [number, number]> {
  return new Map(
    placeRows()
      .filter(([, , lat, lon]) => /^\d/.test(lat ?? '') && /^\d/.test(lon ?? ''))
      .map(([name = '', , lat, lon]) => [name.replace(/\s*\((SY|LB|label)\)$/, ''), [Number(lon), Number(lat)]]),
  );
}

/**
 * Every spelling of every place in the fact sheet's places table, one group per row:
 * [name, ...alternate spellings in Latin script].
 */
export function factSheetPlaceNames(): string[][] {
  return placeRows()
    .map(([name = '', alternates = '']) => {
      const names = name
        .replace(/\((SY|LB|label|asked for)\)/g, '')
        .replace(/"/g, '')
        .split(' / ');
      const alts = alternates.split(/,\s*/).filter((a) => a !== '—' && !a.includes('/'));
      return [...names, ...alts].map((n) => n.trim()).filter((n) => /^[\p{Script=Latin}\s'’\-–.0-9]+$/u.test(n) && n.length > 2);
    })
    .filter((g) => g.length > 0);
}
