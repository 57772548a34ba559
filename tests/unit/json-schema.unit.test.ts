// The generated JSON Schema (what editors' YAML tooling reads), checked by an independent
// validator: it documents every field, accepts the stories we accept and rejects the same
// schema mistakes the loader rejects.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type AnySchema } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../scripts/write-schema.ts';
import { STORY_SCRIPT } from '../../story.config.ts';
import { FIXTURES, VALID } from './fixtures.ts';

type Node = Record<string, unknown>;
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Node;
// ajv-formats is not installed: the two formats the schema uses, as plain patterns.
const ajv = new Ajv({ allErrors: true, formats: { date: /^\d{4}-\d{2}-\d{2}$/, uri: /^https?:\/\/\S+$/ } });
const validate = ajv.compile(schema);
const yamlOf = (file: string): unknown => parse(readFileSync(file, 'utf8'), { logLevel: 'error' });

/** Every [path, node] under `properties` (and tuple items), depth first. */
function fields(node: Node, path = ''): [string, Node][] {
  const out: [string, Node][] = [];
  const visit = (child: unknown, at: string, isField: boolean) => {
    if (!child || typeof child !== 'object') return;
    if (isField) out.push([at, child as Node]);
    out.push(...fields(child as Node, at));
  };
  for (const [k, v] of Object.entries((node.properties ?? {}) as Record<string, unknown>)) visit(v, `${path}.${k}`, true);
  const items = node.items;
  if (Array.isArray(items)) items.forEach((v, i) => visit(v, `${path}[${i}]`, true));
  else visit(items, `${path}[]`, false);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    (node[key] as unknown[] | undefined)?.forEach((v, i) => visit(v, `${path}|${i}`, false));
  return out;
}

describe('the JSON Schema for editors', () => {
  const all = fields(schema);

  it('has a description and an example for every field', () => {
    expect(all.length).toBeGreaterThan(40);
    const undocumented = all
      .filter(([, n]) => typeof n.description !== 'string' || !Array.isArray(n.examples) || n.examples.length === 0)
      .map(([p]) => p);
    expect(undocumented).toEqual([]);
  });

  it('gives examples that are valid values of their own field', () => {
    const invalid = all.flatMap(([p, n]) => {
      const check = ajv.compile({ ...n, $schema: undefined } as AnySchema);
      return (n.examples as unknown[]).filter((e) => !check(e)).map((e) => `${p}: ${JSON.stringify(e)}`);
    });
    expect(invalid).toEqual([]);
  });

  it('is what the story file asks its editor to use', () => {
    expect(readFileSync(STORY_SCRIPT, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./story.schema.json');
  });

  it.each([
    ['the valid fixture story', join(VALID, 'story.yaml')],
    ['the real story', STORY_SCRIPT],
  ])('accepts %s', (_, file) => {
    expect(validate(yamlOf(file)), JSON.stringify(validate.errors)).toBe(true);
  });

  // What a JSON Schema can say: shapes, types, ranges and keys; not ids across the file,
  // data files or caption markup, which only `npm run check` sees.
  const SCHEMA_ERRORS = [
    'bad-date',
    'bad-transition',
    'camera-out-of-range',
    'caption-too-long',
    'empty-step',
    'misspelt-layer-kind',
    'several-mistakes',
    'translation-extra',
    'translation-unknown-locale',
    'unknown-key',
    'unknown-top-level-key',
    'wrong-type',
  ];
  const YAML_ERRORS = [
    'bad-indentation',
    'caption-emphasis-alias',
    'colon-in-caption',
    'duplicate-key',
    'tab-indentation',
    'unresolved-alias',
    'utf-16',
    'yaml-syntax',
  ];
  const cases = readdirSync(join(FIXTURES, 'story-errors')).filter((c) => !YAML_ERRORS.includes(c));

  it.each(cases)('%s: rejected exactly when it is a schema mistake', (name) => {
    const ok = validate(yamlOf(join(FIXTURES, 'story-errors', name, 'story.yaml')));
    expect(ok, JSON.stringify(validate.errors)).toBe(!SCHEMA_ERRORS.includes(name));
  });
});
