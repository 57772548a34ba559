// What a reader sees while reading each card, on a phone and on a desktop, on the built site:
// the places the card rings are drawn where no card, legend or date stamp covers them; the
// legend names every side the map shows and keys claimed ground exactly when it is shown; the
// date stamp gives the date of the front drawn. And the labels as the engine places them: no
// "(approx.)" in any name, no marker without its name (the card's places always shown), and
// LEBANON or SYRIA on the map, wholly inside it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READING_POSITION, zoomOffset } from '../../src/layout/layout.ts';
import { COUNTRY_LAYERS, countryLabelBox } from '../../src/map/style/country-labels.ts';
import { HIGHLIGHT_LABEL_LAYER } from '../../src/map/style/story-layers.ts';
import { SIDES } from '../../src/palette/palette.ts';
import { formatDay } from '../../src/story/dates.ts';
import { RING } from '../../src/story/warnings.ts';
import { PHONE, SMALL_DESKTOP } from './chromium.ts';
import { expectStep, settled, story } from './contract.ts';
import { firstMove } from './reading.ts';
import { builtSite } from './site.ts';

const fronts = story!.layers.filter((l) => l.kind === 'front').map((l) => l.id);

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const site = builtSite();

for (const [name, viewport] of [
  ['phone', PHONE],
  // The narrowest desktop: the card column leaves the map the least room there.
  ['desktop', SMALL_DESKTOP],
] as const) {
  const desktop = name === 'desktop';
  describe(`reading on a ${name} (${viewport.width}×${viewport.height})`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await site.browser.newPage({ viewport, isMobile: !desktop, hasTouch: !desktop });
      // Cuts: a flight ends on the same camera, and the walk takes seconds instead of a minute.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(site.url);
      await firstMove(page);
    });
    afterAll(() => page?.close());

    it(
      'shows each step’s ringed places clear of the card being read, the legend and the date stamp; keys what it draws; dates its front; labels it whole',
      async () => {
        const problems: string[] = [];
        let checked = 0;
        for (const [i, step] of story!.steps.entries()) {
          // The card at its reading position: on a phone its top at READING_POSITION of the screen.
          await page.evaluate(
            ({ id, at }) => {
              const card = document.getElementById(id)!.querySelector('.card')!;
              window.scrollBy(0, card.getBoundingClientRect().top - window.innerHeight * at);
            },
            { id: step.id, at: desktop ? 0.3 : READING_POSITION },
          );
          // The step's camera, layers and front lines, as every engine's contract checks them.
          expectStep(await settled(page, step.id), i, 'maplibre');
          // Setting a step's filters lays its symbols out again, which ends once the map is idle.
          await page.waitForFunction(() => window.__story!.labels()?.settled === true, null, { timeout: 20_000 });
          const seen = await page.evaluate(
            ({ id, fronts }) => {
              const box = (el: Element | null) => {
                const r = el?.getBoundingClientRect();
                return r && r.width > 0 ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
              };
              const s = window.__story!;
              const shown = fronts.flatMap((l) => s.layerData(l)?.features ?? []);
              return {
                points: s.highlights(),
                card: box(document.getElementById(id)!.querySelector('.card')),
                keys: [box(document.querySelector('.legend')), box(document.querySelector('.stamp'))].filter((b) => b !== null),
                legend: (document.querySelector('.legend') as HTMLElement).innerText,
                claimedRow: box(document.querySelector('.legend [data-status="claimed"]')) !== null,
                stamp: (document.querySelector('.stamp') as HTMLElement).innerText,
                sides: [...new Set(shown.map((f) => f.properties?.side as string))],
                claimed: shown.some((f) => f.properties?.status === 'claimed'),
                snapshot: s.front()?.snapshot ?? null,
                labels: s.labels()!.labels,
                zoom: s.camera()!.zoom,
                map: box(document.querySelector('.map'))!,
              };
            },
            { id: step.id, fronts },
          );
          const where = `${step.id} (${name})`;
          const wanted = story!.views[i]!.highlight;
          if (seen.points.length !== wanted.length)
            problems.push(`${where}: ${seen.points.length} of ${wanted.length} ringed places drawn`);
          for (const { id, x, y } of seen.points) {
            checked++;
            const at = `${id} at (${Math.round(x)}, ${Math.round(y)})`;
            if (x < RING || y < RING || x > viewport.width - RING || y > viewport.height - RING)
              problems.push(`${where}: ${at} is off screen`);
            const card = seen.card!;
            if (desktop ? x < card.right + RING : y > card.top - RING)
              problems.push(`${where}: ${at} is under the card (${JSON.stringify(card)})`);
            const key = seen.keys.find((b: Box) => x > b.left - RING && x < b.right + RING && y > b.top - RING && y < b.bottom + RING);
            if (key) problems.push(`${where}: ${at} is under the map's keys (${JSON.stringify(key)})`);
          }
          for (const side of seen.sides) {
            const names = SIDES[side as keyof typeof SIDES];
            if (!seen.legend.includes(desktop ? names.label : names.short)) problems.push(`${where}: the legend does not name ${side}`);
          }
          if (seen.claimed !== seen.claimedRow)
            problems.push(`${where}: claimed ground ${seen.claimed ? 'shown without' : 'not shown, yet'} a claimed row in the legend`);
          // The front's day in words, or the step's dates ending on it ("25–28 March 2015" for the 28th).
          if (
            seen.snapshot &&
            seen.snapshot !== story!.views[i]!.date.to &&
            !seen.stamp.includes(formatDay(seen.snapshot, Number(seen.snapshot.slice(0, 4))))
          )
            problems.push(`${where}: the date stamp "${seen.stamp}" does not give the front's date ${seen.snapshot}`);

          const names = seen.labels
            .filter((l) => l.layer === HIGHLIGHT_LABEL_LAYER || l.layer.endsWith(':label'))
            .map((l) => String(l.properties.name ?? ''));
          if (names.some((t) => t.includes('approx'))) problems.push(`${where}: "(approx.)" in a name`);
          if (names.some((t) => t.trim() === '')) problems.push(`${where}: a marker without a name`);
          const named = new Set(seen.labels.filter((l) => l.layer === HIGHLIGHT_LABEL_LAYER).map((l) => l.properties.id));
          const unnamed = wanted.filter((p) => !named.has(p));
          if (unnamed.length) problems.push(`${where}: ringed places not named: ${unnamed.join(', ')}`);
          const countries = seen.labels.filter((l) => l.layer === COUNTRY_LAYERS[1]);
          if (!countries.length) problems.push(`${where}: neither LEBANON nor SYRIA on the map`);
          const z = seen.zoom + zoomOffset(viewport.width, viewport.height);
          for (const c of countries) {
            const [x0, y0, x1, y1] = countryLabelBox(String(c.properties.name), String(c.properties.name_ar ?? ''), c.at, z);
            if (x0 < seen.map.left || y0 < seen.map.top || x1 > seen.map.right || y1 > seen.map.bottom)
              problems.push(`${where}: ${String(c.properties.name)} cut by the edge (${[x0, y0, x1, y1].map(Math.round).join(', ')})`);
          }
        }
        expect(checked).toBeGreaterThan(story!.steps.length);
        expect(problems).toEqual([]);
      },
      20_000 + story!.steps.length * 8_000,
    );
  });
}
