// Which folders of src/ may import which, read from the source itself: every import counts,
// static, dynamic, re-exported or type-only, in .ts files and in Svelte scripts and templates.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

interface Edge {
  from: string;
  /** a repo path, or `virtual:…` (modules the story plugin generates) */
  to: string;
}

// TypeScript's import scanner, not a JS lexer: it reads TS syntax as it is and keeps `import type`
// and `import('…').T`, which type-stripping would drop.
const scan = (code: string) => ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);

/** `import('…')` in template expressions, e.g. `{#await import('./Panel.svelte')}`. */
function templateImports(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const { type, source } = node as { type?: unknown; source?: { value?: unknown } };
  const own = type === 'ImportExpression' && typeof source?.value === 'string' ? [source.value] : [];
  return [...own, ...Object.values(node).flatMap(templateImports)];
}

/** Every import specifier in a .ts or .svelte source. */
function specifiers(file: string, text: string): string[] {
  if (!file.endsWith('.svelte')) return scan(text);
  const ast = parse(text, { modern: true });
  const scripts = [ast.module, ast.instance].flatMap((s) => {
    if (!s) return [];
    // The opening tag ends after its last attribute (`generics="…"` may hold a `>`).
    const open = text.indexOf('>', Math.max(s.start, ...s.attributes.map((a) => a.end)));
    return scan(text.slice(open + 1, text.lastIndexOf('</script', s.end)));
  });
  return [...scripts, ...templateImports(ast.fragment)];
}

/** The project module a specifier names, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  if (specifier.startsWith('virtual:')) return specifier;
  if (!specifier.startsWith('.')) return null;
  return posix.join(posix.dirname(from), specifier.replace(/\?.*$/, ''));
}

const files = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[])
  .map((f) => posix.join('src', f.split('\\').join('/')))
  .filter((f) => /\.(ts|svelte)$/.test(f))
  .sort();

const edges: Edge[] = files.flatMap((from) =>
  specifiers(from, readFileSync(join(ROOT, from), 'utf8')).flatMap((specifier) => {
    const to = resolve(from, specifier);
    return to ? [{ from, to }] : [];
  }),
);

const under = (dir: string) => (path: string) => path.startsWith(`${dir}/`);
const list = (found: Edge[]) => found.map((e) => `${e.from} → ${e.to}`).join('\n');

const inAny =
  (...dirs: string[]) =>
  (path: string) =>
    dirs.some((dir) => under(dir)(path));
const offending = (dir: string, banned: (to: string) => boolean) => list(edges.filter((e) => under(dir)(e.from) && banned(e.to)));

describe('the import graph reader', () => {
  it('sees static, dynamic, re-exported and type-only imports, in Svelte templates too', () => {
    const code = [
      "import type { A } from './a.ts';",
      "export * from './b.ts';",
      "type C = import('./c.ts').C;",
      "const d = () => import('./d.ts');",
    ].join('\n');
    expect(specifiers('x.ts', code)).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts']);
    const svelte = [
      `<script module lang="ts">import type { E } from './e.ts';</script>`,
      `<script lang="ts" generics="T extends Map<string, number>">let f: number = 1;</script>`,
      `{#await import('./g.svelte') then g}{f}<g.default />{/await}`,
    ].join('\n');
    expect(specifiers('x.svelte', svelte)).toEqual(['./e.ts', './g.svelte']);
  });

  it('finds the real edges, e.g. Story.svelte → Scroller.svelte', () => {
    expect(edges).toContainEqual({ from: 'src/components/Story.svelte', to: 'src/scroll/Scroller.svelte' });
    expect(edges.length).toBeGreaterThan(100);
  });

  it('resolves every relative import to a file', () => {
    expect(list(edges.filter((e) => !e.to.startsWith('virtual:') && !existsSync(join(ROOT, e.to))))).toBe('');
  });
});

describe('import rules', () => {
  it('src/geo imports nothing of the project outside src/geo', () => {
    expect(offending('src/geo', (to) => !under('src/geo')(to))).toBe('');
  });

  it('src/story imports nothing from src/map, src/components or src/scroll', () => {
    expect(offending('src/story', inAny('src/map', 'src/components', 'src/scroll'))).toBe('');
  });

  it('src/map imports nothing from src/components, src/scroll or src/embed', () => {
    expect(offending('src/map', inAny('src/components', 'src/scroll', 'src/embed'))).toBe('');
  });

  it('src/layout imports nothing of the project outside src/layout and src/geo', () => {
    expect(offending('src/layout', (to) => !under('src/layout')(to) && !under('src/geo')(to))).toBe('');
  });

  it('src/scroll imports nothing from src/map, src/embed or src/components', () => {
    expect(offending('src/scroll', inAny('src/map', 'src/embed', 'src/components'))).toBe('');
  });

  it('src/relief imports nothing of the project outside src/relief and src/geo', () => {
    expect(offending('src/relief', (to) => !under('src/relief')(to) && !under('src/geo')(to))).toBe('');
  });

  it('only src/map and src/share (build-time cards) import src/relief, and only its paths and extent (relief.ts): decoding and rendering stay in the build', () => {
    const outside = edges.filter((e) => under('src/relief')(e.to) && !under('src/relief')(e.from));
    expect(list(outside.filter((e) => !inAny('src/map', 'src/share')(e.from) || e.to !== 'src/relief/relief.ts'))).toBe('');
    expect(outside.length).toBeGreaterThan(0);
  });

  it('only src/start.ts and src/dev import src/dev (the build drops it)', () => {
    const outsideDev = edges.filter((e) => under('src/dev')(e.to) && !under('src/dev')(e.from) && e.from !== 'src/start.ts');
    expect(list(outsideDev)).toBe('');
  });

  it('the embed host script, with all it imports, stays inside src/embed', () => {
    // The host script is built on its own into the host page's embed.js (see the embed plugin).
    const host = /const HOST_SCRIPT = '([^']+)'/.exec(readFileSync(join(ROOT, 'src/embed/vite-plugin.ts'), 'utf8'))?.[1] ?? '';
    expect(files).toContain(host);
    const reached = new Set([host]);
    const outside: Edge[] = [];
    for (const file of reached) {
      for (const e of edges.filter((e) => e.from === file)) {
        if (under('src/embed')(e.to)) reached.add(e.to);
        else outside.push(e);
      }
    }
    expect(list(outside)).toBe('');
  });
});
