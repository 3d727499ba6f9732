// The benchmarks at their smallest sizes (100 communes; 10 assessments), so that `npm run bench`
// keeps working: every script runs to the end and prints its figures. Nothing about time is asserted.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('npm run bench -- --smoke', () => {
  it('builds the 100-commune dataset, imports, consolidates, writes the workbooks and measures the floor and item saves', () => {
    const r = spawnSync(process.execPath, [join(root, 'bench', 'run.mjs'), '--smoke'], { cwd: root, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const out = r.stdout;
    // National scale: every stage of ParScore and of the floor reported for the 100 agencies.
    expect(out).toMatch(/100 agencies: dataset of [\d.]+ MiB, \d+ evidence files/);
    for (const stage of ['import (verify+store)', 'consolidate', 'scoreboard + ranking', 'whole', 'floor: read+parse', 'floor: stream rows']) {
      expect(out).toMatch(new RegExp(`${stage.replace(/[()+]/g, '\\$&')}\\s+100\\s+[\\d.]+`));
    }
    // Two runs, the median shown with the range.
    expect(out).toMatch(/2 runs: whole [\d.]+–[\d.]+ s, floor [\d.]+–[\d.]+ s/);
    // Item saves measured in a workspace of 10 assessments.
    expect(out).toMatch(/\b10\s+\|?\s*20\b/);
    expect(out).toContain('µs/call');
  }, 420_000);
});
