// Phone readers and everyone else, on the built site: accessibility (axe, keyboard, screen-reader
// announcements), layout at 320 px, no scroll trap, deep links, and free exploration at the end.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sameCamera } from '../../src/geo/camera.ts';
import { DESKTOP, PHONE, SMALL_DESKTOP } from './chromium.ts';
import { builtSite } from './site.ts';
import { firstMove, ids, mapStatus, scrollToStep, settledOn, story } from './steps.ts';

const site = builtSite();

const open = async (viewport: { width: number; height: number }, hash = '') => {
  const phone = viewport.width < 1024;
  // A context of its own per page: axe needs one.
  const context = await site.browser.newContext({ viewport, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => {}));
  // Moves at twice the speed where a test lets them run (motion/scale.ts); most cut (reduced motion).
  await page.addInitScript(() => Object.assign(window, { __storyMotionScale: 0.5 }));
  await page.goto(site.url + hash);
  await firstMove(page);
  await mapStatus(page, 'ready');
  return page;
};

const middle = ids[Math.floor(ids.length / 2)]!;
/** Step `id` is the active step (its map may still be on its way). */
const onStep = (page: Page, id: string) => page.waitForFunction((sid) => window.__story?.step === sid, id, { timeout: 20_000 });
const camera = (page: Page) => page.evaluate(() => window.__story!.camera()!);
/** The card of step `id` is wholly on screen. */
const cardInView = (page: Page, id: string) =>
  page
    .waitForFunction(
      (sid) => {
        const r = document.getElementById(sid)!.querySelector('.card')!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      },
      id,
      { timeout: 20_000 },
    )
    .catch(async (e: Error) => {
      const state = await page.evaluate(() => ({
        y: window.scrollY,
        step: window.__story?.step,
        cardTops: [...document.querySelectorAll('.card')].map((c) => Math.round(c.getBoundingClientRect().top)),
      }));
      throw new Error(`the card of ${id} is not on screen: ${JSON.stringify(state)}`, { cause: e });
    });

describe('accessibility', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    // The whole story is in the page at every step: one step per screen size covers it, the
    // first on a phone, a middle one (a card in emphasis, another map) on a desktop.
    it(`axe finds no violation on a ${name}, at ${name === 'phone' ? 'the first' : 'a middle'} step`, async () => {
      const page = await open(viewport);
      for (const id of [name === 'phone' ? ids[0]! : middle]) {
        await scrollToStep(page, id);
        await settledOn(page, id);
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${id}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
      }
      await page.close();
    });
  }

  // Each key brings the next card on screen and makes it the step; that each step's map lands is the contract's to check.
  it('walks the story from first to last step with the keyboard, and back', { timeout: 180_000 }, async () => {
    const page = await open(SMALL_DESKTOP);
    // Which step each key reaches is what is tested: cuts and instant scrolls get there without
    // waiting out 27 flights (gliding and flying are the contract's: story.browser.test.ts).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const [i, id] of ids.entries()) {
      await page.keyboard.press(i % 2 ? 'PageDown' : 'Space');
      await cardInView(page, id);
      await onStep(page, id);
    }
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('[role=img].alt')?.getAttribute('aria-label')?.startsWith('Map to explore'));
    await page.keyboard.press('ArrowUp');
    await cardInView(page, ids.at(-1)!);
    await page.keyboard.press('ArrowUp');
    await cardInView(page, ids.at(-2)!);
    await settledOn(page, ids.at(-2)!);
    // Only the step's card is in emphasis, after a walk that made each card active once.
    const emphasis = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.step .card')].flatMap((c) =>
        c.style.getPropertyValue('--on') === '1' ? [c.closest('.step')!.id] : [],
      ),
    );
    expect(emphasis).toEqual([ids.at(-2)]);
    await page.close();
  });

  it('has a visible skip link to the sources, and next/previous buttons on every card', async () => {
    const page = await open(PHONE);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement as HTMLAnchorElement;
      const r = a.getBoundingClientRect();
      return {
        href: a.getAttribute('href'),
        text: a.textContent,
        inView: r.top >= 0 && r.height > 0,
        outline: getComputedStyle(a).outlineStyle,
      };
    });
    expect(skip).toEqual({ href: '#sources', text: 'Skip to the sources', inView: true, outline: 'solid' });

    // Each card has its own previous/next buttons.
    await scrollToStep(page, ids[0]!);
    await settledOn(page, ids[0]!);
    const next = page.locator(`#${ids[0]}`).getByRole('button', { name: 'Next step' });
    expect(await next.isVisible()).toBe(true);
    expect(await page.locator(`#${ids[0]}`).getByRole('button', { name: 'Previous step' }).count()).toBe(0);
    await next.click();
    await cardInView(page, ids[1]!);
    await settledOn(page, ids[1]!);
    await page.locator(`#${ids[1]}`).getByRole('button', { name: 'Previous step' }).click();
    await cardInView(page, ids[0]!);
    await settledOn(page, ids[0]!);
    await page.close();
  });

  it('announces each step change once, politely, with what the map shows', async () => {
    const page = await open(PHONE);
    await scrollToStep(page, ids[0]!);
    await settledOn(page, ids[0]!);
    await page.evaluate(() => {
      const live = document.querySelector('[aria-live="polite"]')!;
      const said: string[] = [];
      new MutationObserver(() => said.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
      Object.assign(window, { said });
    });
    // A slow scroll of many small steps from the first card to the second.
    const distance = await page.evaluate(
      (id) => document.getElementById(id)!.getBoundingClientRect().top - window.innerHeight * 0.7 + 40,
      ids[1]!,
    );
    for (let moved = 0; moved < distance; moved += 60) await page.evaluate(() => window.scrollBy(0, 60));
    await settledOn(page, ids[1]!);
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said).toEqual([`Step 2 of ${ids.length}, ${story.steps[1]!.date.label}. ${story.steps[1]!.alt}`]);
    await page.close();
  });
});

describe('reduced motion', () => {
  it('cuts to each step: no camera flight, no gliding scroll', async () => {
    const page = await open(PHONE);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await scrollToStep(page, ids[0]!);
    await settledOn(page, ids[0]!);
    // the map is already there when the step changes
    await scrollToStep(page, ids[2]!);
    await page.waitForFunction((id) => window.__story!.step === id, ids[2]!);
    expect(await page.evaluate(() => window.__story!.moving)).toBe(false);
    expect(sameCamera(await camera(page), story.views[2]!.camera)).toBe(true);
    // and the next button jumps: the next card is on screen at once
    await page.locator(`#${ids[2]}`).getByRole('button', { name: 'Next step' }).click();
    const top = await page.evaluate((id) => document.getElementById(id)!.querySelector('.card')!.getBoundingClientRect().top, ids[3]!);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(PHONE.height / 2 + 100);
    await page.close();
  });
});

describe('phone layout', () => {
  it('never scrolls sideways at 320 px', { timeout: 180_000 }, async () => {
    const page = await open({ width: 320, height: 568 });
    // Layout is what is tested: cuts spare the walk 27 flights.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const id of ids) {
      await scrollToStep(page, id);
      await onStep(page, id);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    }
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.locator('meta[name=viewport]').getAttribute('content')).not.toMatch(
      /user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\D|$)/,
    );
    await page.close();
  });

  it('does not shift the layout while loading (CLS < 0.01)', async () => {
    const page = await site.browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.addInitScript(() => {
      const shifts: number[] = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!e.hadRecentInput) shifts.push(e.value);
      }).observe({ type: 'layout-shift', buffered: true });
      Object.assign(window, { shifts });
    });
    await page.goto(site.url);
    await mapStatus(page, 'static');
    // and nothing moves when the engine takes over from the static map
    await firstMove(page);
    await mapStatus(page, 'ready');
    await page.waitForFunction(() => !window.__story!.moving);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThan(0.01);
    await page.close();
  });

  /** A point over the map that no card, legend or button covers. */
  const overMap = async (page: Page): Promise<[number, number]> => {
    const at = await page.evaluate(() => {
      for (let y = 120; y < window.innerHeight; y += 20) {
        for (const x of [window.innerWidth * 0.5, window.innerWidth * 0.75]) {
          if (document.elementFromPoint(x, y)?.closest('.map')) return [x, y] as [number, number];
        }
      }
      return null;
    });
    expect(at, 'a free point over the map').not.toBeNull();
    return at!;
  };

  it('scrolls the page when a finger drags over the map', async () => {
    const page = await open(PHONE);
    await scrollToStep(page, ids[1]!);
    await settledOn(page, ids[1]!);
    const [x, y] = await overMap(page);
    const y0 = await page.evaluate(() => window.scrollY);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 30 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForFunction((start) => window.scrollY > start + 200, y0, { timeout: 10_000 });
    await page.close();
  });

  it('scrolls the page when the mouse wheel turns over the map', async () => {
    const page = await open(SMALL_DESKTOP);
    await scrollToStep(page, ids[1]!);
    await settledOn(page, ids[1]!);
    const [x, y] = await overMap(page);
    const y0 = await page.evaluate(() => window.scrollY);
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction((start) => window.scrollY > start + 300, y0, { timeout: 10_000 });
    await page.close();
  });
});

describe('deep links', () => {
  // Opening on the step a link names, with its exact camera, on a phone and a desktop:
  // evidence.browser.test.ts opens its pages that way and checks it.

  it('keeps the address on the reader’s step without adding history entries', { timeout: 180_000 }, async () => {
    const page = await open(PHONE);
    // The address is what is tested: cuts spare the walk its flights.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const length = await page.evaluate(() => history.length);
    for (const id of ids.slice(1)) {
      await scrollToStep(page, id);
      await onStep(page, id);
      await page.waitForFunction((sid) => location.hash === `#${sid}`, id, { timeout: 5_000 });
    }
    expect(await page.evaluate(() => history.length)).toBe(length);
    const share = page.locator(`#${ids[1]}`).getByRole('link', { name: /^Share this step/ });
    expect(await share.getAttribute('href')).toBe(`s/${ids[1]}/`);
    await page.close();
  });
});

describe('free exploration after the last step', () => {
  const drag = async (page: Page) => {
    // On the map between the card column and the key (a 1024 px desktop).
    await page.mouse.move(700, 400);
    await page.mouse.down();
    await page.mouse.move(560, 330, { steps: 8 });
    await page.mouse.up();
  };

  it('keeps the map still while reading, lets the reader move it at the end, and brings the story back', async () => {
    const page = await open(SMALL_DESKTOP);
    const lastView = story.views.at(-1)!;
    await scrollToStep(page, ids.at(-1)!);
    await settledOn(page, ids.at(-1)!);
    await drag(page);
    expect(sameCamera(await camera(page), lastView.camera)).toBe(true);

    await page.evaluate(() => document.querySelector('[data-scroll-end]')!.scrollIntoView());
    await page.waitForFunction(() => document.querySelector('[role=img].alt')?.getAttribute('aria-label')?.startsWith('Map to explore'));
    await page.waitForFunction(() => !window.__story!.moving);
    await drag(page);
    await page.waitForFunction(() => !window.__story!.moving);
    expect(sameCamera(await camera(page), lastView.camera)).toBe(false);

    await page.getByRole('button', { name: 'Back to the story' }).click();
    await page.waitForFunction(
      (alt) => document.querySelector('[role=img].alt')?.getAttribute('aria-label') === alt && !window.__story!.moving,
      story.steps.at(-1)!.alt,
    );
    await settledOn(page, ids.at(-1)!);
    expect(sameCamera(await camera(page), lastView.camera)).toBe(true);
    await page.close();
  });
});
