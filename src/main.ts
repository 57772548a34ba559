// The English edition's page (index.html).
import story, { alternates, ui } from 'virtual:story';
import { start } from './start.ts';

start(story, ui, alternates);
