// Front-line morphing: the plan made at build time and the frames made from it. Exact at both
// ends, closed and simple in between, areas that appear and vanish grow from and shrink to a point.
import { join } from 'node:path';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { heldAreas } from '../../src/geo/held.ts';
import { heldRows } from '../../src/palette/legend.ts';
import { bestStart, planFronts, planMorph } from '../../src/geo/morph-plan.ts';
import { centroid, distinct, geometryAreaKm2, polygonsOf, ringAreaKm2, signedArea, type Position } from '../../src/geo/rings.ts';
import { expand } from '../../src/geo/morph-space.ts';
import { isWalk, MORPH_GLOW, snapshot, walkRing } from '../../src/geo/morph-plan.ts';
import { Morpher } from '../../src/map/front/morpher.ts';
import { storyLayerOf, storyLayers, storySources } from '../../src/map/style/story-layers.ts';
import { FIXTURES, loadFixture } from './fixtures.ts';

const { story, data, errors } = loadFixture(join(FIXTURES, 'morph'));
const fc = data.fronts!;
const plan = planMorph(fc);
const space = expand(fc, plan);
const [S1, S2, S3, S4] = [0, 1, 2, 3];
const group = (id: string, part = 0) => plan.groups.filter((g) => g.id === id)[part]!;
const groupIndex = (id: string, part = 0) => plan.groups.indexOf(group(id, part));
const presentIn = (gi: number) => plan.snapshots.map((_, s) => space.present[s]![plan.slots.findIndex((slot) => slot.group === gi)]);

/** True when segment p1–p2 properly crosses q1–q2 (shared end points do not count). */
function crosses(p1: GeoJSON.Position, p2: GeoJSON.Position, q1: GeoJSON.Position, q2: GeoJSON.Position): boolean {
  const o = (a: GeoJSON.Position, b: GeoJSON.Position, c: GeoJSON.Position) =>
    Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));
  return o(p1, p2, q1) * o(p1, p2, q2) < 0 && o(q1, q2, p1) * o(q1, q2, p2) < 0;
}

/** Closed, finite, at least a triangle, and no edge crossing another. */
function expectValidRing(ring: GeoJSON.Position[]) {
  expect(ring.length).toBeGreaterThanOrEqual(4);
  expect(ring[0]).toEqual(ring.at(-1));
  for (const p of ring) expect(p.every(Number.isFinite)).toBe(true);
  for (let i = 0; i < ring.length - 1; i++)
    for (let j = i + 2; j < ring.length - 1; j++)
      expect(crosses(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!), `edges ${i} and ${j} cross`).toBe(false);
}

/** Does `ring` (closed) trace exactly `original`: every original vertex, in order, and nothing off its edges? */
function expectTraces(ring: readonly GeoJSON.Position[], original: readonly GeoJSON.Position[]) {
  const own = distinct(original);
  const pts = distinct(ring);
  const at = own.map((v) => pts.findIndex((p) => p[0] === v[0] && p[1] === v[1]));
  expect(
    at.every((i) => i >= 0),
    'every original vertex is kept exactly',
  ).toBe(true);
  const first = at.indexOf(Math.min(...at));
  const cyclic = [...at.slice(first), ...at.slice(0, first)];
  const ascending = cyclic.every((v, i) => i === 0 || v > cyclic[i - 1]!);
  const descending = [cyclic[0], ...cyclic.slice(1).reverse()].every((v, i, a) => i === 0 || v! > a[i - 1]!);
  expect(ascending || descending, 'vertices keep their order').toBe(true);
  for (const p of pts) {
    const onEdge = own.some((a, i) => {
      const b = own[(i + 1) % own.length]!;
      const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
      const within =
        Math.min(a[0], b[0]) - 1e-12 <= p[0] &&
        p[0] <= Math.max(a[0], b[0]) + 1e-12 &&
        Math.min(a[1], b[1]) - 1e-12 <= p[1] &&
        p[1] <= Math.max(a[1], b[1]) + 1e-12;
      return Math.abs(cross) < 1e-12 && within;
    });
    expect(onEdge, `${p} lies on the original ring`).toBe(true);
  }
}

const bufferRing = (xy: Float64Array, slot: number): Position[] =>
  Array.from({ length: space.count[slot]! }, (_, k) => [xy[2 * (space.offset[slot]! + k)]!, xy[2 * (space.offset[slot]! + k) + 1]!]);

describe('the morph plan (build time)', () => {
  it('loads the fixture story', () => expect(errors).toEqual([]));

  it('pairs areas across snapshots by side and id, parts by nearest centre', () => {
    expect(plan.snapshots).toEqual(['2015-05-07', '2015-05-12', '2015-05-20', '2015-06-01']);
    expect(presentIn(groupIndex('gov-west'))).toEqual([1, 1, 1, 1]);
    expect(presentIn(groupIndex('rebel-barrens'))).toEqual([1, 1, 1, 1]);
    // split on 20 May: the southern part keeps the area's track, the northern one is a new polygon
    expect(presentIn(groupIndex('rebel-barrens', 1))).toEqual([0, 0, 1, 0]);
    const south = plan.slots.find((s) => s.group === groupIndex('rebel-barrens'))!.at[S3]!;
    expect(isWalk(south) && centroid(walkRing(fc, south))[1]).toBeLessThan(33.95);
    expect(presentIn(groupIndex('rebel-pocket'))).toEqual([1, 0, 0, 0]);
    expect(presentIn(groupIndex('gov-hill'))).toEqual([0, 1, 1, 1]);
    expect(presentIn(groupIndex('isil-east'))).toEqual([0, 0, 1, 0]);
    expect(plan.groups.map((g) => g.side)).not.toContain(undefined);
  });

  it('grows an appearing area from the point where it meets its side, and shrinks a vanishing one into it', () => {
    // The claimed hill's corner nearest the government's ground on 12 May.
    const hill = plan.slots.find((s) => s.group === groupIndex('gov-hill'))!;
    expect(hill.at[S1]).toEqual([36.41, 34.03]);
    // The pocket shrinks to its corner nearest the rebels' remaining area.
    const pocket = plan.slots.find((s) => s.group === groupIndex('rebel-pocket'))!;
    expect(pocket.at[S2]).toEqual([36.27, 33.98]);
    // ISIL has no other ground: its area comes from and goes to its own centre, its hole with it.
    const isil = plan.slots.filter((s) => s.group === groupIndex('isil-east'));
    expect(isil).toHaveLength(2);
    expect((isil[0]!.at[S4] as Position)[0]).toBeCloseTo(36.585, 9);
    expect(isil[1]!.at[S4]).toEqual(isil[0]!.at[S4]);
  });

  it('runs outer rings counter-clockwise and holes clockwise', () => {
    for (const slot of plan.slots) {
      for (const a of slot.at) if (isWalk(a)) expect(Math.sign(signedArea(walkRing(fc, a), plan.kx))).toBe(a.r === 0 ? 1 : -1);
    }
  });

  it('starts a ring at the vertex that matches the previous ring best', () => {
    const square: Position[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ];
    const shifted: Position[] = [
      [1.1, 1],
      [0.1, 1],
      [0.1, 0],
      [1.1, 0],
    ];
    expect(bestStart(square, shifted, 1)).toBe(2);
    const many = Array.from({ length: 3000 }, (_, i): Position => [Math.cos((2 * Math.PI * i) / 3000), Math.sin((2 * Math.PI * i) / 3000)]);
    expect(bestStart(many, [...many.slice(1234), ...many.slice(0, 1234)], 1)).toBe(3000 - 1234);
  });

  it('plans every front layer of a story and nothing else', () => {
    expect(Object.keys(planFronts(story!.layers, data))).toEqual(['fronts']);
  });
});

describe('the morph buffers (expanded on the page)', () => {
  it('hold every ring of every snapshot exactly, sampled at one shared set of points', () => {
    plan.slots.forEach((slot, i) =>
      slot.at.forEach((a, s) => {
        if (!isWalk(a)) return;
        const ring = bufferRing(space.positions[s]!, i);
        expectTraces([...ring, ring[0]!], polygonsOf(fc.features[a.f]!.geometry)[a.p]![a.r]!);
      }),
    );
  });

  it('collapse an absent ring to its point', () => {
    const slot = plan.slots.findIndex((s) => s.group === groupIndex('rebel-pocket'));
    expect(new Set(bufferRing(space.positions[S2]!, slot).map((p) => p.join()))).toEqual(new Set(['36.27,33.98']));
  });
});

describe('morph frames', () => {
  const morpher = new Morpher(space, fc);

  it('rest on a snapshot as the data has it', () => {
    expect(morpher.rest(S1)).toEqual(snapshot(fc, '2015-05-07'));
    expect(morpher.current).toEqual(space.positions[S1]);
  });

  it('equal the source at t = 0 and the target at t = 1, exactly', () => {
    for (const [a, b] of [
      [S1, S2],
      [S2, S3],
      [S3, S4],
      [S4, S1],
      [S1, S4],
    ] as const) {
      morpher.rest(a);
      morpher.begin(b);
      morpher.frame(0);
      expect(morpher.current).toEqual(space.positions[a]);
      const end = morpher.frame(1);
      expect(morpher.current).toEqual(space.positions[b]);
      // The polygons drawn at t = 1 trace the target's rings vertex for vertex.
      const target = snapshot(fc, plan.snapshots[b]!);
      const drawn = end.features;
      expect(drawn).toHaveLength(target.features.reduce((n, f) => n + polygonsOf(f.geometry).length, 0));
      for (const f of drawn) {
        const source = target.features.filter((t) => t.properties?.id === f.properties?.id && t.properties?.side === f.properties?.side);
        const rings = source.flatMap((t) => polygonsOf(t.geometry).flat());
        for (const ring of polygonsOf(f.geometry).flat()) {
          const twin = rings.find((r) => distinct(r).every((v) => ring.some((p) => p[0] === v[0] && p[1] === v[1])));
          expect(twin, `a target ring for ${f.properties?.id}`).toBeDefined();
          expectTraces(ring, twin!);
        }
      }
    }
  });

  it('have the target areas at t = 1', () => {
    for (const [a, b] of [
      [S1, S2],
      [S2, S3],
      [S3, S4],
    ] as const) {
      morpher.rest(a);
      morpher.begin(b);
      const drawn = morpher.frame(1).features;
      const km2 = (c: GeoJSON.Feature[]) => c.reduce((s, f) => s + geometryAreaKm2(f.geometry), 0);
      // Only the extra vertices on straight lon/lat edges differ, which the spherical formula sees as a few metres².
      const want = km2(snapshot(fc, plan.snapshots[b]!).features);
      expect(Math.abs(km2(drawn) - want) / want).toBeLessThan(1e-5);
    }
  });

  it('keep rings closed, simple and running the same way in between', () => {
    for (const [a, b] of [
      [S1, S2],
      [S2, S3],
      [S3, S4],
      [S4, S1],
    ] as const) {
      morpher.rest(a);
      morpher.begin(b);
      for (let t = 0.05; t < 1; t += 0.05) {
        const frame = morpher.frame(t);
        for (const f of frame.features) {
          polygonsOf(f.geometry).forEach((rings) =>
            rings.forEach((ring, r) => {
              expectValidRing(ring);
              expect(Math.sign(signedArea(distinct(ring), plan.kx)), `${f.properties?.id} ring ${r} at t=${t.toFixed(2)}`).toBe(
                r === 0 ? 1 : -1,
              );
            }),
          );
        }
      }
    }
  });

  it('shrink a vanishing area to its point by scaling: its area goes as (1 − t)², as on a plane', () => {
    morpher.rest(S1);
    const before = geometryAreaKm2(snapshot(fc, '2015-05-07').features.find((f) => f.properties?.id === 'rebel-pocket')!.geometry);
    morpher.begin(S2);
    const pocket = () => morpher.frame(0.5).features.find((f) => f.properties?.id === 'rebel-pocket');
    expect(geometryAreaKm2(pocket()!.geometry) / before).toBeCloseTo(0.25, 3);
    morpher.frame(1);
    expect(morpher.frame(1).features.some((f) => f.properties?.id === 'rebel-pocket')).toBe(false);
  });

  it('leave the last snapshot as a fading ghost and make gaining areas glow', () => {
    morpher.rest(S1);
    expect(morpher.begin(S2)).toBe(true);
    expect(morpher.ghost).toEqual(snapshot(fc, '2015-05-07'));
    const mid = morpher.frame(0.5).features;
    expect(morpher.fade).toBeCloseTo(0.5);
    const glow = (id: string) => mid.find((f) => f.properties?.id === id)?.properties?.[MORPH_GLOW];
    expect(glow('gov-west')).toBeCloseTo(1);
    expect(glow('rebel-barrens')).toBe(0);
    // interrupted, the ghost stays that of the last snapshot at rest and fades on from where it was
    expect(morpher.begin(S3)).toBe(false);
    expect(morpher.ghost).toEqual(snapshot(fc, '2015-05-07'));
    morpher.frame(0.5);
    expect(morpher.fade).toBeCloseTo(0.25);
    morpher.frame(1);
    expect(morpher.fade).toBe(0);
  });

  it('start an interrupting morph from the shape on screen and end on the new target', () => {
    morpher.rest(S1);
    morpher.begin(S2);
    morpher.frame(0.4);
    const onScreen = Float64Array.from(morpher.current);
    morpher.begin(S4);
    morpher.frame(0);
    expect(morpher.current).toEqual(onScreen);
    morpher.frame(1);
    expect(morpher.current).toEqual(space.positions[S4]);
    // and back: reversing mid-way returns exactly to the start
    morpher.rest(S2);
    morpher.begin(S3);
    morpher.frame(0.7);
    morpher.begin(S2);
    morpher.frame(1);
    expect(morpher.current).toEqual(space.positions[S2]);
  });
});

describe('areas on the sphere', () => {
  it('measures a one-degree cell at the equator', () => {
    // exact: R² · Δλ · (sin φ₂ − sin φ₁)
    const exact = 6371.0088 ** 2 * (Math.PI / 180) * Math.sin(Math.PI / 180);
    expect(ringAreaKm2([0, 0, 1, 0, 1, 1, 0, 1])).toBeCloseTo(exact, 6);
    expect(ringAreaKm2([0, 1, 1, 1, 1, 0, 0, 0])).toBeCloseTo(exact, 6);
  });

  it('subtracts holes', () => {
    const outer = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    const hole = [
      [0.5, 0.5],
      [0.5, 1.5],
      [1.5, 1.5],
      [1.5, 0.5],
      [0.5, 0.5],
    ];
    const km2 = (g: GeoJSON.Geometry) => geometryAreaKm2(g);
    expect(km2({ type: 'Polygon', coordinates: [outer, hole] })).toBeCloseTo(
      km2({ type: 'Polygon', coordinates: [outer] }) - km2({ type: 'Polygon', coordinates: [hole] }),
      6,
    );
  });

  it('counts the ground each side holds per snapshot, claims included, for the legend', () => {
    const areas = heldAreas(story!.layers, data);
    expect(areas).toEqual(story!.areas);
    expect(Object.keys(areas.fronts!)).toEqual(plan.snapshots);
    expect(areas.fronts!['2015-05-12']!.government).toBeGreaterThan(areas.fronts!['2015-05-07']!.government!);
    expect(areas.fronts!['2015-05-20']!.isil).toBeGreaterThan(0);
    // every side the layer ever shows has a row, in palette order, zero where it holds nothing
    expect(heldRows(areas, ['fronts'], '2015-06-01')!.map((r) => [r.side, r.km2 > 0])).toEqual([
      ['government', true],
      ['rebels', true],
      ['isil', false],
    ]);
    expect(heldRows(areas, ['fronts'], '2015-05-07')!.map((r) => r.max)).toEqual([
      areas.fronts!['2015-06-01']!.government,
      areas.fronts!['2015-05-07']!.rebels,
      areas.fronts!['2015-05-20']!.isil,
    ]);
    expect(heldRows(areas, [], '2015-06-01')).toBeNull();
    expect(heldRows(areas, ['fronts'], null)).toBeNull();
  });
});

describe('the engine layers of a front', () => {
  const specs = storyLayers(story!.layers)
    .map((p) => p.spec)
    .filter((spec) => storyLayerOf(spec.id) === 'fronts');

  it('are a valid style, ghost under the polygons', () => {
    const style = { version: 8 as const, sources: storySources(story!.layers, data), layers: specs };
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    expect(specs.map((s) => s.id)).toEqual([
      'story:fronts:ghost-fill',
      'story:fronts:fill',
      'story:fronts:ghost-edge',
      'story:fronts:edge',
      'story:fronts:edge-claimed',
    ]);
  });
});
