import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import { MAX_EVIDENCE_BYTES as SERVICE_MAX } from '../../electron/services/entry/evidence.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { type EntryUpdate, MAX_EVIDENCE_BYTES, base64Length } from '../../shared/ipc/index.ts';
import { folderHash } from '../cli/run.ts';

const root = mkdtempSync(join(tmpdir(), 'parscore-entry-evidence-'));
const own = join(root, 'out', 'agencies', 'S01');
const haDir = join(root, 'snv');
let ws: WorkspaceStore;
let ha: WorkspaceStore;
let ctx: AppContext;
let haCtx: AppContext;

async function contextFor(store: WorkspaceStore, name: string): Promise<AppContext> {
  return { service: new AppService(store, 'vi'), settings: await SettingsStore.open(join(root, `user-data-${name}`)), version: '0.0.0', mode: 'browser', emit: () => {} };
}

const pdf = (text: string) => ({ name: 'Quyết định 12.pdf', bytesBase64: Buffer.from(`%PDF-1.4 ${text}`).toString('base64') });
const at = { agency: 'S01', item: '1.1.2' };

async function ok(channel: string, input: unknown): Promise<EntryUpdate> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as EntryUpdate;
}

beforeAll(async () => {
  // The agency's own workspace (Home Affairs takes no self inputs), deadlines from today.
  await writeDemoCycle(haDir, join(root, 'out'), { agencies: 6, seed: 5 });
  ws = await WorkspaceStore.open(own);
  ha = await WorkspaceStore.open(haDir);
  ctx = await contextFor(ws, 'own');
  haCtx = await contextFor(ha, 'ha');
});
afterAll(async () => {
  await ws.close();
  await ha.close();
  rmSync(root, { recursive: true, force: true });
});

describe('entry:* through the real dispatch', () => {
  it('the contract limit is the services’ limit', () => {
    expect(MAX_EVIDENCE_BYTES).toBe(SERVICE_MAX);
  });

  it('adds, edits, removes a document and sets the explanation', async () => {
    const first = (await ws.readAssessment('S01'))?.items['1.1.2']?.evidence ?? [];
    const n = first.length;
    const added = await ok('entry:addEvidence', { ...at, details: { docNo: '12/QĐ-UBND', date: '05/03/2026', issuer: 'UBND tỉnh', title: 'Kế hoạch CCHC' }, file: pdf('a') });
    expect(added.evidence).toHaveLength(n + 1);
    expect(added.evidence[n]).toMatchObject({ docNo: '12/QĐ-UBND', date: '2026-03-05', issuer: 'UBND tỉnh', title: 'Kế hoạch CCHC', fileName: 'Quyết định 12.pdf', size: 10 });
    const two = await ok('entry:addEvidence', { ...at, details: { docNo: '7/BC' }, file: { name: 'bao-cao.docx', bytesBase64: Buffer.from('docx').toString('base64') } });
    expect(two.evidence.slice(n).map((e) => e.docNo)).toEqual(['12/QĐ-UBND', '7/BC']);

    const edited = await ok('entry:editEvidence', { ...at, index: n + 2, details: { docNo: '8/BC', date: '', title: 'Báo cáo quý' } });
    expect(edited.changed).toBe(true);
    expect(edited.evidence[n + 1]).toMatchObject({ docNo: '8/BC', title: 'Báo cáo quý', fileName: 'bao-cao.docx' });
    const before = folderHash(own);
    expect(await ok('entry:editEvidence', { ...at, index: n + 2, details: { docNo: '8/BC' } })).toMatchObject({ changed: false });
    expect(folderHash(own)).toBe(before);

    const removed = await ok('entry:removeEvidence', { ...at, index: n + 1 });
    expect(removed.evidence.slice(n).map((e) => e.docNo)).toEqual(['8/BC']);
    const back = await ok('entry:removeEvidence', { ...at, index: n + 1 });
    expect(back.evidence).toEqual(first);

    expect(await ok('entry:setExplanation', { ...at, text: '  Chưa ban hành văn bản trong năm. ' })).toMatchObject({ changed: true, explanation: 'Chưa ban hành văn bản trong năm.' });
    const same = folderHash(own);
    expect(await ok('entry:setExplanation', { ...at, text: 'Chưa ban hành văn bản trong năm.' })).toMatchObject({ changed: false });
    expect(folderHash(own)).toBe(same);
    expect(await ok('entry:setExplanation', { ...at, text: null })).toMatchObject({ explanation: null });
  });

  it('refuses, writing nothing: bad details (all at once), a too-large file, a path in the name, a missing document', async () => {
    const before = folderHash(own);
    const bad = await dispatch('entry:addEvidence', { ...at, details: { docNo: '', date: '31/02/2026' }, file: pdf('b') }, ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.issues).toHaveLength(2);
      expect(bad.error.message).toMatch(/^cơ quan S01 · mục 1\.1\.2: /);
    }
    const big = await dispatch('entry:addEvidence', { ...at, details: { docNo: '1' }, file: { name: 'lon.pdf', bytesBase64: 'A'.repeat(base64Length(MAX_EVIDENCE_BYTES + 1)) } }, ctx);
    expect(big).toMatchObject({ ok: false, error: { code: 'entry.evidence_too_large' } });
    if (!big.ok) expect(big.error.message).toContain('tối đa 100 MB');
    const path = await dispatch('entry:addEvidence', { ...at, details: { docNo: '1' }, file: { name: '../x.pdf', bytesBase64: '' } }, ctx);
    expect(path).toMatchObject({ ok: false, error: { code: 'IPC_VALIDATION' } });
    const missing = await dispatch('entry:removeEvidence', { ...at, index: 200 }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'entry.evidence_not_found' } });
    expect(folderHash(own)).toBe(before);
  });

  it('the desktop window gives a dropped file by its path (webUtils): attached from where it is; a browser page may not name paths', async () => {
    const desk: AppContext = { ...ctx, mode: 'electron' };
    const file = join(root, 'Tờ trình 5.pdf');
    writeFileSync(file, '%PDF-1.4 tờ trình');
    const r = await dispatch('entry:addEvidence', { ...at, details: { docNo: '5/TTr' }, file: { path: file } }, desk);
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as EntryUpdate).evidence.at(-1)).toMatchObject({ docNo: '5/TTr', fileName: 'Tờ trình 5.pdf', size: Buffer.byteLength('%PDF-1.4 tờ trình') });

    const before = folderHash(own);
    const browser = await dispatch('entry:addEvidence', { ...at, details: { docNo: '6' }, file: { path: file } }, ctx);
    expect(browser).toMatchObject({ ok: false, error: { code: 'shell.file.path_refused' } });
    if (!browser.ok) expect(browser.error.message).toContain('tệp Tờ trình 5.pdf');
    const folder = join(root, 'a-folder.pdf');
    mkdirSync(folder, { recursive: true });
    const notFile = await dispatch('entry:addEvidence', { ...at, details: { docNo: '6' }, file: { path: folder } }, desk);
    expect(notFile).toMatchObject({ ok: false, error: { code: 'shell.file.unreadable' } });
    const gone = await dispatch('entry:addEvidence', { ...at, details: { docNo: '6' }, file: { path: join(root, 'không có.pdf') } }, desk);
    expect(gone).toMatchObject({ ok: false, error: { code: 'shell.file.unreadable' } });
    const relative = await dispatch('entry:addEvidence', { ...at, details: { docNo: '6' }, file: { path: 'Tờ trình 5.pdf' } }, desk);
    expect(relative).toMatchObject({ ok: false, error: { code: 'shell.file.path_refused' } });
    // Sparse: over the limit by one byte without writing 100 MB.
    const big = join(root, 'lon.pdf');
    writeFileSync(big, '');
    truncateSync(big, MAX_EVIDENCE_BYTES + 1);
    const tooBig = await dispatch('entry:addEvidence', { ...at, details: { docNo: '6' }, file: { path: big } }, desk);
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'entry.evidence_too_large' } });
    expect(folderHash(own)).toBe(before);
  });

  it('refuses in the Home Affairs workspace (read-only), writing nothing', async () => {
    const before = folderHash(haDir);
    for (const [c, input] of [
      ['entry:addEvidence', { ...at, details: { docNo: '1' }, file: pdf('c') }],
      ['entry:editEvidence', { ...at, index: 1, details: { docNo: '2' } }],
      ['entry:removeEvidence', { ...at, index: 1 }],
      ['entry:setExplanation', { ...at, text: 'x' }],
    ] as const) {
      const r = await dispatch(c, input, haCtx);
      expect(r.ok, c).toBe(false);
    }
    expect(folderHash(haDir)).toBe(before);
  });
});
