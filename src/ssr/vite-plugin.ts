// Prerenders the story into the built index.html: `<div id="app">` receives the server-rendered
// page, which main.ts then hydrates. Build only; `npm run dev` mounts the page in the browser.
import { resolve } from 'node:path';
import { runnerImport, type Plugin, type PluginOption } from 'vite';

const SLOT = '<div id="app"></div>';

export interface PrerenderOptions {
  /** module exporting `render(): { head: string; body: string }` */
  entry: string;
  /** the plugins that module needs (Svelte, the story), created afresh for the server run */
  plugins: () => PluginOption[];
}

export function prerenderPlugin({ entry, plugins }: PrerenderOptions): Plugin {
  let root = process.cwd();
  return {
    name: 'prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(SLOT)) throw new Error(`prerender: index.html has no ${SLOT} to fill`);
        const { module } = await runnerImport<{ render(): { head: string; body: string } }>(resolve(root, entry), {
          root,
          logLevel: 'error',
          plugins: plugins(),
        });
        const { head, body } = module.render();
        return html.replace('</head>', `${head}</head>`).replace(SLOT, `<div id="app">${body}</div>`);
      },
    },
  };
}
