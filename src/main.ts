import { hydrate, mount } from 'svelte';
import story from 'virtual:story';
import Story from './components/Story.svelte';
import './app.css';

// The built page already holds the story's text (prerender.ts): bring it to life in place.
// `npm run dev` serves an empty page, so there the story is mounted.
const target = document.getElementById('app')!;
(target.firstChild ? hydrate : mount)(Story, { target, props: { story } });
