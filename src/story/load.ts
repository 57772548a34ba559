// Build time only (Vite plugin, `npm run check`, tests): YAML script + GeoJSON files → the
// compiled story, or every problem at once, each at file:line:column. Readers get JSON.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { core as zcore, ZodType } from 'zod';
import { StoryScript, type Step } from './schema.ts';
import { formatPath, suggestion, type StoryError } from './errors.ts';
import { checkLayerData, placeIds, snapshotDates } from './geojson.ts';
import { findJsonError } from './json-error.ts';
import { parseCaption, plainText, type Block } from './markup.ts';
import { resolveViews } from './resolve.ts';
import type { Story, StoryData } from './model.ts';
import { heldAreas } from '../map/held.ts';

export interface LoadOptions {
  /** path shown in messages, e.g. "story/qalamoun.yaml" */
  file: string;
  text: string;
  /** reads a data file named relative to the script's folder; null when it does not exist */
  readData: (relative: string) => string | null;
  /** how a data file is named in messages, e.g. "story/data/places.geojson" */
  dataLabel?: (relative: string) => string;
}

export interface LoadResult {
  story: Story | null;
  data: StoryData;
  errors: StoryError[];
  /** data files the script refers to, for watching */
  dataFiles: string[];
}

type Path = (string | number)[];

/** Maps a path in a parsed document to a source position. */
class Locator {
  constructor(
    readonly file: string,
    readonly doc: Document.Parsed | null,
    readonly lines: LineCounter,
  ) {}

  /** Offset of the node at `path`, of its key when `key` is set, or of the deepest ancestor found. */
  offset(path: Path, key = false): number {
    let node: unknown = this.doc?.contents;
    let offset = (node as Node | undefined)?.range?.[0] ?? 0;
    for (const [i, seg] of path.entries()) {
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
        if (!pair) break;
        if (last && key && isScalar(pair.key)) return pair.key.range?.[0] ?? offset;
        node = pair.value;
        offset = (pair.value as Node | null)?.range?.[0] ?? (pair.key as Node).range?.[0] ?? offset;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
        node = node.items[seg];
        offset = (node as Node).range?.[0] ?? offset;
      } else break;
    }
    return offset;
  }

  node(path: Path): Node | null {
    const n = this.doc?.getIn(path, true);
    return n && typeof n === 'object' ? (n as Node) : null;
  }

  at(offset: number, path: Path, message: string, severity: StoryError['severity'] = 'error'): StoryError {
    const { line, col } = this.lines.linePos(offset);
    return { severity, file: this.file, line, column: col, path: formatPath(path), message };
  }

  error(path: Path, message: string, key = false): StoryError {
    return this.at(this.offset(path, key), path, message);
  }
}

const describeValue = (v: unknown): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : JSON.stringify(v);

const valueAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), root);

/** Keys an object schema allows at `path`, for suggestions on unknown keys. */
function keysAt(schema: ZodType, path: Path): string[] {
  let s: zcore.$ZodType = schema;
  const unwrap = () => {
    for (;;) {
      const def = s._zod.def as zcore.$ZodTypeDef & { innerType?: zcore.$ZodType; in?: zcore.$ZodType };
      if (def.innerType) s = def.innerType;
      else if (def.type === 'pipe' && def.in) s = def.in;
      else return def;
    }
  };
  for (const seg of path) {
    const def = unwrap() as zcore.$ZodTypeDef & { shape?: Record<string, zcore.$ZodType>; element?: zcore.$ZodType };
    const next = typeof seg === 'number' ? def.element : def.shape?.[seg];
    if (!next) return [];
    s = next;
  }
  const def = unwrap() as zcore.$ZodTypeDef & { shape?: Record<string, zcore.$ZodType>; options?: zcore.$ZodType[] };
  if (def.shape) return Object.keys(def.shape);
  // a union such as a date spec: the keys of its object member
  return (def.options ?? []).flatMap((o) => Object.keys((o._zod.def as { shape?: object }).shape ?? {}));
}

function explain(issue: zcore.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path as Path);
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? `required key "${String(issue.path.at(-1))}" is missing` : `expected ${issue.expected}, got ${describeValue(value)}`;
    case 'too_big':
      return typeof value === 'number'
        ? `${value} is too large: expected at most ${String(issue.maximum)}`
        : `too long: expected at most ${String(issue.maximum)} ${issue.origin === 'array' ? 'items' : 'characters'}`;
    case 'too_small':
      return typeof value === 'number'
        ? `${value} is too small: expected at least ${String(issue.minimum)}`
        : issue.message.startsWith('Too small')
          ? `expected at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'item(s)' : 'character(s)'}`
          : issue.message;
    case 'invalid_value': {
      const options = issue.values.map(String);
      return `${describeValue(value)} is not one of ${options.join(', ')}${typeof value === 'string' ? suggestion(value, options) : ''}`;
    }
    case 'invalid_format':
      return `${describeValue(value)} is not ${issue.message}`;
    case 'invalid_union':
      return `expected a date YYYY-MM-DD or a span { from: YYYY-MM-DD, to: YYYY-MM-DD }, got ${describeValue(value)}`;
    default:
      return issue.message;
  }
}

function schemaErrors(result: zcore.$ZodIssue[], input: unknown, loc: Locator): StoryError[] {
  return result.flatMap((issue) => {
    const path = issue.path as Path;
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(StoryScript, path);
      return issue.keys.map((k) =>
        loc.error([...path, k], `unknown key "${k}"${suggestion(k, allowed)}; allowed here: ${allowed.join(', ')}`, true),
      );
    }
    return [loc.error(path, explain(issue, input))];
  });
}

/** Places a markup error reported inside a caption at its line and column in the script. */
function captionError(loc: Locator, source: string, path: Path, text: string, e: { line: number; column: number; message: string }): StoryError {
  const node = loc.node(path);
  const [start, end] = node?.range ?? [loc.offset(path), loc.offset(path)];
  const snippet = (text.split('\n')[e.line] ?? '').slice(e.column, e.column + 24);
  const found = snippet ? source.slice(start, end).indexOf(snippet) : -1;
  return loc.at(found >= 0 ? start + found : start, path, e.message);
}

function duplicates(items: readonly { id: string }[], what: string, base: Path, loc: Locator): StoryError[] {
  const seen = new Map<string, number>();
  return items.flatMap((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, i);
      return [];
    }
    return [loc.error([...base, i, 'id'], `duplicate ${what} id "${item.id}" (first used at ${formatPath([...base, first])})`)];
  });
}

function danglingRef(loc: Locator, path: Path, what: string, id: string, known: readonly string[]): StoryError {
  return loc.error(path, `unknown ${what} "${id}"${suggestion(id, known)}`);
}

/** Editors read a report top to bottom: order by file (script first), then position. */
const byPosition = (errors: StoryError[], script: string): StoryError[] =>
  errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.file === b.e.file ? 0 : a.e.file === script ? -1 : b.e.file === script ? 1 : a.e.file < b.e.file ? -1 : 1) || a.e.line - b.e.line || a.e.column - b.e.column || a.i - b.i)
    .map(({ e }) => e);

export function loadStory(opts: LoadOptions): LoadResult {
  const result = compile(opts);
  return { ...result, errors: byPosition(result.errors, opts.file) };
}

function compile(opts: LoadOptions): LoadResult {
  const { file, text } = opts;
  const dataLabel = opts.dataLabel ?? ((rel: string) => rel);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const loc = new Locator(file, doc, lines);
  const fail = (errors: StoryError[]): LoadResult => ({ story: null, data: {}, errors, dataFiles: [] });

  if (doc.errors.length) {
    return fail(doc.errors.map((e) => loc.at(e.pos[0], [], `YAML syntax: ${e.message.split('\n')[0]}`)));
  }
  const input: unknown = doc.toJS();
  const parsed = StoryScript.safeParse(input);
  if (!parsed.success) return fail(schemaErrors(parsed.error.issues, input, loc));
  const script = parsed.data;
  const errors: StoryError[] = [
    ...duplicates(script.chapters, 'chapter', ['chapters'], loc),
    ...duplicates(script.steps, 'step', ['steps'], loc),
    ...duplicates(script.layers, 'layer', ['layers'], loc),
    ...duplicates(script.meta.sources, 'source', ['meta', 'sources'], loc),
  ];

  // Data files: each read, parsed and checked against its layer's kind.
  const data: StoryData = {};
  const places: string[] = [];
  const snapshots: string[] = [];
  let placesComplete = true;
  let frontsComplete = true;
  script.layers.forEach((layer, i) => {
    const raw = opts.readData(layer.data);
    const label = dataLabel(layer.data);
    if (raw === null) {
      if (layer.kind === 'places') placesComplete = false;
      if (layer.kind === 'front') frontsComplete = false;
      return void errors.push(loc.error(['layers', i, 'data'], `data file not found: ${label}`));
    }
    const result = parseDataFile(raw, label, layer.kind);
    if (result.errors.length) {
      if (layer.kind === 'places') placesComplete = false;
      if (layer.kind === 'front') frontsComplete = false;
      return void errors.push(...result.errors);
    }
    data[layer.id] = result.data!;
    if (layer.kind === 'places') places.push(...placeIds(result.data!));
    if (layer.kind === 'front') snapshots.push(...snapshotDates(result.data!));
  });

  const ids = {
    chapter: script.chapters.map((c) => c.id),
    layer: script.layers.map((l) => l.id),
    source: script.meta.sources.map((s) => s.id),
  };
  script.steps.forEach((step: Step, i) => {
    const at = (...p: Path): Path => ['steps', i, ...p];
    if (!ids.chapter.includes(step.chapter)) errors.push(danglingRef(loc, at('chapter'), 'chapter', step.chapter, ids.chapter));
    step.layers?.forEach((id, j) => ids.layer.includes(id) || errors.push(danglingRef(loc, at('layers', j), 'layer', id, ids.layer)));
    step.sources.forEach((id, j) => ids.source.includes(id) || errors.push(danglingRef(loc, at('sources', j), 'source', id, ids.source)));
    if (step.front && frontsComplete && !snapshots.includes(step.front)) {
      errors.push(loc.error(at('front'), `no front-line snapshot dated ${step.front}; the front layers have ${snapshots.join(', ') || 'none'}`));
    }
    if (step.dateLabel && !step.date) errors.push(loc.error(at('dateLabel'), 'a dateLabel needs a date on the same step'));
    // With a places file unreadable, its ids are unknown: say nothing rather than cascade.
    if (placesComplete) step.highlight.forEach((id, j) => places.includes(id) || errors.push(danglingRef(loc, at('highlight', j), 'place', id, places)));
  });
  const first = script.steps[0]!;
  if (!first.camera) errors.push(loc.error(['steps', 0], 'the first step needs a camera (later steps inherit it)'));
  if (!first.date) errors.push(loc.error(['steps', 0], 'the first step needs a date (later steps inherit it)'));

  const caption = (path: Path, source: string): Block[] => {
    const { blocks, errors: markup } = parseCaption(source);
    errors.push(...markup.map((e) => captionError(loc, text, path, source, e)));
    return blocks;
  };
  const captions = script.steps.map((s, i) => caption(['steps', i, 'caption'], s.caption));
  const method = script.meta.method ? caption(['meta', 'method'], script.meta.method) : [];

  const dataFiles = script.layers.map((l) => l.data);
  if (errors.some((e) => e.severity === 'error')) return { story: null, data: {}, errors, dataFiles };

  const views = resolveViews(script.steps);
  const frontLayers = new Set(script.layers.filter((l) => l.kind === 'front').map((l) => l.id));
  views.forEach((v, i) => {
    if (v.front === null && v.layers.some((id) => frontLayers.has(id))) {
      errors.push(loc.error(['steps', i], 'this step shows a front layer but no snapshot: add front: YYYY-MM-DD here or on an earlier step'));
    }
  });
  if (errors.length) return { story: null, data: {}, errors, dataFiles };
  const layerTitle = new Map(script.layers.map((l) => [l.id, l.title]));
  const story: Story = {
    meta: { ...script.meta, credits: script.meta.credits ?? null, method },
    chapters: script.chapters,
    layers: script.layers,
    steps: script.steps.map((s, i) => ({
      id: s.id,
      chapter: s.chapter,
      date: views[i]!.date,
      caption: captions[i]!,
      alt: s.alt ?? `Map: ${views[i]!.layers.map((id) => layerTitle.get(id)).join(', ') || 'the region'}. ${plainText(captions[i]!)}`.trim(),
      sources: s.sources,
    })),
    views,
    areas: heldAreas(script.layers, data),
  };
  return { story, data, errors, dataFiles };
}

/** JSON text of a layer's data → FeatureCollection, or errors located in that file. */
export function parseDataFile(raw: string, label: string, kind: Parameters<typeof checkLayerData>[1]): { data: GeoJSON.FeatureCollection | null; errors: StoryError[] } {
  const lines = new LineCounter();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    const e = findJsonError(raw) ?? { offset: 0, message: 'not valid JSON' };
    lines.addNewLine(0);
    for (let i = 0; i < raw.length; i++) if (raw[i] === '\n') lines.addNewLine(i + 1);
    const { line, col } = lines.linePos(e.offset);
    return { data: null, errors: [{ severity: 'error', file: label, line, column: col, path: '', message: `not valid JSON: ${e.message}` }] };
  }
  const issues = checkLayerData(json, kind);
  if (!issues.length) return { data: json as GeoJSON.FeatureCollection, errors: [] };
  // Locate issues through a YAML parse of the same text (JSON is YAML), only when needed.
  const loc = new Locator(label, parseDocument(raw, { lineCounter: lines }), lines);
  return { data: null, errors: issues.map((i) => loc.error(i.path, i.message)) };
}
