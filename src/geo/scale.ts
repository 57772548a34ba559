// A map's scale in round numbers: how many metres a CSS pixel covers at the camera's centre, and
// the round length (1, 2 or 5 × 10ⁿ) a scale bar of about 80 px shows. Web Mercator at maplibre's
// 512-px tiles, as projection.ts draws it.

/** The equator's length in metres (WGS 84), which Web Mercator spreads over 512 · 2^zoom px. */
const EQUATOR_M = 40075016.686;

/** Metres per CSS pixel at `lat` (degrees) and engine zoom `zoom` (the script's zoom plus the screen's offset). */
export const metresPerPixel = (lat: number, zoom: number): number => (EQUATOR_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);

export interface ScaleBar {
  /** the bar's length in CSS px */
  px: number;
  /** the length it stands for, in metres (the page words it in its language: components/ScaleBar.svelte) */
  metres: number;
}

/** The round length whose bar comes closest to `ideal` px (60–100 px at the default), at `lat` and engine zoom `zoom`. */
export function scaleBar(lat: number, zoom: number, ideal = 80): ScaleBar {
  const mpp = metresPerPixel(lat, zoom);
  const power = 10 ** Math.floor(Math.log10(ideal * mpp));
  const metres = [1, 2, 5, 10]
    .map((k) => k * power)
    .reduce((best, m) => (Math.abs(Math.log(m / mpp / ideal)) < Math.abs(Math.log(best / mpp / ideal)) ? m : best));
  return { px: metres / mpp, metres };
}
