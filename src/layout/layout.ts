// The page's layout in numbers, for code: where the cards sit over the map, where a step starts,
// and how a camera written for the reference phone frames other screens. One source for the
// scroller, the map, the script's checks and the tests; CSS holds the same breakpoint (1024px).
import { projector, type CameraLike, type Padding } from '../geo/projection.ts';
import type { Position } from '../geo/rings.ts';

/** Desktop layout from this width up: cards in a column beside the map. */
export const DESKTOP_MIN_WIDTH = 1024;

/** Width of the desktop card column, map padding included. */
export const CARD_COLUMN = 440;

export const isDesktop = (width: number): boolean => width >= DESKTOP_MIN_WIDTH;

/**
 * The reading line: a step becomes active when its top crosses this share of the viewport's
 * height. On a phone it sits low, so the previous card has cleared the map.
 */
export const READING_LINE = { phone: 0.7, desktop: 0.5 } as const;

export const readingLine = (width: number): number => (isDesktop(width) ? READING_LINE.desktop : READING_LINE.phone);

/**
 * Space the caption cards take over the map. On desktop the card column sits on the left;
 * on a phone the active card rests in the lower part of the screen.
 */
export function cardPadding(width: number, height: number, cardColumn = CARD_COLUMN): Padding {
  if (isDesktop(width)) return { top: 40, right: 40, bottom: 40, left: cardColumn };
  return { top: Math.round(height * 0.06), right: 16, bottom: Math.round(height * 0.42), left: 16 };
}

/** The viewport the script's zooms are written for: a phone held upright. */
export const REFERENCE_VIEWPORT = { width: 390, height: 844 } as const;

const freeArea = (width: number, height: number) => {
  const p = cardPadding(width, height);
  return { width: Math.max(1, width - p.left - p.right), height: Math.max(1, height - p.top - p.bottom) };
};

/**
 * The height of the reference phone's map a desktop must show. A place a card rings may lie
 * anywhere above that card as the step becomes active (down to the reading line), below the
 * padded box as well; a desktop, with nothing under its map, centres the box, so it shows as far
 * from the centre both ways.
 */
const REFERENCE_READING_HEIGHT = (() => {
  const { width, height } = REFERENCE_VIEWPORT;
  const p = cardPadding(width, height);
  const centre = (p.top + height - p.bottom) / 2;
  return 2 * Math.max(centre - p.top, height * READING_LINE.phone - centre);
})();

/**
 * Zoom to add on this viewport so a step frames the same area as on the reference phone:
 * a desktop's larger free map zooms in (as far as keeps in view all the phone shows above its
 * card), a small phone zooms out.
 */
export function zoomOffset(width: number, height: number): number {
  if (width <= 0 || height <= 0) return 0;
  const ref = freeArea(REFERENCE_VIEWPORT.width, REFERENCE_VIEWPORT.height);
  const here = freeArea(width, height);
  const refHeight = isDesktop(width) ? REFERENCE_READING_HEIGHT : ref.height;
  return Math.log2(Math.min(here.width / ref.width, here.height / refHeight));
}

/** The map's frame on a screen of this size: the cards' padding and the zoom offset. */
export const screenFrame = (width: number, height: number) => ({
  width,
  height,
  padding: cardPadding(width, height),
  zoomOffset: zoomOffset(width, height),
});

/**
 * Where [lon, lat] is drawn with `camera` on a screen of `viewport`, in CSS px from its
 * top-left, the way the engine frames a step (perspective for pitch); null beyond the horizon.
 * For checking scripts without a browser.
 */
export function screenPoint(
  camera: CameraLike,
  lngLat: readonly [number, number],
  viewport: { width: number; height: number } = REFERENCE_VIEWPORT,
): Position | null {
  return projector(camera, screenFrame(viewport.width, viewport.height), true)(lngLat);
}
