// The single definition of a story script. TypeScript types, runtime validation and the
// JSON Schema in story/story.schema.json (read by editors' YAML tooling) all come from here.
import { z } from 'zod';

export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug: lowercase letters, digits and single hyphens, e.g. "flitah-hills"');

export const IsoDate = z.iso.date('a date written YYYY-MM-DD, e.g. 2015-05-13');

/** A single day, or a span of days when reports cover several. */
export const DateSpec = z.union([
  IsoDate,
  z
    .strictObject({ from: IsoDate, to: IsoDate })
    .refine((r) => r.from <= r.to, { message: '"from" must not be after "to"' }),
]);

export const LngLat = z
  .tuple([
    z.number().min(-180).max(180).describe('longitude in degrees, −180..180 (east is positive)'),
    z.number().min(-90).max(90).describe('latitude in degrees, −90..90 (north is positive)'),
  ])
  .describe('[longitude, latitude] of the point the map centres on');

export const Camera = z
  .strictObject({
    center: LngLat,
    zoom: z.number().min(0).max(22).describe('map zoom, 0 (world) .. 22 (street); the region fits at about 8'),
    pitch: z.number().min(0).max(85).default(0).describe('tilt in degrees, 0 (straight down) .. 85'),
    bearing: z.number().min(-360).max(360).default(0).describe('rotation in degrees clockwise from north'),
  })
  .describe('Where the map looks during this step');

export const Transition = z
  .strictObject({
    type: z.enum(['fly', 'ease', 'jump']).default('fly').describe('fly: zoom out and in; ease: glide; jump: cut'),
    duration: z.number().int().min(0).max(10000).default(2000).describe('length of the move in milliseconds'),
  })
  .describe('How the camera moves to this step');

/** GSAP eases that do not overshoot: a front line must never pass its target. */
export const MORPH_EASES = ['none', ...['power1', 'power2', 'power3', 'sine', 'expo', 'circ'].flatMap((e) => [`${e}.in`, `${e}.out`, `${e}.inOut`])] as const;

export const Morph = z
  .strictObject({
    duration: z.number().int().min(0).max(10000).default(1200).describe('length of the morph in milliseconds; 0 cuts'),
    ease: z.enum(MORPH_EASES).default('power2.inOut').describe('GSAP easing of the morph'),
  })
  .describe('How the front lines change into this step\'s snapshot');

export const Source = z.strictObject({
  id: Slug.describe('short id that steps cite, e.g. "daily-star-2015-05-12"'),
  title: z.string().min(1).describe('headline or title of the report'),
  publisher: z.string().min(1).describe('outlet or author, e.g. "The Daily Star"'),
  date: IsoDate.optional().describe('publication date'),
  url: z.url().optional().describe('where the report can be read'),
  note: z.string().optional().describe('how it reached us, e.g. "via a mirror"; whose claim it carries'),
});

export const Meta = z.strictObject({
  title: z.string().min(1).describe('headline of the story'),
  dek: z.string().min(1).describe('one or two sentences under the headline'),
  byline: z.string().min(1).describe('who wrote it, e.g. "By the graphics desk"'),
  published: IsoDate.describe('publication date'),
  credits: z.string().optional().describe('map data and other credits, shown at the end'),
  method: z.string().optional().describe('"How this map was made": caption markup shown before the sources'),
  sources: z.array(Source).min(1).describe('every report the steps cite'),
});

export const Chapter = z.strictObject({
  id: Slug,
  title: z.string().min(1).describe('chapter heading shown above its first step'),
});

export const StyleToken = z
  .enum(['government', 'rebels', 'isil', 'lebanese-army', 'neutral', 'highlight'])
  .describe('colour of the layer, from the story palette');

export const Layer = z.strictObject({
  id: Slug.describe('id that steps list under "layers"'),
  kind: z
    .enum(['places', 'area', 'line', 'label', 'front'])
    .describe('places: points with names; area: polygons; line: lines; label: text only; front: dated snapshots of the areas each side holds'),
  title: z.string().min(1).describe('name of the layer in the legend'),
  data: z
    .string()
    .regex(/^data\/[A-Za-z0-9._/-]+\.(geo)?json$/, 'a GeoJSON file under story/data/, e.g. "data/places.geojson"')
    .describe('GeoJSON file, relative to the story folder'),
  style: z
    .strictObject({
      color: StyleToken.default('neutral'),
      opacity: z.number().min(0).max(1).optional().describe('fill or line opacity, 0..1'),
      dashed: z.boolean().default(false).describe('dashed outline or line (claimed, not confirmed)'),
    })
    .default({ color: 'neutral', dashed: false }),
});

export const Step = z.strictObject({
  id: Slug.describe('unique id of the step; also its link: story.html#<id>'),
  chapter: Slug.describe('id of the chapter this step belongs to'),
  date: DateSpec.optional().describe('date of what the step tells, or {from, to}; inherited from the step before when left out'),
  dateLabel: z.string().min(1).optional().describe('how the date reads on the card when the dates alone say it badly, e.g. "Mid-April 2015"'),
  caption: z.string().min(1, 'a caption is required').describe('text of the card: paragraphs, *emphasis*, **strong**, [links](https://…), "> " quotes ending "> — Name"'),
  alt: z.string().min(1).optional().describe('what the map shows at this step, for screen readers'),
  camera: Camera.optional().describe('where the map looks; inherited from the step before when left out'),
  transition: Transition.optional(),
  layers: z.array(Slug).optional().describe('ids of the layers shown; inherited from the step before when left out'),
  front: IsoDate.optional().describe('which front-line snapshot the front layers show (its date); inherited from the step before when left out'),
  morph: Morph.optional(),
  highlight: z.array(Slug).default([]).describe('ids of places to ring on the map'),
  sources: z.array(Slug).min(1, 'every step cites at least one source').describe('ids from meta.sources'),
});

export const StoryScript = z
  .strictObject({
    meta: Meta,
    chapters: z.array(Chapter).min(1),
    layers: z.array(Layer).default([]),
    steps: z.array(Step).min(1, 'a story needs at least one step'),
  })
  .describe('A scroll-driven map story');

export type StoryScript = z.infer<typeof StoryScript>;
export type Step = z.infer<typeof Step>;
export type Layer = z.infer<typeof Layer>;
export type Camera = z.infer<typeof Camera>;
export type Transition = z.infer<typeof Transition>;
export type Morph = z.infer<typeof Morph>;
export type Source = z.infer<typeof Source>;
export type DateSpec = z.infer<typeof DateSpec>;
export type StyleToken = z.infer<typeof StyleToken>;

/** JSON Schema for editors (VS Code YAML extension); the input form, so defaults stay optional. */
export const storyJsonSchema = () =>
  z.toJSONSchema(StoryScript, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
