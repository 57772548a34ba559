// The shell (the chunk index.html loads and the chunks it imports statically) brings the story's
// text to life; the map loads after it, so no map code may ride in it. Its weight: `npm run bench`.
import { join } from 'node:path';
import type { Plugin, Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { shellChunks } from '../../bench/sizes.ts';
import { productionBuild } from '../production-build.ts';

const ROOT = join(import.meta.dirname, '..', '..');

let output: (Rolldown.OutputChunk | Rolldown.OutputAsset)[] = [];
const imports = new Map<string, { direct: readonly string[]; dynamic: readonly string[] }>();

// The build's own module graph, to tell how an offending module got into the shell.
const capture: Plugin = {
  name: 'capture-build',
  buildEnd() {
    for (const id of this.getModuleIds()) {
      const info = this.getModuleInfo(id);
      if (info) imports.set(id, { direct: info.importedIds, dynamic: info.dynamicallyImportedIds });
    }
  },
  generateBundle: {
    order: 'post',
    handler(_, bundle) {
      output = Object.values(bundle);
    },
  },
};

beforeAll(() => productionBuild({ root: ROOT, logLevel: 'silent', plugins: [capture], build: { write: false } }), 180_000);

const label = (id: string) => (id.startsWith(`${ROOT}/`) ? id.slice(ROOT.length + 1) : id.replace(/^\0/, ''));

/** The shortest import chain from `entry` to `id`: static imports if they reach it, else dynamic ones too (⇢). */
function chain(entry: string, id: string): string {
  for (const withDynamic of [false, true]) {
    const parent = new Map<string, { from: string; arrow: string } | null>([[entry, null]]);
    for (const from of parent.keys()) {
      const { direct, dynamic } = imports.get(from) ?? { direct: [], dynamic: [] };
      const edges = [...direct.map((to) => [to, ' → '] as const), ...(withDynamic ? dynamic : []).map((to) => [to, ' ⇢ '] as const)];
      for (const [to, arrow] of edges) if (!parent.has(to)) parent.set(to, { from, arrow });
    }
    if (!parent.has(id)) continue;
    const steps = [label(id)];
    for (let at = parent.get(id); at; at = parent.get(at.from)) steps.unshift(label(at.from), at.arrow);
    return steps.join('');
  }
  return `${label(id)} (imported by nothing the page loads)`;
}

describe('the shell', () => {
  it('holds no module of src/map, no map engine and no gsap', () => {
    const shell = shellChunks(output);
    const modules = shell.flatMap((c) => Object.keys(c.modules));
    expect(modules).toContain(join(ROOT, 'src/main.ts'));
    const banned = modules.filter((id) => label(id).startsWith('src/map/') || /\/node_modules\/(maplibre-gl|mapbox-gl|gsap)\//.test(id));
    expect(banned.map((id) => chain(shell[0]?.facadeModuleId ?? '', id)).join('\n')).toBe('');
  });
});
