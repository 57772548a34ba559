// Colour tokens for the map and the legend (STYLE.md §3), outside src/map so the page's shell
// can name them without loading map code. Okabe–Ito hues stay distinct for
// colour-blind readers while keeping the colours readers know from Syria maps.
import type { StyleToken } from '../story/schema.ts';

export const SIDES = {
  government: { label: 'Syrian army + Hezbollah', short: 'Army + Hezb.', color: '#D55E00', fillOpacity: 0.45, lineWidth: 1.5 },
  rebels: { label: 'Army of Conquest / Nusra-led rebels', short: 'Rebels', color: '#009E73', fillOpacity: 0.45, lineWidth: 1.5 },
  // Black at 0.35 reads as dark grey over the basemap.
  isil: { label: 'ISIL', short: 'ISIL', color: '#000000', fillOpacity: 0.35, lineWidth: 1 },
  'lebanese-army': { label: 'Lebanese army', short: 'Leb. army', color: '#0072B2', fillOpacity: 0.45, lineWidth: 1.5 },
} as const;

export type Side = keyof typeof SIDES;

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
