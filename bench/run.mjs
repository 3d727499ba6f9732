#!/usr/bin/env node
// `npm run bench`: runs every benchmark script in bench/ in turn; each prints its own figures.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const scripts = ['scoring.ts', 'store-save.ts'];
let failed = 0;
for (const s of scripts) {
  console.log(`\n=== bench/${s}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, s), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
