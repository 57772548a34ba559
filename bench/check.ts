// How long `npm run check` makes an editor wait on the real story: the check alone (median of
// repeated runs in this process) and the whole command, Node and TypeScript start-up included.
import { execFileSync } from 'node:child_process';
import { loadStoryFile } from '../src/story/load-file.ts';
import { STORY_SCRIPT } from '../story.config.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function measureCheck(runs = 15): { checkMs: number; commandMs: number } {
  const times = Array.from({ length: runs }, () => {
    const t = performance.now();
    loadStoryFile(STORY_SCRIPT);
    return performance.now() - t;
  });
  const commands = Array.from({ length: 3 }, () => {
    const t = performance.now();
    execFileSync('node_modules/.bin/tsx', ['scripts/check.ts'], { stdio: 'ignore' });
    return performance.now() - t;
  });
  return { checkMs: median(times.slice(1)), commandMs: median(commands) };
}
