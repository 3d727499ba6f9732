import { afterEach, describe, expect, it } from 'vitest';
import { exportSelfWorkbook, importSelfWorkbook } from '../../electron/services/self-workbook/index.ts';
import { type Province, hashTree, province } from '../cycle/helpers.ts';

let p: Province | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

describe('self-assessment workbook', () => {
  it('exported as is, imports to the same items, figures and nominations', async () => {
    p = await province(['STP']);
    const ws = p.agencies.STP!;
    const before = await ws.readAssessment('STP');
    const xlsx = await exportSelfWorkbook(ws);
    const r = await importSelfWorkbook(ws, xlsx, 'so-tu-cham.xlsx', { now: '2026-01-10T09:00:00+07:00' });
    if (!r.ok) throw new Error(JSON.stringify(r.error.slice(0, 5)));
    const after = await ws.readAssessment('STP');
    expect(after?.items).toEqual(before?.items);
    expect((await ws.readNominations())?.nominations).toHaveLength(2);
  });

  it('a workbook of another agency is refused and nothing changes', async () => {
    p = await province(['STP']);
    const ws = p.agencies.STP!;
    const xlsx = await exportSelfWorkbook(ws);
    const other = await province(['STC']);
    try {
      const hash = await hashTree(other.agencies.STC!.dir);
      const r = await importSelfWorkbook(other.agencies.STC!, xlsx, 'stp.xlsx');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.map((e) => e.code)).toContain('sbook.identity.other_agency');
      expect(await hashTree(other.agencies.STC!.dir)).toEqual(hash);
    } finally {
      await other.close();
    }
  });
});
