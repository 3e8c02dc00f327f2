#!/usr/bin/env node
// Runs the whole test suite: build (the CLI tests run the built command), vitest, then one summary line
// `N passed, N failed, N skipped` that CI reads. The exit code is vitest's.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const results = '.vitest-results.json';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false });

const build = run('npm', ['run', '--silent', 'build']);
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(build.status ?? 1);
}

// The import rules of DESIGN.md, the formatter and the linter are part of the suite.
const checks = [
  ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
  ['prettier', '--check', '--log-level', 'warn', '.'],
  ['eslint', '--max-warnings', '0', '.'],
];
for (const check of checks) {
  if (run('npx', check).status !== 0) {
    console.log(`\n${check[0]} failed (npm run format fixes formatting)\n0 passed, 1 failed`);
    process.exit(1);
  }
}

rmSync(results, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)];
const vitest = run('npx', args);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = r.numFailedTests ?? 0;
  // A file that fails before any test runs (an import error) has no failed test of its own: count it.
  for (const file of r.testResults ?? []) {
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed')) failed++;
  }
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else if (vitest.status !== 0) {
  failed = 1;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitest.status ?? 1);
