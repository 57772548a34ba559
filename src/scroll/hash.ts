// The URL hash: a link to a step (#step-id) opens on it, and the address follows the reader.

/** The index of the step a URL hash names, or -1. */
export const stepOfHash = (hash: string, ids: readonly string[]): number => ids.indexOf(decodeURIComponent(hash.replace(/^#/, '')));

/** Puts the step's id (or an explore day, exploreHash) in the URL without adding a history entry (not in an embed: its URL is not the reader's). */
export function followHash(id: string): void {
  if (document.documentElement.dataset.embed) return;
  if (location.hash !== `#${id}`) history.replaceState(history.state, '', `#${id}`);
}

/** The link to a day of the explore view (`#explore/<day>`). */
export const exploreHash = (day: string): string => `explore/${day}`;

/** The text after `#explore/` (a day to check: geo/timeline.ts clampDay), '' for a bare `#explore`; null for any other hash. */
export function exploreOfHash(hash: string): string | null {
  const m = /^#?explore(?:\/(.*))?$/.exec(decodeURIComponent(hash));
  return m ? (m[1] ?? '') : null;
}
