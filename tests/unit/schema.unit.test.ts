import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaText } from '../../scripts/write-schema.ts';
import { StoryScript } from '../../src/story/schema.ts';

describe('the story schema', () => {
  it('matches the checked-in JSON Schema (run `npm run schema` after changing schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it('fills defaults: pitch, bearing, transition, highlight, layer style', () => {
    const step = StoryScript.shape.steps.element.parse({
      id: 'a',
      chapter: 'c',
      caption: 'x',
      sources: ['s'],
      camera: { center: [36, 34], zoom: 8 },
      transition: {},
    });
    expect(step.camera).toEqual({ center: [36, 34], zoom: 8, pitch: 0, bearing: 0 });
    expect(step.transition).toEqual({ type: 'fly', duration: 2000 });
    expect(step.highlight).toEqual([]);
  });

  it.each([
    ['lon', { center: [181, 34], zoom: 8 }],
    ['lat', { center: [36, -91], zoom: 8 }],
    ['zoom', { center: [36, 34], zoom: 22.5 }],
    ['pitch', { center: [36, 34], zoom: 8, pitch: 86 }],
    ['bearing', { center: [36, 34], zoom: 8, bearing: 400 }],
  ])('rejects an out-of-range %s', (_, camera) => {
    expect(StoryScript.shape.steps.element.shape.camera.safeParse(camera).success).toBe(false);
  });

  it('rejects a date span that ends before it starts', () => {
    expect(StoryScript.shape.steps.element.shape.date.safeParse({ from: '2015-05-12', to: '2015-05-07' }).success).toBe(false);
  });
});
