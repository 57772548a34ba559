// The story's layers are written once for both engines: they must be valid in each engine's own
// style spec, with fonts each engine can draw, and the Mapbox terrain must follow the script.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
// @ts-expect-error mapbox-gl ships this build of its style spec without a declaration beside it
import { validate as validateMapbox } from 'mapbox-gl/dist/style-spec/index.es.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE, DEM_SOURCE, DEM_SPEC, MAPBOX_FONTS, terrainFor } from '../../src/map/style/mapbox-style.ts';
import { basemapStyle } from '../../src/map/style/style.ts';
import { LOCAL_FONTS, storyLayers, storySources, type LabelFonts } from '../../src/map/style/story-layers.ts';
import { StoryScript } from '../../src/story/schema.ts';
import { loadFixture, VALID } from './fixtures.ts';

const { story, data } = loadFixture(VALID);
const empty = { type: 'FeatureCollection', features: [] } as GeoJSON.FeatureCollection;

/** The story's sources and layers on top of a base style, as the engine ends up holding them. */
const withStory = <S extends { sources: object; layers: object[] }>(base: S, fonts: LabelFonts) => ({
  ...base,
  sources: { ...base.sources, ...storySources(story!.layers, data) },
  layers: [...base.layers, ...storyLayers(story!.layers, fonts).map((p) => p.spec)],
});

/** Font names in the symbol layers' text-font values (expressions included): the string leaves with a space. */
const fontsUsed = (layers: { type: string; layout?: Record<string, unknown> }[]) => {
  const leaves = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap(leaves) : typeof v === 'string' && v.includes(' ') ? [v] : []);
  return [...new Set(layers.flatMap((l) => (l.type === 'symbol' ? leaves(l.layout?.['text-font']) : [])))].sort();
};

describe('story layers on each engine', () => {
  it('are valid maplibre style layers over the offline basemap, in its fonts', () => {
    const style = withStory(basemapStyle({ land: empty, borders: empty, labels: empty }), LOCAL_FONTS);
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('are valid Mapbox style layers over the satellite style with terrain, in fonts Mapbox serves', () => {
    const satellite = {
      version: 8,
      glyphs: 'mapbox://fonts/mapbox/{fontstack}/{range}.pbf',
      sources: { mapbox: { type: 'raster', url: 'mapbox://mapbox.satellite', tileSize: 256 }, [DEM_SOURCE]: DEM_SPEC },
      layers: [{ id: 'satellite', type: 'raster', source: 'mapbox' }],
      terrain: terrainFor(1.5),
    };
    const style = withStory(satellite, MAPBOX_FONTS);
    expect((validateMapbox(style) as { message: string }[]).map((e) => e.message)).toEqual([]);
    expect(fontsUsed(style.layers as never)).toEqual([
      'Arial Unicode MS Bold',
      'Arial Unicode MS Regular',
      'DIN Pro Bold',
      'DIN Pro Regular',
    ]);
  });

  it('defaults to Mapbox satellite imagery', () => {
    expect(DEFAULT_STYLE).toBe('mapbox://styles/mapbox/satellite-v9');
  });
});

describe('terrain from the script', () => {
  it('uses the exaggeration the script sets, and none at 0', () => {
    expect(terrainFor(1.5)).toEqual({ source: DEM_SOURCE, exaggeration: 1.5 });
    expect(terrainFor(0)).toBeNull();
  });

  it('is true to life unless the script says otherwise, and refuses absurd values', () => {
    const script = {
      meta: {
        title: 't',
        dek: 'd',
        byline: 'b',
        published: '2026-01-01',
        sources: [{ id: 's', title: 't', publisher: 'p', date: '2015' }],
      },
      chapters: [{ id: 'c', title: 'C' }],
      steps: [{ id: 'a', chapter: 'c', caption: 'x', sources: ['s'], camera: { center: [36, 34], zoom: 8 }, date: '2015-05-01' }],
    };
    expect(StoryScript.parse(script).meta.terrain).toEqual({ exaggeration: 1 });
    const steep = StoryScript.safeParse({ ...script, meta: { ...script.meta, terrain: { exaggeration: 9 } } });
    expect(steep.success).toBe(false);
    expect(steep.error?.issues[0]?.path).toEqual(['meta', 'terrain', 'exaggeration']);
  });
});
