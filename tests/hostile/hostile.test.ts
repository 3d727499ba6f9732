/**
 * A short hostile run (fixed seed) over every exchange file and Excel input kind: nothing crashes,
 * hangs, changes stored state when refused, or words a refusal in program text. The long run is
 * `npm run test:hostile` (scripts/hostile.ts).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileSetup, contents, run, setup } from './harness.ts';

let s: HostileSetup;
beforeAll(async () => {
  s = await setup();
}, 120_000);
afterAll(async () => s?.close());

describe('hostile inputs, fixed seed', () => {
  // Else every mutation could be refused for a reason of the setup (another campaign, say) and prove nothing.
  it('every genuine input, and a signed one signed again unchanged, is accepted where the run offers it', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'parscore-hostile-genuine-'));
    try {
      for (const [i, t] of s.targets.entries()) {
        const offers = [t.genuine];
        if (t.resign) {
          const { path, json, files } = contents(t.genuine);
          offers.push(await t.resign(json, files, path));
        }
        for (const [k, bytes] of offers.entries()) {
          const dir = join(scratch, `${i}-${k}`);
          if (t.workspace) cpSync(t.workspace, dir, { recursive: true });
          expect(await t.offer(bytes, dir), `${t.name} #${k}`).toEqual({ ok: true });
        }
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);

  it('every kind of input, mutated 12 times: each mutation is accepted or refused in words, with nothing stored changed', async () => {
    const { counts, findings } = await run(s, { seed: 2026, attempts: 12 });
    expect(Object.keys(counts)).toHaveLength(8);
    for (const c of Object.values(counts)) expect(c.tried).toBeGreaterThan(0);
    // Most mutations are refused (changed bytes break the signature or the zip; changed content breaks a rule).
    const total = Object.values(counts).reduce((a, c) => a + c.tried, 0);
    const refused = Object.values(counts).reduce((a, c) => a + c.refused, 0);
    expect(refused).toBeGreaterThan(total / 2);
    expect(findings).toEqual([]);
  }, 600_000);
});
