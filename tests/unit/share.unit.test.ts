// The share cards and preview pages in a real build, run with no browser at hand (CHROMIUM_PATH
// points nowhere): a 1200 × 630 PNG per step and for the story, each with a picture in it and
// the step's front colours on its map; every step page's tags name its card, title and date.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyPlugin } from '../../src/story/vite-plugin.ts';
import { sharePlugin } from '../../src/share/vite-plugin.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { SIDES, BASEMAP, STATUSES } from '../../src/palette/palette.ts';
import { captionSummary, firstSentence } from '../../src/story/summary.ts';
import { fitLines } from '../../src/share/text.ts';
import { siteAddress } from '../../src/story/site.ts';
import { stepPageUrl } from '../../src/story/share.ts';
import { parseCaption } from '../../src/story/markup.ts';
import { STORY_SCRIPT } from '../../story.config.ts';
import { productionBuild } from '../production-build.ts';

const SITE = 'https://example.org/qalamoun/';
const story = loadStoryFile(STORY_SCRIPT).story!;
const out = mkdtempSync(join(tmpdir(), 'story-share-'));
const envDir = mkdtempSync(join(tmpdir(), 'story-share-env-'));
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(envDir, { recursive: true, force: true });
});

beforeAll(async () => {
  writeFileSync(join(envDir, '.env'), `VITE_SITE_URL=${SITE}\n`);
  const chromium = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = '/nonexistent/chromium';
  try {
    // The story and share plugins alone, over a one-module entry: the cards are what is built.
    await productionBuild({
      configFile: false,
      logLevel: 'silent',
      base: './',
      envDir,
      plugins: [storyPlugin({ script: STORY_SCRIPT }), sharePlugin()],
      build: { outDir: out, emptyOutDir: true, rolldownOptions: { input: 'story.config.ts' } },
    });
  } finally {
    if (chromium === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = chromium;
  }
}, 120_000);

const png = (path: string) => PNG.sync.read(readFileSync(join(out, path)));

/** A colour drawn at `alpha` over the story's land, as the map composites a front's fill. */
const over = (hex: string, alpha: number) => {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const land = [1, 3, 5].map((i) => parseInt(BASEMAP.land.slice(i, i + 2), 16));
  return c.map((v, i) => v * alpha + land[i]! * (1 - alpha));
};

/** Pixels of the card's map (right of the text panel, above the credit band) within 8 levels of `rgb`. */
function mapPixels(image: PNG, rgb: number[]): number {
  let count = 0;
  for (let y = 0; y < 590; y++)
    for (let x = 470; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (rgb.every((v, k) => Math.abs(image.data[i + k]! - v) <= 8)) count++;
    }
  return count;
}

describe('share cards in the build', () => {
  const cards = [undefined, ...story.steps.map((s) => s.id)].map((id) => (id ? `s/${id}/card.png` : 'card.png'));

  it('draws one 1200 × 630 card per step and one for the story, none of them blank', () => {
    for (const path of cards) {
      const image = png(path);
      expect([path, image.width, image.height]).toEqual([path, 1200, 630]);
      let [sum, squares] = [0, 0];
      for (let i = 0; i < image.data.length; i += 4) {
        const l = 0.2126 * image.data[i]! + 0.7152 * image.data[i + 1]! + 0.0722 * image.data[i + 2]!;
        sum += l;
        squares += l * l;
      }
      const n = image.data.length / 4;
      const deviation = Math.sqrt(squares / n - (sum / n) ** 2);
      expect(deviation, path).toBeGreaterThan(25);
    }
  });

  it('shows the front colours on the map of every step that shows fronts, and none elsewhere', () => {
    const fronts = new Set(story.layers.filter((l) => l.kind === 'front').map((l) => l.id));
    const colours = Object.values(SIDES).flatMap((s) => [
      over(s.color, STATUSES.assessed.fillOpacity),
      over(s.color, STATUSES.claimed.fillOpacity),
    ]);
    const drawn = story.steps.map((step, i) => {
      const image = png(`s/${step.id}/card.png`);
      const pixels = colours.reduce((sum, c) => sum + mapPixels(image, c), 0);
      return { id: step.id, pixels, fronts: story.views[i]!.layers.some((id) => fronts.has(id)) };
    });
    // Edges and labels blend into a few pixels of these colours on any map: a front fills thousands.
    expect(drawn.filter((d) => d.fronts && d.pixels < 5000)).toEqual([]);
    expect(drawn.filter((d) => !d.fronts && d.pixels > 1000)).toEqual([]);
    expect(drawn.some((d) => !d.fronts)).toBe(true);
  });

  it('gives every step a page whose tags name its card, its date and the story', () => {
    const tag = (html: string, key: string) =>
      new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`)
        .exec(html)?.[1]
        ?.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
    for (const step of story.steps) {
      const html = readFileSync(join(out, 's', step.id, 'index.html'), 'utf8');
      const image = tag(html, 'og:image') ?? '';
      expect(image.startsWith(`${SITE}s/${step.id}/card.png?v=`), image).toBe(true);
      expect(existsSync(join(out, new URL(image).pathname.replace('/qalamoun/', '')))).toBe(true);
      expect(tag(html, 'twitter:image')).toBe(image);
      expect([tag(html, 'og:image:width'), tag(html, 'og:image:height')]).toEqual(['1200', '630']);
      expect(tag(html, 'og:image:alt')).toContain(step.date.label);
      expect(tag(html, 'og:title')).toBe(`${step.date.label}: ${story.meta.title}`);
      expect(tag(html, 'og:description')).toBe(step.share);
      expect(tag(html, 'twitter:card')).toBe('summary_large_image');
      expect(html).toContain(`<link rel="canonical" href="${SITE}#${step.id}" />`);
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${SITE}#${step.id}" />`);
      expect(html).toContain(`<a href="${SITE}#${step.id}">`);
    }
  });
});

describe('share text', () => {
  it('sums a step up in its first sentence, a quote it introduces included', () => {
    expect(firstSentence('On 13 May Hezbollah took Tallat Musa. SOHR confirmed it.')).toBe('On 13 May Hezbollah took Tallat Musa.');
    expect(firstSentence('Al-Manar said 45 km². “We won,” he said.')).toBe('Al-Manar said 45 km².');
    // Arabic has no capitals: a sentence ends at a full stop or ؟ before the next word
    expect(firstSentence('سيطر حزب الله على طلعة موسى. وأكد المرصد ذلك.')).toBe('سيطر حزب الله على طلعة موسى.');
    expect(firstSentence('هل انتهت المعركة؟ قال المتحدث لا.')).toBe('هل انتهت المعركة؟');
    const { blocks } = parseCaption('He said:\n\n> “We are winning.” And more.\n> — A spokesman');
    expect(captionSummary(blocks)).toBe('He said: “We are winning.”');
  });

  it('cuts a line that does not fit after a clause or a whole word, with an ellipsis', () => {
    const measure = (s: string) => s.length; // one unit a character
    expect(fitLines('On 13 May, after two days of fighting, they took it', 20, 1, 2, measure)).toEqual([
      'On 13 May, after two',
      'days of fighting…',
    ]);
    expect(fitLines('Short enough', 20, 1, 1, measure)).toEqual(['Short enough']);
    expect(fitLines('one two three four five six', 10, 1, 1, measure)).toEqual(['one two…']);
    // never on a dangling "the", "on", "for"…
    expect(fitLines('rebels for the bare mountains on the border', 24, 1, 1, measure)).toEqual(['rebels for the bare…']);
  });

  it('reads the site address and resolves a step page against the story, embedded or not', () => {
    expect(siteAddress('https://example.org/q')).toBe('https://example.org/q/');
    expect(siteAddress(undefined)).toBeNull();
    expect(() => siteAddress('example.org')).toThrow(/VITE_SITE_URL must be the site's full address/);
    expect(stepPageUrl('tallat-musa', 'https://example.org/q/?embed')).toBe('https://example.org/q/s/tallat-musa/');
    expect(stepPageUrl('tallat-musa', 'https://example.org/q/index.html#end-state')).toBe('https://example.org/q/s/tallat-musa/');
  });
});
