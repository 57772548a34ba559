import { hydrate } from 'svelte';
import story from 'virtual:story';
import Story from './components/Story.svelte';
import './app.css';

const target = document.getElementById('app')!;
// `npm run dev` only: live preview and the `?edit` camera picker. The build drops this branch,
// and with it every module under src/dev/.
if (import.meta.env.DEV) void import('./dev/mount.ts').then(({ mountDev }) => mountDev(target, story));
// The built page already holds the story's text (src/ssr/): bring it to life in place.
else hydrate(Story, { target, props: { story } });
