// Embedding: the messages every side must validate, and the scroll geometry that replaces the
// frame's own when the host page owns the scroll.
import { describe, expect, it } from 'vitest';
import {
  heightMessages,
  HEIGHT,
  MAX_HEIGHT,
  pymId,
  pymMessage,
  readHeight,
  readScroll,
  readViewport,
  SCROLL,
  scrollMessages,
  VIEWPORT,
} from '../../src/embed/protocol.ts';
import { embedSnippet } from '../../src/embed/snippet.ts';
import { pinOffset, screenHeight } from '../../src/embed/geometry.ts';
import { stepIndex, triggerLine } from '../../src/scroll/active.ts';

const view = { top: -1000, bottom: 4000, height: 800 };

describe('readViewport', () => {
  it("reads embed.js's message", () => {
    expect(readViewport({ type: VIEWPORT, ...view }, null)).toEqual(view);
    expect(readViewport({ type: VIEWPORT, top: 12.5, bottom: 5012.5, height: 844, extra: 'ignored' }, null)).toEqual({
      top: 12.5,
      bottom: 5012.5,
      height: 844,
    });
  });

  it("reads pym.js's viewport-iframe-position for its own id only", () => {
    const message = pymMessage('story', 'viewport-iframe-position', '1280 800 -1000 190 4000 1090');
    expect(readViewport(message, 'story')).toEqual(view);
    expect(readViewport(pymMessage('story', 'viewport-iframe-position', '1280 800 -1000.5 0 3999.5 1280'), 'story')).toEqual({
      top: -1000.5,
      bottom: 3999.5,
      height: 800,
    });
    expect(readViewport(message, 'other')).toBeNull();
    expect(readViewport(message, null)).toBeNull();
    expect(readViewport(pymMessage('story', 'width', '1280'), 'story')).toBeNull();
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an array', [VIEWPORT, 0, 100, 800]],
    ['another type', { type: HEIGHT, top: 0, bottom: 100, height: 800 }],
    ['a missing field', { type: VIEWPORT, top: 0, height: 800 }],
    ['a string number', { type: VIEWPORT, top: '0', bottom: 100, height: 800 }],
    ['NaN', { type: VIEWPORT, top: NaN, bottom: 100, height: 800 }],
    ['Infinity', { type: VIEWPORT, top: 0, bottom: Infinity, height: 800 }],
    ['a huge offset', { type: VIEWPORT, top: -1e12, bottom: 100, height: 800 }],
    ['a huge viewport', { type: VIEWPORT, top: 0, bottom: 100, height: 1e9 }],
    ['a zero viewport', { type: VIEWPORT, top: 0, bottom: 100, height: 0 }],
    ['a bottom above the top', { type: VIEWPORT, top: 100, bottom: 0, height: 800 }],
    ['a frame taller than any story', { type: VIEWPORT, top: 0, bottom: MAX_HEIGHT + 1, height: 800 }],
    ['a pym message with NaN', pymMessage('s', 'viewport-iframe-position', '1280 NaN 0 0 100 1280')],
    ['a pym message with 5 numbers', pymMessage('s', 'viewport-iframe-position', '1280 800 0 0 100')],
    ['a pym message with an empty number', pymMessage('s', 'viewport-iframe-position', '1280 800  0 100 1280')],
    ['a pym message with hex', pymMessage('s', 'viewport-iframe-position', '1280 0x320 0 0 100 1280')],
    ['a pym message with a huge number', pymMessage('s', 'viewport-iframe-position', '1280 800 -1e300 0 100 1280')],
    ['a pym message with a trailing field', pymMessage('s', 'viewport-iframe-position', '1280 800 0 0 100 1280 1')],
  ])('rejects %s', (_, data) => {
    expect(readViewport(data, 's')).toBeNull();
  });

  it('takes nothing from a __proto__ key', () => {
    expect(readViewport(JSON.parse('{"type":"story-embed:viewport","__proto__":{"top":0},"bottom":100,"height":800}'), null)).toBeNull();
  });
});

describe('the host reads', () => {
  it('a story height, checked', () => {
    expect(readHeight({ type: HEIGHT, height: 5257 })).toBe(5257);
    for (const height of [0, -5, NaN, Infinity, 1e9, '5257', null]) expect(readHeight({ type: HEIGHT, height })).toBeNull();
    expect(readHeight({ type: VIEWPORT, height: 5257 })).toBeNull();
    expect(readHeight('pymxPYMxsxPYMxheightxPYMx5257')).toBeNull();
  });

  it('a scroll request, checked', () => {
    expect(readScroll({ type: SCROLL, y: 1200 })).toBe(1200);
    for (const y of [-1, NaN, 1e9, '12']) expect(readScroll({ type: SCROLL, y })).toBeNull();
  });
});

describe('the story posts', () => {
  it('its height in every format hosts listen for', () => {
    expect(heightMessages(5257, 'pym-1', 'pym-1')).toEqual([
      { type: HEIGHT, height: 5257 },
      { 'datawrapper-height': { 'pym-1': 5257 } },
      { sentinel: 'amp', type: 'embed-size', height: 5257 },
      'pymxPYMxpym-1xPYMxheightxPYMx5257',
    ]);
    expect(heightMessages(10, null, 'story')).toHaveLength(3);
  });

  it('scroll requests for embed.js and pym', () => {
    expect(scrollMessages(1200.4, 'p')).toEqual([{ type: SCROLL, y: 1200.4 }, 'pymxPYMxpxPYMxscrollToChildPosxPYMx1200']);
  });

  it('under a pym id only when it is a plain element id', () => {
    expect(pymId('pym-0-ab12c')).toBe('pym-0-ab12c');
    for (const raw of [null, '', 'a b', 'a"><script>', 'x'.repeat(101), 'xPYMx(.*)']) expect(pymId(raw)).toBeNull();
  });
});

describe('host scroll geometry', () => {
  it('puts the trigger line at the share of the host viewport, in frame coordinates', () => {
    expect(triggerLine(view, 5000, 0.5)).toBe(1400); // 400 px down the host viewport, whose top is 1000 px into the frame
    expect(triggerLine({ top: 300, bottom: 5300, height: 800 }, 5000, 0.7)).toBeCloseTo(260);
    expect(triggerLine(null, 700, 0.5)).toBe(350); // no host: the frame's own screen
  });

  it('picks the step the host viewport has reached, and earlier ones when scrolled back', () => {
    const tops = [100, 900, 1700, 2500]; // frame coordinates
    expect(stepIndex(tops, { top: 0, bottom: 3000, height: 800 }, 3000, 0.5)).toBe(0);
    expect(stepIndex(tops, { top: -600, bottom: 2400, height: 800 }, 3000, 0.5)).toBe(1);
    expect(stepIndex(tops, { top: -2200, bottom: 800, height: 800 }, 3000, 0.5)).toBe(3);
    expect(stepIndex(tops, { top: -1400, bottom: 1600, height: 800 }, 3000, 0.5)).toBe(2);
    expect(stepIndex(tops, { top: 2000, bottom: 5000, height: 800 }, 3000, 0.5)).toBe(0); // frame still below the fold
  });

  it('pins like sticky: at the viewport top, within the container', () => {
    const box = { top: 400, height: 4000 };
    expect(pinOffset({ top: 0, bottom: 5000, height: 800 }, box, 800)).toBe(0); // container not reached
    expect(pinOffset({ top: -1000, bottom: 4000, height: 800 }, box, 800)).toBe(600);
    expect(pinOffset({ top: -9000, bottom: -4000, height: 800 }, box, 800)).toBe(3200); // container left behind
    expect(pinOffset({ top: -1000, bottom: 4000, height: 800 }, { top: 0, height: 500 }, 800)).toBe(0); // no room
  });

  it("ignores a frame resized to the story's own height when sizing a screen", () => {
    expect(screenHeight(view, 5000, [5000], 700)).toBe(800); // the host's viewport wins
    expect(screenHeight(null, 700, [], null)).toBe(700);
    expect(screenHeight(null, 600, [5000], 700)).toBe(600); // a real resize
    expect(screenHeight(null, 5001, [5000], 700)).toBe(700); // a host obeying our height
    expect(screenHeight(null, 5000, [5000, 5200], 700)).toBe(700); // ... late, after a newer request
  });
});

describe('embedSnippet', () => {
  it('points at the story and embed.js, with attributes escaped', () => {
    const snippet = embedSnippet('https://example.org/news/qalamoun/', 'Battle "for" <the> barrens & more');
    expect(snippet).toContain('<iframe src="https://example.org/news/qalamoun/?embed" data-story-embed');
    expect(snippet).toContain('title="Battle &quot;for&quot; &lt;the> barrens &amp; more"');
    expect(snippet).toContain('<script src="https://example.org/news/qalamoun/embed.js" async></script>');
  });
});
