/** An agency's own workspace consolidates its results (the self-assessment report) with nothing reported missing. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { consolidate } from '../../electron/services/consolidate.ts';
import { exportSubmission } from '../../electron/services/cycle/submission.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';

const root = mkdtempSync(join(tmpdir(), 'parscore-agency-consolidate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('after sending, its nominations are its own nominations.json: no received copy is looked for, nothing is missing', async () => {
  await writeDemoCycle(join(root, 'snv'), join(root, 'out'), { agencies: 6, seed: 5 });
  const ws = await WorkspaceStore.open(join(root, 'out', 'agencies', 'S01'));
  try {
    await exportSubmission(ws, { signer: { name: 'Nguyễn Văn A', position: 'Giám đốc' } });
    expect(ws.index.agencies.find((a) => a.code === 'S01')?.submission).toBeTruthy();
    const r = await consolidate(ws, { workers: 0 });
    expect(r.ok ? r.value.issues.map((i) => i.code) : r.error.map((i) => `${i.code} ${i.at?.file}`)).toEqual([]);
  } finally {
    await ws.close();
  }
});
