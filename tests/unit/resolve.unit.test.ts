import { describe, expect, it } from 'vitest';
import { formatDateRange } from '../../src/story/dates.ts';
import { exploreView, resolveViews, stampOf, viewAt } from '../../src/story/resolve.ts';
import { freeBox, screenPoint } from '../../src/layout/layout.ts';
import type { Step } from '../../src/story/schema.ts';
import { activeIndex } from '../../src/scroll/active.ts';

const step = (id: string, extra: Partial<Step> = {}): Step => ({ id, chapter: 'c', caption: 'x', sources: ['s'], highlight: [], ...extra });
const A = { center: [36, 34] as [number, number], zoom: 8, pitch: 0, bearing: 0 };
const B = { center: [36.1, 33.7] as [number, number], zoom: 10, pitch: 30, bearing: 10 };
const steps: Step[] = [
  step('a', { camera: A, date: '2015-03-25', layers: ['towns'], highlight: ['arsal'] }),
  step('b', { camera: B, layers: ['towns', 'axes'], transition: { type: 'ease', duration: 900 } }),
  step('c', { date: { from: '2015-05-07', to: '2015-05-12' }, dateLabel: 'Early May 2015', front: '2015-05-12' }),
  step('d', { camera: A, layers: [] }),
];

describe('step → view', () => {
  it('gives each step its complete view', () => {
    expect(resolveViews(steps)).toEqual([
      {
        camera: A,
        transition: { type: 'fly', duration: 2000 },
        layers: ['towns'],
        highlight: ['arsal'],
        front: null,
        morph: { duration: 1200, ease: 'power2.inOut' },
        date: { from: '2015-03-25', to: '2015-03-25', label: '25 March 2015' },
        stamp: '25 March 2015',
      },
      {
        camera: B,
        transition: { type: 'ease', duration: 900 },
        layers: ['towns', 'axes'],
        highlight: [],
        front: null,
        morph: { duration: 1200, ease: 'power2.inOut' },
        date: { from: '2015-03-25', to: '2015-03-25', label: '25 March 2015' },
        stamp: '25 March 2015',
      },
      {
        camera: B,
        transition: { type: 'fly', duration: 2000 },
        layers: ['towns', 'axes'],
        highlight: [],
        front: '2015-05-12',
        morph: { duration: 1200, ease: 'power2.inOut' },
        date: { from: '2015-05-07', to: '2015-05-12', label: 'Early May 2015' },
        stamp: 'Early May 2015',
      },
      {
        camera: A,
        transition: { type: 'fly', duration: 2000 },
        layers: [],
        highlight: [],
        front: '2015-05-12',
        morph: { duration: 1200, ease: 'power2.inOut' },
        date: { from: '2015-05-07', to: '2015-05-12', label: 'Early May 2015' },
        stamp: 'Early May 2015',
      },
    ]);
  });

  it('does not depend on the order steps are visited in', () => {
    const fresh = resolveViews(steps);
    for (const order of [
      [3, 0, 2, 1],
      [1, 3, 1, 0],
      [2, 2, 0, 3],
    ]) {
      for (const i of order) expect(viewAt(steps, i)).toEqual(fresh[i]);
    }
  });

  it('returns copies, so a view cannot be changed through another', () => {
    const v = viewAt(steps, 1);
    v.layers.push('x');
    v.camera.center[0] = 0;
    expect(viewAt(steps, 2).layers).toEqual(['towns', 'axes']);
    expect(viewAt(steps, 2).camera.center[0]).toBe(36.1);
  });
});

describe('the date stamp', () => {
  const date = (from: string, to: string, label: string) => ({ from, to, label });
  it('gives the front’s date whenever the map shows a front from another day than the one the step’s dates end on', () => {
    expect(stampOf({ date: date('2015-05-13', '2015-05-13', '13 May 2015'), front: '2015-05-13' })).toBe('13 May 2015');
    expect(stampOf({ date: date('2015-05-18', '2015-05-18', '18 May 2015'), front: '2015-06-21' })).toBe(
      '18 May 2015 · front as of 21 June',
    );
    expect(stampOf({ date: date('2015-06-03', '2015-06-05', '3–5 June 2015'), front: '2015-06-05' })).toBe('3–5 June 2015');
    expect(stampOf({ date: date('2015-06-13', '2015-06-18', '13–18 June 2015'), front: '2015-06-16' })).toBe(
      '13–18 June 2015 · front as of 16 June',
    );
    expect(stampOf({ date: date('2014-06-01', '2014-06-30', 'June 2014'), front: '2015-03-28' })).toBe(
      'June 2014 · front as of 28 March 2015',
    );
    expect(stampOf({ date: date('2014-06-01', '2014-06-30', 'June 2014'), front: null })).toBe('June 2014');
  });
});

describe('the free exploration after the last step', () => {
  const last = viewAt(steps, 3);
  const square = (lon: number, lat: number, d: number): GeoJSON.Polygon => ({
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ],
  });
  const data = {
    fronts: {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: { snapshot: '2015-05-01', side: 'rebels', status: 'assessed' },
          geometry: square(35.9, 33.5, 0.3),
        },
        {
          type: 'Feature' as const,
          properties: { snapshot: '2015-06-21', side: 'rebels', status: 'assessed' },
          geometry: square(36.6, 34.2, 0.2),
        },
      ],
    },
  };
  const layers = [{ id: 'fronts', kind: 'front', title: 'Fronts', data: 'x', style: { color: 'neutral', dashed: false } }] as never;
  const view = exploreView(last, layers, data);

  it('is dated by the last front, rings nothing, and frames all the ground of every snapshot', () => {
    expect(view.front).toBe('2015-06-21');
    expect(view.stamp).toBe('21 June 2015');
    expect(view.highlight).toEqual([]);
    const box = freeBox();
    for (const corner of [
      [35.9, 33.5],
      [36.8, 34.4],
    ] as const) {
      const [x, y] = screenPoint(view.camera, corner)!;
      expect(x).toBeGreaterThanOrEqual(box.left);
      expect(x).toBeLessThanOrEqual(box.right);
      expect(y).toBeGreaterThanOrEqual(box.top);
      expect(y).toBeLessThanOrEqual(box.bottom);
    }
  });
});

describe('dates as cards show them', () => {
  it.each([
    [{ from: '2015-04-03', to: '2015-04-03' }, '3 April 2015'],
    [{ from: '2015-03-25', to: '2015-03-28' }, '25–28 March 2015'],
    [{ from: '2015-05-30', to: '2015-06-02' }, '30 May – 2 June 2015'],
    [{ from: '2013-11-01', to: '2014-04-30' }, '1 November 2013 – 30 April 2014'],
  ])('%o → %s', (range, text) => expect(formatDateRange(range)).toBe(text));
});

describe('the active step', () => {
  it('is the last step whose top crossed the trigger line', () => {
    expect(activeIndex([100, 900, 1700], 500)).toBe(0);
    expect(activeIndex([-900, -100, 700], 500)).toBe(1);
    expect(activeIndex([-2000, -1200, -400], 500)).toBe(2);
  });
  it('is the first step before any has crossed', () => expect(activeIndex([600, 1400], 500)).toBe(0));
});
