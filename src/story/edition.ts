// A translated edition of the compiled story: the same views, layers, fronts and ids, with each
// reader-facing text in the edition's language (checked complete by translations.ts first), its
// dates written in that language, and the map's names taken from the data's `name_<locale>`.
import type { Block } from './markup.ts';
import { plainText } from './markup.ts';
import { typesetBlocks, typesetter } from './typography.ts';
import { exploreView, resolveViews } from './resolve.ts';
import { fill, type Ui } from './ui.ts';
import { captionSummary } from './summary.ts';
import type { Story, StoryData } from './model.ts';
import type { Locale, StoryScript } from './schema.ts';

export interface EditionInput {
  locale: Locale;
  /** the English edition, compiled */
  story: Story;
  script: StoryScript;
  data: StoryData;
  /** each step's translated caption and the method note, parsed (load.ts located their errors) */
  captions: Block[][];
  method: Block[];
  ui: Ui;
}

/** The layers whose features are named on the map. */
const named = (story: Story) => story.layers.filter((l) => l.kind === 'places' || l.kind === 'label').map((l) => l.id);

/** The story's data with each named feature's `name` in the edition's language (the English kept as `name_en`). */
export function editionData(story: Story, data: StoryData, locale: Locale): StoryData {
  const key = `name_${locale}`;
  const layers = new Set(named(story));
  return Object.fromEntries(
    Object.entries(data).map(([id, fc]) => [
      id,
      layers.has(id)
        ? { ...fc, features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, name_en: f.properties?.name, name: f.properties?.[key] } })) }
        : fc,
    ]),
  );
}

/** Named features without a name in the edition's language, as [layer, feature index]. */
export const unnamed = (story: Pick<Story, 'layers'>, data: StoryData, locale: Locale): [string, number][] =>
  named(story as Story).flatMap((id) =>
    (data[id]?.features ?? []).flatMap((f, i): [string, number][] => (typeof f.properties?.[`name_${locale}`] === 'string' ? [] : [[id, i]])),
  );

export function translateStory({ locale, story, script, data, captions, method, ui }: EditionInput): Story {
  const ed = editionData(story, data, locale);
  const names = named(story).flatMap((id) => ed[id]?.features.map((f) => String(f.properties?.name ?? '')) ?? []);
  const typeset = typesetter({ names });
  const plain = typesetter({ hyphens: false });
  const views = resolveViews(script.steps, { lang: locale, frontAsOf: ui.frontAsOf });
  const t = <T extends { [k: string]: unknown }>(o: T) => (o as { [K in Locale]?: Record<string, string | undefined> })[locale] ?? {};
  const layerTitle = new Map(script.layers.map((l) => [l.id, plain(t(l).title!)]));
  const meta = t(script.meta);
  return {
    ...story,
    lang: locale,
    dir: 'rtl',
    meta: {
      ...story.meta,
      title: plain(meta.title!),
      dek: plain(meta.dek!),
      byline: plain(meta.byline!),
      credits: meta.credits ? plain(meta.credits) : null,
      method: typesetBlocks(method, typeset),
      corrections: script.meta.corrections.map((c) => ({ date: c.date, text: plain(t(c).text!) })),
      sources: story.meta.sources.map((s, i) => {
        const ar = t(script.meta.sources[i]!);
        return {
          ...s,
          ...(ar.title ? { title: plain(ar.title) } : {}),
          publisher: plain(ar.publisher!),
          ...(ar.affiliation ? { affiliation: plain(ar.affiliation) } : {}),
          ...(ar.note ? { note: plain(ar.note) } : {}),
        };
      }),
    },
    chapters: script.chapters.map((c) => ({ id: c.id, title: typeset(t(c).title!) })),
    layers: story.layers.map((l) => ({ ...l, title: layerTitle.get(l.id)! })),
    steps: story.steps.map((s, i) => {
      const ar = t(script.steps[i]!);
      const layers = views[i]!.layers.map((id) => layerTitle.get(id)).join('، ') || ui.mapRegion;
      return {
        ...s,
        date: views[i]!.date,
        caption: typesetBlocks(captions[i]!, typeset),
        alt: plain(ar.alt ?? `${fill(ui.mapAlt, { layers })} ${plainText(captions[i]!)}`.trim()),
        share: plain(ar.share ?? captionSummary(captions[i]!)),
      };
    }),
    views,
    explore: exploreView(views[views.length - 1]!, script.layers, data, locale),
  };
}
