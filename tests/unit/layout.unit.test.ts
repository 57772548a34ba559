import { describe, expect, it } from 'vitest';
import type { CameraLike } from '../../src/geo/projection.ts';
import { cardPadding, fitCamera, freeBox, KEY_BAND, READING_POSITION, screenPoint, zoomOffset } from '../../src/layout/layout.ts';
import { lint } from '../../src/story/warnings.ts';
import { viewAt } from '../../src/story/resolve.ts';
import type { Step } from '../../src/story/schema.ts';

describe('the map a reader sees around the cards and keys', () => {
  it('leaves the keys a band at the top of a phone and the card the screen below its reading position', () => {
    expect(cardPadding(390, 844)).toEqual({ top: KEY_BAND.phone, right: 16, bottom: Math.round(844 * (1 - READING_POSITION)), left: 16 });
    expect(freeBox({ width: 390, height: 844 })).toEqual({ left: 16, top: KEY_BAND.phone, right: 374, bottom: 380 });
  });
  it('leaves the card column on the left of a desktop and the keys a column on the right', () => {
    expect(cardPadding(1280, 800)).toEqual({ top: 40, right: KEY_BAND.desktop, bottom: 40, left: 440 });
  });
  it('keeps the script zoom on the reference phone, zooms in on desktop and out on a small phone', () => {
    expect(zoomOffset(390, 844)).toBe(0);
    // the desktop's free map is 568 px wide against the phone's 358: width decides
    expect(zoomOffset(1280, 800)).toBeCloseTo(Math.log2((1280 - 440 - KEY_BAND.desktop) / 358), 5);
    expect(zoomOffset(320, 568)).toBeLessThan(0);
  });
});

describe('fitting a camera to what a step is about', () => {
  const camera = { center: [36.4, 34.2] as [number, number], zoom: 10, pitch: 0, bearing: 0 };
  const inside = (c: CameraLike, p: readonly [number, number], viewport = { width: 390, height: 844 }) => {
    const box = freeBox(viewport);
    const [x, y] = screenPoint(c, p, viewport)!;
    return x >= box.left + 13 && x <= box.right - 13 && y >= box.top + 13 && y <= box.bottom - 13;
  };

  it('keeps a camera that already shows every point', () => {
    expect(fitCamera(camera, [[36.4, 34.2]], 13)).toBe(camera);
  });
  it('frames points the card would cover, on a phone and on a desktop', () => {
    const points = [
      [36.3, 34.0],
      [36.6, 34.25],
    ] as const;
    expect(points.every((p) => inside(camera, p))).toBe(false);
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      const fit = fitCamera(camera, points, 13, viewport);
      expect(fit.zoom).toBeLessThan(camera.zoom);
      for (const p of points) expect(inside(fit, p, viewport)).toBe(true);
    }
  });
});

describe('npm run check on framing', () => {
  const step = (extra: Partial<Step>): Step => ({
    id: 's',
    chapter: 'c',
    caption: 'x',
    alt: 'A map.',
    sources: ['x'],
    highlight: [],
    ...extra,
  });
  const places = [
    { id: 'north', layer: 'towns', lngLat: [36.4, 34.3] as [number, number], feature: 0 },
    { id: 'south', layer: 'towns', lngLat: [36.4, 34.12] as [number, number], feature: 1 },
  ];
  const run = (highlight: string[]) => {
    const steps = [step({ camera: { center: [36.4, 34.2], zoom: 10, pitch: 0, bearing: 0 }, date: '2015-05-01', highlight })];
    return lint({ steps, views: [viewAt(steps, 0)], captionWords: [10], sources: ['x'], layers: [], places }).map((f) => f.message);
  };

  it('says which screen hides a ringed place, and under what, with a camera that shows it', () => {
    const [message] = run(['south']);
    expect(message).toMatch(/^place "south" is under the card being read at this step's camera \(zoom 10\) on a phone \(390×844\)/);
    expect(message).toMatch(/try camera: \{ center: \[[\d.]+, [\d.]+\], zoom: [\d.]+ \}$/);
    expect(run(['north'])[0]).toMatch(/^place "north" is under the date stamp and legend .* on a phone/);
  });
});
