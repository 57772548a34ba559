// The interface's words as the page receives them: one language's column of story/interface.yaml
// (read and checked at build time by interface.ts). Nothing here needs a YAML parser.
import type { Lang } from './dates.ts';

/** Every string the interface shows; `{name}` marks where the page puts a value. */
export const UI_KEYS = [
  'edition',
  'skip',
  'updated',
  'method',
  'sources',
  'consulted',
  'corrections',
  'published',
  'lastUpdated',
  'cardSources',
  'basedOn',
  'share',
  'shareCopied',
  'shareCopyThis',
  'dayByDay',
  'dayByDayFrom',
  'dayScrubber',
  'dayPlay',
  'dayStop',
  'dayTicks',
  'dayEvents',
  'dayNoEvents',
  'dayDrawnBetween',
  'dayMapped',
  'dayBetween',
  'dayInvalid',
  'dayEarly',
  'dayLate',
  'previous',
  'previousStep',
  'next',
  'nextStep',
  'exploreTitle',
  'endTitle',
  'exploreHint',
  'backToStory',
  'announceStep',
  'announceEnd',
  'announceHeld',
  'evidenceCard',
  'evidenceShape',
  'evidenceClose',
  'evidenceClosePanel',
  'evidenceReports',
  'evidenceFailed',
  'evidenceHowSure',
  'evidenceWhat',
  'evidenceHow',
  'evidenceNoShapes',
  'mapKey',
  'areaHeld',
  'areaHeldNote',
  'areaUnit',
  'km2',
  'km',
  'm',
  'keyToggle',
  'labelKey',
  'approximate',
  'placeInText',
  'frontAsOf',
  'mapAlt',
  'mapRegion',
  'exploreAlt',
  'dataFailed',
  'sideGovernment',
  'sideGovernmentShort',
  'sideRebels',
  'sideRebelsShort',
  'sideArmyOfConquest',
  'sideIsil',
  'sideIsilShort',
  'sideLebaneseArmy',
  'sideLebaneseArmyShort',
  'statusAssessed',
  'statusClaimed',
  'statusContested',
  'statusAdvance',
  'stanceIndependent',
  'stancePro-government',
  'stanceOpposition',
  'stanceReference',
] as const;
export type UiKey = (typeof UI_KEYS)[number];
/** The page's words in its language. */
export type Ui = Record<UiKey, string>;

/** The other editions of the page, for the language link and the hreflang alternates. */
export interface Alternate {
  lang: Lang;
  /** relative to the page: "ar/" from the English, "../" from the Arabic */
  href: string;
  /** the edition's name in its own language */
  name: string;
}

/** A string with its `{name}` places filled. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
