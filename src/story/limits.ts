// How far a story may grow before the check stops reading it. Each limit is far past the real story
// (37 kB, 42 steps, 66 kB of data, rings of ≤ 52 vertices) and bounds the time `npm run check` and
// the build take on a bad script: an editor gets a clear "more than N" instead of a hang.
export const LIMITS = {
  /** characters in the story script */
  scriptChars: 1_000_000,
  steps: 1000,
  /** bytes of one data file, checked before it is read */
  dataFileBytes: 5_000_000,
  /** positions in one ring or line */
  verticesPerShape: 10_000,
  /** lists and mappings inside one another in the script or a data file (a MultiPolygon layer needs 8) */
  depth: 32,
  /** bytes of layer data the page downloads: past it, a warning */
  dataBudgetBytes: 1_000_000,
  /** problems printed by `npm run check` and the build; the count still says how many there are */
  errorsShown: 200,
  /** markup problems reported per caption: one caption full of stray tags is one mistake repeated */
  errorsPerCaption: 20,
} as const;

export const count = (n: number): string => n.toLocaleString('en');
