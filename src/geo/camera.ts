// Cameras as values: rounded as editors write them, compared within rounding.
import type { CameraLike } from './projection.ts';

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A camera rounded as editors write it (5 decimals for lon/lat, 2 for the rest). */
export function roundCamera(c: CameraLike): { center: [number, number]; zoom: number; pitch: number; bearing: number } {
  return {
    center: [round(c.center[0], 5), round(c.center[1], 5)],
    zoom: round(c.zoom, 2),
    pitch: round(c.pitch, 2),
    bearing: round(c.bearing, 2),
  };
}

/** True when two cameras show the same view within rounding. */
export function sameCamera(a: CameraLike, b: CameraLike, tolerance = { degrees: 1e-4, zoom: 0.01, angle: 0.1 }): boolean {
  const bearing = Math.abs(((((a.bearing - b.bearing) % 360) + 540) % 360) - 180);
  return (
    Math.abs(a.center[0] - b.center[0]) <= tolerance.degrees &&
    Math.abs(a.center[1] - b.center[1]) <= tolerance.degrees &&
    Math.abs(a.zoom - b.zoom) <= tolerance.zoom &&
    Math.abs(a.pitch - b.pitch) <= tolerance.angle &&
    bearing <= tolerance.angle
  );
}
