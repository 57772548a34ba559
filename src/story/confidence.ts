// How sure each shape on the map is, in the words the evidence panel shows. Data files carry the
// key (checked by geojson.ts); the page shows the label.

/** The layer kinds whose shapes carry evidence: front areas, arrows and places. */
export type EvidenceKind = 'front' | 'line' | 'places';

const EVENT = {
  reported: 'Reported by both sides or by independent outlets',
  claimed: 'Claimed by one side, not independently confirmed',
  summary: 'Reported in a summary whose original source we could not see',
  estimate: 'Our estimate, from the reports listed',
} as const;

const POSITION = {
  sourced: 'Position published (coordinates from the source listed)',
  approximate: 'Position estimated from the distances and directions reports give',
} as const;

export const CONFIDENCE_LABEL: Readonly<Record<string, string>> = { ...EVENT, ...POSITION };

export const CONFIDENCE: Record<EvidenceKind, readonly string[]> = {
  front: Object.keys(EVENT),
  line: Object.keys(EVENT),
  places: Object.keys(POSITION),
};
