// The fronts by date (the explore scrubber): a snapshot's own day is that snapshot exactly, a day
// between two is the morph's interpolation by date, days outside the range are the first or
// last; the km² follow the same weights; links to a day are read and clamped.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldAreas, withDay } from '../../src/geo/held.ts';
import { expand } from '../../src/geo/morph-space.ts';
import { planFronts, planMorph, snapshot } from '../../src/geo/morph-plan.ts';
import { between, clampDay, dayNumber, isoDay, parseDay } from '../../src/geo/timeline.ts';
import { createFrontMorph } from '../../src/map/front/front-morph.ts';
import { Morpher } from '../../src/map/front/morpher.ts';
import { staticMapSvg } from '../../src/map/static/static-svg.ts';
import { heldRows } from '../../src/palette/legend.ts';
import { exploreOfHash } from '../../src/scroll/hash.ts';
import { eventsOn, eventText } from '../../src/story/days.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { STORY_SCRIPT } from '../../story.config.ts';
import { FIXTURES, loadFixture } from './fixtures.ts';

const { story, data } = loadFixture(join(FIXTURES, 'morph'));
const fc = data.fronts!;
const plan = planMorph(fc);
const space = expand(fc, plan);
const copy = <T>(x: T): T => structuredClone(x);
const geometries = (c: GeoJSON.FeatureCollection) => c.features.map((f) => f.geometry);

describe('days between snapshots', () => {
  const snapshots = plan.snapshots;

  it('the fixture has the snapshots the tests assume', () =>
    expect(snapshots).toEqual(['2015-05-07', '2015-05-12', '2015-05-20', '2015-06-01']));

  it('places a day between two snapshots by date, on a snapshot at t = 0, and clamps outside', () => {
    expect(between(snapshots, '2015-05-16')).toEqual({ from: 1, to: 2, t: 0.5 });
    expect(between(snapshots, '2015-05-12')).toEqual({ from: 1, to: 1, t: 0 });
    expect(between(snapshots, '2015-05-08')).toEqual({ from: 0, to: 1, t: 0.2 });
    expect(between(snapshots, '2015-04-01')).toEqual({ from: 0, to: 0, t: 0 });
    expect(between(snapshots, '2015-07-01')).toEqual({ from: 3, to: 3, t: 0 });
  });

  it('reads only real calendar days, and counts days across months', () => {
    expect(parseDay('2015-05-18')).toBe('2015-05-18');
    for (const bad of ['2015-02-30', '2015-13-01', '2015-5-18', 'yesterday', '', '2015-05-18x']) expect(parseDay(bad), bad).toBeNull();
    expect(dayNumber('2015-06-01') - dayNumber('2015-05-31')).toBe(1);
    expect(isoDay(dayNumber('2015-03-28') + 85)).toBe('2015-06-21');
  });

  it('clamps a linked day into the range and says why', () => {
    expect(clampDay(snapshots, '2015-05-18')).toEqual({ day: '2015-05-18', asked: null });
    expect(clampDay(snapshots, '2015-01-01')).toEqual({ day: '2015-05-07', asked: 'early' });
    expect(clampDay(snapshots, '2016-01-01')).toEqual({ day: '2015-06-01', asked: 'late' });
    expect(clampDay(snapshots, '2015-02-30')).toEqual({ day: '2015-06-01', asked: 'invalid' });
  });

  it('reads #explore/<day> links, and nothing else', () => {
    expect(exploreOfHash('#explore/2015-05-18')).toBe('2015-05-18');
    expect(exploreOfHash('#explore/nonsense')).toBe('nonsense');
    expect(exploreOfHash('#explore')).toBe('');
    expect(exploreOfHash('#three-axes')).toBeNull();
  });
});

describe('the fronts on a day', () => {
  const morpher = new Morpher(space, fc);

  it("on a snapshot's own day are that snapshot exactly, after any other day", () => {
    for (const day of plan.snapshots) {
      morpher.onDay('2015-05-16');
      expect(morpher.onDay(day)).toEqual(snapshot(fc, day));
    }
  });

  it('halfway between two snapshots are the morph between them at 0.5', () => {
    const mid = geometries(copy(morpher.onDay('2015-05-16')));
    const reference = new Morpher(space, fc);
    reference.rest(1);
    reference.begin(2);
    expect(mid).toEqual(geometries(reference.frame(0.5)));
    expect(mid).not.toEqual(geometries(snapshot(fc, '2015-05-12')));
  });

  it('carry the properties of the last snapshot reported, without glow', () => {
    const key = (f: GeoJSON.Feature) => `${f.properties?.side}/${f.properties?.id}`;
    const reported = new Set(snapshot(fc, '2015-05-07').features.map(key));
    const day = morpher.onDay('2015-05-09').features;
    expect(day.filter((f) => reported.has(key(f))).length).toBeGreaterThan(0);
    for (const f of day) {
      expect(f.properties?.snapshot).toBe(reported.has(key(f)) ? '2015-05-07' : '2015-05-12');
      expect(f.properties?.morphGlow).toBe(0);
    }
  });

  it('outside the range are the first or the last snapshot', () => {
    expect(morpher.onDay('2015-01-01')).toEqual(snapshot(fc, '2015-05-07'));
    expect(morpher.onDay('2015-12-31')).toEqual(snapshot(fc, '2015-06-01'));
  });

  it('count the km² each side holds with the same weights, rounded as the tallies are', () => {
    const areas = heldAreas(story!.layers, data);
    const a = areas.fronts!['2015-05-12']!;
    const b = areas.fronts!['2015-05-20']!;
    const mid = withDay(areas, '2015-05-16').fronts!['2015-05-16']!;
    for (const side of new Set([...Object.keys(a), ...Object.keys(b)]))
      expect(Math.abs(mid[side]! - ((a[side] ?? 0) + (b[side] ?? 0)) / 2)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(withDay(areas, '2015-05-12')).toEqual(areas);
    const rows = heldRows(withDay(areas, '2015-05-16'), ['fronts'], '2015-05-16')!;
    expect(rows.map((r) => r.km2)).toEqual(rows.map((r) => mid[r.side] ?? 0));
  });

  it('hold on the map through the views shown meanwhile, and give way to the view’s snapshot after', () => {
    const calls: GeoJSON.FeatureCollection[] = [];
    const fronts = createFrontMorph({
      layers: story!.layers,
      data,
      plans: planFronts(story!.layers, data),
      setData: (_, c) => calls.push(copy(c)),
      setGhostData: () => {},
      setGhostFade: () => {},
    });
    const view = story!.views[1]!;
    fronts.show(view, true);
    fronts.showDay('2015-05-16');
    const onDay = calls.at(-1)!;
    expect(geometries(onDay)).toEqual(geometries(copy(new Morpher(space, fc).onDay('2015-05-16'))));
    expect(fronts.state()).toMatchObject({ day: '2015-05-16', snapshot: '2015-05-12', morphing: false });
    const count = calls.length;
    fronts.show(story!.views[3]!, false);
    expect(calls).toHaveLength(count);
    fronts.showDay(null);
    expect(calls.at(-1)).toEqual(snapshot(fc, story!.views[3]!.front));
    expect(fronts.state()).toMatchObject({ day: null, snapshot: story!.views[3]!.front });
  });

  it('are what the static map draws on that day', () => {
    const basemap = { land: empty(), borders: empty(), labels: empty() };
    const frame = { width: 390, height: 844, padding: { top: 0, right: 0, bottom: 0, left: 0 }, zoomOffset: 0 };
    const view = story!.views[1]!;
    const plain = staticMapSvg(story!, data, basemap, view, frame);
    const day = staticMapSvg(story!, data, basemap, view, frame, undefined, { fronts: copy(morpher.onDay('2015-05-16')) });
    expect(day).not.toEqual(plain);
    expect(staticMapSvg(story!, data, basemap, view, frame, undefined, { fronts: snapshot(fc, view.front) })).toEqual(plain);
  });
});

function empty(): GeoJSON.FeatureCollection {
  return { type: 'FeatureCollection', features: [] };
}

describe('the steps of a day', () => {
  const { story: real } = loadStoryFile(STORY_SCRIPT);
  const steps = real!.steps;

  it('are those dated on it to within two weeks, not the commentary that spans the campaign', () => {
    expect(eventsOn(steps, '2015-05-18').map((s) => s.id)).toEqual(['jurud-flitah', 'velayati']);
    expect(eventsOn(steps, '2015-04-01').map((s) => s.id)).toEqual([]);
  });

  it('are listed by their first sentence, with the quote it introduces', () => {
    // The card's typography binds numbers to their units with no-break spaces.
    const byId = (id: string) => eventText(steps.find((s) => s.id === id)!).replace(/\u00a0/g, ' ');
    expect(byId('tallat-musa')).toMatch(/^On 13 May, after two days of fighting, .* Lebanese border\.$/);
    expect(byId('velayati')).toMatch(/^Visiting Lebanon on 18 May, an adviser to Iran’s supreme leader said: .We are filled with pride/);
  });
});
