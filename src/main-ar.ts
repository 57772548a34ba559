// The Arabic edition's page (ar/index.html), with its text face: only this page loads it.
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import story, { alternates, ui } from 'virtual:story/ar';
import { start } from './start.ts';

start(story, ui, alternates);
