// The URL hash: a link to a step (#step-id) opens on it, and the address follows the reader.

/** The index of the step a URL hash names, or -1. */
export const stepOfHash = (hash: string, ids: readonly string[]): number => ids.indexOf(decodeURIComponent(hash.replace(/^#/, '')));

/** Puts the step's id in the URL without adding a history entry (not in an embed: its URL is not the reader's). */
export function followHash(id: string): void {
  if (document.documentElement.dataset.embed) return;
  if (location.hash !== `#${id}`) history.replaceState(history.state, '', `#${id}`);
}
