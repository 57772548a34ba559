// Web Mercator as maplibre draws it (512-px tiles), centred in the part of the screen the cards
// leave free: where a [lon, lat] lands on screen for a camera. Used by the static maps, the
// script's checks and the tests; imports nothing of the project.
import type { Position } from './rings.ts';

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface CameraLike {
  center: readonly [number, number];
  zoom: number;
  pitch: number;
  bearing: number;
}

/** A screen and how the page uses it. */
export interface Frame {
  width: number;
  height: number;
  /** area the cards cover */
  padding: Padding;
  /** zoom added on this screen so a step frames the same area as on the reference phone */
  zoomOffset: number;
}

/** pixels across the world at zoom 0 (512-px tiles) */
const WORLD_SIZE = 512;
const MAX_LAT = 85.051129;
/** maplibre's default vertical field of view, in radians (36.87°). */
const FIELD_OF_VIEW = 0.6435011087932844;

/** [lon, lat] as a share of the world's width and height from its top-left (latitude clamped as the engine does). */
export function mercator([lon, lat]: readonly number[]): Position {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat!)) * Math.PI) / 180;
  return [(lon! + 180) / 360, 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)];
}

/**
 * Screen position (CSS px from the map's top-left) of [lon, lat] under `camera`: the bearing turns
 * the map so it points up; with `perspective`, pitch tilts the ground plane as the engine's camera
 * sees it (null beyond the horizon), else the map is drawn flat.
 */
export function projector(camera: CameraLike, frame: Frame, perspective: true): (p: readonly number[]) => Position | null;
export function projector(camera: CameraLike, frame: Frame, perspective?: false): (p: readonly number[]) => Position;
export function projector(camera: CameraLike, frame: Frame, perspective = false) {
  const { width, height, padding: p } = frame;
  const scale = WORLD_SIZE * 2 ** (camera.zoom + frame.zoomOffset);
  const [x0, y0] = mercator(camera.center);
  const cx = p.left + (width - p.left - p.right) / 2;
  const cy = p.top + (height - p.top - p.bottom) / 2;
  const b = (camera.bearing * Math.PI) / 180;
  const cos = Math.cos(b);
  const sin = Math.sin(b);
  const pitch = perspective ? (camera.pitch * Math.PI) / 180 : 0;
  const distance = height / 2 / Math.tan(FIELD_OF_VIEW / 2);
  return (lngLat: readonly number[]): Position | null => {
    const [px, py] = mercator(lngLat);
    const dx = (px - x0) * scale;
    const dy = (py - y0) * scale;
    const x = dx * cos + dy * sin;
    const down = -dx * sin + dy * cos;
    if (pitch === 0) return [cx + x, cy + down];
    // Tilted ground plane seen by a camera at the engine's distance from the centre.
    const depth = distance - down * Math.sin(pitch);
    if (depth <= 1) return null;
    return [cx + (x * distance) / depth, cy + (down * Math.cos(pitch) * distance) / depth];
  };
}
