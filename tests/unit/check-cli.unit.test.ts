// `npm run check` as an editor runs it: a separate process on a story folder, printing each
// problem as `file:line:column  message` with its code frame and a summary, exit 1 on errors.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, VALID } from './fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The valid story's folder with a fixture case laid over it, as an editor's checkout would be. */
function storyFolder(kind: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'story-check-'));
  temps.push(dir);
  cpSync(VALID, dir, { recursive: true });
  cpSync(join(FIXTURES, kind, name), dir, { recursive: true });
  return dir;
}

function check(cwd: string, script = 'story.yaml'): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/check.ts'), script], { cwd }, (error, stdout, stderr) => {
      done({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, out: stdout + stderr });
    });
  });
}

const expected = (kind: string, name: string) =>
  readFileSync(join(FIXTURES, kind, name, 'expected.txt'), 'utf8')
    .trim()
    .split('\n');

// Each test waits on a process of its own: they run side by side.
describe.concurrent('npm run check', () => {
  it('passes the real story, saying how long the check took', async () => {
    const { code, out } = await check(ROOT, 'story/qalamoun.yaml');
    // Warnings are the writers' call while the story is being written; errors never pass.
    expect(out).toMatch(/^0 errors, \d+ warnings?\. Checked \d+ steps and \d+ data files in \d+ ms\.$/m);
    expect(code).toBe(0);
  });

  it('lists every problem at once, each with its location, suggestion and code frame, and fails', async () => {
    const { code, out } = await check(storyFolder('story-errors', 'several-mistakes'));
    for (const line of expected('story-errors', 'several-mistakes')) expect(out).toContain(line);
    expect(out).toContain('story.yaml:49:46  steps[1].camera.pich: unknown key "pich" (did you mean "pitch"?)');
    // the frame: the line itself, then a caret under column 46
    expect(out).toContain(`> 49 |     camera: { center: [36.1, 33.7], zoom: 9, pich: 30, bearing: -10 }\n     | ${' '.repeat(45)}^`);
    expect(out).toMatch(/^6 errors, 0 warnings\. Checked the story in \d+ ms\.$/m);
    expect(code).toBe(1);
  });

  it.each([
    ['story-errors', 'yaml-syntax'],
    ['story-errors', 'unknown-place'],
    ['story-errors', 'misspelt-layer-kind'],
  ])('%s/%s: prints the located message and exits 1', async (kind, name) => {
    const { code, out } = await check(storyFolder(kind, name));
    for (const line of expected(kind, name)) expect(out).toContain(line);
    expect(code).toBe(1);
  });

  it("frames a problem in a data file with that file's own lines", async () => {
    const { code, out } = await check(storyFolder('story-errors', 'invalid-json'));
    expect(code).toBe(1);
    expect(out).toContain('data/places.geojson:3:1  not valid JSON: trailing comma before "]"');
    expect(out).toMatch(/> 3 \| \]/);
  });

  it('passes a story with warnings only, listing them', async () => {
    const { code, out } = await check(storyFolder('story-warnings', 'highlight-off-screen'));
    for (const line of expected('story-warnings', 'highlight-off-screen')) expect(out).toContain(line);
    // A copy outside any git repository: when captions changed cannot be told, and the check says so.
    expect(out).toContain('warning: meta.published: no git history here: corrections after publication were not checked');
    expect(out).toMatch(/^0 errors, 3 warnings\. /m);
    expect(code).toBe(0);
  });
});
