// `npm test`: the tools (types, lint, format) beside every Vitest project (unit in Node,
// reader-facing in Chromium), closing with the plain count line CI reads: "N passed, N failed".
// It counts tests; a tool that fails adds one failure (named above the line), so CI fails too.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const report = '.cache/vitest-report.json';
mkdirSync('.cache', { recursive: true });
rmSync(report, { force: true });

const tools = [
  ['svelte-check (types, Svelte warnings)', 'svelte-check', ['--tsconfig', './tsconfig.json', '--fail-on-warnings']],
  ['eslint', 'eslint', ['--max-warnings', '0', '.']],
  ['prettier', 'prettier', ['--check', '--log-level', 'warn', '.']],
];
// The tools run side by side with Vitest (each mostly waits on its own files); their output is
// printed whole, in order, once Vitest is done, above the count line.
const finished = (cmd, args, options) =>
  new Promise((done) => {
    const child = spawn(cmd, args, options);
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('close', (code) => done({ code: code ?? 1, out }));
  });
const checks = Promise.all(tools.map(([, cmd, args]) => finished('npx', [cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })));

console.log('▸ vitest');
const vitest = await finished(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
const vitestStatus = vitest.code;

const results = await checks;
const failedTools = tools.filter(([name], i) => {
  console.log(`▸ ${name}`);
  if (results[i].out) process.stdout.write(results[i].out);
  return results[i].code !== 0;
});

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  skipped = json.numPendingTests + json.numTodoTests;
  // A file that fails to load has no failed test of its own: count it.
  failed = json.numFailedTests + json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} catch {
  console.log('no Vitest report: the run itself failed');
  failed += 1;
}
if (vitestStatus !== 0 && failed === 0) failed = 1;
for (const [name] of failedTools) console.log(`✗ ${name} failed`);
failed += failedTools.length;

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
