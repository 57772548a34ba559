import { describe, expect, it } from 'vitest';
import { motionFor } from '../../src/map/engine/adapter.ts';
import { cardPadding, screenPoint } from '../../src/layout/layout.ts';
import { sameCamera } from '../../src/geo/camera.ts';
import { snapshot } from '../../src/geo/morph-plan.ts';
import {
  arrowHeads,
  arrowImage,
  HIGHLIGHT_LABEL_LAYER,
  highlightFilter,
  highlightFilters,
  segmentBearing,
  storyLayerOf,
  storyLayers,
  storySources,
} from '../../src/map/style/story-layers.ts';
import { findJsonError } from '../../src/story/json-error.ts';
import { didYouMean } from '../../src/story/errors.ts';
import { loadFixture, VALID } from './fixtures.ts';

const { story, data } = loadFixture(VALID);

describe('camera', () => {
  it('compares cameras within rounding, bearings modulo 360', () => {
    const c = { center: [36, 34] as [number, number], zoom: 8, pitch: 0, bearing: 180 };
    expect(sameCamera(c, { ...c, center: [36.00005, 34], bearing: -180 })).toBe(true);
    expect(sameCamera(c, { ...c, zoom: 8.05 })).toBe(false);
    expect(sameCamera(c, { ...c, center: [36.001, 34] })).toBe(false);
  });
  it('turns every move into a cut under reduced motion', () => {
    expect(motionFor({ type: 'fly', duration: 2000 }, true)).toEqual({ type: 'jump', duration: 0 });
    expect(motionFor({ type: 'ease', duration: 0 }, false)).toEqual({ type: 'jump', duration: 0 });
    expect(motionFor({ type: 'ease', duration: 800 }, false)).toEqual({ type: 'ease', duration: 800 });
  });
  it('runs moves faster only when a test page asks (window.__storyMotionScale)', () => {
    try {
      Object.assign(globalThis, { __storyMotionScale: 0.5 });
      expect(motionFor({ type: 'fly', duration: 2000 }, false)).toEqual({ type: 'fly', duration: 1000 });
      Object.assign(globalThis, { __storyMotionScale: 'fast' });
      expect(motionFor({ type: 'fly', duration: 2000 }, false)).toEqual({ type: 'fly', duration: 2000 });
    } finally {
      delete (globalThis as { __storyMotionScale?: unknown }).__storyMotionScale;
    }
  });
});

describe('story layers for the engine', () => {
  const placed = storyLayers(story!.layers);

  it('starts hidden, tagged with the story layer they draw', () => {
    const owned = placed.filter((p) => storyLayerOf(p.spec.id));
    expect(new Set(owned.map((p) => storyLayerOf(p.spec.id)))).toEqual(new Set(['towns', 'arrows', 'fronts']));
    for (const p of owned) expect(p.spec.layout).toMatchObject({ visibility: 'none' });
  });

  it('names the ringed places above every other label, and only once', () => {
    expect(placed.at(-1)!.spec.id).toBe(HIGHLIGHT_LABEL_LAYER);
    expect(Object.fromEntries(highlightFilters(story!.layers, ['arsal']))).toEqual({
      [HIGHLIGHT_LABEL_LAYER]: highlightFilter(['arsal']),
      'story:towns:label': ['!', highlightFilter(['arsal'])],
    });
  });

  it('has a source for every layer a spec names', () => {
    const sources = storySources(story!.layers, data);
    for (const { spec } of placed) if ('source' in spec) expect(sources).toHaveProperty(spec.source as string);
  });

  it('gives a front layer one snapshot at a time, empty before the first', () => {
    expect(snapshot(data.fronts!, '2015-05-12').features.map((f) => f.properties?.status)).toEqual(['claimed']);
    expect(snapshot(data.fronts!, null).features).toEqual([]);
    expect((storySources(story!.layers, data)['story:fronts'] as { data: GeoJSON.FeatureCollection }).data.features).toEqual([]);
  });

  it('puts an arrow head at the end of each line, pointing along its last segment', () => {
    const heads = arrowHeads(data.arrows!);
    expect(heads.features).toHaveLength(1);
    expect(heads.features[0]!.geometry.coordinates).toEqual([36.07, 33.73]);
    expect(segmentBearing([0, 0], [0, 1])).toBeCloseTo(0);
    expect(segmentBearing([0, 0], [1, 0])).toBeCloseTo(90);
    expect(segmentBearing([0, 0], [0, -1])).toBeCloseTo(180);
  });

  it('draws an opaque arrow head on a transparent ground', () => {
    const img = arrowImage('government', 24);
    const alpha = (x: number, y: number) => img.data[(y * 24 + x) * 4 + 3];
    expect(alpha(12, 20)).toBe(255);
    expect(alpha(1, 2)).toBe(0);
    expect([...img.data.slice((20 * 24 + 12) * 4, (20 * 24 + 12) * 4 + 3)]).toEqual([0xd5, 0x5e, 0x00]);
  });
});

describe('editor help', () => {
  it('suggests near misses only', () => {
    expect(didYouMean('prelud', ['prelude', 'offensive'])).toBe('prelude');
    expect(didYouMean('zzz', ['prelude', 'offensive'])).toBeNull();
    expect(didYouMean('prelude', ['prelude'])).toBeNull();
  });
  it('locates JSON mistakes that JSON.parse does not place', () => {
    expect(findJsonError('{"a": [1, 2,]}')).toEqual({ offset: 12, message: 'trailing comma before "]": remove the comma' });
    expect(findJsonError('{"a" 1}')).toEqual({ offset: 5, message: 'expected ":" after the key, found "1"' });
    expect(findJsonError('{"a": "x\ny"}')?.offset).toBe(8);
    expect(findJsonError('{"a": 1}')).toBeNull();
  });
});

describe('screenPoint: where the engine draws a place, without a browser', () => {
  const camera = { center: [36.4, 33.9] as [number, number], zoom: 8, pitch: 0, bearing: 0 };
  const free = cardPadding(390, 844);

  it('puts the camera centre in the middle of the area the card leaves free', () => {
    const [x, y] = screenPoint(camera, camera.center)!;
    expect(x).toBeCloseTo(free.left + (390 - free.left - free.right) / 2);
    expect(y).toBeCloseTo(free.top + (844 - free.top - free.bottom) / 2);
  });

  it('doubles distances per zoom level, and turns them with the bearing', () => {
    const east: [number, number] = [36.5, 33.9];
    const [x8] = screenPoint(camera, east)!;
    const [x9] = screenPoint({ ...camera, zoom: 9 }, east)!;
    const [cx, cy] = screenPoint(camera, camera.center)!;
    expect(x9 - cx).toBeCloseTo(2 * (x8 - cx));
    // bearing 90: east is up
    const [rx, ry] = screenPoint({ ...camera, bearing: 90 }, east)!;
    expect(rx).toBeCloseTo(cx);
    expect(cy - ry).toBeCloseTo(x8 - cx);
  });

  it('draws what lies ahead smaller than what lies as far behind, under pitch', () => {
    const [, cy] = screenPoint(camera, camera.center)!;
    const ahead = (c: typeof camera) => cy - screenPoint(c, [36.4, 34.0])![1];
    const behind = (c: typeof camera) => screenPoint(c, [36.4, 33.8])![1] - cy;
    expect(ahead(camera) / behind(camera)).toBeCloseTo(1, 1);
    const tilted = { ...camera, pitch: 60 };
    expect(ahead(tilted) / behind(tilted)).toBeLessThan(0.97);
    expect(ahead(tilted)).toBeLessThan(ahead(camera));
  });
});
