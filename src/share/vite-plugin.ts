// Adds the share files to the built site (render.ts): the story's card and tags in index.html,
// and a card and a preview page for every step under s/<step-id>/. Build only. The story comes
// from the story plugin and the shaded relief from the relief plugin, through their `api`: one
// load and one render each per build.
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { RELIEF_SHADE } from '../relief/relief.ts';
import type { FileLoadResult } from '../story/load-file.ts';
import { renderShare, type ShareFiles } from './render.ts';
import { siteAddress } from '../story/site.ts';

export interface StoryPluginApi {
  load(): FileLoadResult;
}
export interface ReliefPluginApi {
  files(): Map<string, Uint8Array>;
}

export function sharePlugin(): Plugin {
  let story: StoryPluginApi | undefined;
  let relief: ReliefPluginApi | undefined;
  let site: string | null = null;
  let cacheDir: string | undefined;
  let rendered: Promise<ShareFiles> | undefined;
  const share = () => {
    const loaded = story?.load();
    if (!loaded?.story) throw new Error('share: the story plugin has no story to draw');
    rendered ??= renderShare({ story: loaded.story, data: loaded.data, relief: relief?.files().get(RELIEF_SHADE), site, cacheDir });
    return rendered;
  };
  return {
    name: 'story-share',
    apply: 'build',
    configResolved(config) {
      const api = <T>(name: string) => config.plugins.find((p) => p.name === name)?.api as T | undefined;
      story = api<StoryPluginApi>('story');
      relief = api<ReliefPluginApi>('story-relief');
      site = siteAddress(config.env.VITE_SITE_URL);
      // The project's .cache/ (never committed), which Vite's own cache shares.
      cacheDir = join(config.root, '.cache', 'share-cards');
      rendered = undefined;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, { filename }) {
        if (!filename.endsWith('index.html')) return html;
        return html.replace('</head>', `  ${(await share()).head}\n  </head>`);
      },
    },
    async generateBundle() {
      for (const [fileName, source] of (await share()).files) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}
