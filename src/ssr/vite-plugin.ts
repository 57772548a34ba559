// Prerenders the story into the built index.html: `<div id="app">` receives the server-rendered
// page, which main.ts then hydrates. Build only; `npm run dev` mounts the page in the browser.
// The built pages then carry no inline code a strict Content Security Policy would refuse
// (strict-html.ts): the prerender's style attributes go to a stylesheet, and anything else fails the build.
import { resolve } from 'node:path';
import { runnerImport, type Plugin, type PluginOption } from 'vite';
import { inlineCode, moveStyleAttributes } from './strict-html.ts';

const SLOT = '<div id="app"></div>';

export interface PrerenderOptions {
  /** module exporting `render(lang): Promise<{ head: string; body: string }>`, lang being the page's `<html lang>` */
  entry: string;
  /** the plugins that module needs (Svelte, the story), created afresh for the server run */
  plugins: () => PluginOption[];
}

export function prerenderPlugin({ entry, plugins }: PrerenderOptions): Plugin {
  let root = process.cwd();
  let base = './';
  return {
    name: 'prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(SLOT)) throw new Error(`prerender: index.html has no ${SLOT} to fill`);
        const { module } = await runnerImport<{ render(lang: string): Promise<{ head: string; body: string }> }>(resolve(root, entry), {
          root,
          logLevel: 'error',
          plugins: plugins(),
        });
        // Each edition's page names its language: the English index.html, the Arabic ar/index.html.
        const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'en';
        const { head, body } = await module.render(lang);
        return html.replace('</head>', `${head}</head>`).replace(SLOT, `<div id="app">${body}</div>`);
      },
    },
    // After Vite has written the pages (and the embed plugin its own): every page of the site.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const page of Object.values(bundle)) {
          if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
          const { html, css } = moveStyleAttributes(String(page.source));
          let source = html;
          if (css) {
            const ref = this.emitFile({ type: 'asset', name: 'prerendered.css', source: css });
            // A page in a folder (the Arabic edition's ar/index.html) reaches assets/ from there.
            const up = '../'.repeat(page.fileName.split('/').length - 1);
            const href = `${base === './' || base === '' ? `./${up}` : base}${this.getFileName(ref)}`;
            source = source.replace('</head>', `<link rel="stylesheet" href="${href}" /></head>`);
          }
          const refused = inlineCode(source);
          if (refused.length) this.error(`${page.fileName} has inline code a strict CSP refuses: ${refused.join(', ')}`);
          page.source = source;
        }
      },
    },
  };
}
