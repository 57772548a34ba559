// Scripts and data files that crashed the check, hung it, or passed silently: each is now a
// problem at file:line:column, found in bounded time (bench/check.ts prints how long each takes).
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatError, type StoryError } from '../../src/story/errors.ts';
import { LIMITS } from '../../src/story/limits.ts';
import { loadStory } from '../../src/story/load.ts';
import { loadStoryFile } from '../../src/story/load-file.ts';
import { readInside } from '../../src/story/read-inside.ts';
import { ringArea2 } from '../../src/geo/simple-ring.ts';
import { STORY_REGION } from '../../story.config.ts';
import { ALIAS_BOMB, ANCHORS, dataFiles, hostileInputs, withFirstCaption, withSteps } from '../hostile.ts';
import { VALID } from './fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = readFileSync(join(VALID, 'story.yaml'), 'utf8');
const DATA = dataFiles(VALID);

const load = (text: string | Uint8Array, data: Record<string, string> = {}) =>
  loadStory({ file: 'story.yaml', text, readData: (rel) => data[rel] ?? DATA.get(rel) ?? null, region: STORY_REGION });
const errorsOf = (r: { errors: StoryError[] }) => r.errors.filter((e) => e.severity === 'error').map(formatError);

describe('every hostile input is a located problem', () => {
  it.each(hostileInputs(SCRIPT, 'data/fronts.geojson').map((h) => [h.name, h] as const))('%s', (_, h) => {
    const result = load(h.text, h.data);
    for (const e of result.errors) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.column).toBeGreaterThanOrEqual(1);
      expect(e.message).not.toMatch(/call stack|ReferenceError|undefined/);
    }
    if (!h.name.includes('within limits')) expect(errorsOf(result).length).toBeGreaterThan(0);
  });
});

describe('YAML aliases, anchors and tags', () => {
  it('reports the first of 150 anchors and aliases, then how many more', () => {
    const errors = errorsOf(load(SCRIPT.replace('\nsteps:\n', `\n${ANCHORS}\nsteps:\n`)));
    expect(errors).toHaveLength(LIMITS.errorsPerCaption + 1);
    expect(errors[0]).toBe(
      'story.yaml:36:5  quote the value or start it with a word: `&` starts a YAML anchor here, and "&a0" would be dropped from the text; story scripts use no anchors',
    );
    expect(errors[1]).toBe(
      'story.yaml:37:5  quote the value or start it with a word: `*` starts a YAML alias here ("*a0"); story scripts use no aliases',
    );
    expect(errors.at(-1)).toBe('story.yaml:56:6  … and 280 more aliases, anchors or tags');
  });

  it('refuses a billion-laughs bomb at its first anchor, without expanding it', () => {
    const errors = errorsOf(load(`${ALIAS_BOMB}\n${SCRIPT}`));
    expect(errors[0]).toMatch(/^story\.yaml:1:7 {2}quote the value or start it with a word: `&` starts a YAML anchor here, and "&l0"/);
    expect(errors).toHaveLength(LIMITS.errorsPerCaption + 1);
  });

  it('reports a "!!str" tag, which would change the value silently', () => {
    expect(errorsOf(load(SCRIPT.replace('title: Report A', 'title: !!str Report A')))).toEqual([
      'story.yaml:8:14  quote the value or start it with a word: `!` starts a YAML tag here, and "!!str" would be dropped from the text; story scripts use no tags',
    ]);
  });
});

describe('limits, each with a clear message', () => {
  it('steps', () => {
    expect(errorsOf(load(withSteps(SCRIPT, LIMITS.steps + 1)))).toEqual([
      'story.yaml:36:1  steps: more than 1,000 steps (1,001): split the story',
    ]);
  });

  it('script size', () => {
    const big = `${SCRIPT}# ${'x'.repeat(LIMITS.scriptChars)}\n`;
    expect(errorsOf(load(big))).toEqual([
      `story.yaml:1:1  the script has ${big.length.toLocaleString('en')} characters, more than the 1,000,000 allowed: split it or remove what is not needed`,
    ]);
  });

  it('caption length, before any markup is parsed (50,000 stray tags)', () => {
    expect(errorsOf(load(withFirstCaption(SCRIPT, JSON.stringify('<b>'.repeat(50_000)))))).toEqual([
      'story.yaml:45:14  steps[0].caption: too long: expected at most 4000 characters',
    ]);
  });

  it('markup problems per caption (a caption of 1,000 stray tags)', () => {
    const errors = errorsOf(load(withFirstCaption(SCRIPT, JSON.stringify('<b>'.repeat(1000)))));
    expect(errors).toHaveLength(LIMITS.errorsPerCaption + 1);
    expect(errors[1]).toMatch(/^story\.yaml:45:18 {2}steps\[0\]\.caption: raw HTML is not allowed \("<b>"\)/);
    expect(errors.at(-1)).toBe('story.yaml:45:72  steps[0].caption: … and 980 more markup problems in this caption');
  });

  it('YAML nesting', () => {
    expect(errorsOf(load(`deep: ${'['.repeat(100)}${']'.repeat(100)}\n${SCRIPT}`))).toEqual([
      'story.yaml:1:39  lists and mappings nested more than 32 deep: a story needs a few levels',
    ]);
    expect(errorsOf(load(`deep:\n${'- a: '.repeat(20)}x\n${SCRIPT}`))).toEqual([
      'story.yaml:2:41  more than 8 "- " items open on one line: write one item a line',
    ]);
  });

  it('GeoJSON nesting, before JSON.parse (200,000 deep)', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(errorsOf(load(SCRIPT, { 'data/fronts.geojson': deep }))).toContain(
      "data/fronts.geojson:1:33  nested more than 32 deep: a layer's GeoJSON needs 8 levels at most",
    );
  });

  it('vertices per shape', () => {
    const ring = Array.from({ length: LIMITS.verticesPerShape + 1 }, (_, i) => [36.4 + i * 1e-5, 33.9]);
    const text = DATA.get('data/lines.geojson')!.replace('[[36.0, 33.75], [36.07, 33.73]]', JSON.stringify(ring));
    expect(errorsOf(load(SCRIPT, { 'data/lines.geojson': text }))).toEqual([
      'data/lines.geojson:2:75  features[0].geometry.coordinates: 10,001 positions, more than the 10,000 a shape may have: simplify it (e.g. mapshaper -simplify)',
    ]);
  });

  it('warns past the data budget', () => {
    const line = Array.from({ length: 5000 }, (_, i) => [36 + i * 1e-5, 33.8]);
    const features = Array.from({ length: 16 }, () => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: line },
      properties: { id: 'long', confidence: 'claimed', sources: ['report-b'], derivation: 'A long test arrow.' },
    }));
    const result = load(SCRIPT, { 'data/lines.geojson': JSON.stringify({ type: 'FeatureCollection', features }) });
    expect(result.story).not.toBeNull();
    expect(result.errors.map(formatError)).toContainEqual(
      expect.stringMatching(
        /^story\.yaml:22:1 {2}warning: layers: the layers' data is 1\.\d MB, past the 1\.0 MB budget: readers download it with the map; simplify the shapes$/,
      ),
    );
  });
});

describe('front polygons', () => {
  it('are published with outer rings counter-clockwise and holes clockwise (RFC 7946), whatever the file has', () => {
    const square = '[[36.3, 33.9], [36.5, 33.9], [36.5, 34.0], [36.3, 34.0], [36.3, 33.9]]';
    const hole = '[[36.35, 33.95], [36.45, 33.95], [36.45, 33.98], [36.35, 33.98], [36.35, 33.95]]';
    const clockwise = (ring: string) => JSON.stringify((JSON.parse(ring) as number[][]).reverse());
    const text = DATA.get('data/fronts.geojson')!.replace(`[${square}]`, `[${clockwise(square)}, ${clockwise(clockwise(hole))}]`);
    const result = load(SCRIPT, { 'data/fronts.geojson': text });
    const [outer, inner] = (result.data.fronts!.features[0]!.geometry as GeoJSON.Polygon).coordinates;
    expect([ringArea2(outer!) > 0, ringArea2(inner!) < 0]).toEqual([true, true]);
  });
});

describe('positions outside the region', () => {
  it('are warned about feature by feature, the first 20, then how many more', () => {
    const swapped = Array.from({ length: 30 }, (_, i) => `[${33.7 + i / 1000}, 36.1]`).join(', ');
    const text = DATA.get('data/lines.geojson')!.replace('[[36.0, 33.75], [36.07, 33.73]]', `[${swapped}]`);
    const fc = JSON.parse(text) as { features: unknown[] };
    fc.features = Array.from({ length: 30 }, () => fc.features[0]);
    const warnings = load(SCRIPT, { 'data/lines.geojson': JSON.stringify(fc) }).errors.filter((e) => e.file === 'data/lines.geojson');
    expect(warnings).toHaveLength(21);
    expect(formatError(warnings[0]!)).toBe(
      "data/lines.geojson:1:106  warning: features[0].geometry.coordinates[0]: position [33.7, 36.1] is outside the story's region (35.9..37 E, 33.5..34.5 N): longitude and latitude swapped? GeoJSON writes [longitude, latitude]",
    );
    expect(warnings.at(-1)!.message).toBe("… and 10 more features with positions outside the story's region");
  });
});

describe('text that is not UTF-8, or holds control characters', () => {
  it('UTF-16 without a byte-order mark', () => {
    expect(errorsOf(load(new Uint8Array(Buffer.from(SCRIPT, 'utf16le'))))).toEqual([
      'story.yaml:1:1  the file is saved as UTF-16: save it as UTF-8',
    ]);
  });

  it.each([
    ['\u0007', 'U+0007'],
    ['\u001b', 'ESC'],
    ['\u007f', 'DEL'],
    ['\u0090', 'U+0090'],
    ['\ud800', 'a broken character'],
  ])('%j in a caption', (ch, name) => {
    const [error] = errorsOf(load(SCRIPT.replace('The *first* step.', `The *first*${ch} step.`)));
    expect(error).toMatch(new RegExp(`^story\\.yaml:45:25 {2}.*${name.replace('+', '\\+')}.* is not allowed`));
  });
});

describe('links: only web pages (and mail, in captions)', () => {
  const SCHEMES = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.domain)',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    'ftp://example.org/a',
    'mailto:desk@example.org',
  ];

  it.each(SCHEMES)('a source url %s', (url) => {
    const errors = errorsOf(load(SCRIPT.replace('      date: 2015-05-12\n', `      date: 2015-05-12\n      url: "${url}"\n`)));
    expect(errors).toEqual([
      `story.yaml:11:12  meta.sources[0].url: ${JSON.stringify(url)} is not a web address: a source link starts https:// or http://`,
    ]);
  });

  it.each(SCHEMES.filter((u) => !u.startsWith('mailto:')))('a caption link to %s', (url) => {
    const errors = errorsOf(load(SCRIPT.replace('The *first* step.', `"The [first](${url}) step."`)));
    expect(errors).toEqual([
      `story.yaml:45:27  steps[0].caption: link URL "${url}" is not allowed; use https://…, http://…, mailto:… or a #section-id on this page`,
    ]);
  });

  it('accepts https, http and, in captions, mailto', () => {
    const text = SCRIPT.replace('      date: 2015-05-12\n', '      date: 2015-05-12\n      url: "http://example.org/a"\n').replace(
      'The *first* step.',
      '"The [first](https://example.org) [desk](mailto:desk@example.org) step."',
    );
    expect(errorsOf(load(text))).toEqual([]);
  });
});

describe('data files: regular files inside the story folder only', () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
  /** A copy of the valid story in story/, beside a secret file outside it. */
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'story-paths-'));
    temps.push(dir);
    cpSync(VALID, join(dir, 'story'), { recursive: true });
    writeFileSync(join(dir, 'secret.geojson'), '{ "secret": "first line of a file outside story/" }\n');
    rmSync(join(dir, 'story', 'data', 'lines.geojson'));
    return dir;
  };
  const check = (dir: string) =>
    loadStoryFile('story/story.yaml', dir)
      .errors.filter((e) => e.severity === 'error')
      .map(formatError);
  const AT = 'story/story.yaml:30:11  layers[1].data: story/data/lines.geojson:';

  it('refuses a symlink to a file outside story/, and prints nothing of it', () => {
    const dir = folder();
    symlinkSync(join(dir, 'secret.geojson'), join(dir, 'story', 'data', 'lines.geojson'));
    const errors = check(dir);
    expect(errors).toEqual([`${AT} links to a file outside the story folder (a symlink?): copy the file into data/ instead`]);
    expect(errors.join('\n')).not.toContain('secret');
  });

  it('refuses a symlink to /dev/zero at once', () => {
    const dir = folder();
    symlinkSync('/dev/zero', join(dir, 'story', 'data', 'lines.geojson'));
    expect(check(dir)).toEqual([`${AT} links to a file outside the story folder (a symlink?): copy the file into data/ instead`]);
  });

  it('refuses a folder', () => {
    const dir = folder();
    mkdirSync(join(dir, 'story', 'data', 'lines.geojson'));
    expect(check(dir)).toEqual([`${AT} is a folder, not a file`]);
  });

  it('refuses a named pipe inside story/ (it would block the read)', () => {
    const dir = folder();
    if (spawnSync('mkfifo', [join(dir, 'story', 'data', 'lines.geojson')]).status !== 0) return;
    expect(check(dir)).toEqual([`${AT} is not a regular file`]);
  });

  it('refuses a file over the size limit before reading it', () => {
    const dir = folder();
    const fd = openSync(join(dir, 'story', 'data', 'lines.geojson'), 'w');
    spawnSync('truncate', ['-s', String(LIMITS.dataFileBytes + 1), join(dir, 'story', 'data', 'lines.geojson')]);
    closeSync(fd);
    expect(check(dir)).toEqual([`${AT} is 5.0 MB, more than the 5.0 MB allowed (5,000,001 bytes)`]);
  });

  it('places invalid UTF-8 in a data file at its line and column', () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'story', 'data', 'lines.geojson'),
      Buffer.concat([Buffer.from(DATA.get('data/lines.geojson')!.slice(0, 60)), Buffer.from([0xc3, 0x28])]),
    );
    expect(check(dir)).toEqual(['story/data/lines.geojson:2:16  invalid UTF-8 here: save the file as UTF-8']);
  });

  it('never reads a path with ".." (also refused by the schema)', () => {
    const dir = folder();
    expect(readInside(join(dir, 'story'), 'data/../../secret.geojson')).toEqual({
      problem: 'the path leaves the story folder: name a file under data/, without ".."',
    });
  });
});

describe('npm run check, piped', () => {
  // Long lines in every frame (the alt text above each caption too): the report passes the 64 KiB a pipe holds at once.
  const caption = JSON.stringify(`<b> ${'word '.repeat(60)}`);
  const text = withSteps(SCRIPT, 400)
    .replace(/^( +)alt: .*$/gm, `$1alt: ${'Long alt text. '.repeat(20)}`)
    .replace(/^( +)caption: (?:\|\n(?:\1 .*\n|\n)*|.*\n)/gm, (_, i: string) => `${i}caption: ${caption}\n`);

  it('keeps the whole report and its summary, through a pipe and into a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'story-pipe-'));
    cpSync(VALID, dir, { recursive: true });
    writeFileSync(join(dir, 'story.yaml'), text);
    const args = [join(ROOT, 'scripts/check.ts'), 'story.yaml'];
    const piped = await new Promise<string>((done) =>
      execFile(join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: dir, maxBuffer: 1 << 24 }, (_, stdout) => done(stdout)),
    );
    const fd = openSync(join(dir, 'report.txt'), 'w');
    const status = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: dir, stdio: ['ignore', fd, 'inherit'] }).status;
    closeSync(fd);
    const filed = readFileSync(join(dir, 'report.txt'), 'utf8');
    rmSync(dir, { recursive: true, force: true });
    for (const out of [piped, filed]) {
      expect(out.length).toBeGreaterThan(100 * 1024);
      expect(out).toContain(`… and 200 more (fix these and check again)`);
      expect(out).toMatch(/\n400 errors, 0 warnings\. Checked the story in \d+ ms\.\n$/);
    }
    expect(status).toBe(1);
  });
});
