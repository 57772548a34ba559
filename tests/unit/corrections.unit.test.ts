// A caption changed after publication needs a correction: checked against a real git history.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { correctionProblems, lastCaptionChange } from '../../src/story/corrections.ts';

const dir = mkdtempSync(join(tmpdir(), 'corrections-'));
const script = join(dir, 'story.yaml');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const git = (date: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` },
    stdio: 'ignore',
  });
const text = (caption: string, published = '2015-06-21', corrections = '[]') =>
  `meta:\n  published: ${published}\n  corrections: ${corrections}\nsteps:\n  - id: a\n    caption: ${caption}\n`;
const commit = (date: string, body: string) => {
  writeFileSync(script, body);
  git(date, 'add', '.');
  git(date, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', date);
};
const problems = (body: string, corrections: { date: string; text: string }[] = []) =>
  correctionProblems({ path: script, label: 'story.yaml', text: body }, { published: '2015-06-21', corrections }, '2015-07-09');

describe('corrections after publication', () => {
  it('cannot tell without git history, and says so', () => {
    writeFileSync(script, text('First.'));
    expect(lastCaptionChange(script, '2015-06-21', '2015-07-09')).toBeUndefined();
    expect(problems(text('First.')).map((p) => p.severity)).toEqual(['warning']);
  });

  it('owes nothing for changes before publication or for changes to other fields', () => {
    git('2015-06-01', 'init', '-q');
    commit('2015-06-01', text('First.'));
    commit('2015-06-20', text('Second.'));
    commit('2015-06-30', text('Second.', '2015-06-22'));
    expect(lastCaptionChange(script, '2015-06-21', '2015-07-09')).toBeNull();
    expect(problems(text('Second.'))).toEqual([]);
  });

  it('asks for a correction dated on or after a caption changed since, located at meta.published', () => {
    commit('2015-07-02', text('Second, corrected.'));
    const [p] = problems(text('Second, corrected.'));
    expect(p).toMatchObject({ severity: 'error', line: 2 });
    expect(p!.message).toContain('a caption changed on 2015-07-02, after publication on 2015-06-21');
    expect(problems(text('Second, corrected.'), [{ date: '2015-07-01', text: 'Too early.' }])).toHaveLength(1);
    expect(problems(text('Second, corrected.'), [{ date: '2015-07-02', text: 'Fixed a date.' }])).toEqual([]);
  });

  it('counts a caption changed but not yet committed as changed today', () => {
    writeFileSync(script, text('Third.'));
    expect(lastCaptionChange(script, '2015-06-21', '2015-07-09')).toBe('2015-07-09');
  });
});
