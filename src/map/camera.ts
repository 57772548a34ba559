// Camera framing helpers shared by engines and tests.
import type { Camera } from '../story/schema.ts';
import type { Padding } from './adapter.ts';

/** Desktop layout from this width up: cards in a column beside the map. */
export const DESKTOP_MIN_WIDTH = 1024;

/**
 * Space the caption cards take over the map. On desktop the card column sits on the left;
 * on a phone the active card rests in the lower part of the screen.
 */
export function cardPadding(width: number, height: number, cardColumn = 440): Padding {
  if (width >= DESKTOP_MIN_WIDTH) return { top: 40, right: 40, bottom: 40, left: cardColumn };
  return { top: Math.round(height * 0.06), right: 16, bottom: Math.round(height * 0.42), left: 16 };
}

/** The viewport the script's zooms are written for: a phone held upright. */
export const REFERENCE_VIEWPORT = { width: 390, height: 844 } as const;

const freeArea = (width: number, height: number) => {
  const p = cardPadding(width, height);
  return { width: Math.max(1, width - p.left - p.right), height: Math.max(1, height - p.top - p.bottom) };
};

/** How far down a phone shows the map above the card of a step that has just become active (the trigger line). */
const PHONE_READING_LINE = 0.7;

/**
 * The height of the reference phone's map a desktop must show. A place a card rings may lie
 * anywhere above that card as the step becomes active, below the padded box as well; a desktop,
 * with nothing under its map, centres the box, so it shows as far from the centre both ways.
 */
const REFERENCE_READING_HEIGHT = (() => {
  const { width, height } = REFERENCE_VIEWPORT;
  const p = cardPadding(width, height);
  const centre = (p.top + height - p.bottom) / 2;
  return 2 * Math.max(centre - p.top, height * PHONE_READING_LINE - centre);
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
  const refHeight = width >= DESKTOP_MIN_WIDTH ? REFERENCE_READING_HEIGHT : ref.height;
  return Math.log2(Math.min(here.width / ref.width, here.height / refHeight));
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A camera rounded as editors write it (5 decimals for lon/lat, 2 for the rest). */
export function roundCamera(c: Camera): Camera {
  return {
    center: [round(c.center[0], 5), round(c.center[1], 5)],
    zoom: round(c.zoom, 2),
    pitch: round(c.pitch, 2),
    bearing: round(c.bearing, 2),
  };
}

/** True when two cameras show the same view within rounding. */
export function sameCamera(a: Camera, b: Camera, tolerance = { degrees: 1e-4, zoom: 0.01, angle: 0.1 }): boolean {
  const bearing = Math.abs((((a.bearing - b.bearing) % 360) + 540) % 360 - 180);
  return (
    Math.abs(a.center[0] - b.center[0]) <= tolerance.degrees &&
    Math.abs(a.center[1] - b.center[1]) <= tolerance.degrees &&
    Math.abs(a.zoom - b.zoom) <= tolerance.zoom &&
    Math.abs(a.pitch - b.pitch) <= tolerance.angle &&
    bearing <= tolerance.angle
  );
}

/** maplibre's default vertical field of view, in radians (36.87°). */
const FIELD_OF_VIEW = 0.6435011087932844;
/** pixels across the world at zoom 0 (512-px tiles) */
const WORLD_SIZE = 512;

const mercator = ([lon, lat]: readonly [number, number]): [number, number] => {
  const phi = (lat * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
};

/**
 * Where [lon, lat] is drawn with `camera` on a screen of `viewport`, in CSS px from its
 * top-left, the way the engine frames a step (centre in the part the cards leave free,
 * perspective for pitch); null when it lies beyond the horizon. For checking scripts
 * without a browser.
 */
export function screenPoint(camera: Camera, lngLat: readonly [number, number], viewport: { width: number; height: number } = REFERENCE_VIEWPORT): [number, number] | null {
  const { width, height } = viewport;
  const scale = WORLD_SIZE * 2 ** (camera.zoom + zoomOffset(width, height));
  const [cx, cy] = mercator(camera.center);
  const [px, py] = mercator(lngLat);
  const dx = (px - cx) * scale;
  const dy = (py - cy) * scale;
  // The map turns so the bearing points up.
  const b = (camera.bearing * Math.PI) / 180;
  const x = dx * Math.cos(b) + dy * Math.sin(b);
  const ahead = -(-dx * Math.sin(b) + dy * Math.cos(b));
  // Tilted ground plane seen by a camera at the engine's distance from the centre.
  const pitch = (camera.pitch * Math.PI) / 180;
  const distance = height / 2 / Math.tan(FIELD_OF_VIEW / 2);
  const depth = distance + ahead * Math.sin(pitch);
  if (depth <= 1) return null;
  const p = cardPadding(width, height);
  const centre = [p.left + (width - p.left - p.right) / 2, p.top + (height - p.top - p.bottom) / 2] as const;
  return [centre[0] + (x * distance) / depth, centre[1] - (ahead * Math.cos(pitch) * distance) / depth];
}
