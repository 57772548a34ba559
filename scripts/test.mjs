// `npm test`: type-check (svelte-check), then every Vitest project (unit in Node, reader-facing
// in Chromium), closing with the plain count line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;
const report = '.cache/vitest-report.json';
mkdirSync('.cache', { recursive: true });
rmSync(report, { force: true });

console.log('▸ svelte-check (types, Svelte warnings)');
const typesOk = run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']) === 0;

console.log('▸ vitest');
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numTotalTestSuites > 0 && json.success === false && json.numFailedTests === 0 ? 1 : 0);
} catch {
  failed += 1; // no report: the run itself failed
}
if (typesOk) passed += 1;
else failed += 1;
if (vitestStatus !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
