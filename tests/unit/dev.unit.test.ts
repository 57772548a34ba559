// Pure helpers of the editors' dev tools: the camera line to paste, and when a live update
// can apply in place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cameraYaml } from '../../src/dev/camera-yaml.ts';
import { needsRestart } from '../../src/dev/restart.ts';
import type { Story, StoryData } from '../../src/story/model.ts';
import { Camera } from '../../src/story/schema.ts';
import { loadFixture, VALID } from './fixtures.ts';

describe('cameraYaml', () => {
  it('writes one line that a step takes as it is, rounded as scripts are written', () => {
    const line = cameraYaml({ center: [36.123456789, 33.987654321], zoom: 8.41666, pitch: 12.3456, bearing: -0.0001 });
    expect(line).toBe('camera: { center: [36.12346, 33.98765], zoom: 8.42, pitch: 12.35, bearing: 0 }');
    expect(Camera.parse(parse(line).camera)).toEqual({ center: [36.12346, 33.98765], zoom: 8.42, pitch: 12.35, bearing: 0 });
  });
});

describe('needsRestart: what a live update cannot apply in place', () => {
  const text = readFileSync(join(VALID, 'story.yaml'), 'utf8');
  const load = (t: string) => {
    const { story, data } = loadFixture(VALID, t);
    expect(story).not.toBeNull();
    return { story: story as Story, data: data as StoryData };
  };
  const before = load(text);
  const edited = (from: string, to: string) => load(text.replace(from, to));

  it.each([
    ['a caption', 'The *first* step.', 'The *revised* first step.'],
    ['a camera', 'zoom: 8 }', 'zoom: 8.5 }'],
    ['a date', 'date: 2015-03-25', 'date: 2015-03-26'],
    ['a highlight', 'highlight: [arsal]', 'highlight: [arsal, zabadani]'],
  ])('applies %s in place', (_, from, to) => {
    expect(needsRestart(before, edited(from, to))).toBe(false);
  });

  it.each([
    ['a step id', '- id: third', '- id: last'],
    ['a layer style', 'style: { color: government, dashed: true }', 'style: { color: rebels, dashed: true }'],
  ])('restarts on %s', (_, from, to) => {
    expect(needsRestart(before, edited(from, to))).toBe(true);
  });

  it('restarts on new data', () => {
    const data = structuredClone(before.data);
    data.towns!.features[0]!.properties!.name = 'Ersal';
    expect(needsRestart(before, { story: before.story, data })).toBe(true);
  });
});
