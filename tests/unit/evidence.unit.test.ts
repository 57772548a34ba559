// The evidence behind each shape (story/evidence.ts) and which shape a tap lands on (map/shape-at.ts).
import { describe, expect, it } from 'vitest';
import { compileEvidence, shapeKey } from '../../src/story/evidence.ts';
import { shapeAt, TAP_SLOP } from '../../src/map/shape-at.ts';
import { sideLabel } from '../../src/palette/palette.ts';
import type { Layer } from '../../src/story/schema.ts';
import { data, ids, story } from '../browser/steps.ts';

const evidence = compileEvidence(story, data);

describe('the evidence index', () => {
  it('has an entry for every front area, arrow and place, each with its sources, confidence and derivation', () => {
    const shapes = story.layers.filter((l) => ['front', 'line', 'places'].includes(l.kind)).flatMap((l) => data[l.id]!.features);
    expect(Object.keys(evidence.entries)).toHaveLength(shapes.length);
    for (const e of Object.values(evidence.entries)) {
      expect(e.sources.length, e.key).toBeGreaterThan(0);
      expect(e.confidence, e.key).toMatch(/^[A-Z]/);
      expect(e.derivation.length, e.key).toBeGreaterThan(10);
    }
  });

  it('lists for each step the places it rings, its arrows and its front areas, in that order', () => {
    const i = ids.indexOf('assal-al-ward-hills');
    const kinds = evidence.views[i]!.map((k) => evidence.entries[k]!.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['place', 'arrow', 'area'].indexOf(a) - ['place', 'arrow', 'area'].indexOf(b)));
    expect(evidence.views[i]!.filter((k) => k.startsWith('places/'))).toEqual(story.views[i]!.highlight.map((id) => `places/${id}`));
    expect(evidence.views[i]!.some((k) => k.endsWith('@2015-05-07'))).toBe(true);
    expect(evidence.views[i]!.some((k) => k.startsWith('attacks-reported/'))).toBe(true);
  });

  it('names the rebels as they were on the snapshot date: the Army of Conquest only from 5 May', () => {
    expect(sideLabel('rebels', '2015-04-20')).toBe('Nusra-led rebels');
    expect(sideLabel('rebels', '2015-05-07')).toBe('Army of Conquest (Nusra-led rebels)');
    const march = Object.values(evidence.entries).filter((e) => e.key.endsWith('@2015-03-28') && e.key.includes('rebels'));
    expect(march.every((e) => !e.title.includes('Army of Conquest'))).toBe(true);
  });

  it('keys front areas by snapshot, other shapes by id, and nothing without an id', () => {
    expect(shapeKey('front', { id: 'a', snapshot: '2015-05-07' })).toBe('front/a@2015-05-07');
    expect(shapeKey('places', { id: 'arsal' })).toBe('places/arsal');
    expect(shapeKey('places', {})).toBeNull();
  });
});

describe('a tap on the map', () => {
  const layers = [
    { id: 'areas', kind: 'front' },
    { id: 'arrows', kind: 'line' },
    { id: 'towns', kind: 'places' },
  ] as Layer[];
  const square = (id: string, x: number): GeoJSON.Feature => ({
    type: 'Feature',
    properties: { id, snapshot: '2015-05-07' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, 0],
          [x + 100, 0],
          [x + 100, 100],
          [x, 100],
          [x, 0],
        ],
      ],
    },
  });
  const fc = (features: GeoJSON.Feature[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features });
  const map = {
    visibleLayers: () => ['areas', 'arrows', 'towns'],
    layerData: (id: string) =>
      ({
        areas: fc([square('west', 0), square('east', 100)]),
        arrows: fc([
          {
            type: 'Feature',
            properties: { id: 'push' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [10, 50],
                [90, 50],
              ],
            },
          },
        ]),
        towns: fc([{ type: 'Feature', properties: { id: 'town' }, geometry: { type: 'Point', coordinates: [150, 20] } }]),
      })[id]!,
    project: (p: [number, number]) => p,
  };

  it('finds the area under it, a place or an arrow before the area they sit on, and nothing on bare map', () => {
    expect(shapeAt(map, layers, [150, 80])).toBe('areas/east@2015-05-07');
    expect(shapeAt(map, layers, [20, 20])).toBe('areas/west@2015-05-07');
    expect(shapeAt(map, layers, [50, 50 + TAP_SLOP - 1])).toBe('arrows/push');
    expect(shapeAt(map, layers, [150 + TAP_SLOP - 1, 20])).toBe('towns/town');
    expect(shapeAt(map, layers, [250, 50])).toBeNull();
  });

  it('ignores hidden layers', () => {
    expect(shapeAt({ ...map, visibleLayers: () => ['areas'] }, layers, [150, 20])).toBe('areas/east@2015-05-07');
  });
});
