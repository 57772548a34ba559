// The interface's own words (buttons, legend, panels, announcements, the no-JS and print texts)
// in every language the story is built in: one small table, story/interface.yaml, checked here
// like the script, each problem at its line and column. The page receives one language's column.
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { Locator } from './load.ts';
import { suggestion, type StoryError } from './errors.ts';
import type { Locale } from './schema.ts';
import { UI_KEYS, type Ui, type UiKey } from './ui.ts';

export type InterfaceTable = Record<UiKey, Record<'en' | Locale, string>>;

const LANGUAGES = ['en', 'ar'] as const;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

/** The table from its YAML text, or every problem in it located. */
export function loadInterface(text: string, file: string): { table: InterfaceTable | null; errors: StoryError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const loc = new Locator(file, doc, lines);
  if (doc.errors.length) return { table: null, errors: [loc.at(doc.errors[0]!.pos[0], [], `YAML syntax: ${doc.errors[0]!.message.split('\n')[0]}`)] };
  const errors: StoryError[] = [];
  const root = doc.contents;
  if (!isMap(root)) return { table: null, errors: [loc.error([], 'expected a mapping of interface strings: key: { en: …, ar: … }')] };
  const table: Partial<InterfaceTable> = {};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(UI_KEYS as readonly string[]).includes(key)) {
      errors.push(loc.error([key], `unknown interface string "${key}"${suggestion(key, UI_KEYS)}`, true));
      continue;
    }
    const entry = pair.value;
    if (!isMap(entry)) {
      errors.push(loc.error([key], 'expected { en: …, ar: … }'));
      continue;
    }
    const texts: Partial<Record<string, string>> = {};
    for (const p of entry.items) {
      const lang = isScalar(p.key) ? String(p.key.value) : '';
      const value = isScalar(p.value) ? p.value.value : undefined;
      if (!(LANGUAGES as readonly string[]).includes(lang)) errors.push(loc.error([key, lang], `unknown language "${lang}"; languages: ${LANGUAGES.join(', ')}`, true));
      else if (typeof value !== 'string' || !value.trim()) errors.push(loc.error([key, lang], 'expected the text, a non-empty string'));
      else texts[lang] = value;
    }
    for (const lang of LANGUAGES) {
      if (texts[lang] === undefined && !entry.items.some((p) => isScalar(p.key) && p.key.value === lang))
        errors.push(loc.error([key], `"${key}" is not translated: no ${lang === 'en' ? 'English' : 'Arabic'} (${lang}: …)`, true));
    }
    if (texts.en && texts.ar && placeholders(texts.en) !== placeholders(texts.ar))
      errors.push(loc.error([key, 'ar'], `the Arabic must hold the same {placeholders} as the English: ${placeholders(texts.en) || 'none'}`));
    table[key as UiKey] = texts as Record<'en' | Locale, string>;
  }
  for (const key of UI_KEYS) if (!table[key] && !errors.some((e) => e.path === key)) errors.push(loc.error([], `interface string "${key}" is missing`));
  return errors.length ? { table: null, errors } : { table: table as InterfaceTable, errors };
}

/** One language's column of the table. */
export const uiFor = (table: InterfaceTable, lang: 'en' | Locale): Ui =>
  Object.fromEntries(UI_KEYS.map((k) => [k, table[k][lang]])) as Ui;

