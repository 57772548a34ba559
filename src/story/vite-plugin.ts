// Hands the page the compiled story as JSON modules: `virtual:story` (text and views, in the
// first chunk), `virtual:story-data` (GeoJSON, loaded with the map), `virtual:story-morph`
// (how front lines morph, planned here at build time) and `virtual:story-evidence` (what each
// shape rests on, loaded when a reader asks). Invalid scripts fail the build with every
// error located. In dev, saving the script or a data file sends the page the new story (or its
// problems) to show in place: see src/dev/.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatError, formatReport, frameSource } from './errors.ts';
import { LIMITS } from './limits.ts';
import { LIVE_EVENT, liveUpdate } from './live.ts';
import { loadStoryFile, type FileLoadResult } from './load-file.ts';
import { planFronts } from '../geo/morph-plan.ts';
import { compileEvidence } from './evidence.ts';

const MODULES = {
  story: 'virtual:story',
  data: 'virtual:story-data',
  morph: 'virtual:story-morph',
  evidence: 'virtual:story-evidence',
} as const;
const resolved = (id: string) => `\0${id}`;

export function storyPlugin(options: { script: string }): Plugin {
  let root = process.cwd();
  let cached: FileLoadResult | null = null;
  // Files of the last load, kept when the cache is dropped: watchChange runs before handleHotUpdate.
  let watched = new Set<string>();
  // A page that loaded a broken script has no story to update: it needs a reload once fixed.
  let servedBroken = false;
  const load = (): FileLoadResult => {
    if (!cached) {
      cached = loadStoryFile(options.script, root);
      watched = new Set(cached.watch);
    }
    return cached;
  };

  const read = (file: string) => {
    try {
      return readFileSync(resolve(root, file), 'utf8');
    } catch {
      return null; // the file itself is what is missing
    }
  };
  const report = (result: FileLoadResult) => formatReport(result.errors, frameSource(read), LIMITS.errorsShown).join('\n\n');

  return {
    name: 'story',
    // the compiled story for other build plugins (src/share/vite-plugin.ts)
    api: { load },
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return Object.values<string>(MODULES).includes(id) ? resolved(id) : null;
    },
    load(id) {
      if (!Object.values(MODULES).some((m) => id === resolved(m))) return null;
      const result = load();
      for (const file of result.watch) this.addWatchFile(file);
      for (const w of result.errors.filter((e) => e.severity === 'warning')) this.warn(formatError(w));
      const first = result.errors.find((e) => e.severity === 'error');
      // The page has a story once its story module loaded; a data or plan module fetched later
      // (a map restarting) while the script is broken does not take that story away.
      if (id === resolved(MODULES.story)) servedBroken = !result.story;
      if (first || !result.story) {
        const count = result.errors.filter((e) => e.severity === 'error').length;
        this.error({
          message: `${count} problem${count === 1 ? '' : 's'} in the story script:\n\n${report(result)}`,
          id: first ? resolve(root, first.file) : undefined,
          loc: first ? { file: resolve(root, first.file), line: first.line, column: first.column - 1 } : undefined,
          stack: '',
        });
      }
      const value =
        id === resolved(MODULES.story)
          ? result.story
          : id === resolved(MODULES.data)
            ? result.data
            : id === resolved(MODULES.evidence)
              ? compileEvidence(result.story, result.data)
              : planFronts(result.story.layers, result.data);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
    },
    watchChange(file) {
      if (watched.has(file)) cached = null;
    },
    handleHotUpdate({ file, server }) {
      if (!watched.has(file) && !file.startsWith(resolve(root, 'story'))) return;
      cached = null;
      for (const id of Object.values(MODULES)) {
        const mod = server.moduleGraph.getModuleById(resolved(id));
        if (mod) server.moduleGraph.invalidateModule(mod);
      }
      if (servedBroken) server.ws.send({ type: 'full-reload' });
      else server.ws.send({ type: 'custom', event: LIVE_EVENT, data: liveUpdate(load(), read) });
      return [];
    },
  };
}
