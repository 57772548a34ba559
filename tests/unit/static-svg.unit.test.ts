import { describe, expect, it } from 'vitest';
import land from '../../assets/basemap/land.json';
import borders from '../../assets/basemap/borders.json';
import labels from '../../assets/basemap/country-labels.json';
import { cardPadding, zoomOffset } from '../../src/layout/layout.ts';
import { projector, staticMapSvg, type Basemap, type Frame } from '../../src/map/static/static-svg.ts';
import { withEveryLayer } from '../../src/map/engine/start.ts';
import type { View } from '../../src/story/model.ts';
import { loadFixture, VALID } from './fixtures.ts';

const { story, data } = loadFixture(VALID);
const basemap = { land, borders, labels } as unknown as Basemap;
const phone: Frame = { width: 390, height: 844, padding: cardPadding(390, 844), zoomOffset: zoomOffset(390, 844) };
const camera = { center: [36.4, 33.9] as [number, number], zoom: 8, pitch: 0, bearing: 0 };

describe('static map projection', () => {
  it('puts the camera centre in the middle of the area the cards leave free', () => {
    const [x, y] = projector(camera, phone)(camera.center);
    const p = phone.padding;
    expect(x).toBeCloseTo(p.left + (390 - p.left - p.right) / 2, 6);
    expect(y).toBeCloseTo(p.top + (844 - p.top - p.bottom) / 2, 6);
  });

  it('uses 512-px tiles: one degree of longitude at zoom 8 is 512·2⁸/360 px, doubling per zoom level', () => {
    const frame = { ...phone, zoomOffset: 0 };
    const at = (zoom: number) => projector({ ...camera, zoom }, frame);
    expect(at(8)([37.4, 33.9])[0] - at(8)([36.4, 33.9])[0]).toBeCloseTo((512 * 256) / 360, 6);
    expect(at(9)([37.4, 33.9])[0] - at(9)([36.4, 33.9])[0]).toBeCloseTo((2 * 512 * 256) / 360, 6);
    // north is up, and Mercator stretches latitude by 1/cos(φ)
    const [, yNorth] = at(8)([36.4, 33.91]);
    const [, yHere] = at(8)([36.4, 33.9]);
    expect(yHere - yNorth).toBeCloseTo((((512 * 256) / 360) * 0.01) / Math.cos((33.905 * Math.PI) / 180), 2);
  });

  it('turns the map with the bearing: looking east, north is to the left', () => {
    const [cx, cy] = projector({ ...camera, bearing: 90 }, phone)(camera.center);
    const [x, y] = projector({ ...camera, bearing: 90 }, phone)([36.4, 34]);
    expect(x).toBeLessThan(cx - 10);
    expect(y).toBeCloseTo(cy, 3);
  });
});

describe('static map of a step', () => {
  const views = story!.views;
  const svg = (view: View, d = data) => staticMapSvg(story!, d, basemap, view, phone);

  it('draws only the layers the step shows, over the basemap', () => {
    const first = svg(views[0]!);
    expect(first).toMatch(/^<svg [^>]*viewBox="0 0 390 844"/);
    expect([...first.matchAll(/data-layer="([^"]+)"/g)].map((m) => m[1])).toEqual(['towns']);
    expect(first).toContain('LEBANON');
    const second = svg(views[1]!);
    // The towns this close-up shows are its ringed one only (drawn with the rings); the others
    // lie outside the frame, and so do their names.
    expect(new Set([...second.matchAll(/data-layer="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(['arrows', 'fronts']));
    expect(second).toContain('data-highlight="zabadani"');
  });

  it('draws no name that the frame would cut', () => {
    for (const view of views) {
      for (const m of svg(view).matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" font-size="([\d.]+)"[^>]*text-anchor="(start|end|middle)"/g)) {
        const [x, y] = [Number(m[1]), Number(m[2])];
        expect(x >= 0 && x <= 390 && y >= 0 && y <= 844, `${m[0]}`).toBe(true);
      }
    }
  });

  it('rings the highlighted places, and draws the front snapshot of the step', () => {
    expect([...svg(views[0]!).matchAll(/data-highlight="([^"]+)"/g)].map((m) => m[1])).toEqual(['arsal']);
    const second = svg(views[1]!);
    expect([...second.matchAll(/data-highlight="([^"]+)"/g)].map((m) => m[1])).toEqual(['zabadani']);
    // 2015-05-12: the claimed polygon, lighter and dashed
    expect(second).toContain('fill-opacity="0.2"');
    expect(second).toMatch(/stroke="#009E73" stroke-width="1.5" stroke-dasharray="3 3"/);
  });

  it('draws an arrow head at the end of each line', () => {
    const arrows = /<g data-layer="arrows">(.*?)<\/g>/.exec(svg(views[1]!))![1]!;
    expect(arrows.match(/<path d="M[^"]*Z" fill="#D55E00"\/>/g)).toHaveLength(1);
  });

  it('escapes text from the data', () => {
    const towns = {
      ...data.towns!,
      features: [{ ...data.towns!.features[0]!, properties: { ...data.towns!.features[0]!.properties, name: '<b>"A&B"</b>' } }],
    };
    const out = svg(views[0]!, { ...data, towns });
    expect(out).not.toContain('<b>');
    expect(out).toContain('&#60;b&#62;&#34;A&#38;B&#34;&#60;/b&#62;');
  });

  it('still draws the basemap when a layer has no data', () => {
    const out = svg(views[1]!, withEveryLayer(story!, {}));
    expect(out).not.toContain('data-layer=');
    expect(out).toContain('SYRIA');
  });
});

describe('static map labels', () => {
  it('moves a name to another side of its dot, and leaves a place out, dot and name, when no side is free', () => {
    const names = ['One', 'Two', 'Three'];
    const crowded = {
      ...data,
      towns: {
        type: 'FeatureCollection' as const,
        features: names.map((name, i) => ({
          type: 'Feature' as const,
          properties: { id: name.toLowerCase(), name, rank: [1, 0, 2][i] },
          // Two (placed first: the larger place) 30 px right of One, Three on top of One
          geometry: { type: 'Point' as const, coordinates: [36.4 + [0, 0.0824, 0.0001][i]!, 33.9] },
        })),
      },
    };
    const out = staticMapSvg(story!, crowded, basemap, story!.views[0]!, phone);
    const anchors = Object.fromEntries([...out.matchAll(/text-anchor="(\w+)"><tspan[^>]*>(\w+)</g)].map((m) => [m[2], m[1]]));
    expect(anchors).toMatchObject({ One: 'end', Two: 'start' });
    expect(anchors.Three).toBeUndefined();
    // no dot without its name
    expect([...out.matchAll(/data-place="(\w+)"/g)].map((m) => m[1])).toEqual(['one', 'two']);
  });
});

describe('static map relief', () => {
  const relief = { href: 'https://example.org/story/relief/shade.png?a&b', bounds: [35, 33, 38, 35] as const };
  // north up: the bearing gets its own test
  const view = { ...story!.views[1]!, camera: { ...story!.views[1]!.camera, bearing: 0 } };
  const attrs = (svg: string) => {
    const tag = /<image data-relief="" [^>]*\/>/.exec(svg)?.[0] ?? '';
    return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  };

  it('lays the shaded image over the land, under the fronts, the borders and the labels', () => {
    const svg = staticMapSvg(story!, data, basemap, view, phone, relief);
    const at = svg.indexOf('<image data-relief');
    // the land is the first path drawn
    expect(at).toBeGreaterThan(svg.indexOf('<path'));
    expect(at).toBeLessThan(svg.indexOf('data-layer='));
    expect(at).toBeLessThan(svg.indexOf('stroke-dasharray'));
    expect(attrs(svg).href).toBe('https://example.org/story/relief/shade.png?a&#38;b');
    expect(staticMapSvg(story!, data, basemap, view, phone)).not.toContain('<image');
  });

  it('pins the image by its corners, as the vectors are projected', () => {
    const project = projector(view.camera, phone);
    const [[x0, y0], [x1], [, y1]] = [project([35, 35]), project([38, 35]), project([35, 33])];
    const a = attrs(staticMapSvg(story!, data, basemap, view, phone, relief));
    expect(Number(a.x)).toBeCloseTo(x0, 0);
    expect(Number(a.y)).toBeCloseTo(y0, 0);
    expect(Number(a.width)).toBeCloseTo(x1 - x0, 0);
    expect(Number(a.height)).toBeCloseTo(y1 - y0, 0);
    expect(a.preserveAspectRatio).toBe('none');
    expect(a.transform).toBeUndefined();
  });

  it('lightens the image closer in, where it is blown up', () => {
    const at = (zoom: number) =>
      Number(
        attrs(staticMapSvg(story!, data, basemap, { ...view, camera: { ...view.camera, zoom } }, { ...phone, zoomOffset: 0 }, relief))
          .opacity,
      );
    expect(at(7)).toBe(1);
    expect(at(11)).toBe(0.6);
  });

  it('turns the image with the bearing, about its north-west corner', () => {
    const turned = { ...view, camera: { ...view.camera, bearing: 30 } };
    const project = projector(turned.camera, phone);
    const [nw, ne] = [project([35, 35]), project([38, 35])];
    const a = attrs(staticMapSvg(story!, data, basemap, turned, phone, relief));
    expect(a.transform).toBe(`rotate(-30 ${Math.round(nw[0] * 10) / 10},${Math.round(nw[1] * 10) / 10})`);
    expect(Number(a.width)).toBeCloseTo(Math.hypot(ne[0] - nw[0], ne[1] - nw[1]), 0);
    // The image's north-east corner, turned about the north-west one, lands where the map puts it.
    const r = (-30 * Math.PI) / 180;
    expect(nw[0] + Number(a.width) * Math.cos(r)).toBeCloseTo(ne[0], 0);
    expect(nw[1] + Number(a.width) * Math.sin(r)).toBeCloseTo(ne[1], 0);
  });
});
