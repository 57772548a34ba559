// A story changed after publication owes its readers a correction: when a caption changed after
// meta.published, `npm run check` asks for a meta.corrections entry dated on or after that change.
// When each caption changed comes from git; without its history the check says it was skipped.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parse } from 'yaml';
import type { StoryError } from './errors.ts';
import type { Correction } from './schema.ts';

/** Every step's caption as written, or null for a text that is not a story script. */
function captions(text: string | null): string[] | null {
  if (text === null) return null;
  try {
    const doc = parse(text) as { steps?: unknown } | null;
    return Array.isArray(doc?.steps) ? doc.steps.map((s: { caption?: unknown } | null) => String(s?.caption ?? '')) : null;
  } catch {
    return null;
  }
}

const same = (a: string[] | null, b: string[] | null) => a !== null && b !== null && a.length === b.length && a.every((c, i) => c === b[i]);

/**
 * The last day (YYYY-MM-DD) a caption of `script` changed after `since`: a commit's date, or
 * `today` for a change not yet committed. null: none since; undefined: no git history to tell.
 */
export function lastCaptionChange(script: string, since: string, today: string): string | null | undefined {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dirname(script), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 });
  const file = `./${basename(script)}`;
  const show = (rev: string) => {
    try {
      return git('show', `${rev}:${file}`);
    } catch {
      return null; // not in that revision, or the revision is missing (a shallow clone)
    }
  };
  let commits: [string, string][];
  try {
    commits = git('log', '--format=%H %cs', '--', file)
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ') as [string, string]);
  } catch {
    return undefined;
  }
  if (!commits.length) return undefined;
  if (!same(captions(readFileSync(script, 'utf8')), captions(show('HEAD')))) return today;
  for (const [sha, date] of commits) {
    if (date <= since) break;
    const before = show(`${sha}^`);
    if (before !== null && !same(captions(show(sha)), captions(before))) return date;
  }
  return null;
}

/** What `npm run check` says about corrections: an error when one is owed, a warning when it cannot tell. */
export function correctionProblems(
  script: { path: string; label: string; text: string },
  meta: { published: string; corrections: readonly Correction[] },
  today = new Date().toISOString().slice(0, 10),
): StoryError[] {
  const line = script.text.split('\n').findIndex((l) => /^\s+published:/.test(l)) + 1;
  const at = { file: script.label, line: Math.max(line, 1), column: 3, path: 'meta.published' };
  const changed = lastCaptionChange(script.path, meta.published, today);
  if (changed === undefined) {
    return [{ ...at, severity: 'warning', message: 'no git history here: corrections after publication were not checked' }];
  }
  if (changed === null || meta.corrections.some((c) => c.date >= changed)) return [];
  return [
    {
      ...at,
      severity: 'error',
      message: `a caption changed on ${changed}, after publication on ${meta.published}: add a meta.corrections entry dated ${changed} or later saying what changed`,
    },
  ];
}
