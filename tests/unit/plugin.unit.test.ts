// The Vite plugin: a broken script fails the build with every error located, and the page
// gets the compiled story, never YAML.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { afterAll, describe, expect, it } from 'vitest';
import { storyPlugin } from '../../src/story/vite-plugin.ts';
import { productionBuild } from '../production-build.ts';
import { FIXTURES } from './fixtures.ts';

const out = mkdtempSync(join(tmpdir(), 'story-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const buildWith = (script: string) =>
  productionBuild({
    configFile: false,
    logLevel: 'silent',
    base: './',
    plugins: [svelte(), storyPlugin({ script })],
    build: { outDir: out, emptyOutDir: true },
  });

describe('the story plugin in a build', () => {
  it('fails on a broken script, naming every error with file:line:column', async () => {
    const broken = join(FIXTURES, 'story-errors', 'camera-out-of-range', 'story.yaml');
    const error = await buildWith(broken).then(
      () => null,
      (e: Error) => e,
    );
    // Run outside its fixture folder's fallback, the case's data files are missing too: every problem is listed.
    expect(error?.message).toContain('4 problems in the story script');
    expect(error?.message).toMatch(/story\.yaml:44:30 {2}steps\[1\]\.camera\.center\[1\]: 95 is too large: expected at most 90/);
    expect(error?.message).toMatch(/story\.yaml:44:41 {2}steps\[1\]\.camera\.zoom: 23 is too large: expected at most 22/);
    expect(error?.message).toContain('> 44 |');
  });

  it('ships the compiled story as JSON, and no YAML parser or schema library', async () => {
    await buildWith(join(FIXTURES, 'story', 'story.yaml'));
    const js = readdirSync(join(out, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(out, 'assets', f), 'utf8'))
      .join('\n');
    expect(js).toContain('Inherits camera, layers and date.');
    expect(js).not.toMatch(/LineCounter|parseDocument|YAMLParseError/);
    expect(js).not.toMatch(/ZodError|safeParse/);
  });

  it("ships none of the editors' dev tools: live preview, problem list, camera picker", async () => {
    await buildWith(join(FIXTURES, 'story', 'story.yaml'));
    const files = readdirSync(join(out, 'assets'));
    expect(files.filter((f) => /DevStory|EditPanel|Problems|mount/i.test(f))).toEqual([]);
    const shipped = files
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f) => readFileSync(join(out, 'assets', f), 'utf8'))
      .join('\n');
    expect(shipped).toContain('Inherits camera, layers and date.');
    expect(shipped).not.toMatch(/Camera picker|camera-yaml|story:update|the last version that worked/);
  });
});
