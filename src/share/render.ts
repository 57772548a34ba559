// The site's share files, rendered in Node with no browser: a PNG card for the story and for each
// step (resvg, from the static map's SVG and card.ts), each step's preview page, and the tags for
// the story's own page. The fonts are the page's own Noto files, unpacked from @fontsource's WOFF.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import land from '../../assets/basemap/land.json';
import borders from '../../assets/basemap/borders.json';
import labels from '../../assets/basemap/country-labels.json';
import type { Story, StoryData, View } from '../story/model.ts';
import { staticMapSvg, type Basemap } from '../map/static/static-svg.ts';
import { RELIEF_BOUNDS } from '../relief/relief.ts';
import { cardFrame, cardKey, cardSvg, type CardFonts, type CardText } from './card.ts';
import { firstSentence } from '../story/summary.ts';
import { subsetMeasure } from './metrics.ts';
import { previewTags, stepPage, type Preview } from './pages.ts';
import { woffToSfnt } from './woff.ts';
import { cropShade, decodeShade, type Shade } from './relief-crop.ts';

const RESVG_VERSION = (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version;

const FONT_FILES = {
  regular: [
    'noto-sans/files/noto-sans-latin-400-normal',
    'noto-sans/files/noto-sans-latin-ext-400-normal',
    'noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal',
  ],
  bold: [
    'noto-sans/files/noto-sans-latin-700-normal',
    'noto-sans/files/noto-sans-latin-ext-700-normal',
    'noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal',
  ],
};

/** The story's card, at the site's root; each step's beside its page. */
export const cardPath = (stepId?: string): string => (stepId ? `s/${stepId}/card.png` : 'card.png');
export const stepPagePath = (stepId: string): string => `s/${stepId}/index.html`;

let fonts: { files: string[]; measures: CardFonts } | undefined;
/**
 * The fonts as TrueType files, written once per machine to the temporary folder (by content, so
 * builds never share a stale file): resvg's Node binding takes font files; buffers would go
 * through JSON on every card.
 */
function loadFonts() {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const read = (name: string) => woffToSfnt(readFileSync(require.resolve(`@fontsource/${name}.woff`)), `${name}.woff`);
    const regular = FONT_FILES.regular.map(read);
    const bold = FONT_FILES.bold.map(read);
    const files = [...regular, ...bold].map((sfnt) => {
      const file = join(tmpdir(), `story-share-${createHash('sha256').update(sfnt).digest('hex').slice(0, 16)}.ttf`);
      if (!existsSync(file)) writeWhole(file, sfnt);
      return file;
    });
    fonts = { files, measures: { regular: subsetMeasure(regular), bold: subsetMeasure(bold) } };
  }
  return fonts;
}

export interface ShareInput {
  story: Story;
  data: StoryData;
  /** the static maps' shaded relief (relief/shade.png), when the build has it */
  relief?: Uint8Array;
  /** the site's address, ending in "/": previews need absolute image addresses */
  site: string | null;
  /** where drawn cards are kept between builds (renderCard) */
  cacheDir?: string;
}

export interface ShareFiles {
  /** file name in the site → contents */
  files: Map<string, Uint8Array | string>;
  /** the tags for the story's own page (index.html) */
  head: string;
}

const basemap = { land, borders, labels } as unknown as Basemap;

/**
 * resvg 2.6 panics (geom.rs:27) on an image with an opacity inside a scaled group: the relief's
 * opacity goes into its pixels instead.
 */
const RELIEF_OPACITY = /(<image data-relief="" [^>]*?) opacity="([\d.]+)"/;
const RELIEF_HREF = 'relief:crop';
const dataUrl = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

/**
 * resvg lays out a text's lines (tspans) as one bidirectional run: an Arabic name under its
 * Latin one lands on top of it. One text element a line, as static-svg.ts places them (1.15 em apart).
 */
const lineByLine = (svg: string) =>
  svg.replace(
    /<text x="([\d.-]+)" y="([\d.-]+)" font-size="([\d.]+)"([^>]*)>((?:<tspan[^>]*>[^<]*<\/tspan>){2,})<\/text>/g,
    (_, x: string, y: string, size: string, attrs: string, spans: string) =>
      [...spans.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)]
        .map(
          (m, i) =>
            `<text x="${x}" y="${Math.round((Number(y) + i * 1.15 * Number(size)) * 10) / 10}" font-size="${size}"${attrs}>${m[1]}</text>`,
        )
        .join(''),
  );

/** Writes `bytes` to `file` whole or not at all, for a build running beside. */
function writeWhole(file: string, bytes: Uint8Array) {
  writeFileSync(`${file}.${process.pid}`, bytes);
  renameSync(`${file}.${process.pid}`, file);
}

/**
 * The card of `view` with `text`, as PNG bytes: drawn on libuv's thread pool, so cards are drawn
 * side by side. With `cacheDir`, a card drawn before from the same SVG is read back instead
 * (drawing is most of a build's time, and the test suite builds the site several times).
 */
export async function renderCard(
  story: Story,
  data: StoryData,
  shade: Shade | undefined,
  view: View,
  text: CardText,
  cacheDir?: string,
): Promise<Uint8Array> {
  const { files, measures } = loadFonts();
  const frame = cardFrame();
  const crop = shade && cropShade(shade, view.camera, frame);
  const map = staticMapSvg(story, data, basemap, view, frame, crop ? { href: RELIEF_HREF, bounds: crop.bounds } : undefined).replace(
    RELIEF_OPACITY,
    (_, image: string, opacity: string) => `${image.replace(RELIEF_HREF, () => dataUrl(crop!.png(Number(opacity))))}`,
  );
  const svg = cardSvg(lineByLine(map), text, measures);
  const font = { fontFiles: files, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' };
  // Keyed by everything that draws the card: the SVG, the fonts and resvg's version.
  const key = createHash('sha256').update(RESVG_VERSION).update(JSON.stringify(font)).update(svg).digest('hex').slice(0, 32);
  const cached = cacheDir && join(cacheDir, `${key}.png`);
  if (cached && existsSync(cached)) return new Uint8Array(readFileSync(cached));
  const png = new Uint8Array((await renderAsync(svg, { font })).asPng());
  if (cached) {
    mkdirSync(cacheDir, { recursive: true });
    writeWhole(cached, png);
  }
  return png;
}

/** Every share file of the site, and the story page's tags. English, left to right. */
export async function renderShare(input: ShareInput): Promise<ShareFiles> {
  const { story, site } = input;
  const { meta } = story;
  const credit = [meta.byline, meta.credits].filter(Boolean).join(' · ');
  const files = new Map<string, Uint8Array | string>();
  // A card's address carries a digest of its bytes: previews cached by a network refresh when the card changes.
  const addressOf = (path: string, bytes: Uint8Array) => {
    const v = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
    return `${site ?? ''}${path}?v=${v}`;
  };
  const relief = input.relief && decodeShade(input.relief, RELIEF_BOUNDS);
  const card = (view: View, words: Pick<CardText, 'kicker' | 'headline' | 'summary'>) =>
    renderCard(
      story,
      input.data,
      relief,
      view,
      { dir: 'ltr', lang: 'en', ...words, key: cardKey(story, input.data, view), credit },
      input.cacheDir,
    );

  const [storyCard, ...stepCards] = await Promise.all([
    card(story.explore, { kicker: '', headline: meta.title, summary: firstSentence(meta.dek) }),
    ...story.steps.map((step, i) => card(story.views[i]!, { kicker: meta.title, headline: step.date.label, summary: step.share })),
  ]);
  files.set(cardPath(), storyCard!);
  story.steps.forEach((step, i) => {
    const png = stepCards[i]!;
    files.set(cardPath(step.id), png);
    const preview: Preview = {
      title: `${step.date.label}: ${meta.title}`,
      description: step.share,
      url: site ? `${site}s/${step.id}/` : './',
      image: { url: site ? addressOf(cardPath(step.id), png) : addressOf('card.png', png), alt: `Map, ${step.date.label}. ${step.alt}` },
    };
    files.set(
      stepPagePath(step.id),
      stepPage({
        ...preview,
        lang: 'en',
        dir: 'ltr',
        story: `${site ?? '../../'}#${step.id}`,
        link: `Open the story at this step: ${step.date.label}`,
      }),
    );
  });
  const head = previewTags({
    title: meta.title,
    description: meta.dek,
    url: site ?? './',
    image: { url: addressOf(cardPath(), storyCard!), alt: `Map, ${story.explore.date.label}: ${meta.title}` },
  });
  return { files, head: site ? `${head}\n    <link rel="canonical" href="${site}" />` : head };
}
