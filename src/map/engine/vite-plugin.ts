// Names, in the built page, the files the map engine will need at the reader's first move (its
// chunk and what that imports, its CSS and worker, the morph plans), so that the page can fetch
// them ahead at idle (reader/prefetch.ts) instead of after the first scroll. The engine is the
// one a Mapbox token selects when the build has one (its chunk exists only then), else maplibre-gl.
import type { Plugin, Rolldown } from 'vite';
import { ENGINE_FILES_META } from '../../reader/prefetch.ts';

type Output = Rolldown.OutputChunk | Rolldown.OutputAsset;

/** What the engine's first frame needs that the page has not loaded before the first move. */
export function engineFiles(bundle: Record<string, Output>): string[] {
  const chunks = Object.values(bundle).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const byFacade = (suffix: string) => chunks.find((c) => c.facadeModuleId?.endsWith(suffix));
  const engine = byFacade('/src/map/engine/mapbox.ts') ?? byFacade('/src/map/engine/maplibre.ts');
  if (!engine) return [];
  const closure = (start: Rolldown.OutputChunk[]) => {
    const seen = new Set<string>();
    const visit = (c: Rolldown.OutputChunk | undefined) => {
      if (!c || seen.has(c.fileName)) return;
      seen.add(c.fileName);
      for (const f of c.imports) visit(bundle[f] as Rolldown.OutputChunk | undefined);
    };
    start.forEach(visit);
    return seen;
  };
  const shell = closure(chunks.filter((c) => c.isEntry));
  const wanted = [...closure([engine, byFacade('virtual:story-morph')].filter((c) => c !== undefined))].filter((f) => !shell.has(f));
  const extras = wanted.flatMap((f) => {
    const meta = (bundle[f] as Rolldown.OutputChunk).viteMetadata;
    // Fonts are fetched per script as labels need them: not ahead.
    return [...(meta?.importedCss ?? []), ...[...(meta?.importedAssets ?? [])].filter((a) => /\.m?js$/.test(a))];
  });
  return [...new Set([...wanted, ...extras])];
}

export function enginePrefetchPlugin(): Plugin {
  let base = './';
  return {
    name: 'engine-prefetch',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (page?.type !== 'asset') return;
        const prefix = base === '' ? './' : base;
        const files = engineFiles(bundle as Record<string, Output>).map((f) => prefix + f);
        page.source = String(page.source).replace('</head>', `<meta name="${ENGINE_FILES_META}" content="${files.join(' ')}" /></head>`);
      },
    },
  };
}
