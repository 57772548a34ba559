// A place's marker and name, one hierarchy for both maps: the capital over towns over villages
// over hills, in size, weight and collision priority. The marker is drawn as the icon of the
// name's own symbol, so a dot and its name show or hide together. Pure: tested without a map,
// and static/static-svg.ts draws the same shapes.
import type { StyleToken } from '../../story/schema.ts';
import { BASEMAP, HIGHLIGHT, tokenColor } from '../../palette/palette.ts';

/** capital, town, village, hill: a place's level in the hierarchy, also its collision priority (lower wins). */
export type Level = 0 | 1 | 2 | 3;
const LEVELS: readonly Level[] = [0, 1, 2, 3];

/** A place's level from its properties: hills by kind, the rest by rank (a place without one is a village). */
export function levelOf(props: Record<string, unknown> | null | undefined): Level {
  if (props?.kind === 'hill') return 3;
  const rank = Number(props?.rank ?? 2);
  return Number.isFinite(rank) ? (Math.min(2, Math.max(0, Math.round(rank))) as Level) : 2;
}

/** Per level: marker radius and label size (px), bold or not. */
const PLACE_RADIUS = [5, 4, 3.5, 3.5] as const;
export const PLACE_TEXT_SIZE = [15, 14, 12.5, 11.5] as const;
export const PLACE_BOLD = [true, true, false, false] as const;

/** The stroke around a dot (white) and an approximate place's open ring (the layer's colour). */
const DOT_STROKE = 1.2;
const RING_STROKE = 1.5;
/** The orange ring of a place the card names: radius and stroke, drawn outside the radius. */
const HIGHLIGHT_RADIUS = 11;
const HIGHLIGHT_STROKE = 3;
/** Size of the names the card mentions. */
export const HIGHLIGHT_TEXT_SIZE = 14;
/** Space between a marker's outer edge and its name. */
const GAP = 2.5;

/** Outer radius of a marker, its stroke included: what names keep clear of. */
export const markerExtent = (level: Level, highlighted: boolean) =>
  highlighted ? HIGHLIGHT_RADIUS + HIGHLIGHT_STROKE : PLACE_RADIUS[level] + RING_STROKE;

/** How far a name sits from its point, in ems of its size, so it clears the marker. */
export const labelOffset = (level: Level, highlighted: boolean) =>
  (markerExtent(level, highlighted) + GAP) / (highlighted ? HIGHLIGHT_TEXT_SIZE : PLACE_TEXT_SIZE[level]);

export interface Marker {
  level: Level;
  approximate: boolean;
  highlighted: boolean;
}

export const markerImageId = (token: StyleToken, { level, approximate, highlighted }: Marker) =>
  `place-${token}-${level}-${approximate ? 'ring' : 'dot'}${highlighted ? '-ringed' : ''}`;

/** Every marker a places layer of this colour may need. */
export const markersOf = (): Marker[] =>
  LEVELS.flatMap((level) =>
    [false, true].flatMap((approximate) => [false, true].map((highlighted) => ({ level, approximate, highlighted }))),
  );

/**
 * The shapes of a marker, bottom to top, as discs from the centre: a dot (filled, white edge)
 * or an open ring (white fill at 0.6, edge in the layer's colour), inside the orange ring when
 * highlighted. Strokes lie outside the radius, as the engine draws circles.
 */
export function markerShapes(token: StyleToken, { level, approximate, highlighted }: Marker) {
  const r = PLACE_RADIUS[level];
  const color = tokenColor(token);
  const shapes: { r0: number; r1: number; color: string; opacity: number }[] = approximate
    ? [
        { r0: 0, r1: r, color: '#ffffff', opacity: 0.6 },
        { r0: r, r1: r + RING_STROKE, color, opacity: 1 },
      ]
    : [
        { r0: 0, r1: r, color, opacity: 1 },
        { r0: r, r1: r + DOT_STROKE, color: BASEMAP.halo, opacity: 1 },
      ];
  if (highlighted) shapes.push({ r0: HIGHLIGHT_RADIUS, r1: HIGHLIGHT_RADIUS + HIGHLIGHT_STROKE, color: HIGHLIGHT.color, opacity: 1 });
  return shapes;
}

/** Device pixels per CSS pixel of marker images: sharp on high-density screens. */
const MARKER_PIXEL_RATIO = 2;

/** A marker as an RGBA image (straight alpha), anti-aliased by 4×4 supersampling. */
export function markerImage(token: StyleToken, marker: Marker): { width: number; height: number; data: Uint8Array } {
  const shapes = markerShapes(token, marker).map((s) => ({
    ...s,
    rgb: [1, 3, 5].map((i) => parseInt(s.color.slice(i, i + 2), 16)) as [number, number, number],
  }));
  const extent = markerExtent(marker.level, marker.highlighted);
  // An even number of device pixels, the centre on a pixel corner, a pixel of margin.
  const size = 2 * Math.ceil((extent + 1) * MARKER_PIXEL_RATIO);
  const data = new Uint8Array(size * size * 4);
  // Plain numbers in the loops: the engine draws these when it takes over, on the reader's first move.
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let sr = 0;
      let sg = 0;
      let sb = 0;
      let sa = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const d = Math.hypot(x + (sx + 0.5) / 4 - size / 2, y + (sy + 0.5) / 4 - size / 2) / MARKER_PIXEL_RATIO;
          // the topmost shape covering the sample, composited over those below it
          let r = 0;
          let g = 0;
          let b = 0;
          let a = 0;
          for (const s of shapes) {
            if (d < s.r0 || d >= s.r1) continue;
            const o = s.opacity;
            r = s.rgb[0] * o + r * (1 - o);
            g = s.rgb[1] * o + g * (1 - o);
            b = s.rgb[2] * o + b * (1 - o);
            a = o + a * (1 - o);
          }
          sr += r;
          sg += g;
          sb += b;
          sa += a;
        }
      }
      const alpha = sa / 16;
      if (alpha > 0) {
        const o = (y * size + x) * 4;
        const c = (v: number) => Math.round(v / 16 / alpha);
        data.set([c(sr), c(sg), c(sb), Math.round(alpha * 255)], o);
      }
    }
  }
  return { width: size, height: size, data };
}
