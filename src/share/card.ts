// A share card: 1200 × 630 (the Open Graph and large-summary size), the step's static map with a
// panel of text on the side a reader starts from: the story's title, the date, one line of
// summary, the map's colours named, and a credit band. Pure: SVG out; the direction and every
// string come in, so an edition in another language or script reuses it.
import { esc } from '../map/static/static-svg.ts';
import type { Story, StoryData, View } from '../story/model.ts';
import { snapshot } from '../geo/morph-plan.ts';
import { projector } from '../geo/projection.ts';
import { linesOf } from '../geo/rings.ts';
import type { Frame } from '../geo/projection.ts';
import { heldRows, shownStatuses } from '../palette/legend.ts';
import { BASEMAP, HIGHLIGHT, SIDES, STATUSES, tokenColor } from '../palette/palette.ts';
import { freeAreaZoomOffset } from '../layout/layout.ts';
import type { Measure } from './metrics.ts';
import { fitLines, sizeToFit, wrap } from './text.ts';

export const CARD = { width: 1200, height: 630 } as const;
/**
 * The map is drawn at half size and scaled up: its names and lines then stay readable where a
 * feed shows the card at a phone's width (a third of its size).
 */
const MAP_SCALE = 2;
const PANEL = 470;
const BAND = 40;
const MARGIN = 40;
const INK = '#1A1A1A';
const MUTED = '#4A4A4A';
const ACCENT = '#8A4B00';

export interface KeyRow {
  color: string;
  label: string;
  /** how the swatch is drawn: held ground, claimed ground (light, dashed), an arrow, the ring */
  kind: 'area' | 'claimed' | 'line' | 'ring';
}

export interface CardText {
  dir: 'ltr' | 'rtl';
  lang: string;
  /** a small line above the headline (a step's card: the story's title); empty for none */
  kicker: string;
  /** the card's largest words (a step's card: its date) */
  headline: string;
  summary: string;
  key: KeyRow[];
  /** byline and credits, one line along the foot */
  credit: string;
}

/** The fonts' widths, regular and bold (metrics.ts). */
export interface CardFonts {
  regular: Measure;
  bold: Measure;
}

const MAX_KEY_ROWS = 7;

/**
 * The map's colours at `view`, as the page's legend names them on a phone (sides held, claims,
 * arrows, the ring), less what lies outside the card's map: a card names only the colours it shows.
 */
export function cardKey(story: Pick<Story, 'areas' | 'statuses' | 'layers'>, data: StoryData, view: View): KeyRow[] {
  const frame = cardFrame();
  const project = projector(view.camera, frame);
  const shows = (f: GeoJSON.Feature) =>
    linesOf(f.geometry).some((line) => {
      const xy = line.map((p) => project(p));
      const [xs, ys] = [xy.map((p) => p[0]), xy.map((p) => p[1])];
      return Math.max(...xs) > 0 && Math.min(...xs) < frame.width && Math.max(...ys) > 0 && Math.min(...ys) < frame.height;
    });
  const shown = story.layers.filter((l) => view.layers.includes(l.id) && data[l.id]);
  const fronts = shown
    .filter((l) => l.kind === 'front')
    .flatMap((l) => snapshot(data[l.id]!, view.front).features.filter(shows))
    .map((f) => ({ side: String(f.properties?.side), status: String(f.properties?.status) }));
  const visible = (side: string, status?: string) => fronts.some((f) => f.side === side && (!status || f.status === status));
  const held = (heldRows(story.areas, view.layers, view.front) ?? []).filter((r) => r.km2 > 0 && visible(r.side));
  const claimed = (shownStatuses(story.statuses, view.layers, view.front).claimed ?? []).filter((side) => visible(side, 'claimed'));
  const lines = shown.filter((l) => l.kind === 'line' && data[l.id]!.features.some(shows));
  return [
    ...held.map((r): KeyRow => ({ color: SIDES[r.side].color, label: SIDES[r.side].short, kind: 'area' })),
    ...(claimed.length ? [{ color: SIDES[claimed[0]!].color, label: STATUSES.claimed.label, kind: 'claimed' } as const] : []),
    ...lines.map((l): KeyRow => ({ color: tokenColor(l.style.color), label: l.title, kind: 'line' })),
    ...(view.highlight.length ? [{ color: HIGHLIGHT.color, label: 'Place in the text', kind: 'ring' } as const] : []),
  ].slice(0, MAX_KEY_ROWS);
}

/** The card's map, in its own (unscaled) pixels: beside the panel, above the credit band. */
export function cardFrame(): Frame {
  const [width, height] = [(CARD.width - PANEL) / MAP_SCALE, (CARD.height - BAND) / MAP_SCALE];
  const padding = { top: 8, bottom: 8, left: 8, right: 8 };
  return { width, height, padding, zoomOffset: freeAreaZoomOffset(width - 16, height - 16) };
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** The card as an SVG document: `map` is the step's static map drawn in cardFrame(). */
export function cardSvg(map: string, text: CardText, fonts: CardFonts): string {
  const rtl = text.dir === 'rtl';
  // Text runs from the panel's outer edge: mirrored for right-to-left.
  const x = (fromEdge: number) => n(rtl ? CARD.width - fromEdge : fromEdge);
  const anchor = `text-anchor="${rtl ? 'end' : 'start'}" direction="${text.dir}"`;
  const width = PANEL - 2 * MARGIN;
  const lines = (ls: string[], at: number, size: number, lead: number, attrs: string) =>
    ls.map((l, i) => `<text x="${x(MARGIN)}" y="${n(at + i * lead)}" font-size="${n(size)}" ${anchor} ${attrs}>${esc(l)}</text>`).join('');
  const out: string[] = [];
  let y = MARGIN;

  const kicker = text.kicker ? fitLines(text.kicker, width, 26, 2, fonts.bold) : [];
  out.push(lines(kicker, y + 24, 26, 32, `font-weight="700" fill="${ACCENT}"`));
  y += kicker.length ? kicker.length * 32 + 22 : 0;

  // The headline: the largest size that fits in three lines.
  const size = [52, 46, 40].find((s) => wrap(text.headline, width, s, fonts.bold).length <= 3) ?? 40;
  const headline = fitLines(text.headline, width, size, 3, fonts.bold);
  out.push(lines(headline, y + size * 0.9, size, size * 1.1, `font-weight="700" fill="${INK}"`));
  y += headline.length * size * 1.1 + 18;

  // The key from the foot of the panel up, each name in up to two lines (a layer's title says
  // "schematic" at its end: never shrunk or cut), rows in order while they fit; the summary takes
  // what room is left between.
  const SUMMARY = 31;
  const LEAD = 40;
  // The summary keeps up to four lines; the key has the rest.
  const keyRoom = CARD.height - BAND - 20 - (y + Math.min(4, wrap(text.summary, width, SUMMARY, fonts.regular).length) * LEAD + 16);
  const KEY_SIZE = 24;
  const KEY_LINE = 28;
  const KEY_GAP = 9;
  const SWATCH = 34;
  const labelWidth = width - SWATCH - 12;
  const rows: { row: KeyRow; lines: string[] }[] = [];
  let keyHeight = 0;
  for (const row of text.key) {
    const label = wrap(row.label, labelWidth, KEY_SIZE, fonts.regular).slice(0, 2);
    const height = label.length * KEY_LINE + KEY_GAP;
    if (keyHeight + height > keyRoom) break;
    rows.push({ row, lines: label });
    keyHeight += height;
  }
  const keyTop = CARD.height - BAND - 20 - keyHeight;
  let top = keyTop;
  for (const { row, lines: label } of rows) {
    out.push(swatch(row, rtl ? CARD.width - MARGIN - SWATCH : MARGIN, top + 6, SWATCH, 20));
    label.forEach((l, i) =>
      out.push(
        `<text x="${x(MARGIN + SWATCH + 12)}" y="${n(top + 23 + i * KEY_LINE)}" font-size="${KEY_SIZE}" ${anchor} fill="${INK}">${esc(l)}</text>`,
      ),
    );
    top += label.length * KEY_LINE + KEY_GAP;
  }
  const room = Math.max(1, Math.floor((keyTop - 16 - y) / LEAD));
  out.push(lines(fitLines(text.summary, width, SUMMARY, room, fonts.regular), y + SUMMARY * 0.95, SUMMARY, LEAD, `fill="${INK}"`));

  // The credit band along the foot, across the map too.
  const creditSize = sizeToFit(text.credit, CARD.width - 2 * MARGIN, 17, fonts.regular);
  const panelX = rtl ? CARD.width - PANEL : 0;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}" font-family="${rtl ? 'Noto Sans Arabic, Noto Sans' : 'Noto Sans, Noto Sans Arabic'}" lang="${esc(text.lang)}">`,
    `<g transform="translate(${rtl ? 0 : PANEL} 0) scale(${MAP_SCALE})">${map}</g>`,
    `<rect x="${panelX}" y="0" width="${PANEL}" height="${CARD.height - BAND}" fill="#FFFFFF"/>`,
    `<rect x="${rtl ? panelX : PANEL - 1}" y="0" width="1" height="${CARD.height - BAND}" fill="${BASEMAP.borderOther}"/>`,
    ...out,
    `<rect x="0" y="${CARD.height - BAND}" width="${CARD.width}" height="${BAND}" fill="#FFFFFF"/>`,
    `<rect x="0" y="${CARD.height - BAND}" width="${CARD.width}" height="1" fill="${BASEMAP.borderOther}"/>`,
    `<text x="${x(MARGIN)}" y="${n(CARD.height - BAND / 2 + creditSize * 0.35)}" font-size="${n(creditSize)}" ${anchor} fill="${MUTED}">${esc(text.credit)}</text>`,
    '</svg>',
  ].join('');
}

/** A key's swatch, drawn as the map draws that thing. */
function swatch(row: KeyRow, x: number, y: number, w: number, h: number): string {
  const c = row.color;
  switch (row.kind) {
    case 'area':
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${c}" fill-opacity="${STATUSES.assessed.fillOpacity}" stroke="${c}" stroke-width="2"/>`;
    case 'claimed':
      return `<rect x="${x + 1}" y="${y + 1}" width="${w - 2}" height="${h - 2}" fill="${c}" fill-opacity="${STATUSES.claimed.fillOpacity}" stroke="${c}" stroke-width="2" stroke-dasharray="5 4"/>`;
    case 'line':
      return `<path d="M${x},${y + h / 2}H${x + w - 8}" stroke="${c}" stroke-width="5" stroke-linecap="round"/><path d="M${x + w},${y + h / 2}L${x + w - 11},${y + 2}L${x + w - 11},${y + h - 2}Z" fill="${c}"/>`;
    case 'ring':
      return `<circle cx="${x + w / 2}" cy="${y + h / 2}" r="${h / 2 - 1}" fill="none" stroke="${HIGHLIGHT.halo}" stroke-width="6"/><circle cx="${x + w / 2}" cy="${y + h / 2}" r="${h / 2 - 1}" fill="none" stroke="${c}" stroke-width="3"/>`;
  }
}
