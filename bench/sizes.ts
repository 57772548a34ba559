// Bundle weights of a production build, split the way a reader downloads them: the shell
// (everything the first paint needs) and the map (loaded after the text has painted).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Rolldown } from 'vite';
import { RELIEF_SHADE } from '../src/relief/relief.ts';

type Output = Rolldown.OutputChunk | Rolldown.OutputAsset;

export interface Sizes {
  /** the shell's JS (shellChunks), its five largest modules (minified characters) and the CSS index.html links */
  shell: { js: number; css: number; chunks: string[]; largest: { module: string; bytes: number }[] };
  /** the map engine chunk, its worker, CSS and data */
  map: { js: number; worker: number; css: number; data: number };
  /** the relief's PNGs as served (already deflated: hosts send them as they are): the engine's tiles, and the static maps' shade */
  relief: { tiles: number; count: number; shade: number };
}

const gzip = (data: string | Uint8Array) => gzipSync(data, { level: 9 }).length;
const gz = (file: string) => gzip(readFileSync(file));

/** The shell: the chunk a page (index.html, or an edition's, ar/index.html) loads as its module script, and every chunk it imports statically. */
export function shellChunks(output: readonly Output[], pageFile = 'index.html'): Rolldown.OutputChunk[] {
  const html = output.find((o) => o.fileName === pageFile);
  const page = html?.type === 'asset' && typeof html.source === 'string' ? html.source : '';
  const entry = /<script\b[^>]*\btype="module"[^>]*\bsrc="(?:\.\.?\/)*([^"]+)"/.exec(page)?.[1];
  const chunks = new Map(output.flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
  if (!entry || !chunks.has(entry)) throw new Error(`the built ${pageFile} loads no module script of the build`);
  const shell = new Set<Rolldown.OutputChunk>();
  const visit = (file: string) => {
    const chunk = chunks.get(file);
    if (!chunk || shell.has(chunk)) return;
    shell.add(chunk);
    chunk.imports.forEach(visit);
  };
  visit(entry);
  return [...shell];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The numbers of one source-map segment (base64 VLQ). */
function vlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = shift = 0;
    }
  }
  return values;
}

/** Minified characters per module of a chunk (built with a source map): a mapping owns the code up to the next one. */
function sizesByModule(chunk: Rolldown.OutputChunk, outDir: string): Map<string, number> {
  if (!chunk.map) throw new Error(`${chunk.fileName} has no source map: build with build.sourcemap`);
  const { sources, mappings } = chunk.map;
  const lines = chunk.code.split('\n');
  const sizes = new Map<string, number>();
  let source = 0;
  let unmapped = 0;
  mappings.split(';').forEach((line, l) => {
    let column = 0;
    // [column, source index or -1 for code that maps to no source]
    const starts = line
      .split(',')
      .filter(Boolean)
      .map((segment): [number, number] => {
        const [dColumn = 0, dSource] = vlq(segment);
        column += dColumn;
        if (dSource === undefined) return [column, -1];
        source += dSource;
        return [column, source];
      });
    const length = lines[l]?.length ?? 0;
    unmapped += starts[0]?.[0] ?? length;
    starts.forEach(([start, s], i) => {
      const n = (starts[i + 1]?.[0] ?? length) - start;
      const name = sources[s];
      if (!name) unmapped += n;
      else {
        const file = relative(process.cwd(), resolve(outDir, dirname(chunk.fileName), name));
        sizes.set(file, (sizes.get(file) ?? 0) + n);
      }
    });
  });
  // Virtual modules (`\0` ids, e.g. the story) are left out of source maps: the code no source
  // claims is theirs, shared out by their size before minifying.
  const label = (id: string) => (id.startsWith('\0') ? id.slice(1) : relative(process.cwd(), id));
  const mapless = Object.entries(chunk.modules).filter(([id, m]) => m.renderedLength > 0 && !sizes.has(label(id)));
  const rendered = mapless.reduce((n, [, m]) => n + m.renderedLength, 0);
  for (const [id, m] of mapless) sizes.set(label(id), Math.round((unmapped * m.renderedLength) / rendered));
  return sizes;
}

/**
 * What the Arabic edition adds, gzipped: its shell beside the English one (the same code, its own
 * story and words), its text face (two woff2 files, already compressed; the map's labels use the
 * same files) and its data module (the same shapes, Arabic names). Null when it is not built.
 */
export function arabicSizes(output: readonly Output[], dist = 'dist') {
  if (!output.some((o) => o.fileName === 'ar/index.html')) return null;
  const js = (chunks: Rolldown.OutputChunk[]) => chunks.reduce((n, c) => n + gzip(c.code), 0);
  const [en, ar] = [shellChunks(output), shellChunks(output, 'ar/index.html')];
  const fonts = readdirSync(join(dist, 'assets')).filter((f) => /^noto-sans-arabic-arabic-(400|700)-normal-.*\.woff2$/.test(f));
  return {
    shell: { en: js(en), ar: js(ar) },
    /** each page's own entry chunk: its compiled story and interface words */
    text: { en: gzip(en[0]!.code), ar: gzip(ar[0]!.code) },
    fonts: fonts.reduce((n, f) => n + statSync(join(dist, 'assets', f)).size, 0),
  };
}

/** Sizes of a production build written to `dist`, from its output (built with build.sourcemap, for the shell's largest modules). */
export function measure(output: readonly Output[], dist = 'dist'): Sizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const css = [...html.matchAll(/href="\.\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]!);
  const assets = readdirSync(join(dist, 'assets'));
  const sum = (files: string[]) => files.reduce((n, f) => n + gz(join(dist, f)), 0);
  const pick = (re: RegExp) => assets.filter((f) => re.test(f)).map((f) => `assets/${f}`);
  const tiles = (readdirSync(join(dist, 'relief'), { recursive: true }) as string[]).filter((f) => /^\d+\/\d+\/\d+\.png$/.test(f));
  const shell = shellChunks(output);
  const byModule = new Map<string, number>();
  for (const chunk of shell) for (const [file, n] of sizesByModule(chunk, dist)) byModule.set(file, (byModule.get(file) ?? 0) + n);
  return {
    shell: {
      js: shell.reduce((n, c) => n + gzip(c.code), 0),
      css: sum(css),
      chunks: shell.map((c) => c.fileName),
      largest: [...byModule]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([module, bytes]) => ({ module, bytes })),
    },
    map: {
      js: sum(pick(/^maplibre-(?!gl-worker).*\.js$/)),
      worker: sum(pick(/^maplibre-gl-worker.*\.mjs$/)),
      css: sum(pick(/^maplibre-.*\.css$/)),
      data: sum(pick(/^_virtual_story-data.*\.js$/)),
    },
    relief: {
      tiles: tiles.reduce((n, f) => n + statSync(join(dist, 'relief', f)).size, 0),
      count: tiles.length,
      shade: statSync(join(dist, RELIEF_SHADE)).size,
    },
  };
}
