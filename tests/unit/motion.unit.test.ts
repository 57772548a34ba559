// The legend counter's tween, with GSAP's clock stepped by hand: it lands on the step's figures,
// an interruption continues from the numbers shown, and reduced motion sets them at once.
import gsap from 'gsap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motionReady, tweenNumbers } from '../../src/motion/tweens.ts';

let clock = 0;
const tick = (ms: number) => {
  for (let left = ms; left > 0; left -= 16) gsap.updateRoot((clock += Math.min(16, left) / 1000));
};
beforeAll(async () => {
  await motionReady;
  gsap.ticker.remove(gsap.updateRoot);
  clock = gsap.globalTimeline.time();
});
afterAll(() => gsap.ticker.add(gsap.updateRoot));

const timing = { duration: 1000, ease: 'power2.inOut' as const };

describe('the km² counter tween', () => {
  it("starts a new side at its figure, then tweens to the next step's figures and lands on them", () => {
    const values: Record<string, number> = {};
    const shown: Record<string, number>[] = [];
    tweenNumbers(values, { government: 100 }, timing, false, () => shown.push({ ...values }));
    expect(values.government).toBe(100);
    tweenNumbers(values, { government: 300 }, timing, false, () => shown.push({ ...values }));
    tick(500);
    expect(values.government).toBeGreaterThan(100);
    expect(values.government).toBeLessThan(300);
    tick(600);
    expect(values.government).toBe(300);
  });

  it('continues from the number shown when a new step interrupts it', () => {
    const values: Record<string, number> = { rebels: 0 };
    const stop = tweenNumbers(values, { rebels: 1000 }, timing, false, () => {});
    tick(500);
    stop();
    const mid = values.rebels!;
    tick(500);
    expect(values.rebels).toBe(mid);
    tweenNumbers(values, { rebels: 0 }, timing, false, () => {});
    tick(16);
    expect(Math.abs(values.rebels! - mid)).toBeLessThan(5);
    tick(1000);
    expect(values.rebels).toBe(0);
  });

  it('sets the figures at once under reduced motion', () => {
    const values: Record<string, number> = { isil: 5 };
    let updates = 0;
    tweenNumbers(values, { isil: 50 }, timing, true, () => updates++);
    expect(values.isil).toBe(50);
    expect(updates).toBe(1);
  });
});
