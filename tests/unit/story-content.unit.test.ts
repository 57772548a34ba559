// The journalism, checked: every place named is on the map, every quote is in its source,
// every step cites what it says, dates run forward, and the front lines are valid shapes
// consistent with the captures the captions report.
import { describe, expect, it } from 'vitest';
import { geometryAreaKm2 } from '../../src/geo/rings.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { plainText, wordCount, type Block } from '../../src/story/markup.ts';
import { STORY_REGION, STORY_SCRIPT } from '../../story.config.ts';
import labels from '../../assets/basemap/country-labels.json' with { type: 'json' };
import { partisanOutlet } from '../../src/story/outlets.ts';
import { factSheetCoordinates, factSheetPlaceNames, FACT_SHEET, FURTHER, normaliseQuote, SEED } from './facts.ts';

const { story, data, errors } = loadStoryFile(STORY_SCRIPT);
if (!story) throw new Error(`the story script does not load:\n${errors.map((e) => e.message).join('\n')}`);

const layersOf = (kind: string) => story.layers.filter((l) => l.kind === kind);
const featuresOf = (kind: string) => layersOf(kind).flatMap((l) => data[l.id]!.features);
const places = featuresOf('places');
const placeById = new Map(places.map((f) => [String(f.properties!.id), f]));
const captionText = (blocks: Block[]) => normaliseQuote(plainText(blocks));
const captions = story.steps.map((s) => captionText(s.caption));

/** Place names the map can show: the places, the story's labels and the basemap's region names. */
const mapNames = new Set([...places, ...featuresOf('label'), ...labels.features].map((f) => String(f.properties!.name)));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const names = (text: string, name: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'u').test(text);

/**
 * Reported places that we could not locate, named in a caption all the same; the method note
 * says so. Each entry is a reason, not a loophole: keep it short.
 */
const UNPLACED = new Map([["Ma'br al-Kharbah", 'a border crossing reported taken on 11 May; no position, direction or distance found']]);

describe('places', () => {
  const gazetteer = [...factSheetPlaceNames(), ...[...mapNames].map((n) => [n])];

  it('reads the fact sheet places table (so a caption naming one of its places is noticed)', () => {
    expect(factSheetPlaceNames().length).toBeGreaterThan(30);
    expect(factSheetPlaceNames().find((g) => g.includes('Flitah'))).toContain('Flita');
  });

  it('puts every place a caption names on the map, under the spelling the caption uses', () => {
    const missing = story.steps.flatMap((s, i) =>
      gazetteer
        .filter((group) => group.some((n) => names(captions[i]!, n)))
        .filter((group) => !group.some((n) => names(captions[i]!, n) && mapNames.has(n)))
        .map((group) => `${s.id}: ${group.filter((n) => names(captions[i]!, n)).join(' / ')}`),
    );
    expect(missing).toEqual([]);
  });

  it('names in some caption every place and label the story draws', () => {
    const story_ = [...places, ...featuresOf('label')].map((f) => String(f.properties!.name));
    expect(story_.filter((n) => !captions.some((c) => names(c, n)))).toEqual([]);
  });

  it('names on the card every place it rings, and shows the ring with its marker', () => {
    const problems = story.steps.flatMap((s, i) =>
      story.views[i]!.highlight.flatMap((id) => {
        const f = placeById.get(id)!;
        const layer = layersOf('places').find((l) => data[l.id]!.features.includes(f))!;
        return [
          ...(names(captions[i]!, String(f.properties!.name)) ? [] : [`${s.id}: rings ${id} without naming it`]),
          ...(story.views[i]!.layers.includes(layer.id) ? [] : [`${s.id}: rings ${id} but hides its layer ${layer.id}`]),
        ];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('lists every unplaced name in the method note, and names none that is placed', () => {
    const method = captionText(story.meta.method);
    for (const name of UNPLACED.keys()) {
      expect(method).toContain(name);
      expect(mapNames.has(name)).toBe(false);
    }
  });

  it("puts every sourced place at the fact sheet's coordinates, and calls approximate only places it has none for", () => {
    const published = factSheetCoordinates();
    expect(published.get('Arsal')).toEqual([36.42083, 34.17944]);
    for (const f of places) {
      const { name, confidence } = f.properties!;
      const at = published.get(String(name));
      if (confidence === 'sourced') expect((f.geometry as GeoJSON.Point).coordinates, String(name)).toEqual(at);
      else expect(at, `${String(name)} has published coordinates`).toBeUndefined();
    }
  });

  it('gives every place its name, country, kind and sources, and says how an approximate one was placed', () => {
    for (const f of places) {
      const p = f.properties!;
      expect(p, String(p.id)).toMatchObject({
        name: expect.any(String),
        country: expect.stringMatching(/^(SY|LB)$/),
        kind: expect.stringMatching(/^(town|hill|crossing|region)$/),
        sources: expect.arrayContaining([expect.any(String)]),
      });
      expect(['sourced', 'approximate'], String(p.id)).toContain(p.confidence);
      expect(String(p.derivation), String(p.id)).toMatch(/.{20,}/);
      if (p.confidence === 'approximate') expect(String(p.derivation), String(p.id)).toMatch(/.{40,}/);
    }
  });
});

describe('sources', () => {
  const ids = story.meta.sources.map((s) => s.id);

  it('every step cites at least one source, and each resolves', () => {
    for (const s of story.steps) {
      expect(s.sources.length, s.id).toBeGreaterThan(0);
      for (const id of s.sources) expect(ids, `${s.id} cites ${id}`).toContain(id);
    }
  });

  it('every listed source is cited by a step or by a shape on the map', () => {
    const shapes = Object.values(data).flatMap((fc) => fc.features.flatMap((f) => (f.properties?.sources as string[] | undefined) ?? []));
    const cited = new Set([...story.steps.flatMap((s) => s.sources), ...shapes]);
    expect(ids.filter((id) => !cited.has(id))).toEqual([]);
  });

  it('gives every source its outlet, date and title, and the page to read it on where one was found', () => {
    for (const src of story.meta.sources) {
      expect(src.publisher.trim(), src.id).not.toBe('');
      expect(src.title.trim(), src.id).not.toBe('');
      expect(src.date, src.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    // Reports without a link say why (not found online), in their note.
    for (const src of story.meta.sources.filter((x) => !x.url && x.stance !== 'reference')) expect(src.note, src.id).toMatch(/no copy/);
  });

  it('says whose outlet each partisan or state source is (the outlets listed in src/story/outlets.ts)', () => {
    const partisan = story.meta.sources.filter((src) => partisanOutlet(src.publisher));
    expect(partisan.length).toBeGreaterThan(5);
    for (const src of partisan) {
      expect(src.stance, src.id).toBe(partisanOutlet(src.publisher)!.stance);
      expect(src.affiliation, src.id).toMatch(/\w{4,}/);
    }
  });

  it('keeps Wikipedia and its summaries out of the prose: they stay in the sources list', () => {
    expect(story.steps.filter((s, i) => /wiki/i.test(captions[i]!)).map((s) => s.id)).toEqual([]);
  });

  it('every source a shape cites is listed', () => {
    const listed = new Set(ids);
    const shapes = Object.values(data).flatMap((fc) => fc.features.flatMap((f) => (f.properties?.sources as string[] | undefined) ?? []));
    expect(shapes.filter((id) => !listed.has(id))).toEqual([]);
  });
});

describe('quotes', () => {
  const seed = normaliseQuote(SEED);
  const sheet = normaliseQuote(FACT_SHEET);
  const further = normaliseQuote(FURTHER);
  const inSources = (q: string) => seed.includes(q) || sheet.includes(q) || further.includes(q);
  // Inline quotes may end with the sentence's comma or full stop inside the marks.
  const unquote = (q: string) => q.replace(/^"|"$/g, '').replace(/[,.;:]$/, '');
  const quotesIn = (blocks: Block[]) => [
    ...blocks.filter((b) => b.t === 'quote').map((b) => ({ kind: 'block', text: unquote(normaliseQuote(plainText(b.c))), by: b.by })),
    ...blocks
      .filter((b) => b.t === 'p')
      .flatMap((b) =>
        [...normaliseQuote(plainText([b])).matchAll(/"([^"]+)"/g)].map((m) => ({ kind: 'inline', text: unquote(m[1]!), by: null })),
      ),
  ];
  const all = story.steps.flatMap((s) => quotesIn(s.caption).map((q) => ({ step: s.id, ...q })));

  it("finds the analysts' block quotes", () => {
    expect(all.filter((q) => q.kind === 'block').length).toBeGreaterThanOrEqual(5);
  });

  it('quotes exactly: every quote is in the seed article, the fact sheet or the further sources (whitespace and quote marks aside)', () => {
    expect(all.filter((q) => !inSources(q.text)).map((q) => `${q.step}: "${q.text}"`)).toEqual([]);
  });

  it('names who is speaking, with a one-line role', () => {
    for (const q of all.filter((x) => x.kind === 'block')) {
      expect(plainText(q.by ?? []), q.step).toMatch(/^[^,]+, .+/);
    }
  });

  it('repairs only the Velayati line of the seed, as story/evidence/README.md describes', () => {
    expect(seed).toContain('strengthen the axis of resistance, not just in Syria and Lebanon');
  });
});

describe('dates and captions', () => {
  const OFFENSIVE = { from: '2015-05-04', to: '2015-06-21' };

  it('never go backwards within a chapter', () => {
    for (const c of story.chapters) {
      const steps = story.steps.filter((s) => s.chapter === c.id);
      steps.slice(1).forEach((s, i) => expect(s.date.from >= steps[i]!.date.from, `${steps[i]!.id} → ${s.id}`).toBe(true));
    }
  });

  it('keep the offensive chapter within 4 May – 21 June 2015, except steps marked as context', () => {
    const outside = story.steps.filter(
      (s) => s.chapter === 'offensive' && !s.date.label.startsWith('Context') && (s.date.from < OFFENSIVE.from || s.date.to > OFFENSIVE.to),
    );
    expect(outside.map((s) => s.id)).toEqual([]);
  });

  it('fit a phone card: 80 words at most', () => {
    const long = story.steps.map((s) => [s.id, wordCount(s.caption)] as const).filter(([, n]) => n > 80);
    expect(long).toEqual([]);
  });

  it('tell at least 20 steps in three chapters', () => {
    expect(story.steps.length).toBeGreaterThanOrEqual(20);
    expect(new Set(story.steps.map((s) => s.chapter)).size).toBe(3);
  });

  it('describe the map of every step for screen readers', () => {
    for (const s of story.steps) expect(s.alt.startsWith('Map:'), `${s.id} has no alt text of its own`).toBe(false);
  });
});

type Ring = number[][];
const orient = (a: number[], b: number[], c: number[]) => Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));
/** Proper crossing of segments ab and cd (touching at an end or sharing an edge does not count). */
const crosses = (a: number[], b: number[], c: number[], d: number[]) =>
  orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
const segments = (r: Ring) => r.slice(1).map((p, i) => [r[i]!, p] as const);
const inside = (p: number[], r: Ring) => {
  let c = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i]!,
      [xj, yj] = r[j]!;
    if (yi! > p[1]! !== yj! > p[1]! && p[0]! < ((xj! - xi!) * (p[1]! - yi!)) / (yj! - yi!) + xi!) c = !c;
  }
  return c;
};
const selfIntersects = (r: Ring): boolean => {
  const segs = segments(r);
  return segs.some(([a, b], i) => segs.some(([c, d], j) => j > i + 1 && !(i === 0 && j === segs.length - 1) && crosses(a, b, c, d)));
};

describe('front lines', () => {
  const fronts = featuresOf('front');
  const rings = (f: GeoJSON.Feature): Ring[] =>
    f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : [];
  const snapshots = [...new Set(fronts.map((f) => String(f.properties!.snapshot)))].sort();
  const [west, south, east, north] = STORY_REGION;

  it('has at least six dated snapshots from late March to late June 2015', () => {
    expect(snapshots.length).toBeGreaterThanOrEqual(6);
    expect(snapshots[0]! <= '2015-03-31').toBe(true);
    expect(snapshots.at(-1)! >= '2015-06-20').toBe(true);
  });

  it('draws valid polygons: closed rings with no self-intersection, inside the region', () => {
    for (const f of fronts) {
      const tag = `${f.properties!.id} @ ${f.properties!.snapshot}`;
      for (const r of rings(f)) {
        expect(r.length, tag).toBeGreaterThanOrEqual(4);
        expect(r[0], tag).toEqual(r.at(-1));
        // A reconstruction is never more than reported: held ground is our estimate, gains are claims.
        expect(f.properties!.confidence, tag).toBe(f.properties!.status === 'assessed' ? 'estimate' : 'claimed');
        expect(selfIntersects(r), `${tag} crosses itself`).toBe(false);
        for (const [lon, lat] of r)
          expect(lon! >= west && lon! <= east && lat! >= south && lat! <= north, `${tag}: ${lon},${lat} outside the region`).toBe(true);
      }
    }
  });

  it('never lets two areas of one snapshot overlap, and keeps one polygon per area id', () => {
    for (const snap of snapshots) {
      const fs = fronts.filter((f) => f.properties!.snapshot === snap);
      expect(new Set(fs.map((f) => f.properties!.id)).size, snap).toBe(fs.length);
      fs.forEach((a, i) =>
        fs.slice(i + 1).forEach((b) => {
          const [ra, rb] = [rings(a)[0]!, rings(b)[0]!];
          const tag = `${snap}: ${a.properties!.id} × ${b.properties!.id}`;
          expect(
            segments(ra).some(([p, q]) => segments(rb).some(([r, s]) => crosses(p, q, r, s))),
            tag,
          ).toBe(false);
          expect(
            ra.some((p) => inside(p, rb) && !rb.some((v) => v[0] === p[0] && v[1] === p[1])),
            tag,
          ).toBe(false);
        }),
      );
    }
  });

  it('shows every snapshot on a step whose dates include it', () => {
    const frontIds = layersOf('front').map((l) => l.id);
    for (const snap of snapshots) {
      const shown = story.views.some(
        (v, i) =>
          v.front === snap &&
          v.layers.some((id) => frontIds.includes(id)) &&
          story.steps[i]!.date.from <= snap &&
          snap <= story.steps[i]!.date.to,
      );
      expect(shown, `snapshot ${snap}`).toBe(true);
    }
  });

  // What the captions report, as (place, side, from): from that snapshot on, the place lies
  // inside an area of that side. Towns held throughout are listed from the first snapshot.
  const HELD: [string, string, string][] = [
    ['arsal', 'lebanese-army', '2015-03-28'],
    ['zabadani', 'rebels', '2015-03-28'],
    ...['yabroud', 'qara', 'assal-al-ward', 'al-jubbah', 'ras-al-maara', 'flitah', 'jarajir'].map(
      (id) => [id, 'government', '2015-03-28'] as [string, string, string],
    ),
    ['al-barouh', 'government', '2015-05-11'],
    ['tallat-musa', 'government', '2015-05-13'],
  ];
  it.each(HELD)('puts %s inside a %s area from %s on', (id, side, from) => {
    const at = (placeById.get(id)!.geometry as GeoJSON.Point).coordinates;
    for (const snap of snapshots.filter((s) => s >= from)) {
      const held = fronts.some(
        (f) => f.properties!.snapshot === snap && f.properties!.side === side && rings(f).some((r) => inside(at, r)),
      );
      expect(held, `${id} at ${snap}`).toBe(true);
    }
  });

  it('says for every area what it is drawn from, how sure it is and how its outline was drawn', () => {
    for (const f of fronts) {
      const p = f.properties!;
      const tag = `${p.id} @ ${p.snapshot}`;
      for (const key of ['confidence', 'derivation'])
        expect(typeof p[key] === 'string' && p[key].trim().length > 0, `${tag} has no ${key}`).toBe(true);
      expect(Array.isArray(p.sources) && p.sources.length > 0, `${tag} has no sources`).toBe(true);
      expect(String(p.derivation), `${tag}: a one-line derivation`).toMatch(/^[^\n]{40,}$/);
    }
  });

  // Shapes that betray a placeholder: a figure drawn with compasses (every vertex about as far
  // from the centre, every edge about as long), or a few long straight edges for a large area.
  const KX = Math.cos((34 * Math.PI) / 180);
  const km = (a: number[], b: number[]) => Math.hypot((a[0]! - b[0]!) * KX * 111.32, (a[1]! - b[1]!) * 110.57);
  const cv = (xs: number[]) => {
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length) / mean;
  };
  const outerRings = () =>
    fronts.map((f) => ({
      tag: `${f.properties!.id} @ ${f.properties!.snapshot}`,
      ring: rings(f)[0]!.slice(0, -1),
      km2: geometryAreaKm2(f.geometry),
    }));

  it('draws no area as a near-regular polygon', () => {
    const regular = outerRings().filter(({ ring }) => {
      if (ring.length < 5) return false;
      const c = [0, 1].map((k) => ring.reduce((s, v) => s + v[k]!, 0) / ring.length);
      const radial = cv(ring.map((v) => km(v, c)));
      const edges = cv(ring.map((v, i) => km(v, ring[(i + 1) % ring.length]!)));
      return radial < 0.1 && edges < 0.2;
    });
    expect(regular.map((r) => r.tag)).toEqual([]);
  });

  it('gives every area enough vertices for its size (at least 5, and 0.8 × √km²)', () => {
    const coarse = outerRings()
      .filter(({ ring, km2 }) => ring.length < Math.max(5, 0.8 * Math.sqrt(km2)))
      .map(({ tag, ring, km2 }) => `${tag}: ${ring.length} vertices for ${Math.round(km2)} km²`);
    expect(coarse).toEqual([]);
  });

  it('puts Tallat Musa and al-Barouh outside the government side before their capture', () => {
    for (const [id, from] of [
      ['tallat-musa', '2015-05-13'],
      ['al-barouh', '2015-05-11'],
    ] as const) {
      const at = (placeById.get(id)!.geometry as GeoJSON.Point).coordinates;
      for (const snap of snapshots.filter((s) => s < from)) {
        expect(
          fronts.some((f) => f.properties!.snapshot === snap && f.properties!.side === 'government' && rings(f).some((r) => inside(at, r))),
          `${id} at ${snap}`,
        ).toBe(false);
      }
    }
  });
});

describe('layers', () => {
  it('shows every layer on some step', () => {
    const shown = new Set(story.views.flatMap((v) => v.layers));
    expect(story.layers.map((l) => l.id).filter((id) => !shown.has(id))).toEqual([]);
  });
});
