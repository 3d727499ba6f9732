#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/, one after another, each printing its own figures.
//   npm run bench                 full sizes (national scale: 100, 1,000 and 10,000 communes; the overview at 10,000 agencies)
//   npm run bench -- --smoke      smallest sizes, to check that the scripts work (the test suite runs this)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const smoke = process.argv.includes('--smoke');
const benches = [
  ['scoring.ts', []],
  ['store-save.ts', smoke ? ['--saves', '20'] : []],
  ['xlsx-limits.ts', smoke ? ['--rows', '30000'] : []],
  ['item-save.ts', smoke ? ['--sizes', '10', '--edits', '20'] : []],
  // The window at 10,000 agencies (issue 13 point 10): the service side, then Chromium through the browser mode.
  ['overview.ts', smoke ? ['--agencies', '100', '--runs', '1'] : []],
  ['ui.ts', smoke ? ['--agencies', '60', '--edits', '3', '--runs', '1', '--smoke'] : []],
  // Home Affairs' screens (issue 14 point 9): the appraisal screen and the results dashboard at
  // 10,000 agencies, the inbox importing 1,000 files (Long Tasks, progress gaps).
  ['review-ui.ts', smoke ? ['--smoke', '--no-build'] : ['--no-build']],
  ['results-ui.ts', smoke ? ['--smoke', '--no-build'] : ['--no-build']],
  ['inbox-ui.ts', smoke ? ['--smoke', '--no-build'] : ['--no-build']],
  // Last: its line is the last of `npm run bench` (issue 15).
  ['national/run.ts', smoke ? ['--sizes', '100', '--runs', '2'] : []],
];
let failed = 0;
for (const [script, args] of benches) {
  console.log(`\n=== bench/${script} ${args.join(' ')}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench/${script} failed (${r.status ?? r.signal})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
