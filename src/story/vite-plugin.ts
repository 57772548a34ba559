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
import { uiFor } from './interface.ts';
import type { Locale } from './schema.ts';
import { siteAddress } from './site.ts';

const MODULES = {
  story: 'virtual:story',
  storyAr: 'virtual:story/ar',
  data: 'virtual:story-data',
  dataAr: 'virtual:story-data/ar',
  morph: 'virtual:story-morph',
  evidence: 'virtual:story-evidence',
  pages: 'virtual:story-pages',
} as const;
const resolved = (id: string) => `\0${id}`;

export interface StoryPluginOptions {
  script: string;
  /** each translated edition's page, built beside index.html when the script has that edition */
  pages?: Partial<Record<Locale, string>>;
}

export function storyPlugin(options: StoryPluginOptions): Plugin {
  let root = process.cwd();
  let cached: FileLoadResult | null = null;
  /** the site's address (VITE_SITE_URL), or null: relative links */
  let site: string | null = null;
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
    // A build makes index.html and the page of every edition the script has (a script without
    // its Arabic, or a broken one, builds the English page alone, which reports its problems).
    config(config, env) {
      if (env.command !== 'build' || !options.pages) return;
      root = resolve(config.root ?? process.cwd());
      const editions = Object.keys(load().editions ?? {}) as Locale[];
      const pages = editions.flatMap((l) => (options.pages?.[l] ? [[l, resolve(root, options.pages[l])]] : []));
      return { build: { rollupOptions: { input: { main: resolve(root, 'index.html'), ...Object.fromEntries(pages) } } } };
    },
    configResolved(config) {
      if (config.root !== root) cached = null;
      root = config.root;
      site = siteAddress(config.env.VITE_SITE_URL);
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
      const json = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
      const arabic = id === resolved(MODULES.storyAr) || id === resolved(MODULES.dataAr);
      const edition = result.editions?.ar;
      // Only the Arabic page asks for its story; the English page's engine code names the Arabic data too.
      if (id === resolved(MODULES.dataAr) && !edition) return 'export default null;';
      if (arabic && !edition) this.error({ message: 'the story has no Arabic edition: add editions: [ar] to its meta', stack: '' });
      // Each page gets its story, its words, and where its other editions are.
      const page = (lang: 'en' | 'ar') => {
        const table = result.ui!;
        // Relative by default (the site works under any address); absolute when VITE_SITE_URL, the
        // English page's published address, is set at build time, as search engines want hreflang.
        const relative = (l: string) => (l === lang ? './' : lang === 'en' ? `${l}/` : l === 'en' ? '../' : `../${l}/`);
        const here = (l: string) => (site ? new URL(l === 'en' ? './' : `${l}/`, site).href : relative(l));
        return {
          story: lang === 'en' ? result.story : result.editions![lang]!.story,
          ui: uiFor(table, lang),
          alternates: [
            { lang: 'en', href: here('en'), name: table.edition.en },
            ...(result.editions?.ar ? [{ lang: 'ar', href: here('ar'), name: table.edition.ar }] : []),
          ],
        };
      };
      if (id === resolved(MODULES.story) || id === resolved(MODULES.storyAr)) {
        const { story, ui, alternates } = page(arabic ? 'ar' : 'en');
        return [`export default ${json(story)};`, `export const ui = ${json(ui)};`, `export const alternates = ${json(alternates)};`].join('\n');
      }
      // The prerender's: every edition's page at once (its module runner closes once it has imported).
      if (id === resolved(MODULES.pages)) return `export default ${json({ en: page('en'), ...(edition ? { ar: page('ar') } : {}) })};`;
      const value =
        id === resolved(MODULES.data)
          ? result.data
          : id === resolved(MODULES.dataAr)
            ? edition!.data
            : id === resolved(MODULES.evidence)
              ? compileEvidence(result.story, result.data)
              : planFronts(result.story.layers, result.data);
      return `export default ${json(value)};`;
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
