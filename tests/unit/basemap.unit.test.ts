import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { validateStyleMin, type HillshadeLayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FACES } from '../../src/map/style/fonts.ts';
import {
  basemapStyle,
  offlineTerrain,
  RELIEF_SOURCE,
  reliefTilesUrl,
  STORY_FILLS_BEFORE,
  TERRAIN_SOURCE,
} from '../../src/map/style/style.ts';
import { RELIEF_BOUNDS, RELIEF_MAXZOOM, RELIEF_MINZOOM, RELIEF_TILE_SIZE } from '../../src/relief/relief.ts';
import type { Story } from '../../src/story/model.ts';
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
    expect(where['Bekaa Valley']).toEqual(['Lebanon']);
    for (const f of labels.features) {
      expect(f.properties).toMatchObject({ name: expect.any(String), name_ar: expect.stringMatching(/[\u0600-\u06FF]/) });
      expect(['country', 'region']).toContain(f.properties!.kind);
    }
  });

  it('offers each country name points along both sides of the border, at every distance, inside the country named', () => {
    const points = labels.features.filter((f) => f.properties!.kind === 'country');
    const named = { LEBANON: 'Lebanon', SYRIA: 'Syria' } as Record<string, string>;
    for (const f of points) expect(countryAt(positions(f.geometry)[0]!), String(f.properties!.id)).toEqual([named[f.properties!.name]]);
    expect(new Set(points.map((f) => f.properties!.id)).size).toBe(points.length);
    const offsets = (name: string) => new Set(points.filter((f) => f.properties!.name === name).map((f) => f.properties!.offset));
    expect([...offsets('LEBANON')].sort()).toEqual([...offsets('SYRIA')].sort());
    expect(offsets('SYRIA').size).toBeGreaterThanOrEqual(5);
    // the nearest points sit a few km from the border, beside Arsal as beside Zabadani
    for (const place of [PLACES.Arsal!, PLACES.Zabadani!]) {
      const near = points.filter(
        (f) => f.properties!.offset === 3 && Math.hypot(...positions(f.geometry)[0]!.map((v, i) => v - place[i]!)) < 0.15,
      );
      expect(new Set(near.map((f) => f.properties!.name))).toEqual(new Set(['LEBANON', 'SYRIA']));
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

const PAGE = 'http://127.0.0.1:4173/news/2015/qalamoun/?embed#three-axes';

describe('basemapStyle', () => {
  const style = basemapStyle({ land, borders, labels }, { reliefTiles: reliefTilesUrl(PAGE) });
  const ids = style.layers.map((l) => l.id);

  it('is a valid style, with the relief and without it', () => {
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    expect(validateStyleMin(basemapStyle({ land, borders, labels })).map((e) => e.message)).toEqual([]);
  });

  it('needs nothing from another origin: data inline, relief tiles beside the page', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const urls = Object.values(FONT_FACES).flatMap((v) => (typeof v === 'string' ? [v] : v.map((f) => f.url)));
    for (const url of urls) expect(url).not.toMatch(/^[a-z][a-z0-9+.-]*:\/\//i);
    for (const [id, source] of Object.entries(style.sources)) {
      if (source.type === 'raster-dem')
        expect(source.tiles, id).toEqual(['http://127.0.0.1:4173/news/2015/qalamoun/relief/{z}/{x}/{y}.png']);
      else expect(typeof (source as { data?: unknown }).data, id).toBe('object');
    }
  });

  it('shades the relief from Terrarium tiles over the cells, just above the land and under every border and story fill', () => {
    for (const id of [RELIEF_SOURCE, TERRAIN_SOURCE])
      expect(style.sources[id]).toMatchObject({
        type: 'raster-dem',
        encoding: 'terrarium',
        tileSize: RELIEF_TILE_SIZE,
        minzoom: RELIEF_MINZOOM,
        maxzoom: RELIEF_MAXZOOM,
        bounds: RELIEF_BOUNDS,
      });
    const relief = style.layers.filter((l): l is HillshadeLayerSpecification => l.type === 'hillshade');
    expect(relief.map((l) => [l.id, l.source])).toEqual([['relief', RELIEF_SOURCE]]);
    expect(ids.indexOf('relief')).toBe(ids.indexOf('land') + 1);
    expect(ids.indexOf('relief')).toBeLessThan(ids.indexOf(STORY_FILLS_BEFORE));
    // lit from the north-west of the screen, in greys (no blue: blue is a side)
    expect(relief[0]!.paint).toMatchObject({ 'hillshade-illumination-direction': 315, 'hillshade-illumination-anchor': 'viewport' });
    for (const key of ['hillshade-shadow-color', 'hillshade-highlight-color', 'hillshade-accent-color'] as const) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(String(relief[0]!.paint![key]).slice(i, i + 2), 16));
      expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!), key).toBeLessThanOrEqual(12);
      expect(b!, key).toBeLessThanOrEqual(r!);
    }
  });

  it('has no relief without its tiles', () => {
    const flat = basemapStyle({ land, borders, labels });
    expect(flat.layers.some((l) => l.type === 'hillshade')).toBe(false);
    expect(Object.keys(flat.sources)).not.toContain(RELIEF_SOURCE);
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

describe('offlineTerrain', () => {
  const at = (exaggeration: number, ...pitches: number[]) =>
    offlineTerrain({
      meta: { terrain: { exaggeration } } as Story['meta'],
      views: pitches.map((pitch) => ({ camera: { center: [36.4, 33.9], zoom: 8, pitch, bearing: 0 } })) as Story['views'],
    });

  it('raises the relief in 3D only where the script pitches a step, on its own source', () => {
    expect(at(1.5, 0, 0)).toBeNull();
    expect(at(1.5, 0, 45)).toEqual({ source: TERRAIN_SOURCE, exaggeration: 1.5 });
    expect(at(0, 45)).toBeNull();
    expect(TERRAIN_SOURCE).not.toBe(RELIEF_SOURCE);
    const style = basemapStyle({ land, borders, labels }, { reliefTiles: reliefTilesUrl(PAGE) });
    expect(validateStyleMin({ ...style, terrain: at(1.5, 30)! }).map((e) => e.message)).toEqual([]);
    expect(style.sources[at(1.5, 30)!.source]).toMatchObject({ type: 'raster-dem', encoding: 'terrarium' });
  });
});
