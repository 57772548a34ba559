import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPlugin } from './src/story/vite-plugin.ts';
import { embedPlugin } from './src/embed/vite-plugin.ts';
import { prerenderPlugin } from './src/ssr/vite-plugin.ts';
import { reliefPlugin } from './src/relief/vite-plugin.ts';
import { enginePrefetchPlugin } from './src/map/engine/vite-plugin.ts';
import { sharePlugin } from './src/share/vite-plugin.ts';
import { STORY_SCRIPT } from './story.config.ts';

// The prerender's server run needs no CSS: the client build already bundles it.
const serverPlugins = () => [svelte({ emitCss: false, compilerOptions: { css: 'external' } }), storyPlugin({ script: STORY_SCRIPT })];

export default defineConfig({
  // Relative base: dist/ works from any static host, CDN or sub-path.
  base: './',
  // Per checkout, not in node_modules: several checkouts may share one node_modules.
  cacheDir: '.cache/vite',
  plugins: [
    svelte(),
    // English at /, and the Arabic edition at /ar/ (embed.html is the embed plugin's).
    storyPlugin({ script: STORY_SCRIPT, pages: { ar: 'ar/index.html' } }),
    embedPlugin(),
    reliefPlugin(),
    enginePrefetchPlugin(),
    sharePlugin(),
    prerenderPlugin({ entry: 'src/ssr/entry.ts', plugins: serverPlugins }),
  ],
  build: {
    target: 'es2022',
    // Every browser the story supports preloads modules itself: no polyfill in the shell.
    modulePreload: { polyfill: false },
    // Each map engine is one large chunk by design, loaded after the text (mapbox-gl: 1.9 MB, 0.5 MB gzip).
    chunkSizeWarningLimit: 2000,
  },
});
