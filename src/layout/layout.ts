// The page's layout in numbers, for code: where the cards sit over the map, where a step starts,
// and how a camera written for the reference phone frames other screens. One source for the
// scroller, the map, the script's checks and the tests; CSS holds the same breakpoint (1024px).
import { mercator, projector, type CameraLike, type Padding } from '../geo/projection.ts';
import type { Position } from '../geo/rings.ts';

/** Desktop layout from this width up: cards in a column beside the map. */
export const DESKTOP_MIN_WIDTH = 1024;

/** Width of the desktop card column, map padding included. */
export const CARD_COLUMN = 440;

/**
 * The map's keys (date stamp and legend, in CSS px): on a phone a band along the top of the map,
 * on a desktop a column down its right side. Components/Legend.svelte and DateStamp.svelte are
 * sized to stay inside them; the camera frames each step in the map they leave free.
 */
export const KEY_BAND = { phone: 108, desktop: 272 } as const;

/** Where a phone reader reads a card: its top at this share of the viewport's height. */
export const READING_POSITION = 0.45;

export const isDesktop = (width: number): boolean => width >= DESKTOP_MIN_WIDTH;

/**
 * The reading line: a step becomes active when its top crosses this share of the viewport's
 * height. On a phone it sits low, so the previous card has cleared the map.
 */
export const READING_LINE = { phone: 0.7, desktop: 0.5 } as const;

export const readingLine = (width: number): number => (isDesktop(width) ? READING_LINE.desktop : READING_LINE.phone);

/**
 * Space the cards and the map's keys take over the map. On desktop the card column sits on the
 * left and the keys on the right; on a phone the keys run along the top and the card being read
 * rests in the lower part of the screen, its top at READING_POSITION.
 */
export function cardPadding(width: number, height: number, cardColumn = CARD_COLUMN): Padding {
  if (isDesktop(width)) return { top: 40, right: KEY_BAND.desktop, bottom: 40, left: cardColumn };
  return { top: KEY_BAND.phone, right: 16, bottom: Math.round(height * (1 - READING_POSITION)), left: 16 };
}

/** The viewport the script's zooms are written for: a phone held upright. */
export const REFERENCE_VIEWPORT = { width: 390, height: 844 } as const;

const freeArea = (width: number, height: number) => {
  const p = cardPadding(width, height);
  return { width: Math.max(1, width - p.left - p.right), height: Math.max(1, height - p.top - p.bottom) };
};

/**
 * Zoom to add on this viewport so a step frames the same area as on the reference phone: the
 * free map (cards' and keys' padding taken off) shows at least all the reference phone's does,
 * so a desktop's larger free map zooms in and a small phone zooms out.
 */
export function zoomOffset(width: number, height: number): number {
  if (width <= 0 || height <= 0) return 0;
  const here = freeArea(width, height);
  return freeAreaZoomOffset(here.width, here.height);
}

/** The same for a free map of `width` × `height` laid out otherwise (a share card's). */
export function freeAreaZoomOffset(width: number, height: number): number {
  const ref = freeArea(REFERENCE_VIEWPORT.width, REFERENCE_VIEWPORT.height);
  return Math.log2(Math.min(width / ref.width, height / ref.height));
}

/**
 * The map's frame on a screen of this size: the cards' padding and the zoom offset. `mirrored`:
 * a right-to-left page, whose card column is on the right and the keys on the left.
 */
export const screenFrame = (width: number, height: number, mirrored = false) => {
  const padding = cardPadding(width, height);
  return {
    width,
    height,
    padding: mirrored ? { ...padding, left: padding.right, right: padding.left } : padding,
    zoomOffset: zoomOffset(width, height),
  };
};

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

/** The map a reader sees around the cards and keys on a screen of `viewport`: a box in CSS px. */
export function freeBox(viewport: { width: number; height: number } = REFERENCE_VIEWPORT) {
  const p = cardPadding(viewport.width, viewport.height);
  return { left: p.left, top: p.top, right: viewport.width - p.right, bottom: viewport.height - p.bottom };
}

/**
 * A camera that shows every point in the free map of `viewport`, `margin`
 * px inside its edges: the given camera when it already does; else the closer of zooming out
 * around its centre and re-centring on the points, keeping the centre when that costs at most
 * a fifth of a zoom level. Zoom in the script's terms.
 */
export function fitCamera(
  camera: CameraLike,
  points: readonly (readonly [number, number])[],
  margin: number,
  viewport: { width: number; height: number } = REFERENCE_VIEWPORT,
): CameraLike {
  const box = freeBox(viewport);
  const inside = (c: CameraLike) =>
    points.every((p) => {
      const at = screenPoint(c, p, viewport);
      return (
        at !== null &&
        at[0] >= box.left + margin &&
        at[0] <= box.right - margin &&
        at[1] >= box.top + margin &&
        at[1] <= box.bottom - margin
      );
    });
  if (!points.length || inside(camera)) return camera;
  const m = points.map((p) => mercator(p));
  const xs = m.map((p) => p[0]!);
  const ys = m.map((p) => p[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const room = { width: Math.max(1, box.right - box.left - 2 * margin), height: Math.max(1, box.bottom - box.top - 2 * margin) };
  const scale = Math.min(room.width / Math.max(x1 - x0, 1e-9), room.height / Math.max(y1 - y0, 1e-9));
  const fits = Math.floor((Math.log2(scale / 512) - zoomOffset(viewport.width, viewport.height)) * 10) / 10;
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const recentred: CameraLike = {
    center: [
      Math.round((cx * 360 - 180) * 1000) / 1000,
      Math.round(((Math.atan(Math.sinh(Math.PI * (1 - 2 * cy))) * 180) / Math.PI) * 1000) / 1000,
    ],
    zoom: Math.min(camera.zoom, fits),
    pitch: camera.pitch,
    bearing: camera.bearing,
  };
  for (let z = Math.round(recentred.zoom * 10); z >= Math.round((recentred.zoom - 0.2) * 10); z--) {
    const zoomedOut = { ...camera, zoom: z / 10 };
    if (inside(zoomedOut)) return zoomedOut;
  }
  // The box was fitted flat: a tilted or turned camera keeps its angles only if they still show it all.
  return inside(recentred) ? recentred : { ...recentred, pitch: 0, bearing: 0 };
}
