// The morph controller the map engines share, with GSAP's clock stepped by hand: what reaches
// setData on a step change, a reversal, an interruption, a jump and under reduced motion.
import { join } from 'node:path';
import gsap from 'gsap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontMorph } from '../../src/map/front/front-morph.ts';
import { motionReady } from '../../src/motion/tweens.ts';
import { planFronts } from '../../src/geo/morph-plan.ts';
import { snapshot } from '../../src/geo/morph-plan.ts';
import { FIXTURES, loadFixture } from './fixtures.ts';

const { story, data } = loadFixture(join(FIXTURES, 'morph'));
const views = story!.views;
const plans = planFronts(story!.layers, data);
const at = (date: string) => snapshot(data.fronts!, date);
const [BEFORE, MAY7, MAY12, MAY20, JUNE1, AFTER] = [0, 1, 2, 3, 4, 5];

let clock = 0;
/** Advances GSAP's clock by `ms`, in frames of 16 ms. */
function tick(ms: number) {
  for (let left = ms; left > 0; left -= 16) gsap.updateRoot((clock += Math.min(16, left) / 1000));
}
beforeAll(async () => {
  // front-morph.ts takes the page's GSAP, which loads on its own (motion/tweens.ts)
  await motionReady;
  gsap.ticker.remove(gsap.updateRoot);
  clock = gsap.globalTimeline.time();
});
afterAll(() => gsap.ticker.add(gsap.updateRoot));

function setup() {
  const calls: GeoJSON.FeatureCollection[] = [];
  const ghost = { data: [] as GeoJSON.FeatureCollection[], fade: [] as number[] };
  const morph = createFrontMorph({
    layers: story!.layers,
    data,
    plans,
    setData: (_, fc) => calls.push(fc),
    setGhostData: (_, fc) => ghost.data.push(fc),
    setGhostFade: (_, f) => ghost.fade.push(f),
  });
  return { morph, calls, ghost, last: () => calls.at(-1)! };
}

describe('the front morph controller', () => {
  it('cuts to the first snapshot a layer appears with, then morphs frame by frame to the next and lands on it exactly', () => {
    const { morph, calls, ghost, last } = setup();
    morph.show(views[BEFORE]!, false);
    expect(last().features).toEqual([]);
    morph.show(views[MAY7]!, false);
    expect(last()).toEqual(at('2015-05-07'));
    expect(morph.state()).toMatchObject({ snapshot: '2015-05-07', morphing: false });

    const before = calls.length;
    morph.show(views[MAY12]!, false);
    expect(morph.state()).toMatchObject({ snapshot: '2015-05-12', morphing: true });
    tick(700);
    // the snapshot left behind is sent once, as the ghost, and fades
    expect(ghost.data).toEqual([at('2015-05-07')]);
    expect(morph.state().ghost).toBeGreaterThan(0.2);
    expect(morph.state().ghost).toBeLessThan(0.8);
    expect(last()).not.toEqual(at('2015-05-12'));
    tick(900); // the step's own duration: 1500 ms
    expect(morph.state().morphing).toBe(false);
    expect(last()).toEqual(at('2015-05-12'));
    expect(ghost.fade.at(-1)).toBe(0);
    expect(morph.state().ghost).toBe(0);
    expect(morph.state().data.fronts).toBe(last());
    expect(calls.length - before).toBeGreaterThan(50);
  });

  it('lets a morph run on through a step that keeps the snapshot', () => {
    const { morph, last } = setup();
    for (const v of [BEFORE, MAY7, MAY20, JUNE1]) morph.show(views[v]!, false);
    tick(300);
    morph.show(views[AFTER]!, false);
    expect(morph.state().morphing).toBe(true);
    tick(1000);
    expect(morph.state().morphing).toBe(false);
    expect(last()).toEqual(at('2015-06-01'));
  });

  it('starts an interrupting morph from the shape on screen and ends on the newest snapshot', () => {
    const { morph, last } = setup();
    morph.show(views[MAY7]!, false);
    morph.show(views[MAY12]!, false);
    tick(600);
    const onScreen = JSON.stringify(last().features);
    morph.show(views[MAY20]!, false);
    tick(16);
    const next = last().features;
    // one frame on, the shapes have barely moved from where the first morph left them
    const first = (fs: GeoJSON.Feature[]) =>
      (fs.find((f) => f.properties?.id === 'gov-west')!.geometry as GeoJSON.Polygon).coordinates[0]![5]!;
    const [x0, y0] = first(JSON.parse(onScreen));
    const [x1, y1] = first(next);
    expect(Math.hypot(x1! - x0!, y1! - y0!)).toBeLessThan(0.002);
    tick(1300);
    expect(morph.state().morphing).toBe(false);
    expect(last()).toEqual(at('2015-05-20'));
  });

  it('morphs back when the reader scrolls back, and goes straight to a snapshot several steps away', () => {
    const { morph, last } = setup();
    morph.show(views[MAY7]!, false);
    morph.show(views[MAY12]!, false);
    tick(100);
    // back up: a 1.2 s morph home, which ends before the abandoned 1.5 s one would have
    morph.show(views[MAY7]!, false);
    expect(morph.state().morphing).toBe(true);
    tick(1600);
    expect(morph.state().morphing).toBe(false);
    expect(last()).toEqual(at('2015-05-07'));
    morph.show(views[JUNE1]!, false);
    tick(1300);
    expect(last()).toEqual(at('2015-06-01'));
  });

  it('cuts without a frame in between under reduced motion, also in the middle of a morph', () => {
    const { morph, calls, last } = setup();
    morph.show(views[MAY7]!, true);
    const before = calls.length;
    morph.show(views[MAY12]!, true);
    expect(calls.length - before).toBe(1);
    expect(morph.state().morphing).toBe(false);
    expect(last()).toEqual(at('2015-05-12'));
    tick(1500);
    expect(calls.length - before).toBe(1);

    morph.show(views[MAY20]!, false);
    tick(200);
    morph.show(views[MAY20]!, true);
    expect(morph.state().morphing).toBe(false);
    expect(last()).toEqual(at('2015-05-20'));
  });
});
