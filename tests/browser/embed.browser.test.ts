// The story embedded in another site's article, in real Chromium: the host page on one origin
// (localhost), the built story on another (127.0.0.1). With embed.js or pym.js the frame takes
// the story's height and the host page's scroll drives the steps and the pinned map.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEIGHT, SCROLL, VIEWPORT } from '../../src/embed/protocol.ts';
import { embedSnippet } from '../../src/embed/snippet.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { STORY_SCRIPT } from '../../story.config.ts';
import { connect } from './browser.ts';
import { buildSite } from './build.ts';
import { DESKTOP, PHONE } from './chromium.ts';
import { serveHostPages } from './host-server.ts';
import { hostPages } from './host-pages.ts';
import { serveDir, type StaticServer } from './server.ts';

const { story, editions } = loadStoryFile(STORY_SCRIPT);
if (!story) throw new Error('the story script does not load; run npm run check');
const ids = story.steps.map((s) => s.id);
const last = ids.length - 1;

let browser: Browser;
let site: StaticServer;
let host: StaticServer;
beforeAll(async () => {
  [browser, site] = await Promise.all([connect(), serveDir('dist')]);
  host = await serveHostPages(hostPages(site.url));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
});

const POLL = { timeout: 30_000, interval: 100 };

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(new URL(path, host.url).href);
  return page;
}

/** The story's frame inside `selector` (the iframe, or pym's container). */
async function storyIn(page: Page, selector: string): Promise<Frame> {
  const element = await page.waitForSelector(selector.startsWith('#pym') ? `${selector} iframe` : selector);
  const frame = await element.contentFrame();
  if (!frame) throw new Error(`no frame in ${selector}`);
  await frame.waitForFunction(() => window.__story?.step != null, null, { timeout: 30_000 });
  return frame;
}

const frameSelector = (selector: string) => (selector.startsWith('#pym') ? `${selector} iframe` : selector);

/** The iframe's content height on the host, and the story's own content height. */
async function heights(page: Page, selector: string, frame: Frame) {
  const frameHeight = await page.$eval(frameSelector(selector), (f) => f.clientHeight);
  const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { frameHeight, content };
}

async function expectSized(page: Page, selector: string, frame: Frame) {
  await expect
    .poll(async () => {
      const h = await heights(page, selector, frame);
      return Math.abs(h.frameHeight - h.content) <= 3 && h.frameHeight > 2000;
    }, POLL)
    .toBe(true);
}

/** Scrolls the host page so that step `id` has just crossed the story's trigger line: half way
 * down the viewport on desktop, lower on phones (the story picks one when it loads), so just above
 * half way crosses either. */
async function scrollHostTo(page: Page, selector: string, frame: Frame, id: string) {
  const stepTop = await frame.evaluate((sid) => document.getElementById(sid)!.getBoundingClientRect().top + window.scrollY, id);
  await page.$eval(
    frameSelector(selector),
    (f, y) => {
      const top = f.getBoundingClientRect().top + f.clientTop + window.scrollY;
      window.scrollTo({ top: top + y - window.innerHeight * 0.5 + 40, behavior: 'instant' });
    },
    stepTop,
  );
}

const stepOf = (frame: Frame) => frame.evaluate(() => [window.__story!.step, document.documentElement.dataset.step]);

async function expectStep(frame: Frame, index: number) {
  await expect.poll(() => stepOf(frame), POLL).toEqual([ids[index], ids[index]]);
}

/** The story's map, in the host's viewport coordinates. */
async function mapOnHost(page: Page, selector: string, frame: Frame) {
  const frameTop = await page.$eval(frameSelector(selector), (f) => f.getBoundingClientRect().top + f.clientTop);
  const map = await frame.evaluate(() => {
    const r = document.querySelector('[role=img]')!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  const viewport = await page.evaluate(() => window.innerHeight);
  return { top: frameTop + map.top, bottom: frameTop + map.bottom, viewport };
}

/** Pinned as sticky pins it: from the host viewport's top to its bottom; at the first step, when
 * the story's top may still be in view, from there down to the bottom. */
async function expectMapInViewport(page: Page, selector: string, frame: Frame, index: number) {
  await expect
    .poll(async () => {
      const m = await mapOnHost(page, selector, frame);
      return m.top >= -2 && m.top <= (index === 0 ? m.viewport : 2) && Math.abs(m.bottom - m.top - m.viewport) <= 2;
    }, POLL)
    .toBe(true);
}

describe('with embed.js: two stories and an unrelated frame in an article', () => {
  let page: Page;
  let a: Frame;
  let b: Frame;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await open('/embed-js', DESKTOP);
    // Which step the host's scroll reaches, and where the map is pinned, are tested: cuts spare
    // the walk its flights (flights are the map contract's, story.browser.test.ts).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    page.on('pageerror', (e) => errors.push(String(e)));
    [a, b] = await Promise.all([storyIn(page, '#a'), storyIn(page, '#b')]);
  });
  afterAll(() => page?.close());

  it("sizes each frame to its story's content height", async () => {
    await expectSized(page, '#a', a);
    await expectSized(page, '#b', b);
    expect(await a.evaluate(() => [document.documentElement.dataset.embed, getComputedStyle(document.documentElement).overflow])).toEqual([
      'host',
      'hidden',
    ]);
  });

  it("steps through every step in order as the host page scrolls, with the map inside the host's viewport", async () => {
    for (const [i, id] of ids.entries()) {
      await scrollHostTo(page, '#a', a, id);
      await expectStep(a, i);
      await expectMapInViewport(page, '#a', a, i);
    }
    // The host page's scroll is the reader's first move: the engine has taken over from the static maps.
    await a.waitForFunction(() => window.__story?.mapStatus === 'ready', null, { timeout: 30_000 });
  });

  it('restores earlier steps when the host page scrolls back up', async () => {
    await scrollHostTo(page, '#a', a, ids[1]!);
    await expectStep(a, 1);
    await expectMapInViewport(page, '#a', a, 1);
    await scrollHostTo(page, '#a', a, ids[0]!);
    await expectStep(a, 0);
  });

  it('drives each story from its own place on the page', async () => {
    await scrollHostTo(page, '#b', b, ids[2]!);
    await expectStep(b, 2);
    await expectMapInViewport(page, '#b', b, 2);
    await expectStep(a, last); // the reader has scrolled past all of story A
  });

  it('resizes the frame when the host page is resized', async () => {
    const before = await heights(page, '#a', a);
    await page.setViewportSize(PHONE);
    try {
      await expect
        .poll(() => a.evaluate(() => document.documentElement.style.getPropertyValue('--viewport-height')), POLL)
        .toBe(`${PHONE.height}px`);
      await expectSized(page, '#a', a);
      const after = await heights(page, '#a', a);
      expect(Math.abs(after.frameHeight - before.frameHeight)).toBeGreaterThan(100);
      await scrollHostTo(page, '#a', a, ids[3]!);
      await expectStep(a, 3);
      await expectMapInViewport(page, '#a', a, 3);
    } finally {
      await page.setViewportSize(DESKTOP);
    }
    await expectSized(page, '#a', a);
  });

  it('scrolls the host page to a place a link in the story points at', async () => {
    const source = story.steps[2]!.sources[0]!;
    await scrollHostTo(page, '#a', a, ids[2]!);
    await expectStep(a, 2);
    await a.click(`#${ids[2]} a[href="#source-${source}"]`);
    await expect
      .poll(async () => {
        const frameTop = await page.$eval('#a', (f) => f.getBoundingClientRect().top + f.clientTop);
        return Math.abs(frameTop + (await a.$eval(`#source-${source}`, (li) => li.getBoundingClientRect().top))) <= 2;
      }, POLL)
      .toBe(true);
    expect(a.url()).toBe(`${site.url}?embed`);
  });

  it('opens links to other pages in a new tab, never in the frame', async () => {
    // A link with no target, in the card the reader is looking at.
    await a.evaluate(
      ([href, sid]) => {
        const link = Object.assign(document.createElement('a'), { href, id: 'elsewhere', textContent: ' Elsewhere' });
        document.querySelector(`#${sid} .cited`)!.append(link);
      },
      [`${site.url}embed.html`, ids[2]!],
    );
    await scrollHostTo(page, '#a', a, ids[2]!);
    await expectStep(a, 2);
    const popup = page.context().waitForEvent('page');
    await a.click('#elsewhere');
    expect((await popup).url()).toBe(`${site.url}embed.html`);
    expect(a.url()).toBe(`${site.url}?embed`);
    await (await popup).close();
  });

  it('lets hostile or stray messages change nothing, on either side', async () => {
    await scrollHostTo(page, '#a', a, ids[1]!);
    await expectStep(a, 1);
    const state = () =>
      Promise.all([
        stepOf(a),
        a.evaluate(() => [
          (document.querySelector('.graphic') as HTMLElement).style.transform,
          document.documentElement.style.getPropertyValue('--viewport-height'),
        ]),
        page.$eval('#a', (f) => f.style.height),
        page.evaluate(() => window.scrollY),
      ]);
    await expect.poll(async () => JSON.stringify(await state()) === JSON.stringify(await state()), POLL).toBe(true);
    const before = await state();

    // Count what arrives, so the test knows every message has been handled before it looks.
    await a.evaluate(() => {
      (window as unknown as { got: number }).got = 0;
      addEventListener('message', () => (window as unknown as { got: number }).got++);
    });
    await page.evaluate(() => {
      (window as unknown as { got: number }).got = 0;
      addEventListener('message', () => (window as unknown as { got: number }).got++);
    });
    const bad: unknown[] = [
      null,
      42,
      'hello',
      [VIEWPORT, 0, 100, 800],
      { type: VIEWPORT, top: NaN, bottom: 100, height: 800 },
      { type: VIEWPORT, top: -1e12, bottom: 1e12, height: 800 },
      { type: VIEWPORT, top: 0, bottom: 100, height: 1e9 },
      { type: VIEWPORT, top: 0, bottom: 100, height: Infinity },
      { type: VIEWPORT, top: '-3000', bottom: 100, height: 800 },
      { type: VIEWPORT, top: 100, bottom: 0, height: 800 },
      'pymxPYMxundefinedxPYMxviewport-iframe-positionxPYMx1280 800 -3000 0 100 1280',
      { type: HEIGHT, height: 5 },
    ];
    const valid = { type: VIEWPORT, top: -100_000, bottom: 10, height: 800 };
    // To the story: malformed messages from its parent; well-formed ones from other windows.
    await page.$eval('#a', (f: HTMLIFrameElement, messages) => messages.forEach((m) => f.contentWindow!.postMessage(m, '*')), bad);
    const fromAd = `parent.document.getElementById('a').contentWindow.postMessage(${JSON.stringify(valid)}, '*');
      parent.postMessage({ type: '${HEIGHT}', height: 1234 }, '*'); parent.postMessage({ type: '${SCROLL}', y: 500 }, '*');`;
    await page.$eval(
      '#ad',
      (f: HTMLIFrameElement, code) => {
        const script = f.contentDocument!.createElement('script');
        script.textContent = code;
        f.contentDocument!.body.append(script);
      },
      fromAd,
    );
    await a.evaluate((m) => window.postMessage(m, '*'), valid);
    // To the host: malformed messages from the story's frame, a well-formed one from the host itself.
    await a.evaluate(
      ([h, s]) => {
        for (const height of [NaN, Infinity, -1, 1e9, '1234', null]) parent.postMessage({ type: h, height }, '*');
        for (const y of [NaN, 1e12, -5]) parent.postMessage({ type: s, y }, '*');
      },
      [HEIGHT, SCROLL],
    );
    await page.evaluate((h) => window.postMessage({ type: h, height: 1234 }, '*'), HEIGHT);

    await a.waitForFunction((n) => (window as unknown as { got: number }).got >= n, bad.length + 2, { timeout: 10_000 });
    await page.waitForFunction(() => (window as unknown as { got: number }).got >= 12, null, { timeout: 10_000 });
    await a.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await state()).toEqual(before);

    // The same message from the right window does take effect: the test can tell.
    await page.$eval('#a', (f: HTMLIFrameElement, m) => f.contentWindow!.postMessage(m, '*'), valid);
    await expectStep(a, last);
    await a.evaluate((h) => parent.postMessage({ type: h, height: 1234 }, '*'), HEIGHT);
    await expect.poll(() => page.$eval('#a', (f) => f.style.height), POLL).toBe('1234px');
  });

  it('threw no error on the host page', () => {
    expect(errors).toEqual([]);
  });
});

describe('with pym.js and no embed.js', () => {
  let page: Page;
  let frame: Frame;
  beforeAll(async () => {
    page = await open('/pym', DESKTOP);
    frame = await storyIn(page, '#pym-story');
  });
  afterAll(() => page?.close());

  it("gets its height set by pym's parent", async () => {
    await expectSized(page, '#pym-story', frame);
    expect(await page.$eval('#pym-story iframe', (f) => f.getAttribute('height'))).toMatch(/^\d+px$/);
  });

  it("follows the host page's scroll from pym's viewport-iframe-position", async () => {
    for (const i of [0, 2, last, 1]) {
      await scrollHostTo(page, '#pym-story', frame, ids[i]!);
      await expectStep(frame, i);
      await expectMapInViewport(page, '#pym-story', frame, i);
    }
  });
});

describe('with AMP-style and Datawrapper-style listeners', () => {
  let page: Page;
  let frame: Frame;
  beforeAll(async () => {
    page = await open('/listeners', DESKTOP);
    frame = await storyIn(page, '#story');
  });
  afterAll(() => page?.close());

  it("each receives the story's content height, and the sized frame does not grow without end", async () => {
    const received = () => page.evaluate(() => (window as unknown as { heights: { amp: number[]; datawrapper: number[] } }).heights);
    await expectSized(page, '#story', frame); // Datawrapper's listener sizes the frame
    const { content } = await heights(page, '#story', frame);
    await expect.poll(async () => (await received()).amp.at(-1), POLL).toBe(Math.ceil(content));
    await expect.poll(async () => (await received()).datawrapper.at(-1), POLL).toBe(Math.ceil(content));
    // One screen stays the frame's first height, not the height it was given.
    expect(await frame.evaluate(() => document.documentElement.style.getPropertyValue('--viewport-height'))).toBe('600px');
    expect((await received()).datawrapper.length).toBeLessThanOrEqual(3);
  });
});

describe('in a plain iframe with no host script', () => {
  let page: Page;
  let frame: Frame;
  beforeAll(async () => {
    page = await open('/plain', DESKTOP);
    frame = await storyIn(page, '#story');
  });
  afterAll(() => page?.close());

  it('scrolls inside its frame, and its steps and sticky map follow that scroll', async () => {
    expect(await page.$eval('#story', (f) => f.clientHeight)).toBe(700);
    for (const i of [0, 2, last, 1]) {
      await frame.evaluate((sid) => {
        const top = document.getElementById(sid)!.getBoundingClientRect().top + window.scrollY;
        window.scrollTo({ top: top - window.innerHeight * (window.innerWidth >= 1024 ? 0.5 : 0.7) + 40, behavior: 'instant' });
      }, ids[i]!);
      await expectStep(frame, i);
      const map = await frame.evaluate(() => document.querySelector('[role=img]')!.getBoundingClientRect().toJSON());
      expect(Math.round(map.height)).toBe(700);
      expect(Math.round(map.top)).toBeLessThanOrEqual(i === 0 ? 700 : 0); // sticky at the frame's top
      expect(Math.round(map.top)).toBeGreaterThanOrEqual(0);
    }
  });
});

it('embed.js is one standalone script under 3 kB gzipped', () => {
  const code = readFileSync('dist/embed.js', 'utf8');
  expect(code).not.toMatch(/\bimport\s*[({"'`]|\bexport\s/);
  expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(3 * 1024);
});

describe('built with VITE_EMBED_ORIGINS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'story-origins-'));
  let restricted: StaticServer;
  let restrictedHost: StaticServer;
  beforeAll(async () => {
    // A production build with this one setting (buildSite: none inherited from the shell or .env files).
    await buildSite(dir, { VITE_EMBED_ORIGINS: 'https://news.example.org' });
    restricted = await serveDir(dir);
    restrictedHost = await serveHostPages(hostPages(restricted.url));
  });
  afterAll(async () => {
    await restricted?.close();
    await restrictedHost?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is not driven, nor sized, by a host on another origin', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(new URL('/embed-js-one', restrictedHost.url).href);
    const frame = await storyIn(page, '#a');
    await frame.evaluate(() => {
      (window as unknown as { got: number }).got = 0;
      addEventListener('message', () => (window as unknown as { got: number }).got++);
    });
    await page.evaluate(() => window.scrollBy(0, 500)); // embed.js posts the new position
    await frame.waitForFunction(() => (window as unknown as { got: number }).got >= 1, null, { timeout: 10_000 });
    expect(await frame.evaluate(() => document.documentElement.dataset.embed)).toBe('frame');
    expect(await page.$eval('#a', (f) => f.clientHeight)).toBe(DESKTOP.height);
    await page.close();
  });
});

it('embed.html shows the snippet for its own site, and copies it', async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  const page = await context.newPage();
  await page.goto(`${site.url}embed.html`);
  const expected = embedSnippet(site.url, story.meta.title);
  await expect.poll(() => page.textContent('#snippet'), POLL).toBe(expected);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect.poll(() => page.textContent('[role=status]'), POLL).toBe('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  // and the Arabic edition's, its frame at ar/?embed
  const arabic = embedSnippet(site.url, editions!.ar!.story.meta.title, 'ar/');
  await expect.poll(() => page.textContent('#snippet-ar'), POLL).toBe(arabic);
  await page.getByRole('button', { name: "Copy the Arabic edition's snippet" }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), POLL).toBe(arabic);
  await context.close();
});
