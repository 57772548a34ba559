// Words a line must not break inside: the build (typography.ts) marks their hyphens as U+2011,
// and the page draws each such word whole with a plain hyphen. The fonts readers get (the system
// UI stack; the Noto Sans subsets shipped for the map lack the glyph) may not draw U+2011, and a
// plain hyphen keeps find-in-page and copying working.

/** NON-BREAKING HYPHEN: marks a hyphen a line must not break at. */
export const NB_HYPHEN = '\u2011';

/** Text in runs; a `whole` run is one word that holds a no-break hyphen, given back as "-". */
export function splitUnbreakable(text: string): { text: string; whole: boolean }[] {
  return text
    .split(/([^\s\u2011]*\u2011\S*)/)
    .filter((s) => s !== '')
    .map((s) => (s.includes(NB_HYPHEN) ? { text: s.replaceAll(NB_HYPHEN, '-'), whole: true } : { text: s, whole: false }));
}
