// Server-side entry, run at build time only: the story's page as HTML, so its text is in the
// built index.html (readable before any script runs, without JavaScript, by search engines and in print).
import { render as renderSvelte } from 'svelte/server';
import story from 'virtual:story';
import Story from '../components/Story.svelte';

export const render = () => renderSvelte(Story, { props: { story } });
