// Server-side entry, run at build time only: an edition's page as HTML, so its text is in the
// built index.html (readable before any script runs, without JavaScript, by search engines and in print).
import { render as renderSvelte } from 'svelte/server';
import pages from 'virtual:story-pages';
import Story from '../components/Story.svelte';

export const render = async (lang: string) => {
  const page = pages[lang as keyof typeof pages];
  if (!page) throw new Error(`prerender: the story has no "${lang}" edition`);
  return renderSvelte(Story, { props: page });
};
