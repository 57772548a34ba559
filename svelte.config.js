import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// No `window.__svelte` version marker in the page: bytes every reader would download for nothing.
export default { preprocess: vitePreprocess(), compilerOptions: { discloseVersion: false } };
