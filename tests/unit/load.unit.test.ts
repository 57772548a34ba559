import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/story/errors.ts';
import { FIXTURES, loadFixture, VALID } from './fixtures.ts';

const CASES = join(FIXTURES, 'story-errors');

describe('loading a valid story', () => {
  const { story, data, errors } = loadFixture(VALID);

  it('has no errors and compiles every step', () => {
    expect(errors).toEqual([]);
    expect(story?.steps.map((s) => s.id)).toEqual(['first', 'second', 'third']);
  });

  it('parses captions into markup, quotes with their attribution', () => {
    expect(story?.steps[0]?.caption).toEqual([
      {
        t: 'p',
        c: ['The ', { t: 'em', c: ['first'] }, ' step.'],
      },
    ]);
    expect(story?.steps[1]?.caption[1]).toEqual({
      t: 'quote',
      c: [{ t: 'p', c: ['We are winning.'] }],
      by: ['A spokesman'],
    });
  });

  it('hands over the layer data, checked', () => {
    expect(Object.keys(data)).toEqual(['towns', 'arrows', 'fronts']);
    expect(data.towns?.features).toHaveLength(2);
  });

  it('formats dates for the cards', () => {
    expect(story?.steps.map((s) => s.date.label)).toEqual(['25 March 2015', '7–12 May 2015', '7–12 May 2015']);
  });
});

// One folder per mistake an editor makes: story.yaml (+ data/) and the exact report expected.
describe('rejecting a broken story, with every error located', () => {
  const cases = readdirSync(CASES).sort();

  it('covers at least twenty kinds of mistake', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it.each(cases)('%s', (name) => {
    const dir = join(CASES, name);
    const result = loadFixture(dir);
    // Warnings have their own cases below: these copies of the valid story leave out alt text.
    const report =
      result.errors
        .filter((e) => e.severity === 'error')
        .map(formatError)
        .join('\n') + '\n';
    if (process.env.UPDATE) writeFileSync(join(dir, 'expected.txt'), report);
    expect(result.story).toBeNull();
    expect(report).toBe(readFileSync(join(dir, 'expected.txt'), 'utf8'));
  });
});

// Legal but probably unmeant: the story still compiles, and the report says what to look at.
describe('warning about a story that compiles', () => {
  const dir = join(FIXTURES, 'story-warnings');
  const cases = readdirSync(dir).sort();

  it('covers every kind of warning', () =>
    expect(cases).toEqual([
      'front-swapped-coordinates',
      'highlight-off-screen',
      'long-caption',
      'no-alt',
      'unused-layer',
      'unused-place',
      'unused-source',
    ]));

  it.each(cases)('%s', (name) => {
    const result = loadFixture(join(dir, name));
    const report = result.errors.map(formatError).join('\n') + '\n';
    if (process.env.UPDATE) writeFileSync(join(dir, name, 'expected.txt'), report);
    expect(result.story).not.toBeNull();
    expect(result.errors.every((e) => e.severity === 'warning')).toBe(true);
    expect(report).toBe(readFileSync(join(dir, name, 'expected.txt'), 'utf8'));
  });
});
