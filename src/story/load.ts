// Build time only (Vite plugin, `npm run check`, tests): YAML script + GeoJSON files → the
// compiled story, or every problem at once, each at file:line:column. Readers get JSON.
import { LineCounter, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { core as zcore, ZodType } from 'zod';
import { Chapter, Layer, LOCALES, Meta, Source, Step, StoryScript, type Locale } from './schema.ts';
import { didYouMean, formatPath, suggestion, type StoryError } from './errors.ts';
import { checkLayerData, normaliseWinding, outsideRegion, snapshotDates } from './geojson.ts';
import { findJsonError, jsonOffset, tooDeep } from './json-error.ts';
import { parseTree } from 'jsonc-parser';
import { parseCaption, plainText, wordCount, type Block, type MarkupError } from './markup.ts';
import { exploreView, resolveViews } from './resolve.ts';
import { typesetBlocks, typesetter } from './typography.ts';
import { captionSummary } from './summary.ts';
import type { Story, StoryData } from './model.ts';
import { frontStatuses, heldAreas } from '../geo/held.ts';
import { linesOf } from '../geo/rings.ts';
import { lint, type Finding, type PlaceRef } from './warnings.ts';
import { count, LIMITS } from './limits.ts';
import { LineIndex } from './line-index.ts';
import { controlCharacter, decodeText, tooLong } from './source-text.ts';
import { readYaml } from './yaml-read.ts';
import { checkTranslations } from './translations.ts';
import { editionData, translateStory, unnamed } from './edition.ts';
import { uiFor, type InterfaceTable } from './interface.ts';

export interface LoadOptions {
  /** path shown in messages, e.g. "story/qalamoun.yaml" */
  file: string;
  /** the script as read from disk (decoded and checked here: UTF-16 or broken UTF-8 is reported), or as text */
  text: string | Uint8Array;
  /** reads a data file named relative to the script's folder; null when it does not exist */
  readData: (relative: string) => string | null | Unreadable;
  /** how a data file is named in messages, e.g. "story/data/places.geojson" */
  dataLabel?: (relative: string) => string;
  /** [west, south, east, north] the story maps: data outside it is warned about (swapped coordinates?) */
  region?: readonly [number, number, number, number];
  /** the interface's words (story/interface.yaml, checked): the translated editions are built only when given them */
  ui?: InterfaceTable | null;
}

/** Why a data file was not read, or not decoded; `at` places the problem inside the file. */
export interface Unreadable {
  problem: string;
  at?: { text: string; offset: number };
}

export interface LoadResult {
  story: Story | null;
  data: StoryData;
  errors: StoryError[];
  /** data files the script refers to, for watching */
  dataFiles: string[];
  /** the translated editions meta.editions asks for, each with its data (names in its language) */
  editions?: Partial<Record<Locale, { story: Story; data: StoryData }>>;
}

type Path = (string | number)[];

/** Maps a path in a parsed document to a source position. */
export class Locator {
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

/** A key that looks like a language code, where translations may go: say which editions exist. */
const localeHint = (key: string, allowed: readonly string[]): string =>
  /^[a-z]{2}(?:-[a-z0-9]+)?$/i.test(key) && allowed.some((k) => (LOCALES as readonly string[]).includes(k))
    ? ` (a translation into a language this story has no edition for; editions: ${LOCALES.join(', ')})`
    : '';

function explain(issue: zcore.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path as Path);
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? `required key "${String(issue.path.at(-1))}" is missing`
        : `expected ${issue.expected}, got ${describeValue(value)}`;
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
  // A misspelt key also leaves the key it meant missing: say it once, as the misspelling.
  const meant = new Set(
    result.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.flatMap((k) => {
            const near = didYouMean(k, keysAt(StoryScript, issue.path as Path));
            return near ? [formatPath([...issue.path, near])] : [];
          })
        : [],
    ),
  );
  return result.flatMap((issue) => {
    const path = issue.path as Path;
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(StoryScript, path);
      return issue.keys.map((k) =>
        loc.error([...path, k], `unknown key "${k}"${localeHint(k, allowed) || suggestion(k, allowed)}; allowed here: ${allowed.join(', ')}`, true),
      );
    }
    if (issue.code === 'invalid_type' && valueAt(input, path) === undefined && meant.has(formatPath(path))) return [];
    return [loc.error(path, explain(issue, input))];
  });
}

/**
 * Places the markup errors reported inside a caption at their lines and columns in the script: each is
 * found by the text it points at, searched forward from the one before, so the work stays linear.
 * A caption full of the same mistake gets its first few and a count.
 */
function captionErrors(loc: Locator, source: string, path: Path, text: string, found: readonly MarkupError[]): StoryError[] {
  const node = loc.node(path);
  const [start, end] = node?.range ?? [loc.offset(path), loc.offset(path)];
  const region = source.slice(start, end);
  const lines = new LineIndex(text);
  const out: StoryError[] = [];
  let [offset, from, prev] = [0, 0, ''];
  for (const e of found.slice(0, LIMITS.errorsPerCaption)) {
    const at = `${e.line}:${e.column}`;
    if (at !== prev) {
      const snippet = lines.line(e.line + 1).slice(e.column, e.column + 24);
      const i = snippet ? region.indexOf(snippet, from) : -1;
      [offset, from, prev] = i >= 0 ? [i, i + 1, at] : [0, from, at];
    }
    out.push(loc.at(start + offset, path, e.message));
  }
  const more = found.length - out.length;
  if (more > 0) out.push(loc.at(start + offset, path, `… and ${count(more)} more markup problems in this caption`));
  return out;
}

function duplicates(ids: readonly (string | null)[], what: string, base: Path, loc: Locator): StoryError[] {
  const seen = new Map<string, number>();
  return ids.flatMap((id, i) => {
    if (id === null) return [];
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, i);
      return [];
    }
    return [loc.error([...base, i, 'id'], `duplicate ${what} id "${id}" (first used at ${formatPath([...base, first])})`)];
  });
}

function danglingRef(loc: Pick<Locator, 'error'>, path: Path, what: string, id: string, known: readonly string[]): StoryError {
  return loc.error(path, `unknown ${what} "${id}"${suggestion(id, known)}`);
}

// What the YAML parser's messages mean for a script, in an editor's words.
const YAML_HINTS: [RegExp, string][] = [
  [/^Tabs are not allowed/, 'indent with spaces only'],
  [/^All mapping items must start at the same column/, 'this line is indented differently from the keys around it: line them up'],
  [/^Implicit keys need to be on a single line/, 'a key is missing its ":", or a value holds ": " and needs "quotes"'],
  [
    /^Nested mappings are not allowed in compact mappings/,
    'a value holds ": ": put it in "quotes", or use | and write it on the next lines',
  ],
  [/^Map keys must be unique/, 'this key is written twice here'],
  [/^Missing closing "?quote/, 'a quote opened here is never closed'],
  [/^Flow sequence/, 'a [list] is not closed with "]", or its next line is not indented enough'],
  [/^Flow map/, 'a { mapping } is not closed with "}", or its next line is not indented enough'],
  [/^A block sequence may not be used as an implicit map key/, 'a "- " item sits where a key was expected: check the indentation above'],
];
const yamlHint = (message: string): string => {
  const hint = YAML_HINTS.find(([re]) => re.test(message));
  return hint ? ` (${hint[1]})` : '';
};

/** Editors read a report top to bottom: order by file (script first), then position. */
const byPosition = (errors: StoryError[], script: string): StoryError[] =>
  errors
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        (a.e.file === b.e.file ? 0 : a.e.file === script ? -1 : b.e.file === script ? 1 : a.e.file < b.e.file ? -1 : 1) ||
        a.e.line - b.e.line ||
        a.e.column - b.e.column ||
        a.i - b.i,
    )
    .map(({ e }) => e);

export function loadStory(opts: LoadOptions): LoadResult {
  const result = compile(opts);
  return { ...result, errors: byPosition(result.errors, opts.file) };
}

/**
 * The script's lists item by item. When the whole script fails the schema, the items that pass
 * on their own are still cross-checked, so one mistake does not hide the others.
 */
interface Parts {
  sources: (Source | null)[];
  chapters: (Chapter | null)[];
  layers: (Layer | null)[];
  /** a step that failed the schema keeps the fields that pass on their own */
  steps: Partial<Step>[];
  /** the first step as written, to tell a missing camera or date from an invalid one */
  first: Record<string, unknown> | null;
  method: string | undefined;
  /** ids as written, also of items that failed the schema, so their ids are not reported unknown */
  ids: { source: (string | null)[]; chapter: (string | null)[]; layer: (string | null)[]; step: (string | null)[] };
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const idsOf = (items: unknown): (string | null)[] =>
  Array.isArray(items) ? items.map((x) => (typeof record(x).id === 'string' ? (record(x).id as string) : null)) : [];

function parts(input: unknown, script: StoryScript | null): Parts {
  const root = record(input);
  const meta = record(root.meta);
  const each = <T>(schema: ZodType<T>, items: unknown): (T | null)[] =>
    Array.isArray(items) ? items.map((x) => schema.safeParse(x).data ?? null) : [];
  return {
    sources: script?.meta.sources ?? each(Source, meta.sources),
    chapters: script?.chapters ?? each(Chapter, root.chapters),
    layers: script?.layers ?? each(Layer, root.layers),
    steps: script?.steps ?? (Array.isArray(root.steps) ? root.steps.map(partialStep) : []),
    first: Array.isArray(root.steps) && root.steps.length ? record(root.steps[0]) : null,
    // an over-long method note fails here, before its markup is parsed
    method: script ? script.meta.method : Meta.shape.method.safeParse(meta.method).data,
    ids: { source: idsOf(meta.sources), chapter: idsOf(root.chapters), layer: idsOf(root.layers), step: idsOf(root.steps) },
  };
}

function partialStep(raw: unknown): Partial<Step> {
  const given = record(raw);
  const whole = Step.safeParse(raw);
  if (whole.success) return whole.data;
  const fields = Object.entries(Step.shape).flatMap(([key, field]) => {
    const r = (field as ZodType).safeParse(given[key]);
    return given[key] !== undefined && r.success ? [[key, r.data]] : [];
  });
  return Object.fromEntries(fields) as Partial<Step>;
}

const present = <T>(items: readonly (T | null)[]): T[] => items.filter((x): x is T => x !== null);

function compile(opts: LoadOptions): LoadResult {
  const { file } = opts;
  const decoded = typeof opts.text === 'string' ? { text: opts.text } : decodeText(opts.text);
  const text = 'text' in decoded ? decoded.text : new TextDecoder().decode(opts.text as Uint8Array);
  const dataLabel = opts.dataLabel ?? ((rel: string) => rel);
  const fail = (errors: StoryError[]): LoadResult => ({ story: null, data: {}, errors, dataFiles: [] });
  // The text is checked before YAML reads it: the parser's time grows with its size, and it keeps
  // control characters in a caption without a word.
  const textError = (offset: number, message: string): StoryError => {
    const { line, column } = new LineIndex(text).position(offset);
    return { severity: 'error', file, line, column, path: '', message };
  };
  if ('message' in decoded) return fail([textError(decoded.offset, decoded.message)]);
  if (text.length > LIMITS.scriptChars) return fail([textError(0, tooLong('the script', text.length, LIMITS.scriptChars))]);
  const control = controlCharacter(text);
  if (control) return fail([textError(control.offset, control.message)]);

  const lines = new LineCounter();
  const { doc, nesting, refused } = readYaml(text, LIMITS.depth, lines);
  if (!doc || nesting) return fail([textError(nesting?.offset ?? 0, nesting?.message ?? 'no YAML document')]);
  const loc = new Locator(file, doc, lines);

  if (doc.errors.length || refused.length) {
    // The first syntax error throws the parser off for the lines after it: the rest are mostly
    // echoes of it, so only the first is reported, and only when no alias, anchor or tag (which
    // also throw it off: "*emphasis*" is an alias) comes before it.
    const [e] = doc.errors;
    const message = e?.message.split('\n')[0] ?? '';
    const syntax = e && (!refused[0] || e.pos[0] < refused[0].offset) ? [loc.at(e.pos[0], [], `YAML syntax: ${message}${yamlHint(message)}`)] : [];
    // A script built on anchors has one per reuse: the first few say what to change.
    const shown = refused.slice(0, LIMITS.errorsPerCaption).map((r) => loc.at(r.offset, [], r.message));
    const more = refused.length - shown.length;
    const rest = more > 0 ? [loc.at(refused[shown.length]!.offset, [], `… and ${count(more)} more aliases, anchors or tags`)] : [];
    return fail([...syntax, ...shown, ...rest]);
  }
  const stepList = doc.get('steps', true);
  if (isSeq(stepList) && stepList.items.length > LIMITS.steps) {
    const n = count(stepList.items.length);
    return fail([loc.error(['steps'], `more than ${count(LIMITS.steps)} steps (${n}): split the story`, true)]);
  }
  const input: unknown = doc.toJS();
  const parsed = StoryScript.safeParse(input);
  const errors: StoryError[] = parsed.success ? [] : schemaErrors(parsed.error.issues, input, loc);
  const script = parsed.data ?? null;
  errors.push(...checkTranslations(input).map((f) => ({ ...loc.error(f.path, f.message, f.key), severity: f.severity })));
  const { layers, steps, first, method, ids } = parts(input, script);
  errors.push(
    ...duplicates(ids.chapter, 'chapter', ['chapters'], loc),
    ...duplicates(ids.step, 'step', ['steps'], loc),
    ...duplicates(ids.layer, 'layer', ['layers'], loc),
    ...duplicates(ids.source, 'source', ['meta', 'sources'], loc),
  );

  // Data files: each read, parsed and checked against its layer's kind. A layer that failed
  // the schema has an unknown kind: its places and snapshots are unknown too.
  const data: StoryData = {};
  const raw: Record<string, DataText> = {};
  const places: PlaceRef[] = [];
  const snapshots: string[] = [];
  let placesComplete = !layers.includes(null);
  let frontsComplete = placesComplete;
  layers.forEach((layer, i) => {
    if (!layer) return;
    const text = opts.readData(layer.data);
    const label = dataLabel(layer.data);
    const result =
      text === null
        ? { data: null, errors: [loc.error(['layers', i, 'data'], `data file not found: ${label}`)] }
        : typeof text === 'string'
          ? parseDataFile(text, label, layer.kind)
          : { data: null, errors: [unreadable(text, label, loc.error(['layers', i, 'data'], `${label}: ${text.problem}`))] };
    if (!result.data) {
      if (layer.kind === 'places') placesComplete = false;
      if (layer.kind === 'front') frontsComplete = false;
      return void errors.push(...result.errors);
    }
    data[layer.id] = result.data;
    raw[layer.id] = { text: text as string, label };
    errors.push(...unknownSources(result.data, present(ids.source), text as string, label));
    if (layer.kind === 'places') places.push(...placeRefs(layer.id, result.data));
    if (layer.kind === 'front') snapshots.push(...snapshotDates(result.data));
  });

  // The first few positions outside the region in each file, then how many more.
  for (const l of present(layers)) {
    const outside = data[l.id] && opts.region ? outsideRegion(data[l.id]!, opts.region) : [];
    const shown = outside.slice(0, LIMITS.errorsPerCaption).map((i) => ({ layer: l.id, ...i }));
    const more = outside.length - shown.length;
    if (more > 0) shown.push({ ...shown.at(-1)!, message: `… and ${count(more)} more features with positions outside the story's region` });
    errors.push(...shown.map((f) => warningAt(f, loc, raw)));
  }
  // What the page downloads with the map: past the budget, phones on slow networks wait for it.
  const dataBytes = JSON.stringify(data).length;
  if (dataBytes > LIMITS.dataBudgetBytes) {
    const size = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
    const message = `the layers' data is ${size(dataBytes)}, past the ${size(LIMITS.dataBudgetBytes)} budget: readers download it with the map; simplify the shapes`;
    errors.push({ ...loc.error(['layers'], message, true), severity: 'warning' });
  }

  const known = { chapter: present(ids.chapter), layer: present(ids.layer), source: present(ids.source), place: places.map((p) => p.id) };
  steps.forEach((step, i) => {
    const at = (...p: Path): Path => ['steps', i, ...p];
    if (step.chapter && !known.chapter.includes(step.chapter))
      errors.push(danglingRef(loc, at('chapter'), 'chapter', step.chapter, known.chapter));
    step.layers?.forEach((id, j) => known.layer.includes(id) || errors.push(danglingRef(loc, at('layers', j), 'layer', id, known.layer)));
    step.sources?.forEach(
      (id, j) => known.source.includes(id) || errors.push(danglingRef(loc, at('sources', j), 'source', id, known.source)),
    );
    if (step.front && frontsComplete && !snapshots.includes(step.front)) {
      errors.push(
        loc.error(at('front'), `no front-line snapshot dated ${step.front}; the front layers have ${snapshots.join(', ') || 'none'}`),
      );
    }
    if (step.dateLabel && !step.date) errors.push(loc.error(at('dateLabel'), 'a dateLabel needs a date on the same step'));
    // With a places file unreadable, its ids are unknown: say nothing rather than cascade.
    if (placesComplete)
      step.highlight?.forEach(
        (id, j) => known.place.includes(id) || errors.push(danglingRef(loc, at('highlight', j), 'place', id, known.place)),
      );
  });
  if (first && first.camera === undefined) errors.push(loc.error(['steps', 0], 'the first step needs a camera (later steps inherit it)'));
  if (first && first.date === undefined) errors.push(loc.error(['steps', 0], 'the first step needs a date (later steps inherit it)'));

  const caption = (path: Path, source: string): Block[] => {
    const { blocks, errors: markup } = parseCaption(source);
    errors.push(...captionErrors(loc, text, path, source, markup));
    return blocks;
  };
  const captions = steps.map((s, i) => (s.caption ? caption(['steps', i, 'caption'], s.caption) : []));
  const methodBlocks = method ? caption(['meta', 'method'], method) : [];
  // Each edition's captions and method note, parsed and located like the English.
  const editions = script?.meta.editions ?? [];
  const translated = Object.fromEntries(
    editions.map((l) => {
      const text = script!.meta[l]?.method;
      return [
        l,
        {
          captions: steps.map((s, i) => (s[l]?.caption ? caption(['steps', i, l, 'caption'], s[l].caption) : [])),
          method: text ? caption(['meta', l, 'method'], text) : [],
        },
      ];
    }),
  ) as Partial<Record<Locale, { captions: Block[][]; method: Block[] }>>;
  for (const l of editions) {
    for (const [layer, i] of unnamed({ layers: present(layers) }, data, l)) {
      errors.push(
        dataLocator(raw[layer]!.text, raw[layer]!.label).error(
          ['features', i, 'properties'],
          `no name_${l}: the ${l} edition names this place in its language on the map`,
        ),
      );
    }
  }
  const dataFiles = present(layers).map((l) => l.data);

  // Views settle only on a script that passed the schema and gives the first step what it must.
  const views = script?.steps[0]?.camera && script.steps[0].date ? resolveViews(script.steps) : null;
  const frontLayers = new Set(
    present(layers)
      .filter((l) => l.kind === 'front')
      .map((l) => l.id),
  );
  views?.forEach((v, i) => {
    if (v.front === null && v.layers.some((id) => frontLayers.has(id))) {
      errors.push(
        loc.error(['steps', i], 'this step shows a front layer but no snapshot: add front: YYYY-MM-DD here or on an earlier step'),
      );
    }
  });

  if (script) {
    const findings = lint({
      steps: script.steps,
      views,
      captionWords: captions.map(wordCount),
      sources: script.meta.sources.map((s) => s.id),
      mapSources: Object.values(data).flatMap((fc) => fc.features.flatMap((f) => sourcesOf(f))),
      layers: script.layers,
      places: placesComplete ? places : [],
      lines: script.layers
        .filter((l) => l.kind === 'line' && data[l.id])
        .map((l) => ({ layer: l.id, points: data[l.id]!.features.flatMap((f) => linesOf(f.geometry).flat() as [number, number][]) })),
    });
    errors.push(...findings.map((f) => warningAt(f, loc, raw)));
  }

  if (!script || !views || errors.some((e) => e.severity === 'error')) return { story: null, data: {}, errors, dataFiles };
  const layerTitle = new Map(script.layers.map((l) => [l.id, l.title]));
  // The copy desk's finish (typography.ts) on every text a reader sees. No-break hyphens only
  // where the page draws text through Caption.svelte's `text` (captions, method, chapters, the
  // cards' sources); titles, the legend and the footer show plain text, alt text is only heard.
  const typeset = typesetter({ names: namesIn(script.layers, data) });
  const plain = typesetter({ hyphens: false });
  const { title, dek, byline, credits, sources, corrections, published } = script.meta;
  const story: Story = {
    meta: {
      ...english(script.meta),
      title: plain(title),
      dek: plain(dek),
      byline: plain(byline),
      credits: credits ? plain(credits) : null,
      corrections: corrections.map((c) => ({ ...english(c), text: plain(c.text) })),
      updated: [published, ...corrections.map((c) => c.date)].sort().at(-1)!,
      method: typesetBlocks(methodBlocks, typeset),
      sources: sources.map((s) => ({
        ...english(s),
        title: plain(s.title),
        publisher: plain(s.publisher),
        ...(s.affiliation ? { affiliation: plain(s.affiliation) } : {}),
        ...(s.note ? { note: plain(s.note) } : {}),
      })),
    },
    chapters: script.chapters.map((c) => ({ ...english(c), title: typeset(c.title) })),
    layers: script.layers.map((l) => ({ ...english(l), title: plain(l.title) })),
    steps: script.steps.map((s, i) => ({
      id: s.id,
      chapter: s.chapter,
      date: views[i]!.date,
      caption: typesetBlocks(captions[i]!, typeset),
      alt: plain(
        s.alt ??
          `Map: ${views[i]!.layers.map((id) => layerTitle.get(id)).join(', ') || 'the region'}. ${plainText(captions[i]!)}`.trim(),
      ),
      share: plain(s.share ?? captionSummary(captions[i]!)),
      sources: s.sources,
    })),
    views,
    explore: exploreView(views[views.length - 1]!, script.layers, data),
    areas: heldAreas(script.layers, data),
    statuses: frontStatuses(script.layers, data),
    lang: 'en',
    dir: 'ltr',
  };
  const built = Object.fromEntries(
    (opts.ui ? editions : []).map((locale) => [
      locale,
      {
        story: translateStory({ locale, story, script, data, ...translated[locale]!, ui: uiFor(opts.ui!, locale) }),
        data: editionData(story, data, locale),
      },
    ]),
  );
  return { story, data, errors, dataFiles, editions: built };
}

/** An object of the script without its translations (and the list of editions): each edition gets its own texts. */
function english<T extends object>(o: T): Omit<T, Locale | 'editions'> {
  const copy = { ...o } as Record<string, unknown>;
  for (const key of [...LOCALES, 'editions']) delete copy[key];
  return copy as Omit<T, Locale | 'editions'>;
}

/** A warning located in the script, or in the data file of the layer it names. */
function warningAt(f: Finding, loc: Locator, raw: Record<string, DataText>): StoryError {
  const file = f.layer ? raw[f.layer] : undefined;
  // One locator a file, however many warnings it has: each reads the whole file.
  const where = file ? (file.locator ??= dataLocator(file.text, file.label)) : loc;
  return { ...where.error(f.path, f.message), severity: 'warning' };
}

type DataLocator = { error: (path: Path, message: string) => StoryError };
/** A data file's text, and its locator once something is reported in it. */
type DataText = { text: string; label: string; locator?: DataLocator };

/** A data file's problem at its place in that file, or else at the script's `data:` line. */
const unreadable = ({ problem, at }: Unreadable, label: string, inScript: StoryError): StoryError =>
  at ? { severity: 'error', file: label, ...new LineIndex(at.text).position(at.offset), path: '', message: problem } : inScript;

/** Names of the places and labels the map draws: the text never breaks them either. */
const namesIn = (layers: readonly Layer[], data: StoryData): string[] =>
  layers
    .filter((l) => l.kind === 'places' || l.kind === 'label')
    .flatMap((l) => data[l.id]?.features.map((f) => String(f.properties?.name ?? '')) ?? []);

/** The source ids a shape cites (its `sources` property, checked by geojson.ts where required). */
const sourcesOf = (f: GeoJSON.Feature): string[] =>
  Array.isArray(f.properties?.sources) ? (f.properties.sources as unknown[]).filter((s): s is string => typeof s === 'string') : [];

/** Shapes citing a source meta.sources does not list, located in their data file. */
function unknownSources(fc: GeoJSON.FeatureCollection, known: string[], text: string, label: string): StoryError[] {
  const loose = fc.features.flatMap((f, i) =>
    sourcesOf(f).flatMap((id, j) => (known.includes(id) ? [] : [{ path: ['features', i, 'properties', 'sources', j], id }])),
  );
  if (!loose.length) return [];
  const loc = dataLocator(text, label);
  return loose.map(({ path, id }) => danglingRef(loc, path, 'source', id, known));
}

/** Places of a (checked) places layer with where they are. */
const placeRefs = (layer: string, fc: GeoJSON.FeatureCollection): PlaceRef[] =>
  fc.features.map((f, feature) => ({
    id: String(f.properties?.id),
    layer,
    lngLat: (f.geometry as GeoJSON.Point).coordinates as [number, number],
    feature,
  }));

/** Locates paths in a JSON data file; only built when something is reported there. */
function dataLocator(text: string, label: string): DataLocator {
  const tree = parseTree(text);
  const lines = new LineIndex(text);
  return {
    error: (path, message) => ({ severity: 'error', file: label, ...lines.position(jsonOffset(tree, path)), path: formatPath(path), message }),
  };
}

/** JSON text of a layer's data → FeatureCollection, or errors located in that file. */
export function parseDataFile(
  raw: string,
  label: string,
  kind: Parameters<typeof checkLayerData>[1],
): { data: GeoJSON.FeatureCollection | null; errors: StoryError[] } {
  const at = (offset: number, message: string) => ({
    data: null,
    errors: [{ severity: 'error' as const, file: label, ...new LineIndex(raw).position(offset), path: '', message }],
  });
  const deep = tooDeep(raw, LIMITS.depth);
  if (deep !== null) return at(deep, `nested more than ${LIMITS.depth} deep: a layer's GeoJSON needs 8 levels at most`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    const e = findJsonError(raw) ?? { offset: 0, message: 'not valid JSON' };
    return at(e.offset, `not valid JSON: ${e.message}`);
  }
  const issues = checkLayerData(json, kind);
  if (issues.length) {
    const loc = dataLocator(raw, label);
    return { data: null, errors: issues.map((i) => loc.error(i.path, i.message)) };
  }
  normaliseWinding(json as GeoJSON.FeatureCollection);
  return { data: json as GeoJSON.FeatureCollection, errors: [] };
}
