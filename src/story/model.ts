// The compiled story the page receives: validated, cross-checked, captions parsed and every
// step's view settled. Produced at build time by load.ts; nothing here needs a YAML parser.
import type { Block } from './markup.ts';
import type { Camera, Correction, Layer, Morph, Source, Transition } from './schema.ts';
import type { FrontStatuses, HeldAreas } from '../geo/held.ts';
import type { Lang } from './dates.ts';

export interface DateRange {
  from: string;
  to: string;
}

/** A step's date as the card and the map's date stamp show it. */
export interface StoryDate extends DateRange {
  label: string;
}

/** Everything the map shows at one step, complete: nothing depends on the step before. */
export interface View {
  camera: Camera;
  transition: Transition;
  layers: string[];
  highlight: string[];
  /** the front-line snapshot shown (its date), or null before the first one */
  front: string | null;
  /** how the front lines change into this step's snapshot */
  morph: Morph;
  date: StoryDate;
  /** the map's date stamp: the step's date, and the front's when the map shows another */
  stamp: string;
}

export interface StoryStep {
  id: string;
  chapter: string;
  date: StoryDate;
  caption: Block[];
  alt: string;
  /** one line for the share card and share sheet: the script's `share:`, else the caption's first sentence */
  share: string;
  sources: string[];
}

export interface Story {
  /** the edition's language, and its writing direction */
  lang: Lang;
  dir: 'ltr' | 'rtl';
  meta: {
    title: string;
    dek: string;
    byline: string;
    published: string;
    /** the last correction's date, else the publication date */
    updated: string;
    corrections: Correction[];
    credits: string | null;
    method: Block[];
    sources: Source[];
    terrain: { exaggeration: number };
  };
  chapters: { id: string; title: string }[];
  layers: Layer[];
  steps: StoryStep[];
  views: View[];
  /** the free exploration after the last step: all the story's ground, on the last front's date */
  explore: View;
  /** km² each side holds, by front layer and snapshot, for the legend */
  areas: HeldAreas;
  /** which sides each front layer shows in each status, by snapshot, for the legend's keys */
  statuses: FrontStatuses;
}

export type StoryData = Record<string, GeoJSON.FeatureCollection>;
