// Colour tokens for the map and the legend (STYLE.md §3), outside src/map so the page's shell
// can name them without loading map code. Okabe–Ito hues stay distinct for
// colour-blind readers while keeping the colours readers know from Syria maps.
import type { StyleToken } from '../story/schema.ts';
import type { Ui, UiKey } from '../story/ui.ts';
import type { STATUSES as FRONT_STATUSES } from '../story/geojson.ts';

type FrontStatus = (typeof FRONT_STATUSES)[number];

export const SIDES = {
  government: { label: 'Syrian government + Hezbollah', short: "Gov't + Hezbollah", color: '#D55E00' },
  rebels: { label: 'Nusra-led rebels', short: 'Rebels', color: '#009E73' },
  // Black at 0.35 reads as dark grey over the basemap.
  isil: { label: 'ISIL', short: 'ISIL', color: '#000000' },
  'lebanese-army': { label: 'Lebanese army', short: 'Lebanese army', color: '#0072B2' },
} as const;

export type Side = keyof typeof SIDES;

/** The day the rebels announced their joint command, the Army of Conquest in the Qalamoun. */
const ARMY_OF_CONQUEST = '2015-05-05';

/** A side's full name on `date` (a front snapshot's; null: any): names as they were then. */
/** The interface strings that name each side and status on the page (story/interface.yaml). */
export const SIDE_WORDS = {
  government: { label: 'sideGovernment', short: 'sideGovernmentShort' },
  rebels: { label: 'sideRebels', short: 'sideRebelsShort' },
  isil: { label: 'sideIsil', short: 'sideIsilShort' },
  'lebanese-army': { label: 'sideLebaneseArmy', short: 'sideLebaneseArmyShort' },
} as const satisfies Record<Side, { label: UiKey; short: UiKey }>;
export const STATUS_WORDS = {
  assessed: 'statusAssessed',
  claimed: 'statusClaimed',
  contested: 'statusContested',
  advance: 'statusAdvance',
} as const satisfies Record<FrontStatus, UiKey>;

/** A side's name on the page, as it was called on `date`. */
export const sideName = (side: Side, date: string | null, ui: Ui): string =>
  side === 'rebels' && date !== null && date >= ARMY_OF_CONQUEST ? ui.sideArmyOfConquest : ui[SIDE_WORDS[side].label];

export function sideLabel(side: Side, date: string | null): string {
  if (side === 'rebels' && date !== null && date >= ARMY_OF_CONQUEST) return 'Army of Conquest (Nusra-led rebels)';
  return SIDES[side].label;
}

/**
 * How a front polygon is drawn by status: firmer control, stronger fill; claims lighter with a
 * dashed edge (STYLE.md §3). The map's layers and the legend's keys both read it.
 */
export const STATUSES = {
  assessed: { label: 'Held', fillOpacity: 0.45, dashed: false },
  claimed: { label: 'Claimed, not confirmed', fillOpacity: 0.2, dashed: true },
  contested: { label: 'Contested', fillOpacity: 0.3, dashed: false },
  advance: { label: 'Advance', fillOpacity: 0.25, dashed: false },
} as const satisfies Record<FrontStatus, { label: string; fillOpacity: number; dashed: boolean }>;

export type Status = keyof typeof STATUSES;

export const BASEMAP = {
  /** Syria and Lebanon. */
  land: '#F4F1EC',
  /** Neighbouring countries, a step greyer so the two story countries stand forward. */
  landOther: '#E4E2DE',
  // Grey-blue kept far lighter and greyer than the Lebanese army's #0072B2: blue means that side.
  sea: '#DDE3E6',
  border: '#4D4D4D',
  borderOther: '#A6A6A6',
  label: '#1A1A1A',
  /** Country and region names, which should recede behind the story's own labels. */
  labelMuted: '#666666',
  halo: '#FFFFFF',
} as const;

/** The place of the current step: an orange ring with a white halo. */
export const HIGHLIGHT = { color: '#E69F00', halo: '#FFFFFF' } as const;

/** The colour a script's style token stands for. */
export function tokenColor(token: StyleToken): string {
  if (token === 'neutral') return BASEMAP.label;
  if (token === 'highlight') return HIGHLIGHT.color;
  return SIDES[token].color;
}
