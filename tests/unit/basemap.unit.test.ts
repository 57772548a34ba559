import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FACES } from '../../src/map/style/fonts.ts';
import { basemapStyle, STORY_FILLS_BEFORE } from '../../src/map/style/style.ts';
import { BBOX } from '../../scripts/build-basemap.mjs';

const ROOT = join(import.meta.dirname, '../..');
const DIR = join(ROOT, 'assets/basemap');
const FILES = ['land.json', 'borders.json', 'country-labels.json'] as const;
const [W, S, E, N] = BBOX as [number, number, number, number];

const read = (file: string): FeatureCollection => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
const land = read('land.json');
const borders = read('borders.json');
const labels = read('country-labels.json');

// Coordinates from the fact sheet (story/evidence/qalamoun-2015.md), lon/lat.
const PLACES: Record<string, Position> = {
  Arsal: [36.42083, 34.17944],
  Baalbek: [36.20732, 34.00634],
  'Ras Baalbek': [36.42361, 34.25972],
  Nahle: [36.29944, 34.05833],
  Zabadani: [36.09722, 33.725],
  Madaya: [36.10083, 33.68778],
  Qara: [36.74417, 34.15417],
  Yabroud: [36.667, 33.967],
  'Assal al-Ward': [36.41333, 33.86583],
  Rankous: [36.38917, 33.75694],
};
const IN_LEBANON = ['Arsal', 'Baalbek', 'Ras Baalbek', 'Nahle'] as const;
const IN_SYRIA = ['Zabadani', 'Madaya', 'Qara', 'Yabroud', 'Assal al-Ward', 'Rankous'] as const;
// Lebanese customs post on the Beirut–Damascus road (Wikipedia, Masnaa Border Crossing); the border
// itself lies in the no-man's-land east of it.
const MASNAA: Position = [35.9240472, 33.7028667];

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

function ringContains(ring: Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function countryAt(point: Position): string[] {
  return land.features
    .filter((f) => {
      const g = f.geometry as Polygon | MultiPolygon;
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      return polygons.some(([outer, ...holes]) => ringContains(outer!, point) && !holes.some((h) => ringContains(h, point)));
    })
    .map((f) => f.properties!.name as string);
}

/** Distance in km from a point to a polyline, on a local equirectangular projection. */
function kmToLine(p: Position, line: Position[]): number {
  const kx = 111.32 * Math.cos((p[1]! * Math.PI) / 180);
  const ky = 110.57;
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = [(line[i - 1]![0]! - p[0]!) * kx, (line[i - 1]![1]! - p[1]!) * ky];
    const [bx, by] = [(line[i]![0]! - p[0]!) * kx, (line[i]![1]! - p[1]!) * ky];
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / len2));
    best = Math.min(best, Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)));
  }
  return best;
}

const syriaLebanon = borders.features.filter((f) => f.properties?.between === 'Lebanon–Syria');

describe('basemap files', () => {
  it.each(FILES)('%s is a GeoJSON FeatureCollection with well-formed geometries', (file) => {
    const fc = read(file);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    for (const f of fc.features as Feature[]) {
      expect(f.type).toBe('Feature');
      expect(f.properties).toBeTypeOf('object');
      const g = f.geometry;
      if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
        const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
        for (const ring of rings) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring.at(-1)).toEqual(ring[0]);
        }
      } else if (g.type === 'LineString') {
        expect(g.coordinates.length).toBeGreaterThanOrEqual(2);
      } else {
        expect(g.type).toBe('Point');
      }
      for (const p of positions(g)) {
        expect(p).toHaveLength(2);
        for (const v of p) expect(Number.isFinite(v) && Math.round(v * 1e5) / 1e5 === v).toBe(true);
      }
    }
  });

  it.each(FILES)('%s has every coordinate inside the bbox', (file) => {
    const outside = read(file)
      .features.flatMap((f) => positions(f.geometry))
      .filter(([x, y]) => !(x! >= W && x! <= E && y! >= S && y! <= N));
    expect(outside).toEqual([]);
  });

  it.each(FILES)('%s is under 150 kB', (file) => {
    expect(statSync(join(DIR, file)).size).toBeLessThan(150_000);
  });

  it('holds Syria and Lebanon with name and ISO code, and borders named by country pair', () => {
    const names = land.features.map((f) => f.properties);
    expect(names).toContainEqual({ name: 'Syria', iso: 'SYR' });
    expect(names).toContainEqual({ name: 'Lebanon', iso: 'LBN' });
    for (const f of borders.features) expect(f.properties?.between).toMatch(/^\S.*–.*\S$/);
  });

  it.each(IN_LEBANON)('puts %s in Lebanon', (place) => {
    expect(countryAt(PLACES[place]!)).toEqual(['Lebanon']);
  });

  it.each(IN_SYRIA)('puts %s in Syria', (place) => {
    expect(countryAt(PLACES[place]!)).toEqual(['Syria']);
  });

  it('draws the Lebanon–Syria border past the Masnaa crossing, with Masnaa on the Lebanese side', () => {
    expect(syriaLebanon.length).toBeGreaterThan(0);
    const km = Math.min(...syriaLebanon.map((f) => kmToLine(MASNAA, positions(f.geometry))));
    expect(km).toBeLessThan(3);
    expect(countryAt(MASNAA)).toEqual(['Lebanon']);
  });

  it('runs the Lebanon–Syria border between Arsal and Qara', () => {
    const line = syriaLebanon.flatMap((f) => positions(f.geometry));
    const [arsal, qara] = [PLACES.Arsal!, PLACES.Qara!];
    // At the two towns' latitude the border lies east of Arsal and west of Qara.
    const crossing = line.filter(([, y]) => Math.abs(y! - (arsal[1]! + qara[1]!) / 2) < 0.05).map(([x]) => x!);
    expect(crossing.length).toBeGreaterThan(0);
    for (const x of crossing) expect(x > arsal[0]! && x < qara[0]!).toBe(true);
  });

  it('places each label inside its country and gives every label both names', () => {
    const where = Object.fromEntries(labels.features.map((f) => [f.properties!.name, countryAt(positions(f.geometry)[0]!)]));
    expect(where.SYRIA).toEqual(['Syria']);
    expect(where.LEBANON).toEqual(['Lebanon']);
    expect(where['Bekaa Valley']).toEqual(['Lebanon']);
    for (const f of labels.features) {
      expect(f.properties).toMatchObject({ name: expect.any(String), name_ar: expect.stringMatching(/[\u0600-\u06FF]/) });
      expect(['country', 'region']).toContain(f.properties!.kind);
    }
  });
});

describe('build-basemap.mjs', () => {
  const out = mkdtempSync(join(tmpdir(), 'basemap-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('rebuilds byte-identical files', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-basemap.mjs'), out], { stdio: 'pipe' });
    for (const file of FILES) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(DIR, file))), file).toBe(true);
    }
  });
});

describe('basemapStyle', () => {
  const style = basemapStyle({ land, borders, labels });

  it('is a valid style', () => {
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('needs nothing from another origin', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const urls = Object.values(FONT_FACES).flatMap((v) => (typeof v === 'string' ? [v] : v.map((f) => f.url)));
    for (const url of urls) expect(url).not.toMatch(/^[a-z][a-z0-9+.-]*:\/\//i);
    for (const source of Object.values(style.sources)) expect(typeof (source as { data?: unknown }).data).toBe('object');
  });

  it('draws every label with a font the style declares', () => {
    for (const layer of style.layers) {
      if (layer.type !== 'symbol') continue;
      for (const name of layer.layout!['text-font'] as string[]) expect(Object.keys(FONT_FACES)).toContain(name);
    }
  });

  it('exposes the insertion point for fills: above the land, below every border', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf(STORY_FILLS_BEFORE)).toBeGreaterThan(ids.indexOf('land'));
    for (const id of ids.filter((i) => i.startsWith('border')))
      expect(ids.indexOf(STORY_FILLS_BEFORE)).toBeLessThanOrEqual(ids.indexOf(id));
  });
});
