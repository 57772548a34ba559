// Map labels a graphics desk would publish: one symbol per place (marker and name together), a
// hierarchy of sizes and priorities, no "(approx.)", country names inside the screen at every
// step, and a scale bar in round numbers.
import { describe, expect, it } from 'vitest';
import type { SymbolLayerSpecification } from 'maplibre-gl';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import borders from '../../assets/basemap/borders.json' with { type: 'json' };
import labels from '../../assets/basemap/country-labels.json' with { type: 'json' };
import land from '../../assets/basemap/land.json' with { type: 'json' };
import { screenFrame } from '../../src/layout/layout.ts';
import { metresPerPixel, scaleBar } from '../../src/geo/scale.ts';
import {
  COUNTRY_SOURCE,
  countryLabelBox,
  countryLayers,
  countrySource,
  pickCountryLabels,
  shownPlaces,
} from '../../src/map/style/country-labels.ts';
import { labelOffset, levelOf, markerExtent, markerImage, PLACE_TEXT_SIZE } from '../../src/map/style/markers.ts';
import { HIGHLIGHT_LABEL_LAYER, LOCAL_FONTS, storyImages, storyLayers } from '../../src/map/style/story-layers.ts';
import { staticMapSvg, type Basemap } from '../../src/map/static/static-svg.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { STORY_SCRIPT } from '../../story.config.ts';

const { story, data } = loadStoryFile(STORY_SCRIPT);
if (!story) throw new Error('the story script does not load');
const fc = (v: unknown) => v as GeoJSON.FeatureCollection;
const basemap = { land, borders, labels } as unknown as Basemap;
const SCREENS = { phone: screenFrame(390, 844), desktop: screenFrame(1280, 800) };
const layout = (id: string) => storyLayers(story.layers).find((p) => p.spec.id === id)!.spec as SymbolLayerSpecification;

describe('place symbols', () => {
  const places = layout('story:places:label');

  it('draw each marker as the icon of its name, so neither shows alone', () => {
    expect(storyLayers(story.layers).filter((p) => p.spec.type === 'circle')).toEqual([]);
    expect(places.layout!['icon-image']).toBeDefined();
    expect(places.layout!['text-optional']).toBeUndefined();
    expect(places.layout!['icon-optional']).toBeUndefined();
    const ids = new Set(storyImages(story.layers).map(([id]) => id));
    const wanted = JSON.stringify(places.layout!['icon-image']).match(/place-[\w-]+/g)!;
    for (const id of wanted) expect(ids).toContain(id);
  });

  it('name places without "(approx.)": the open ring says it', () => {
    expect(JSON.stringify(storyLayers(story.layers))).not.toContain('approx.');
    const svg = staticMapSvg(story, data, basemap, story.views[2]!, SCREENS.phone);
    expect(svg).not.toContain('approx.');
  });

  it('rank the capital over towns over villages over hills, in size and collision priority', () => {
    const level = (p: Record<string, unknown>) => levelOf(p);
    expect([{ rank: 0 }, { rank: 1 }, { rank: 2 }, { rank: 3, kind: 'hill' }, {}].map(level)).toEqual([0, 1, 2, 3, 2]);
    expect([...PLACE_TEXT_SIZE]).toEqual([...PLACE_TEXT_SIZE].sort((a, b) => b - a));
    expect(places.layout!['symbol-sort-key']).toBeDefined();
  });

  it('keep names off the orange ring and the open rings', () => {
    // radial offset in ems × text size reaches past the ring's outer edge
    expect(labelOffset(0, true) * 14).toBeGreaterThan(11 + 3);
    for (const l of [0, 1, 2, 3] as const) expect(labelOffset(l, false) * PLACE_TEXT_SIZE[l]).toBeGreaterThan(markerExtent(l, false));
  });

  it('show the card places always, placed first (drawn last)', () => {
    const placed = storyLayers(story.layers);
    expect(placed.at(-1)!.spec.id).toBe(HIGHLIGHT_LABEL_LAYER);
    expect(layout(HIGHLIGHT_LABEL_LAYER).layout).toMatchObject({ 'icon-allow-overlap': true, 'text-allow-overlap': true });
  });

  it('draws the ringed marker with the orange ring around an opaque dot', () => {
    const img = markerImage('neutral', { level: 1, approximate: false, highlighted: true });
    const alphaAt = (dx: number) => img.data[((img.height / 2) * img.width + img.width / 2 + dx) * 4 + 3];
    expect(alphaAt(0)).toBe(255); // the dot
    expect(alphaAt(2 * 8)).toBe(0); // between dot and ring (8 css px out)
    expect(alphaAt(2 * 12)).toBe(255); // the ring (11–14 css px)
  });
});

describe('country names', () => {
  const pick = (i: number, screen: keyof typeof SCREENS) => {
    const view = story.views[i]!;
    const places = shownPlaces(story.layers, data, view);
    const ids = pickCountryLabels({ labels: fc(labels), borders: fc(borders), places }, view.camera, SCREENS[screen]);
    return labels.features.filter((f) => ids.includes(String((f.properties as { id?: string }).id)));
  };

  it('are valid layers over their own source, hidden until a view picks points', () => {
    const style = {
      version: 8 as const,
      'font-faces': {},
      sources: { [COUNTRY_SOURCE]: countrySource(fc(labels)) },
      layers: countryLayers(LOCAL_FONTS),
    };
    expect(validateStyleMin(style as never).map((e) => e.message)).toEqual([]);
    expect(countrySource(fc(labels)).data).toMatchObject({ features: expect.any(Array) });
  });

  it.each(Object.keys(SCREENS) as (keyof typeof SCREENS)[])(
    'name a country at every step on %s, at most once each, inside the screen',
    (screen) => {
      const frame = SCREENS[screen];
      story.views.forEach((view, i) => {
        const picked = pick(i, screen);
        expect(picked.length, story.steps[i]!.id).toBeGreaterThan(0);
        expect(new Set(picked.map((f) => f.properties.name)).size).toBe(picked.length);
        const svg = staticMapSvg(story, data, basemap, view, frame);
        for (const f of picked) {
          expect(svg, `${story.steps[i]!.id}: the static map shows ${f.properties.name}`).toContain(`>${f.properties.name}<`);
        }
      });
    },
  );

  it('estimates a generous box: LEBANON at zoom 10 is over 100 px wide', () => {
    const [x0, , x1] = countryLabelBox('LEBANON', 'لبنان', [0, 0], 10);
    expect(x1 - x0).toBeGreaterThan(100);
  });
});

describe('scale bar', () => {
  it('knows a pixel is 305 m at the equator at zoom 7 (512-px tiles), less toward the poles', () => {
    expect(metresPerPixel(0, 7)).toBeCloseTo(40075016.686 / (512 * 128), 6);
    expect(metresPerPixel(60, 7)).toBeCloseTo(metresPerPixel(0, 7) / 2, 6);
  });

  it('shows a round length 60–100 px long', () => {
    for (let z = 6; z <= 12; z += 0.1) {
      const bar = scaleBar(34, z);
      expect(bar.px, `zoom ${z}`).toBeGreaterThanOrEqual(50);
      expect(bar.px, `zoom ${z}`).toBeLessThanOrEqual(125);
      expect(String(bar.metres)).toMatch(/^[125]0*$/);
    }
    expect(scaleBar(34, 10).metres).toBe(5000);
    expect(scaleBar(34, 13).metres).toBe(500);
  });
});
