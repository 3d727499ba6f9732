import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeDemoWorkspace } from '../../electron/services/demo/write.ts';
import { addItemEvidence, setItem } from '../../electron/services/entry/index.ts';
import { exportSelfWorkbook, importSelfWorkbook } from '../../electron/services/self-workbook/index.ts';
import { SUMMARIES_FILE, summarize } from '../../electron/services/store/summaries.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { backupWorkspace, restoreWorkspace } from '../../electron/services/workspace-tools/backup.ts';
import type { AgencyScoreSummary } from '../../shared/ipc/workspace.ts';
import { compileTemplate } from '../../shared/template/compile.ts';
import { type Province, TempDirs, importOne, province, submit } from '../cycle/helpers.ts';

const temp = new TempDirs();
let p: Province | undefined;
const opened: WorkspaceStore[] = [];
afterEach(async () => {
  for (const ws of opened.splice(0)) await ws.close();
  await p?.close();
  p = undefined;
  await temp.cleanup();
});

/** The agency's totals scored afresh from its file, as the overview did before the cache. */
async function fresh(ws: WorkspaceStore, code: string): Promise<AgencyScoreSummary | null> {
  const a = await ws.readAssessment(code);
  if (!a) return null;
  return summarize(compileTemplate(ws.template(a.template)!), a);
}

/** What the cache answers for `codes`, errors as their first issue's code. */
async function cached(ws: WorkspaceStore, codes: string[]): Promise<Record<string, unknown>> {
  const got = await ws.summaries(codes);
  return Object.fromEntries(codes.map((c) => {
    const v = got.get(c) ?? null;
    return [c, v && 'error' in v ? { error: (v.error as { issues?: { code: string }[] }).issues?.[0]?.code } : v];
  }));
}

/** The summaries.json written on disk. */
async function onDisk(dir: string): Promise<{ agencies: Record<string, { score: AgencyScoreSummary; sha256: string }> }> {
  return JSON.parse(await readFile(join(dir, SUMMARIES_FILE), 'utf8')) as { agencies: Record<string, { score: AgencyScoreSummary; sha256: string }> };
}

async function openCounting(dir: string): Promise<{ ws: WorkspaceStore; reads: () => number }> {
  const ws = await WorkspaceStore.open(dir);
  opened.push(ws);
  const spy = vi.spyOn(ws, 'readAssessmentView');
  return { ws, reads: () => spy.mock.calls.length };
}

describe('the summaries kept beside the index', () => {
  it('a demo workspace opens with every summary stored, read without opening one assessment, equal to a fresh scoring', async () => {
    const dir = join(await temp.make('parscore-sum-'), 'demo');
    await writeDemoWorkspace(dir, { agencies: 30, seed: 7 });
    const { ws, reads } = await openCounting(dir);
    const codes = ws.index.agencies.filter((a) => a.hasAssessment).map((a) => a.code);
    expect(codes.length).toBeGreaterThan(20);
    expect(Object.keys((await onDisk(dir)).agencies).sort()).toEqual([...codes].sort());
    const got = await cached(ws, codes);
    expect(reads()).toBe(0);
    for (const c of codes) expect(got[c]).toEqual(await fresh(ws, c));
  });

  it('an item edit and an evidence change through the entry services update the summary on disk', async () => {
    p = await province(['STP']);
    const ws = p.agencies.STP!;
    const a = (await ws.readAssessment('STP'))!;
    const leaf = p.so.items.find((i) => i.rule?.type === 'BINARY' && a.items[i.code]?.input?.kind === 'binary')!;
    const was = a.items[leaf.code]!.input as { kind: 'binary'; value: 'yes' | 'no' };
    const before = (await onDisk(ws.dir)).agencies.STP!.score;
    await setItem(ws, { agency: 'STP', item: leaf.code }, { kind: 'binary', value: was.value === 'yes' ? 'no' : 'yes' });
    const after = (await onDisk(ws.dir)).agencies.STP!.score;
    expect(after).not.toEqual(before);
    expect(after).toEqual(await fresh(ws, 'STP'));
    const doc = join(p.root, 'note.pdf');
    await writeFile(doc, Buffer.from('%PDF-1.7\nnote\n'));
    await addItemEvidence(ws, { agency: 'STP', item: leaf.code }, doc, { docNo: '1/KH', date: '2025-02-01', issuer: 'STP', title: 'Kế hoạch' });
    const entry = (await onDisk(ws.dir)).agencies.STP!;
    expect(entry.score).toEqual(await fresh(ws, 'STP'));
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await cached(ws, ['STP'])).toEqual({ STP: await fresh(ws, 'STP') });
  });

  it('a self-assessment workbook import updates the summary', async () => {
    p = await province(['STP']);
    const ws = p.agencies.STP!;
    const xlsx = await exportSelfWorkbook(ws);
    const original = await fresh(ws, 'STP');
    const leaf = p.so.items.find((i) => i.rule?.type === 'BINARY')!;
    await setItem(ws, { agency: 'STP', item: leaf.code }, null);
    expect((await onDisk(ws.dir)).agencies.STP!.score).not.toEqual(original);
    const r = await importSelfWorkbook(ws, xlsx, 'so-tu-cham.xlsx', { now: '2026-01-10T09:00:00+07:00' });
    if (!r.ok) throw new Error(JSON.stringify(r.error.slice(0, 3)));
    expect((await onDisk(ws.dir)).agencies.STP!.score).toEqual(original);
    expect(await cached(ws, ['STP'])).toEqual({ STP: original });
  });

  it('Home Affairs’ import of submissions stores each agency’s summary in the same pass', async () => {
    p = await province(['STP', 'XA-DONG-HOA']);
    for (const code of ['STP', 'XA-DONG-HOA']) {
      const s = await submit(p.agencies[code]!);
      expect((await importOne(p.ha, s.file, s.bytes)).verdict).toBe('accepted');
    }
    const disk = await onDisk(p.ha.dir);
    for (const code of ['STP', 'XA-DONG-HOA']) {
      expect(disk.agencies[code]?.score).toEqual(await fresh(p.ha, code));
      // The Home Affairs copy scores as the agency's own file does.
      expect(disk.agencies[code]?.score).toEqual(await fresh(p.agencies[code]!, code));
    }
    await p.ha.close();
    const { ws, reads } = await openCounting(p.ha.dir);
    expect(await cached(ws, ['STP', 'XA-DONG-HOA'])).toEqual({ STP: disk.agencies.STP!.score, 'XA-DONG-HOA': disk.agencies['XA-DONG-HOA']!.score });
    expect(reads()).toBe(0);
  });

  it('a workspace restored from a backup keeps its summaries (same bytes: nothing re-scored)', async () => {
    const root = await temp.make('parscore-sum-');
    const dir = join(root, 'demo');
    await writeDemoWorkspace(dir, { agencies: 12, seed: 3 });
    expect((await backupWorkspace(dir, join(root, 'b.zip'))).ok).toBe(true);
    const r = await restoreWorkspace(join(root, 'b.zip'), join(root, 'restored'));
    expect(r.ok).toBe(true);
    const { ws, reads } = await openCounting(join(root, 'restored'));
    const codes = ws.index.agencies.filter((a) => a.hasAssessment).map((a) => a.code);
    const got = await cached(ws, codes);
    expect(reads()).toBe(0);
    for (const c of codes) expect(got[c]).toEqual(await fresh(ws, c));
  });

  it('an old workspace without summaries.json opens: each summary is computed once and stored', async () => {
    const dir = join(await temp.make('parscore-sum-'), 'demo');
    await writeDemoWorkspace(dir, { agencies: 12, seed: 5 });
    await rm(join(dir, SUMMARIES_FILE));
    const first = await openCounting(dir);
    const codes = first.ws.index.agencies.filter((a) => a.hasAssessment).map((a) => a.code);
    const got = await cached(first.ws, codes);
    expect(first.reads()).toBe(codes.length);
    for (const c of codes) expect(got[c]).toEqual(await fresh(first.ws, c));
    await first.ws.close();
    const second = await openCounting(dir);
    expect(await cached(second.ws, codes)).toEqual(got);
    expect(second.reads()).toBe(0);
  });

  it('a damaged entry, a damaged file and an assessment changed behind the store are recomputed', async () => {
    const dir = join(await temp.make('parscore-sum-'), 'demo');
    await writeDemoWorkspace(dir, { agencies: 12, seed: 9 });
    const disk = await onDisk(dir);
    const [a, b, c] = Object.keys(disk.agencies);
    // a: the entry is not an entry any more; b: its file was rewritten by another tool (an agency's
    // assessment from elsewhere, same schema, other answers).
    (disk.agencies as Record<string, unknown>)[a!] = { score: 'garbage' };
    await writeFile(join(dir, SUMMARIES_FILE), JSON.stringify(disk));
    const bFile = join(dir, 'assessments', `${b}.json`);
    const bDoc = JSON.parse(await readFile(bFile, 'utf8')) as { items: Record<string, unknown> };
    bDoc.items = {};
    await writeFile(bFile, `${JSON.stringify(bDoc, null, 2)}\n`);
    const { ws, reads } = await openCounting(dir);
    const got = await cached(ws, [a!, b!, c!]);
    expect(reads()).toBe(2);
    for (const code of [a!, b!, c!]) expect(got[code]).toEqual(await fresh(ws, code));
    expect((got[b!] as AgencyScoreSummary).answered).toBe(0);
    await ws.close();
    expect((await onDisk(dir)).agencies[b!]!.score.answered).toBe(0);
    // A summaries.json that is not JSON at all is rebuilt.
    await writeFile(join(dir, SUMMARIES_FILE), '{"kind": "parscore-summ');
    const again = await openCounting(dir);
    expect(await cached(again.ws, [a!, b!, c!])).toEqual(got);
    expect(again.reads()).toBe(3);
  });

  it('an assessment repaired from its backup is summarised from the restored file; one lost marks only that agency', async () => {
    const dir = join(await temp.make('parscore-sum-'), 'demo');
    await writeDemoWorkspace(dir, { agencies: 12, seed: 13 });
    const codes = Object.keys((await onDisk(dir)).agencies);
    const [hurt, lost] = codes;
    // A second save gives `hurt` a backup holding other answers than its file.
    const ws0 = await WorkspaceStore.open(dir);
    const before = (await ws0.readAssessment(hurt!))!;
    await ws0.writeAssessment({ ...before, items: {} });
    await ws0.close();
    await writeFile(join(dir, 'assessments', `${hurt}.json`), '{ torn');
    await writeFile(join(dir, 'assessments', `${lost}.json`), '{ torn');
    const { ws } = await openCounting(dir);
    const got = await cached(ws, codes);
    expect(got[hurt!]).toEqual(summarize(compileTemplate(ws.template(before.template)!), before));
    expect(got[hurt!]).toEqual(await fresh(ws, hurt!));
    expect(got[lost!]).toEqual({ error: 'store.corrupt_no_backup' });
    for (const code of codes.slice(2)) expect(got[code]).toEqual(await fresh(ws, code));
  });
});
