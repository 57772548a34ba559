// Brings an edition's page to life: main.ts (English) and main-ar.ts (Arabic) each hand over
// their own compiled story and words, so each page's shell carries one language only.
import { hydrate } from 'svelte';
import Story from './components/Story.svelte';
import type { Story as StoryModel } from './story/model.ts';
import type { Alternate, Ui } from './story/ui.ts';
import './app.css';

export function start(story: StoryModel, ui: Ui, alternates: Alternate[]): void {
  const target = document.getElementById('app')!;
  // `npm run dev` only: live preview and the `?edit` camera picker. The build drops this branch,
  // and with it every module under src/dev/.
  if (import.meta.env.DEV) void import('./dev/mount.ts').then(({ mountDev }) => mountDev(target, story, ui, alternates));
  // The built page already holds the story's text (src/ssr/): bring it to life in place.
  else hydrate(Story, { target, props: { story, ui, alternates } });
}
