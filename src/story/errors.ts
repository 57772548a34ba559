// Problems found in a story script or its data, located for editors: file:line:column, the
// path in the script and what was expected, with a "did you mean" where a near miss exists.
import { LineIndex } from './line-index.ts';

export interface StoryError {
  severity: 'error' | 'warning';
  file: string;
  /** 1-based, as editors count */
  line: number;
  column: number;
  /** path in the script, e.g. "steps[4].camera.zoom"; empty for the whole file */
  path: string;
  message: string;
}

export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');

export function formatError(e: StoryError): string {
  const where = `${e.file}:${e.line}:${e.column}`;
  const tag = e.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${tag}${e.path ? `${e.path}: ` : ''}${e.message}`;
}

/** The source line with a caret under the column, as compilers print it. */
export function codeFrame(source: LineIndex, line: number, column: number): string {
  const from = Math.max(1, line - 1);
  const to = Math.min(source.lineCount, line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    // A minified or binary line would flood the terminal: the frame shows its first 200 characters.
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${source.line(n).slice(0, 200)}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.min(200, Math.max(0, column - 1)))}^`);
  }
  return out.join('\n');
}

/** A problem with the lines around it, as `npm run check` and the dev server show it; `source` is its file's text. */
export function formatWithFrame(e: StoryError, source: LineIndex | null): string {
  return source === null ? formatError(e) : `${formatError(e)}\n${codeFrame(source, e.line, e.column)}`;
}

/** Reads each file once and indexes its lines, for framing many problems in the same file. */
export function frameSource(read: (file: string) => string | null): (file: string) => LineIndex | null {
  const cache = new Map<string, LineIndex | null>();
  return (file) => {
    if (!cache.has(file)) {
      const text = read(file);
      cache.set(file, text === null ? null : new LineIndex(text));
    }
    return cache.get(file)!;
  };
}

/** The first problems, framed, then how many more there are: a report stays readable and bounded. */
export function formatReport(errors: readonly StoryError[], source: (file: string) => LineIndex | null, max: number): string[] {
  const shown = errors.slice(0, max).map((e) => formatWithFrame(e, source(e.file)));
  const rest = errors.length - shown.length;
  return rest > 0 ? [...shown, `… and ${rest.toLocaleString('en')} more (fix these and check again)`] : shown;
}

/** "2 errors, 1 warning" */
export function countProblems(errors: readonly StoryError[]): string {
  const n = errors.filter((e) => e.severity === 'error').length;
  const w = errors.length - n;
  return `${n} error${n === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
}

export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate when it is close enough to be a slip of the keyboard. */
export function didYouMean(input: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const needle = input.toLowerCase();
  for (const c of candidates) {
    const d = levenshtein(needle, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  const allowed = Math.max(1, Math.floor(input.length / 3));
  return best !== null && bestDistance > 0 && bestDistance <= allowed ? best : null;
}

export const suggestion = (input: string, candidates: Iterable<string>): string => {
  const near = didYouMean(input, candidates);
  return near ? ` (did you mean "${near}"?)` : '';
};
