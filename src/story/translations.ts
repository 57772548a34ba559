// Whether a script's Arabic is complete: every reader-facing text beside its English, and none
// without an English to translate. Works on the script as written (not only a valid one), so an
// editor sees every gap at once; load.ts locates each finding.
import type { Locale } from './schema.ts';

type Path = (string | number)[];
export interface TranslationFinding {
  path: Path;
  message: string;
  severity: 'error' | 'warning';
  /** place the finding on the key at `path` rather than on its value */
  key?: boolean;
}

/**
 * The texts translated in each part of a script. `always`: required in every edition;
 * `withEnglish`: required when the English has one, extra when it does not; `optional`: never required.
 */
interface Texts {
  always: readonly string[];
  withEnglish: readonly string[];
  optional?: readonly string[];
}
const META: Texts = { always: ['title', 'dek', 'byline'], withEnglish: ['credits', 'method'] };
// A source's title is cited as published: its Arabic is given only where the report is in Arabic.
const SOURCE: Texts = { always: ['publisher'], withEnglish: ['note', 'affiliation'], optional: ['title'] };
const CORRECTION: Texts = { always: ['text'], withEnglish: [] };
const HEADING: Texts = { always: ['title'], withEnglish: [] };
const STEP: Texts = { always: ['caption'], withEnglish: ['alt', 'dateLabel', 'share'] };

const LANGUAGE: Record<Locale, string> = { ar: 'Arabic' };

const record = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every object of the script that carries texts, with its path and what it translates. */
function* textObjects(input: unknown): Generator<[Path, Record<string, unknown>, Texts]> {
  const root = record(input);
  const meta = record(root?.meta);
  if (meta) yield [['meta'], meta, META];
  for (const [name, texts] of [
    ['sources', SOURCE],
    ['corrections', CORRECTION],
  ] as const)
    for (const [i, o] of list(meta?.[name]).entries()) if (record(o)) yield [['meta', name, i], record(o)!, texts];
  for (const [name, texts] of [
    ['chapters', HEADING],
    ['layers', HEADING],
    ['steps', STEP],
  ] as const)
    for (const [i, o] of list(root?.[name]).entries()) if (record(o)) yield [[name, i], record(o)!, texts];
}

/** The locales `meta.editions` asks for, as written (unknown codes are the schema's to report). */
export const editionsOf = (input: unknown): Locale[] =>
  list(record(record(input)?.meta)?.editions).filter((l): l is Locale => l === 'ar');

/**
 * Missing translations (errors when the edition is asked for), translations of nothing (always
 * errors: the English has no such text), and a warning when Arabic is written but not built.
 */
export function checkTranslations(input: unknown, locale: Locale = 'ar'): TranslationFinding[] {
  const built = editionsOf(input).includes(locale);
  const language = LANGUAGE[locale];
  const found: TranslationFinding[] = [];
  let written = 0;
  for (const [path, object, texts] of textObjects(input)) {
    const translation = record(object[locale]);
    if (translation) written++;
    const has = (o: Record<string, unknown> | null, k: string) => o?.[k] !== undefined && o[k] !== null;
    for (const k of [...texts.always, ...texts.withEnglish]) {
      const required = texts.always.includes(k) || has(object, k);
      if (built && required && !has(translation, k)) {
        const english = has(object, k);
        found.push({
          path: english ? [...path, k] : path,
          key: english,
          severity: 'error',
          message: `no ${language} for "${k}": the ${language} edition needs ${locale}: { ${k}: … } beside it`,
        });
      }
      if (has(translation, k) && !has(object, k) && !texts.always.includes(k)) {
        found.push({
          path: [...path, locale, k],
          key: true,
          severity: 'error',
          message: `${language} "${k}" with no English "${k}" beside it: add the English, or remove this translation`,
        });
      }
    }
  }
  if (written && !built) {
    found.push({
      path: ['meta'],
      key: true,
      severity: 'warning',
      message: `the script has ${language} texts but meta.editions does not list ${locale}: the ${language} edition is not built`,
    });
  }
  return found;
}
