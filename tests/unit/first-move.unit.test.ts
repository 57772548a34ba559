// The engine waits for the reader's first move (src/reader/first-move.ts).
import { describe, expect, it } from 'vitest';
import type { EmbedFrame } from '../../src/embed/frame.ts';
import type { HostViewport } from '../../src/embed/protocol.ts';
import { onFirstMove, WAKE_EVENTS } from '../../src/reader/first-move.ts';

const page = (scrollY = 0) => Object.assign(new EventTarget(), { scrollY }) as unknown as Window;

/** A host that reports viewports when told to. */
function host() {
  let view: HostViewport | null = null;
  const listeners = new Set<() => void>();
  const frame: EmbedFrame = {
    get view() {
      return view;
    },
    screen: 800,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  const report = (top: number) => {
    view = { top, bottom: top + 800, height: 800 };
    for (const fn of listeners) fn();
  };
  return { frame, report, listeners };
}

describe('the engine starts at the reader’s first move', () => {
  for (const type of WAKE_EVENTS) {
    it(`on ${type}, once`, () => {
      const win = page();
      let started = 0;
      onFirstMove(win, null, () => started++);
      expect(started).toBe(0);
      win.dispatchEvent(new Event(type));
      win.dispatchEvent(new Event(type));
      win.dispatchEvent(new Event('scroll'));
      expect(started).toBe(1);
    });
  }

  it('not on what is not the reader moving', () => {
    const win = page();
    let started = 0;
    onFirstMove(win, null, () => started++);
    for (const type of ['resize', 'focus', 'load', 'pointermove', 'message']) win.dispatchEvent(new Event(type));
    expect(started).toBe(0);
  });

  it('at once on a page opened scrolled into the story (a deep link, a reload)', () => {
    let started = 0;
    onFirstMove(page(1200), null, () => started++);
    expect(started).toBe(1);
  });

  it('never after it is stopped', () => {
    const win = page();
    let started = 0;
    const stop = onFirstMove(win, null, () => started++);
    stop();
    win.dispatchEvent(new Event('scroll'));
    expect(started).toBe(0);
  });

  it('when embedded, once the host page scrolls: not at its first report, nor at a repeat of it', () => {
    const win = page();
    const h = host();
    let started = 0;
    onFirstMove(win, h.frame, () => started++);
    h.report(-40);
    h.report(-40);
    expect(started).toBe(0);
    h.report(-90);
    expect(started).toBe(1);
    expect(h.listeners.size).toBe(0);
  });
});
