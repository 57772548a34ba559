// The Arabic edition's page (ar/index.html).
import story, { alternates, ui } from 'virtual:story/ar';
import { start } from './start.ts';

start(story, ui, alternates);
