// The evidence behind every shape on the map, compiled at build time: what the shape is, its
// date, how sure it is, how it was drawn and the reports it rests on. The page loads it
// (virtual:story-evidence) only when a reader asks "What is this based on?" or taps a shape.
import type { Layer } from './schema.ts';
import type { Story, StoryData, View } from './model.ts';
import { CONFIDENCE_LABEL } from './confidence.ts';
import { formatDay } from './dates.ts';
import { sideLabel, STATUSES, type Side, type Status } from '../palette/palette.ts';

export interface EvidenceEntry {
  key: string;
  /** the layer the shape belongs to */
  layer: string;
  kind: 'area' | 'arrow' | 'place';
  /** e.g. "Army of Conquest (Nusra-led rebels)", "Push into Jurud Arsal, 3–7 June (schematic)", "Arsal" */
  title: string;
  /** what kind of shape, and its date: "Area held, as of 7 May 2015" */
  what: string;
  confidence: string;
  derivation: string;
  note: string | null;
  /** ids from meta.sources */
  sources: string[];
}

export interface EvidenceIndex {
  entries: Record<string, EvidenceEntry>;
  /** the shapes each step shows (by step index; the free exploration after the last), in reading order */
  views: string[][];
  explore: string[];
}

/** A shape's key from its layer and properties: front areas are keyed by snapshot too. */
export const shapeKey = (layer: string, props: Record<string, unknown>): string | null => {
  if (typeof props.id !== 'string') return null;
  return typeof props.snapshot === 'string' ? `${layer}/${props.id}@${props.snapshot}` : `${layer}/${props.id}`;
};

const KIND = { front: 'area', line: 'arrow', places: 'place' } as const;
const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

function entryOf(layer: Layer & { kind: keyof typeof KIND }, props: Record<string, unknown>, key: string): EvidenceEntry {
  const base = {
    key,
    layer: layer.id,
    kind: KIND[layer.kind],
    confidence: CONFIDENCE_LABEL[String(props.confidence)] ?? String(props.confidence),
    derivation: String(props.derivation),
    sources: (props.sources as string[]) ?? [],
  };
  if (layer.kind === 'front') {
    const snapshot = String(props.snapshot);
    return {
      ...base,
      title: sideLabel(props.side as Side, snapshot),
      what: `${STATUSES[props.status as Status].label}, as of ${formatDay(snapshot)} (our reconstruction)`,
      note: text(props.note),
    };
  }
  if (layer.kind === 'line') {
    const side = props.side as Side | undefined;
    return { ...base, title: layer.title, what: `Arrow${side ? `: ${sideLabel(side, null)}` : ''}`, note: null };
  }
  const country = props.country === 'LB' ? 'Lebanon' : props.country === 'SY' ? 'Syria' : null;
  const kind = props.kind === 'hill' ? 'Hill' : 'Town or village';
  return { ...base, title: String(props.name), what: country ? `${kind} in ${country}` : kind, note: null };
}

/** Every shape's entry, and which of them each step shows: its fronts, its arrows, the places it rings. */
export function compileEvidence(story: Pick<Story, 'layers' | 'views' | 'explore'>, data: StoryData): EvidenceIndex {
  const entries: Record<string, EvidenceEntry> = {};
  for (const layer of story.layers) {
    if (!(layer.kind in KIND) || !data[layer.id]) continue;
    for (const f of data[layer.id]!.features) {
      const props = f.properties ?? {};
      const key = shapeKey(layer.id, props);
      if (key) entries[key] = entryOf(layer as Layer & { kind: keyof typeof KIND }, props, key);
    }
  }
  const shown = (view: View) =>
    story.layers
      .filter((l) => view.layers.includes(l.id))
      .flatMap((l) => {
        const fc = data[l.id];
        if (!fc || !(l.kind in KIND)) return [];
        const features =
          l.kind === 'front'
            ? fc.features.filter((f) => f.properties?.snapshot === view.front)
            : l.kind === 'places'
              ? view.highlight.flatMap((id) => fc.features.filter((f) => f.properties?.id === id))
              : fc.features;
        return features.map((f) => shapeKey(l.id, f.properties ?? {})).filter((k): k is string => k !== null && k in entries);
      });
  // Places first (the card names them), then arrows, then the areas.
  const order = (keys: string[]) => [...keys].sort((a, b) => rank(entries[a]!) - rank(entries[b]!));
  const rank = (e: EvidenceEntry) => ['place', 'arrow', 'area'].indexOf(e.kind);
  return { entries, views: story.views.map((v) => order(shown(v))), explore: order(shown(story.explore)) };
}
