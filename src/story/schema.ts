// The single definition of a story script. TypeScript types, runtime validation and the
// JSON Schema in story/story.schema.json (read by editors' YAML tooling) all come from here.
import { z } from 'zod';
import { partisanOutlet } from './outlets.ts';
import { isWebUrl } from './urls.ts';

/** What editors see on hover and in completion: every field has a description and an example. */
const doc = <T extends z.ZodType>(schema: T, description: string, example: unknown): T => schema.meta({ description, examples: [example] });


/** Caption and method lengths past any real card: they bound the markup parser's work on a bad script. */
const CAPTION_MAX = 4000;
const METHOD_MAX = 8000;
/** A share card holds about this much in its summary's lines. */
const SHARE_MAX = 140;

/** The editions besides English a script can carry: each text's translation sits under this key beside it. */
export const LOCALES = ['ar'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The Arabic of an object's reader-facing texts, beside the English: the same fields, each
 * optional here; load.ts (translations.ts) reports a missing or extra one at its place.
 */
const arabic = <S extends Record<string, z.ZodType>>(fields: S, what: string, example: Partial<Record<keyof S, string>>) =>
  doc(
    z
      .strictObject(
        Object.fromEntries(
          Object.entries(fields).map(([k, f]) => [k, doc(f.optional(), `the Arabic of "${k}" beside it`, example[k] ?? 'القلمون')]),
        ) as { [K in keyof S]: z.ZodOptional<S[K]> },
      )
      .optional(),
    `the Arabic of ${what}, for the Arabic edition (meta.editions: [ar]): the same keys as the English beside it`,
    example,
  );
const Text = z.string().min(1);
const CaptionText = z
  .string()
  .min(1, 'a caption is required')
  .max(CAPTION_MAX, `a caption is limited to ${CAPTION_MAX.toLocaleString('en')} characters (a card holds about 80 words)`);
const ShareText = z.string().min(1).max(SHARE_MAX, `a share summary is limited to ${SHARE_MAX} characters: one line on the preview card`);
const MethodText = z.string().max(METHOD_MAX, `the method note is limited to ${METHOD_MAX.toLocaleString('en')} characters`);

export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug: lowercase letters, digits and single hyphens, e.g. "flitah-hills"');

export const IsoDate = z.iso.date('a date written YYYY-MM-DD, e.g. 2015-05-13');

/** A single day, or a span of days when reports cover several. */
export const DateSpec = z.union([
  doc(IsoDate, 'a single day, YYYY-MM-DD', '2015-05-13'),
  doc(
    z
      .strictObject({
        from: doc(IsoDate, 'first day the reports cover, YYYY-MM-DD', '2015-05-07'),
        to: doc(IsoDate, 'last day the reports cover, YYYY-MM-DD', '2015-05-12'),
      })
      .refine((r) => r.from <= r.to, { message: '"from" must not be after "to"' }),
    'a span of days, when reports cover several',
    { from: '2015-05-07', to: '2015-05-12' },
  ),
]);

// Examples shared by a field and the lists and objects that hold it.
const EXAMPLE = {
  source: {
    id: 'daily-star-2015-05-12',
    title: 'Hezbollah, Syrian army advance in Qalamoun',
    publisher: 'The Daily Star',
    date: '2015-05-12',
  },
  chapter: { id: 'prelude', title: 'Prelude: March–April 2015' },
  layer: { id: 'towns', kind: 'places', title: 'Towns and villages', data: 'data/places.geojson' },
  step: {
    id: 'three-axes',
    chapter: 'prelude',
    date: '2015-04-03',
    camera: { center: [36.1, 33.73], zoom: 9.6 },
    layers: ['towns'],
    highlight: ['zabadani'],
    alt: 'Close-up of Zabadani.',
    sources: ['daily-star-2015-05-12'],
    caption: 'By 3 April the army was closing on *Zabadani* along three axes.',
  },
};
const EXAMPLE_META = {
  title: 'The battle for the barrens',
  dek: 'Scroll to follow the fighting.',
  byline: 'Graphics desk',
  published: '2015-06-21',
  sources: [EXAMPLE.source],
};

export const LngLat = doc(
  z.tuple([
    doc(z.number().min(-180).max(180), 'longitude in degrees, −180..180 (east is positive)', 36.42),
    doc(z.number().min(-90).max(90), 'latitude in degrees, −90..90 (north is positive)', 33.93),
  ]),
  '[longitude, latitude] of the point the map centres on',
  [36.42, 33.93],
);

export const Camera = doc(
  z.strictObject({
    center: LngLat,
    zoom: doc(
      z.number().min(0).max(22),
      'map zoom on a phone, 0 (world) .. 22 (street); the region fits at about 8 (wider screens zoom in to frame the same area)',
      8.2,
    ),
    pitch: doc(z.number().min(0).max(85).default(0), 'tilt in degrees, 0 (straight down) .. 85', 0),
    bearing: doc(z.number().min(-360).max(360).default(0), 'rotation in degrees clockwise from north', 0),
  }),
  'Where the map looks during this step; `?edit` on the dev page gives a ready-made one',
  { center: [36.42, 33.93], zoom: 8.2, pitch: 0, bearing: 0 },
);

export const Transition = doc(
  z.strictObject({
    type: doc(z.enum(['fly', 'ease', 'jump']).default('fly'), 'fly: zoom out and in; ease: glide; jump: cut', 'ease'),
    duration: doc(z.number().int().min(0).max(10000).default(2000), 'length of the move in milliseconds', 1500),
  }),
  'How the camera moves to this step (default: fly, 2000 ms)',
  { type: 'ease', duration: 1500 },
);

/** GSAP eases that do not overshoot: a front line must never pass its target. */
export const MORPH_EASES = [
  'none',
  ...['power1', 'power2', 'power3', 'sine', 'expo', 'circ'].flatMap((e) => [`${e}.in`, `${e}.out`, `${e}.inOut`]),
] as const;

export const Morph = doc(
  z.strictObject({
    duration: doc(z.number().int().min(0).max(10000).default(1200), 'length of the morph in milliseconds; 0 cuts', 1500),
    ease: doc(z.enum(MORPH_EASES).default('power2.inOut'), 'GSAP easing of the morph ("none" is linear)', 'power1.inOut'),
  }),
  "How the front lines change into this step's snapshot (default: 1200 ms, power2.inOut)",
  { duration: 1500, ease: 'power1.inOut' },
);

/** A source's date to the precision known: a day, a month or a year. */
export const SourceDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a date written YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known');

/** Whose account a source carries, for the sources list's groups (labels: src/story/outlets.ts). */
export const SOURCE_STANCES = ['independent', 'pro-government', 'opposition', 'reference'] as const;

export const Source = doc(
  z.strictObject({
    id: doc(Slug, 'short id that steps cite under "sources"', 'daily-star-2015-05-12'),
    title: doc(z.string().min(1), 'headline or title of the report, exactly as published', 'Hezbollah, Syrian army advance in Qalamoun'),
    publisher: doc(z.string().min(1), 'outlet or author', 'The Daily Star'),
    ar: arabic(
      { title: Text, publisher: Text, note: Text, affiliation: Text },
      'the source line: publisher, note and affiliation; a title only where the report was published in Arabic',
      { publisher: 'ديلي ستار (لبنان)' },
    ),
    date: doc(SourceDate, 'publication date (YYYY-MM-DD; YYYY-MM or YYYY when only that is known)', '2015-05-12'),
    url: doc(
      z
        .string()
        .refine(isWebUrl, { error: (i) => `${JSON.stringify(i.input)} is not a web address: a source link starts https:// or http://` })
        .optional(),
      'where the report can be read',
      'https://example.org/report',
    ),
    note: doc(z.string().optional(), 'how it reached us; whose claim it carries', 'Reports Al-Manar claims.'),
    stance: doc(
      z.enum(SOURCE_STANCES).default('independent'),
      "whose account it carries: independent (news agencies, papers, monitors), pro-government (Hezbollah's, the Syrian and Iranian governments' and their allies' media), opposition (Syrian opposition and rebel-side media), reference (encyclopedias, summaries, gazetteers)",
      'pro-government',
    ),
    affiliation: doc(
      z.string().min(1).optional(),
      'who the outlet belongs to or speaks for; required for pro-government and opposition outlets',
      "Hezbollah's television station",
    ),
  }).superRefine((s, ctx) => {
    const outlet = partisanOutlet(s.publisher);
    if (outlet && s.stance !== outlet.stance) {
      ctx.addIssue({ code: 'custom', path: ['stance'], message: `${outlet.name} is ${outlet.affiliation}: set stance: ${outlet.stance}` });
    }
    if ((s.stance === 'pro-government' || s.stance === 'opposition') && !s.affiliation) {
      const hint = outlet ? `, e.g. affiliation: ${JSON.stringify(outlet.affiliation)}` : '';
      ctx.addIssue({ code: 'custom', path: ['affiliation'], message: `a ${s.stance} source needs an affiliation note for readers${hint}` });
    }
  }),
  'a report the steps cite',
  EXAMPLE.source,
);

export const Correction = doc(
  z.strictObject({
    date: doc(IsoDate, 'when the change was published', '2015-06-22'),
    text: doc(z.string().min(1), 'what changed, for readers', 'An earlier version gave the wrong date for the capture of Tallat Musa.'),
    ar: arabic({ text: Text }, 'the correction', { text: 'ذكرت نسخة سابقة تاريخاً خاطئاً للسيطرة على طلعة موسى.' }),
  }),
  'a change made after publication',
  { date: '2015-06-22', text: 'An earlier version gave the wrong date for the capture of Tallat Musa.' },
);

export const Meta = doc(
  z.strictObject({
    title: doc(z.string().min(1), 'headline of the story', 'The battle for the barrens: Qalamoun, 2015'),
    dek: doc(
      z.string().min(1),
      'one or two sentences under the headline',
      'In the spring of 2015 Hezbollah and the Syrian army fought rebels for the mountains on the border.',
    ),
    byline: doc(z.string().min(1), 'who wrote it', 'Graphics desk'),
    published: doc(IsoDate, 'publication date', '2015-06-21'),
    credits: doc(z.string().optional(), 'map data and other credits, shown at the end', 'Basemap: Natural Earth.'),
    method: doc(
      MethodText.optional(),
      '"How this map was made": caption markup shown before the sources',
      'Areas are *reconstructions* from reports, not surveyed positions.',
    ),
    editions: doc(
      z.array(z.enum(LOCALES)).default([]),
      'the translated editions built beside the English one, each at /<code>/ (ar: Arabic, right to left); `npm run check` then requires every text to be translated',
      ['ar'],
    ),
    ar: arabic(
      { title: Text, dek: Text, byline: Text, credits: Text, method: MethodText },
      'the headline, dek, byline, credits and method note',
      { title: 'معركة الجرود: القلمون 2015' },
    ),
    sources: doc(z.array(Source).min(1), 'every report the steps and the map cite', [EXAMPLE.source]),
    corrections: doc(
      z.array(Correction).default([]),
      'changes made after publication, oldest first; `npm run check` asks for one when a caption changed after the publication date',
      [{ date: '2015-06-22', text: 'An earlier version gave the wrong date for the capture of Tallat Musa.' }],
    ),
    terrain: doc(
      z
        .strictObject({
          exaggeration: doc(z.number().min(0).max(5).default(1), 'vertical scale of the relief: 1 true to life, 1.5 steeper, 0 flat', 1.5),
        })
        .default({ exaggeration: 1 }),
      '3D relief: on Mapbox (a token is set) always; on the offline map, which always shades the relief, when a step tilts the camera (pitch above 0)',
      { exaggeration: 1.5 },
    ),
  }),
  "the story's headline, byline and sources",
  EXAMPLE_META,
);

export const Chapter = doc(
  z.strictObject({
    id: doc(Slug, 'id that steps name under "chapter"', 'prelude'),
    title: doc(z.string().min(1), 'chapter heading shown above its first step', 'Prelude: March–April 2015'),
    ar: arabic({ title: Text }, 'the chapter heading', { title: 'تمهيد: آذار–نيسان 2015' }),
  }),
  'a chapter: a heading over a run of steps',
  EXAMPLE.chapter,
);

export const StyleToken = doc(
  z.enum(['government', 'rebels', 'isil', 'lebanese-army', 'neutral', 'highlight']),
  'colour of the layer, from the story palette: a side, neutral (dark grey) or highlight (orange)',
  'government',
);

export const Layer = doc(
  z.strictObject({
    id: doc(Slug, 'id that steps list under "layers"', 'towns'),
    kind: doc(
      z.enum(['places', 'area', 'line', 'label', 'front']),
      'places: points with names; area: polygons; line: arrows; label: text only; front: dated snapshots of the areas each side holds',
      'places',
    ),
    title: doc(z.string().min(1), 'name of the layer in the legend', 'Towns and villages'),
    ar: arabic({ title: Text }, 'the layer\'s name in the legend', { title: 'بلدات وقرى' }),
    data: doc(
      z
        .string()
        .regex(/^data\/[A-Za-z0-9._/-]+\.(geo)?json$/, 'a GeoJSON file under story/data/, e.g. "data/places.geojson"')
        .refine((p) => !p.split('/').includes('..'), { error: (i) => `${JSON.stringify(i.input)} leaves story/data/: name a file there, without ".."` }),
      'GeoJSON file, relative to the story folder',
      'data/places.geojson',
    ),
    style: doc(
      z
        .strictObject({
          color: StyleToken.default('neutral'),
          opacity: doc(z.number().min(0).max(1).optional(), 'fill or line opacity, 0..1', 0.45),
          dashed: doc(z.boolean().default(false), 'dashed outline or line (claimed, not confirmed)', true),
        })
        .default({ color: 'neutral', dashed: false }),
      'how the layer is drawn (default: neutral, solid)',
      { color: 'government', dashed: true },
    ),
  }),
  'a map layer: a GeoJSON file drawn one way',
  EXAMPLE.layer,
);

export const Step = doc(
  z.strictObject({
    id: doc(Slug, 'unique id of the step; also its link: story.html#<id>', 'three-axes'),
    chapter: doc(Slug, 'id of the chapter this step belongs to', 'prelude'),
    date: doc(
      DateSpec.optional(),
      'date of what the step tells, or {from, to}; inherited from the step before when left out',
      '2015-04-03',
    ),
    dateLabel: doc(z.string().min(1).optional(), 'how the date reads on the card when the dates alone say it badly', 'Mid-April 2015'),
    caption: doc(
      CaptionText,
      'text of the card: paragraphs, *emphasis*, **strong**, [links](https://…), "> " quotes ending "> — Name"; about 80 words fit on a phone',
      'By 3 April the army was closing on *Zabadani* along three axes.',
    ),
    share: doc(
      ShareText.optional(),
      "one line for this step's preview card and share text (plain text); the caption's first sentence when left out",
      'By 3 April the army had closed on Zabadani along three axes.',
    ),
    alt: doc(z.string().min(1).optional(), 'what the map shows at this step, for screen readers', 'Close-up of Zabadani with two arrows.'),
    camera: doc(Camera.optional(), 'where the map looks; inherited from the step before when left out', {
      center: [36.1, 33.73],
      zoom: 9.6,
    }),
    transition: Transition.optional(),
    layers: doc(z.array(Slug).optional(), 'ids of the layers shown; inherited from the step before when left out', [
      'towns',
      'zabadani-approaches',
    ]),
    front: doc(
      IsoDate.optional(),
      'which front-line snapshot the front layers show (its date); inherited from the step before when left out',
      '2015-05-12',
    ),
    morph: Morph.optional(),
    highlight: doc(z.array(Slug).default([]), 'ids of places to ring on the map', ['zabadani']),
    sources: doc(z.array(Slug).min(1, 'every step cites at least one source'), 'ids from meta.sources', ['daily-star-2015-05-12']),
    ar: arabic({ caption: CaptionText, alt: Text, dateLabel: Text, share: ShareText }, 'the card: caption, alt text, date label and share line', {
      caption: 'بحلول 3 نيسان كان الجيش يقترب من *الزبداني* على ثلاثة محاور.',
    }),
  }),
  'one scroll step: a card and the map behind it',
  EXAMPLE.step,
);

export const StoryScript = doc(
  z.strictObject({
    meta: Meta,
    chapters: doc(z.array(Chapter).min(1), 'the chapters, in order', [EXAMPLE.chapter]),
    layers: doc(z.array(Layer).default([]), 'the map layers steps can show', [EXAMPLE.layer]),
    steps: doc(z.array(Step).min(1, 'a story needs at least one step'), 'the scroll steps, in reading order', [EXAMPLE.step]),
  }),
  'A scroll-driven map story',
  { meta: EXAMPLE_META, chapters: [EXAMPLE.chapter], layers: [EXAMPLE.layer], steps: [EXAMPLE.step] },
);

export type StoryScript = z.infer<typeof StoryScript>;
export type Step = z.infer<typeof Step>;
export type Layer = z.infer<typeof Layer>;
export type Camera = z.infer<typeof Camera>;
export type Transition = z.infer<typeof Transition>;
export type Morph = z.infer<typeof Morph>;
export type Source = z.infer<typeof Source>;
export type Correction = z.infer<typeof Correction>;
export type Chapter = z.infer<typeof Chapter>;
export type DateSpec = z.infer<typeof DateSpec>;
export type StyleToken = z.infer<typeof StyleToken>;

/** JSON Schema for editors (VS Code YAML extension); the input form, so defaults stay optional. */
export const storyJsonSchema = () => z.toJSONSchema(StoryScript, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
