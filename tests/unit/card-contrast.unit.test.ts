// The reading cards sit over the map: their text must keep WCAG AA contrast (4.5:1) whatever the
// map draws behind. The worst case is black (ISIL's fill, borders, labels): the card's white,
// composited at its alpha over black, is the darkest background its text can get. The blur the
// card adds where supported is left out: contrast must not depend on it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_ALPHA } from '../../src/palette/card.ts';

const root = resolve(import.meta.dirname, '..', '..');
const css = readFileSync(resolve(root, 'src/app.css'), 'utf8');
const cardSvelte = readFileSync(resolve(root, 'src/components/Card.svelte'), 'utf8');

type Rgb = [number, number, number];
const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
const cssVar = (name: string) => hex(new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)![1]!);
const luminance = (c: Rgb) =>
  c
    .map((v) => v / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
/** White at the card's alpha over a map colour. */
const cardOver = (map: Rgb): Rgb => map.map((v) => Math.round(255 * CARD_ALPHA + v * (1 - CARD_ALPHA))) as Rgb;

const TEXT: Record<string, Rgb> = {
  'body text (--ink)': cssVar('--ink'),
  'sources and attributions (--muted)': cssVar('--muted'),
  'chapter heading (--accent-text)': cssVar('--accent-text'),
  'links in captions': hex(/\ba\s*\{\s*color:\s*(#[0-9a-f]{6})/i.exec(css)![1]!),
};

describe('card contrast over the map', () => {
  const worst = cardOver([0, 0, 0]);

  it('paints the card with the background the test measures', () => {
    expect(cardSvelte).toMatch(/style:--card-bg=\{CARD_BACKGROUND\}/);
    expect(cardSvelte).toMatch(/background: var\(--card-bg\)/);
  });

  it.each(Object.entries(TEXT))('keeps %s at 4.5:1 or more over black behind the card', (_, colour) => {
    expect(contrast(colour, worst)).toBeGreaterThanOrEqual(4.5);
  });

  // At the old 0.96, map labels behind the body text could still be made out (1.09:1).
  it('keeps what shows through faint: under 1.08:1 between black and white behind the card', () => {
    expect(contrast(cardOver([255, 255, 255]), worst)).toBeLessThan(1.08);
  });
});
