import { describe, expect, it } from 'vitest';
import { frontStatuses } from '../../src/geo/held.ts';
import { heldSentence, shownStatuses, type HeldRow } from '../../src/palette/legend.ts';
import { uiFor } from '../../src/story/interface.ts';
import { UI_TABLE } from './fixtures.ts';

const square = (lon: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, 34],
      [lon + 0.1, 34],
      [lon + 0.1, 34.1],
      [lon, 34.1],
      [lon, 34],
    ],
  ],
});
const feature = (snapshot: string, side: string, status: string, lon: number): GeoJSON.Feature => ({
  type: 'Feature',
  properties: { snapshot, side, status },
  geometry: square(lon),
});
const data = {
  fronts: {
    type: 'FeatureCollection' as const,
    features: [
      feature('2015-05-01', 'rebels', 'assessed', 36),
      feature('2015-05-01', 'government', 'assessed', 36.2),
      feature('2015-05-13', 'government', 'assessed', 36.2),
      feature('2015-05-13', 'government', 'claimed', 36.3),
      feature('2015-05-13', 'isil', 'contested', 36.4),
    ],
  },
};
const statuses = frontStatuses([{ id: 'fronts', kind: 'front' }], data);

describe("the legend's keys for the front's statuses", () => {
  it('keys claimed and contested ground exactly at the snapshots that draw it, with the sides that hold it', () => {
    expect(shownStatuses(statuses, ['fronts'], '2015-05-01')).toEqual({});
    expect(shownStatuses(statuses, ['fronts'], '2015-05-13')).toEqual({ claimed: ['government'], contested: ['isil'] });
  });
  it('keys nothing for a hidden front layer or before the first snapshot', () => {
    expect(shownStatuses(statuses, [], '2015-05-13')).toEqual({});
    expect(shownStatuses(statuses, ['fronts'], null)).toEqual({});
  });
  it("gives screen readers each side's figure once, by its short name, in the page's language", () => {
    const rows = [
      { side: 'government', km2: 944.4, max: 1152 },
      { side: 'lebanese-army', km2: 30, max: 30 },
    ] as const satisfies HeldRow[];
    const [en, ar] = [uiFor(UI_TABLE!, 'en'), uiFor(UI_TABLE!, 'ar')];
    expect(heldSentence(rows, en, 'en')).toBe(" Area held, by our reconstruction: Gov't + Hezbollah 944 km², Lebanese army 30 km².");
    expect(heldSentence(rows, ar, 'ar')).toBe(
      ' المساحة التي يسيطر عليها كل طرف بحسب إعادة بنائنا: الحكومة + حزب الله 944 كم²، الجيش اللبناني 30 كم².',
    );
    expect(heldSentence(null, en, 'en')).toBe('');
  });
});
