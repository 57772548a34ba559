// Share cards: the time the build spends drawing them (relief drawn beforehand, as the relief
// plugin does once per build) and their bytes. Issue #18's target: every step's card in ≤ 15 s.
import { renderRelief } from '../src/relief/vite-plugin.ts';
import { RELIEF_SHADE } from '../src/relief/relief.ts';
import { renderShare } from '../src/share/render.ts';
import { loadStoryFile } from '../src/story/load-file.ts';
import { STORY_SCRIPT } from '../story.config.ts';

export async function printShareFigures(): Promise<void> {
  const { story, data } = loadStoryFile(STORY_SCRIPT);
  if (!story) throw new Error(`${STORY_SCRIPT} does not load: run npm run check`);
  const relief = renderRelief('assets/relief').get(RELIEF_SHADE);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { files } = await renderShare({ story, data, relief, site: 'https://example.org/story/' });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const cards = [...files].filter(([name]) => name.endsWith('.png')).map(([, bytes]) => bytes.length);
  const total = cards.reduce((a, b) => a + b, 0);
  console.log('Share cards (1200 × 630 PNG, story + every step)');
  console.log(
    `  drawn in                    ${seconds.toFixed(1)} s for ${cards.length} cards (${cpuSeconds.toFixed(1)} s of CPU, on the thread pool)   ${seconds <= 15 ? '✓' : '✗'} target ≤ 15 s`,
  );
  console.log(
    `  bytes                       ${(total / 1024 / 1024).toFixed(2)} MB in all, largest ${(Math.max(...cards) / 1024).toFixed(0)} kB`,
  );
}
