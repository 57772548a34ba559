// Fetching the engine ahead: only on connections that allow it, and exactly the files the engine
// needs that the page has not loaded (map/engine/vite-plugin.ts reads them from the build).
import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { prefetchAllowed } from '../../src/reader/prefetch.ts';
import { engineFiles } from '../../src/map/engine/vite-plugin.ts';

describe('prefetchAllowed', () => {
  it('fetches ahead on a fast or unknown connection', () => {
    expect(prefetchAllowed(undefined)).toBe(true);
    expect(prefetchAllowed({ effectiveType: '4g' })).toBe(true);
    expect(prefetchAllowed({ effectiveType: '3g', saveData: false })).toBe(true);
  });
  it('not when the reader saves data, nor on 2G', () => {
    expect(prefetchAllowed({ effectiveType: '4g', saveData: true })).toBe(false);
    expect(prefetchAllowed({ effectiveType: '2g' })).toBe(false);
    expect(prefetchAllowed({ effectiveType: 'slow-2g' })).toBe(false);
  });
});

const chunk = (fileName: string, o: Partial<Rolldown.OutputChunk> & { css?: string[]; assets?: string[] } = {}) =>
  ({
    type: 'chunk',
    fileName,
    facadeModuleId: null,
    isEntry: false,
    imports: [],
    ...o,
    viteMetadata: { importedCss: new Set(o.css ?? []), importedAssets: new Set(o.assets ?? []) },
  }) as unknown as Rolldown.OutputChunk;
const bundle = (...chunks: Rolldown.OutputChunk[]) => Object.fromEntries(chunks.map((c) => [c.fileName, c]));

describe('engineFiles', () => {
  const shell = chunk('index.js', { isEntry: true, facadeModuleId: '/r/index.html', imports: ['helper.js'] });
  const helper = chunk('helper.js');
  const shared = chunk('layers.js', { imports: ['index.js'], assets: ['font.woff2'] });
  const morph = chunk('morph.js', { facadeModuleId: '\0virtual:story-morph' });
  const maplibre = chunk('maplibre.js', {
    facadeModuleId: '/r/src/map/engine/maplibre.ts',
    imports: ['layers.js', 'index.js', 'helper.js'],
    css: ['maplibre.css'],
    assets: ['worker.mjs'],
  });

  it('names the engine chunk, what it imports beyond the shell, its CSS and worker, and the morph plans; no fonts', () => {
    expect(engineFiles(bundle(shell, helper, shared, morph, maplibre)).toSorted()).toEqual(
      ['layers.js', 'maplibre.css', 'maplibre.js', 'morph.js', 'worker.mjs'].toSorted(),
    );
  });
  it('prefers mapbox-gl when the build has it (a token build), and names nothing without an engine', () => {
    const mapbox = chunk('mapbox.js', { facadeModuleId: '/r/src/map/engine/mapbox.ts', imports: ['index.js'] });
    expect(engineFiles(bundle(shell, helper, shared, maplibre, mapbox))).toEqual(['mapbox.js']);
    expect(engineFiles(bundle(shell, helper))).toEqual([]);
  });
});
