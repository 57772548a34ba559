import { describe, expect, it } from 'vitest';
import { cardPadding } from '../../src/layout/layout.ts';
import { stepOfHash } from '../../src/scroll/hash.ts';
import { keyDirection, nextStop, restingScroll } from '../../src/scroll/navigate.ts';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

describe('where a step rests', () => {
  it('on a phone, puts its card where the camera leaves room for it', () => {
    const y = restingScroll({ top: 3000, cardTop: 3000, cardHeight: 300 }, phone, 0.7 * 844);
    expect(3000 - y).toBe(844 - cardPadding(390, 844).bottom);
  });
  it('raises a tall card so all of it is on screen', () => {
    const y = restingScroll({ top: 3000, cardTop: 3000, cardHeight: 600 }, phone, 0.7 * 844);
    expect(3000 - y + 600).toBe(844 - 16);
  });
  it('on a desktop, centres the card', () => {
    const y = restingScroll({ top: 3000, cardTop: 3200, cardHeight: 400 }, desktop, 400);
    expect(3200 - y).toBe(200);
  });
  it('keeps the step above the trigger line, so it is the active one there', () => {
    // the first step's card sits far below its top (the map shows alone first)
    const y = restingScroll({ top: 1000, cardTop: 1800, cardHeight: 200 }, phone, 100);
    expect(1000 - y).toBeLessThanOrEqual(100);
  });
});

describe('moving step by step', () => {
  const stops = [400, 1200, 2000];
  it('goes to the next or previous stop, and reports the ends', () => {
    expect(nextStop(stops, 0, 1)).toBe(400);
    expect(nextStop(stops, 400, 1)).toBe(1200);
    expect(nextStop(stops, 1201, 1)).toBe(2000);
    expect(nextStop(stops, 2000, 1)).toBeNull();
    expect(nextStop(stops, 2000, -1)).toBe(1200);
    expect(nextStop(stops, 400, -1)).toBeNull();
  });
  it('reads Space, Page Up/Down and the arrows; leaves other keys alone', () => {
    expect([' ', 'PageDown', 'ArrowDown', 'ArrowRight'].map((k) => keyDirection(k, false))).toEqual([1, 1, 1, 1]);
    expect(keyDirection(' ', true)).toBe(-1);
    expect(['PageUp', 'ArrowUp', 'ArrowLeft'].map((k) => keyDirection(k, false))).toEqual([-1, -1, -1]);
    expect(['Home', 'End', 'Tab', 'Enter', 'a'].map((k) => keyDirection(k, false))).toEqual([null, null, null, null, null]);
  });
  it('finds the step a link names', () => {
    expect(stepOfHash('#b', ['a', 'b'])).toBe(1);
    expect(stepOfHash('', ['a', 'b'])).toBe(-1);
    expect(stepOfHash('#sources', ['a', 'b'])).toBe(-1);
  });
});
