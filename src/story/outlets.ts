// Whose account a source carries. The sources list groups by stance; a source from an outlet
// run by, or speaking for, a side in the war must say so (schema.ts checks against this list).
import type { SOURCE_STANCES } from './schema.ts';
import type { UiKey } from './ui.ts';

export type Stance = (typeof SOURCE_STANCES)[number];

/** The groups of the sources list, in the order they are shown, each with its heading's interface string. */
export const STANCES = {
  independent: 'stanceIndependent',
  'pro-government': 'stancePro-government',
  opposition: 'stanceOpposition',
  reference: 'stanceReference',
} as const satisfies Record<Stance, UiKey>;

/** Partisan and state outlets that report on this war, by a name their sources' publisher contains. */
export const PARTISAN_OUTLETS: readonly { name: string; stance: Exclude<Stance, 'independent' | 'reference'>; affiliation: string }[] = [
  { name: 'Al-Manar', stance: 'pro-government', affiliation: "Hezbollah's television station" },
  { name: 'Al-Ahed', stance: 'pro-government', affiliation: "Hezbollah's news site" },
  { name: 'PressTV', stance: 'pro-government', affiliation: "Iran's state English-language broadcaster" },
  { name: 'Al-Alam', stance: 'pro-government', affiliation: "Iran's state Arabic-language television" },
  { name: 'SANA', stance: 'pro-government', affiliation: "Syria's state news agency" },
  { name: 'Al-Masdar', stance: 'pro-government', affiliation: 'a pro-government Syrian news site' },
  { name: 'Sputnik', stance: 'pro-government', affiliation: "Russia's state news agency" },
  { name: 'Enab Baladi', stance: 'opposition', affiliation: 'a Syrian opposition-leaning news outlet' },
  { name: 'Smart News', stance: 'opposition', affiliation: 'a Syrian opposition news agency' },
  { name: 'Shaam News', stance: 'opposition', affiliation: 'a Syrian opposition news network' },
  { name: 'Orient News', stance: 'opposition', affiliation: 'a Syrian opposition television channel' },
];

/** The partisan outlet a publisher names, if any ("SANA (French edition)" → SANA). */
export const partisanOutlet = (publisher: string) =>
  PARTISAN_OUTLETS.find((o) => new RegExp(`(?<![\\p{L}])${o.name}(?![\\p{L}])`, 'u').test(publisher));
