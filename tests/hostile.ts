// Scripts and data an editor (or an attacker) could hand the check, built from a real script:
// shared by the hardening tests and the benchmark, which times the check on each.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Hostile {
  name: string;
  text: string;
  /** data files replaced, by their path relative to the script */
  data?: Record<string, string>;
}

/** The script's steps, and what comes before them. */
export function splitSteps(script: string): { head: string; steps: string[] } {
  const at = script.indexOf('\nsteps:\n') + '\nsteps:\n'.length;
  const steps = script
    .slice(at)
    .split(/\n(?= {2}- id: )/)
    .filter((s) => s.trimStart().startsWith('- id: '));
  return { head: script.slice(0, at), steps };
}

/** The script with `n` steps: its own repeated in order, each copy with an id of its own. */
export function withSteps(script: string, n: number): string {
  const { head, steps } = splitSteps(script);
  const out = Array.from({ length: n }, (_, i) => steps[i % steps.length]!.replace(/- id: ([a-z0-9-]+)/, `- id: $1-${i}`));
  return `${head}${out.join('\n')}\n`;
}

/** Replaces the first caption of the script (a one-line or a | block caption) by `caption`. */
export function withFirstCaption(script: string, caption: string): string {
  return script.replace(/^( +)caption: (?:\|\n(?:\1 .*\n|\n)*|.*\n)/m, (_, indent: string) => `${indent}caption: ${caption}\n`);
}

/** Inserts top-level YAML before `steps:`. */
const beforeSteps = (script: string, yaml: string) => script.replace('\nsteps:\n', `\n${yaml}\nsteps:\n`);

/** A front ring of `n` positions around a circle inside the region. */
function circle(n: number): number[][] {
  const ring = Array.from({ length: n - 1 }, (_, i) => [
    36.4 + 0.1 * Math.cos((2 * Math.PI * i) / (n - 1)),
    33.9 + 0.1 * Math.sin((2 * Math.PI * i) / (n - 1)),
  ]);
  return [...ring, ring[0]!];
}

const front = (coordinates: unknown) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates },
        properties: {
          id: 'x',
          snapshot: '2015-05-07',
          side: 'rebels',
          status: 'assessed',
          sources: ['report-a'],
          confidence: 'estimate',
          derivation: 'test',
        },
      },
    ],
  });

/** Ten levels of ten aliases each: 10^10 x's once expanded (top-level YAML). */
export const ALIAS_BOMB = [
  'lol0: &l0 [x, x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 9 }, (_, i) => `lol${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`),
].join('\n');

/** 150 anchors, each used once (top-level YAML). */
export const ANCHORS = Array.from({ length: 150 }, (_, i) => `a${i}: &a${i} value\nb${i}: *a${i}`).join('\n');

/** The worst inputs the issue names, each as large as the limits let it be or past them. */
export function hostileInputs(script: string, frontsFile: string): Hostile[] {
  const tags = '<b>'.repeat(1333);
  return [
    { name: 'unquoted *emphasis* caption', text: withFirstCaption(script, '*Zabadani* was cut off') },
    { name: 'billion-laughs alias bomb', text: beforeSteps(script, ALIAS_BOMB) },
    { name: '150 anchors and aliases', text: beforeSteps(script, ANCHORS) },
    { name: '1,000 steps (within limits)', text: withSteps(script, 1000) },
    { name: '1,001 steps (past the limit)', text: withSteps(script, 1001) },
    { name: '30,000 steps (past the size limit)', text: withSteps(script, 30_000) },
    { name: 'caption with 50,000 stray tags', text: withFirstCaption(script, JSON.stringify('<b>'.repeat(50_000))) },
    { name: 'caption with 40,000 backticks', text: withFirstCaption(script, JSON.stringify('`'.repeat(40_000))) },
    { name: 'caption of 200,000 alternating *', text: withFirstCaption(script, JSON.stringify('* '.repeat(100_000))) },
    {
      name: '200 captions of 4,000 characters of stray tags (within limits)',
      text: withSteps(script, 200).replace(/^( +)caption: (?:\|\n(?:\1 .*\n|\n)*|.*\n)/gm, (_, i: string) => `${i}caption: "${tags}"\n`),
    },
    { name: 'YAML nested 450,000 deep', text: beforeSteps(script, `deep: ${'['.repeat(450_000)}${']'.repeat(450_000)}`) },
    { name: 'YAML items nested 150,000 deep on one line', text: beforeSteps(script, `deep:\n${'- a: '.repeat(150_000)}x`) },
    { name: 'GeoJSON nested 200,000 deep', text: script, data: { [frontsFile]: '['.repeat(200_000) + ']'.repeat(200_000) } },
    { name: 'front ring of 10,001 positions (past the limit)', text: script, data: { [frontsFile]: front([circle(10_001)]) } },
    { name: 'front ring of 10,000 positions (within limits)', text: script, data: { [frontsFile]: front([circle(10_000)]) } },
    {
      name: 'front file of 4.6 MB: 12 rings of 10,000 positions (within limits)',
      text: script,
      data: { [frontsFile]: front(Array.from({ length: 12 }, () => circle(10_000))) },
    },
  ];
}

/** A story folder's data files, by their path relative to the script. */
export function dataFiles(storyDir: string): Map<string, string> {
  return new Map(readdirSync(join(storyDir, 'data')).map((f) => [`data/${f}`, readFileSync(join(storyDir, 'data', f), 'utf8')]));
}
