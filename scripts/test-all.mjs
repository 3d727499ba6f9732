#!/usr/bin/env node
// The README's test command. Runs type-check and lint (gates), then every test suite, and ends with
// one line "N passed, N failed" summed from the runners' own JSON reports (CI reads that line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

const gates = [];
if (run('typecheck (tsc --noEmit)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) !== 0) gates.push('typecheck');
if (run('lint (eslint, with layer fences)', bin('eslint'), ['.']) !== 0) gates.push('lint');

let passed = 0;
let failed = 0;
let skipped = 0;
const suites = [];

// Unit and integration tests (vitest).
const vitestJson = join(out, 'vitest.json');
run('unit + integration (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  // A run that executed no test at all is a failure, not a pass.
  const empty = r.numTotalTests === 0 ? 1 : 0;
  failed += r.numFailedTests + countFilesFailedWithoutTests(r) + empty;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  suites.push(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests + empty} failed${empty ? ' (no test ran)' : ''}`);
} else {
  failed += 1;
  suites.push('vitest: no report (runner crashed)');
}

// End-to-end UI tests (Playwright in Debian's Chromium), when present.
if (existsSync(join(root, 'tests', 'e2e')) && readdirSync(join(root, 'tests', 'e2e')).some((f) => f.endsWith('.spec.ts'))) {
  const pwJson = join(out, 'playwright.json');
  run('end-to-end (playwright)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const report = JSON.parse(readFileSync(pwJson, 'utf8'));
    const s = report.stats;
    // A run that stopped before its tests (the web server's port taken, a config error) reports its
    // errors and no test: each error, or else the empty run itself, is a failure.
    const errors = (report.errors ?? []).length;
    const ran = s.expected + (s.flaky ?? 0) + s.unexpected + s.skipped;
    const broken = errors > 0 ? errors : ran === 0 ? 1 : 0;
    passed += s.expected + (s.flaky ?? 0);
    failed += s.unexpected + broken;
    skipped += s.skipped;
    suites.push(`playwright: ${s.expected + (s.flaky ?? 0)} passed, ${s.unexpected + broken} failed, ${s.skipped} skipped${broken ? ` (the run itself failed: ${errors ? (report.errors[0].message ?? '').split('\n')[0] : 'no test ran'})` : ''}`);
  } else {
    failed += 1;
    suites.push('playwright: no report (runner crashed)');
  }
}

/**
 * A test file that fails to load has no failed test: one failure each. (vitest's numFailedTestSuites
 * counts describe blocks too, so it cannot be used for this without counting a failure twice.)
 */
function countFilesFailedWithoutTests(r) {
  return (r.testResults ?? []).filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed')).length;
}

console.log('\n=== summary');
for (const s of suites) console.log(`- ${s}`);
if (gates.length) console.log(`- FAILED gates: ${gates.join(', ')}`);
const exitCode = failed > 0 || gates.length > 0 ? 1 : 0;
if (gates.length) failed += gates.length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode);
