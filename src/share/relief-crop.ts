// The part of the shaded relief a card shows. resvg rasterises an SVG image whole, however much
// of it lies outside the picture: at the story's closest zooms the region's shade is blown up to
// tens of thousands of pixels, which cost most of a card's time. A card gets just its window.
import { PNG } from 'pngjs';
import { mercator, projector, type CameraLike, type Frame } from '../geo/projection.ts';

type Bounds = readonly [number, number, number, number];

export interface Shade {
  width: number;
  height: number;
  rgba: Uint8Array;
  /** [west, south, east, north] of the Web Mercator image */
  bounds: Bounds;
}

export const decodeShade = (png: Uint8Array, bounds: Bounds): Shade => {
  const image = PNG.sync.read(Buffer.from(png));
  return { width: image.width, height: image.height, rgba: new Uint8Array(image.data), bounds };
};

const latitudeOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

export interface Crop {
  bounds: Bounds;
  /** the window as a PNG, its alpha scaled by `opacity` */
  png(opacity: number): Uint8Array;
}

/**
 * The pixels of `shade` that `camera` shows in `frame` (a pixel more each side) and their bounds;
 * null when none show. A turned map (bearing) gets the whole image.
 */
export function cropShade(shade: Shade, camera: CameraLike, frame: Frame): Crop | null {
  const [west, south, east, north] = shade.bounds;
  if (camera.bearing !== 0) return { bounds: shade.bounds, png: (o) => encode(shade, 0, 0, shade.width, shade.height, o) };
  const project = projector(camera, frame);
  const [x0, y0] = project([west, north]);
  const [x1, y1] = project([east, south]);
  const col = (x: number) => ((x - x0) / (x1 - x0)) * shade.width;
  const row = (y: number) => ((y - y0) / (y1 - y0)) * shade.height;
  const left = Math.max(0, Math.floor(col(0)) - 1);
  const right = Math.min(shade.width, Math.ceil(col(frame.width)) + 1);
  const top = Math.max(0, Math.floor(row(0)) - 1);
  const bottom = Math.min(shade.height, Math.ceil(row(frame.height)) + 1);
  if (right <= left || bottom <= top) return null;
  const my0 = mercator([west, north])[1]!;
  const my1 = mercator([east, south])[1]!;
  const lon = (c: number) => west + ((east - west) * c) / shade.width;
  const lat = (r: number) => latitudeOf(my0 + ((my1 - my0) * r) / shade.height);
  return { bounds: [lon(left), lat(bottom), lon(right), lat(top)], png: (o) => encode(shade, left, top, right, bottom, o) };
}

function encode(shade: Shade, left: number, top: number, right: number, bottom: number, opacity: number): Uint8Array {
  const image = new PNG({ width: right - left, height: bottom - top });
  for (let r = top; r < bottom; r++) {
    const from = (r * shade.width + left) * 4;
    image.data.set(shade.rgba.subarray(from, from + (right - left) * 4), (r - top) * (right - left) * 4);
  }
  if (opacity < 1) for (let i = 3; i < image.data.length; i += 4) image.data[i] = Math.round(image.data[i]! * opacity);
  return new Uint8Array(PNG.sync.write(image, { deflateLevel: 1 }));
}
