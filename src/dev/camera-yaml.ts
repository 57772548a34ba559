// The camera as an editor pastes it into a step: one line of YAML, rounded as scripts write it.
import { roundCamera } from '../geo/camera.ts';
import type { Camera } from '../story/schema.ts';

export function cameraYaml(camera: Camera): string {
  const { center, zoom, pitch, bearing } = roundCamera(camera);
  // -0 reads as a typo
  const n = (x: number) => String(x === 0 ? 0 : x);
  return `camera: { center: [${n(center[0])}, ${n(center[1])}], zoom: ${n(zoom)}, pitch: ${n(pitch)}, bearing: ${n(bearing)} }`;
}
