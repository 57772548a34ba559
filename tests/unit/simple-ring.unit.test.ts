// Ring simplicity: what the loader rejects front polygons for, on exact small cases.
import { describe, expect, it } from 'vitest';
import { ringArea2, segmentsMeet, selfIntersection } from '../../src/geo/simple-ring.ts';

const SQUARE = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('segmentsMeet', () => {
  it('crossing, touching at an end, overlapping, apart and parallel', () => {
    expect(segmentsMeet([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
    expect(segmentsMeet([0, 0], [1, 1], [1, 1], [2, 0])).toBe(true);
    expect(segmentsMeet([0, 0], [2, 0], [1, 0], [3, 0])).toBe(true);
    expect(segmentsMeet([0, 0], [1, 0], [2, 0], [3, 0])).toBe(false);
    expect(segmentsMeet([0, 0], [1, 0], [0, 1], [1, 1])).toBe(false);
  });
});

describe('selfIntersection', () => {
  it('passes a square, a triangle and a concave ring, repeated positions included', () => {
    expect(selfIntersection(SQUARE)).toBeNull();
    expect(
      selfIntersection([
        [0, 0],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
    ).toBeNull();
    expect(
      selfIntersection([
        [0, 0],
        [2, 0],
        [2, 2],
        [1, 1],
        [0, 2],
        [0, 0],
      ]),
    ).toBeNull();
    expect(
      selfIntersection([
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]),
    ).toBeNull();
  });

  it('finds a bow-tie: the edges from positions 0 and 2 cross', () => {
    expect(
      selfIntersection([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
    ).toEqual([0, 2]);
  });

  it('finds a ring that touches itself at a vertex (a figure eight)', () => {
    expect(
      selfIntersection([
        [0, 0],
        [1, 1],
        [2, 0],
        [2, 2],
        [1, 1],
        [0, 2],
        [0, 0],
      ]),
    ).not.toBeNull();
  });

  it('finds two swapped positions in a ring of 10,000', () => {
    const ring = Array.from({ length: 9999 }, (_, i) => [Math.cos((2 * Math.PI * i) / 9999), Math.sin((2 * Math.PI * i) / 9999)]);
    [ring[10], ring[5000]] = [ring[5000]!, ring[10]!];
    expect(selfIntersection([...ring, ring[0]!])).not.toBeNull();
  });
});

describe('ringArea2', () => {
  it('is twice the area, positive counter-clockwise', () => {
    expect(ringArea2(SQUARE)).toBe(2);
    expect(ringArea2([...SQUARE].reverse())).toBe(-2);
    expect(
      ringArea2([
        [0, 0],
        [1, 1],
        [2, 2],
        [0, 0],
      ]),
    ).toBe(0);
  });
});
