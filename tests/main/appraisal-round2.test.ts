import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { exportAppraisal, setAppraisalStatus, setAppraisedScore } from '../../electron/services/cycle/appraisal.ts';
import { importSubmissions } from '../../electron/services/cycle/import.ts';
import { verifySubmission } from '../../electron/services/cycle/submission.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import type { ReceivedAppraisalView, SentSubmission, WrittenReport } from '../../shared/ipc/index.ts';
import { hashTree } from '../cycle/helpers.ts';

/*
 * Issue 13 point 7, the appraisal round trip in the agency's window, through the real dispatch:
 * Home Affairs appraises the agency's revision 1 with comments on two items and sends the file;
 * the agency reads it (a bad file refused in words, nothing changed), answers both items (one with
 * an extra document), exports revision 2 with the explanations, and writes its self-assessment
 * report, a workbook exceljs opens.
 */
const root = mkdtempSync(join(tmpdir(), 'parscore-round2-'));
let ws: WorkspaceStore;
let ctx: AppContext;
let appraisalFile: Uint8Array;
let revision2: Uint8Array;
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const COMMENTS = { '1.1.1': 'Không có tài liệu kiểm chứng hợp lệ.', '1.2': 'Kế hoạch ban hành chậm so với quy định.' };

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

beforeAll(async () => {
  await writeDemoCycle(join(root, 'snv'), join(root, 'out'), { agencies: 6, seed: 5 });
  const ha = await WorkspaceStore.open(join(root, 'snv'));
  try {
    const file = 'S01-r1.parscore';
    const [v] = await importSubmissions(ha, [{ file, bytes: new Uint8Array(readFileSync(join(root, 'out', file))) }]);
    expect(v?.verdict).toBe('accepted');
    for (const [item, comment] of Object.entries(COMMENTS)) expect((await setAppraisedScore(ha, 'S01', item, 0, { round: 1, comment })).ok).toBe(true);
    expect((await setAppraisalStatus(ha, 'S01', 'appraised_1')).ok).toBe(true);
    appraisalFile = await exportAppraisal(ha, 'S01');
  } finally {
    await ha.close();
  }
  ws = await WorkspaceStore.open(join(root, 'out', 'agencies', 'S01'));
  ctx = { service: new AppService(ws, 'vi'), settings: await SettingsStore.open(join(root, 'user-data')), version: '0.0.0', mode: 'browser', emit: () => {}, onLangChange: () => {} };
}, 120_000);
afterAll(async () => {
  await ws.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the appraisal round trip in the agency’s window', () => {
  it('nothing received yet: appraisal:get answers null', async () => {
    expect(await call('appraisal:get', { agency: 'S01' })).toBeNull();
  });

  it('refuses a file that is no appraisal, or not Home Affairs’, in words naming the file; nothing stored', async () => {
    const before = await hashTree(ws.dir);
    const junk = await dispatch('appraisal:import', { agency: 'S01', file: { name: 'ket-qua.parscore', bytesBase64: b64('không phải tệp') } }, ctx);
    expect(junk.ok).toBe(false);
    const own = await dispatch('appraisal:import', { agency: 'S01', file: { name: 'S01-r1.parscore', bytesBase64: b64(readFileSync(join(root, 'out', 'S01-r1.parscore'))) } }, ctx);
    expect(own.ok).toBe(false);
    for (const r of [junk, own]) {
      if (r.ok) continue;
      expect(r.error.message).toMatch(/^tệp (ket-qua|S01-r1)\.parscore: /);
      // No schema path, no validator English, no "cơ quan S01" on its own screen.
      expect(r.error.message).not.toMatch(/trường|Expected|Invalid|cơ quan S01/);
    }
    expect(await hashTree(ws.dir)).toEqual(before);
  });

  it('reads the appraisal: round, status, the two comments in the template’s order, totals appraised below self', async () => {
    const v = await call<ReceivedAppraisalView>('appraisal:import', { agency: 'S01', file: { name: 'S01-tham-dinh.parscore', bytesBase64: b64(appraisalFile) } });
    expect(v).toMatchObject({ status: 'appraised_1', round: 1, commented: ['1.1.1', '1.2'], closed: null, sent: { revision: 1, round: 1 } });
    expect(v.items['1.2']).toMatchObject({ score: 0, comment: COMMENTS['1.2'], round: 1 });
    expect(v.items['1.2']!.self).toBeGreaterThan(0);
    expect(v.totals.appraised).toBeLessThan(v.totals.self);
    expect(v.totals.self).toBeCloseTo((await call<{ report: { self: { score: number } } }>('assessment:get', { agency: 'S01' })).report.self.score, 2);
    expect(await call('appraisal:get', { agency: 'S01' })).toEqual(v);
  });

  it('an explanation whose document has a bad date is refused at that document, nothing stored; then saved with the document', async () => {
    const before = await hashTree(ws.dir);
    const file = { name: 'giai-trinh-1.2.pdf', bytesBase64: b64('%PDF-1.7\nBáo cáo giải trình 118/BC-STP\n') };
    const bad = await dispatch('appraisal:explain', { agency: 'S01', item: '1.2', text: 'Kế hoạch ban hành đúng hạn.', add: [{ file, details: { docNo: '118/BC-STP', date: '31/02/2026' } }] }, ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/giai-trinh-1\.2\.pdf/);
    const noText = await dispatch('appraisal:explain', { agency: 'S01', item: '1.2', text: '  ', add: [{ file, details: { docNo: '118/BC-STP' } }] }, ctx);
    expect(noText.ok ? '' : noText.error.message).toContain('Hãy viết nội dung giải trình');
    expect(await hashTree(ws.dir)).toEqual(before);

    const text = 'Kế hoạch được ban hành ngày 10/01 theo hướng dẫn của UBND tỉnh; kèm Báo cáo 118/BC-STP.';
    const v = await call<ReceivedAppraisalView>('appraisal:explain', { agency: 'S01', item: '1.2', text, add: [{ file, details: { docNo: '118/BC-STP', date: '05/02/2026', issuer: 'Sở Tư pháp', title: 'Báo cáo giải trình' } }] });
    const doc = v.explanations['1.2']?.evidence[0];
    expect(v.explanations['1.2']?.text).toBe(text);
    expect(doc).toMatchObject({ docNo: '118/BC-STP', date: '2026-02-05', issuer: 'Sở Tư pháp', title: 'Báo cáo giải trình', fileName: 'giai-trinh-1.2.pdf' });
    expect(await ws.hasEvidence(doc!.sha256!)).toBe(true);
    await call('appraisal:explain', { agency: 'S01', item: '1.1.1', text: 'Bổ sung quyết định phê duyệt kế hoạch.' });
    // The same text again, no keep given: the document stays.
    const kept = await call<ReceivedAppraisalView>('appraisal:explain', { agency: 'S01', item: '1.2', text });
    expect(kept.explanations['1.2']?.evidence).toHaveLength(1);
    const unknown = await dispatch('appraisal:explain', { agency: 'S01', item: '9.9.9', text: 'x' }, ctx);
    expect(unknown.ok ? '' : unknown.error.message).toContain('9.9.9');
  });

  it('exports revision 2 (round 2) carrying both explanations and the extra document; the window shows it as sent', async () => {
    const sent = await call<SentSubmission>('submission:export', { agency: 'S01', signer: { name: 'Nguyễn Văn A', position: 'Giám đốc' } });
    expect([sent.revision, sent.round, sent.fileName]).toEqual([2, 2, 'S01-r2.parscore']);
    const v = await verifySubmission(new Uint8Array(Buffer.from(sent.base64!, 'base64')), sent.fileName);
    expect(v.ok && v.value).toMatchObject({ revision: 2, round: 2, explanations: 2 });
    revision2 = new Uint8Array(Buffer.from(sent.base64!, 'base64'));
    const after = await call<ReceivedAppraisalView>('appraisal:get', { agency: 'S01' });
    expect(after).toMatchObject({ status: 'explained', sent: { revision: 2, round: 2 }, closed: null });
  });

  it('writes the self-assessment report: a workbook with the agency’s name, its scores and Home Affairs’ comments', async () => {
    const r = await call<WrittenReport>('report:selfAssessment', { agency: 'S01' });
    expect(r.fileName).toMatch(/^S01 - .+\.xlsx$/);
    expect(r.savedTo).toBeNull();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(r.base64!, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ''))));
    const name = ws.index.agencies[0]!.name;
    expect(texts.some((s) => s.includes(name))).toBe(true);
    expect(texts).toContain(COMMENTS['1.2']);
    // A document found missing would be said under the title: nothing is missing here.
    expect(texts.some((s) => s.includes('CHƯA ĐẦY ĐỦ'))).toBe(false);
  });

  it('Electron: the save dialog writes the workbook where the user chose; cancelled, nothing is written', async () => {
    const saved: { name: string; size: number }[] = [];
    const electron: AppContext = { ...ctx, mode: 'electron', saveFile: async (name) => async (bytes) => (saved.push({ name, size: bytes.length }), `/chosen/${name}`) };
    const r = await dispatch('report:selfAssessment', { agency: 'S01' }, electron);
    expect(r.ok && r.value).toMatchObject({ savedTo: expect.stringMatching(/^\/chosen\/S01 - /), base64: null });
    expect(saved[0]?.size).toBeGreaterThan(1000);
    const cancelled = await dispatch('report:selfAssessment', { agency: 'S01' }, { ...ctx, saveFile: async () => null });
    expect(cancelled.ok && cancelled.value).toMatchObject({ savedTo: null, base64: null });
  });

  it('once Home Affairs sent the round-2 appraisal, the explanations are read-only with the reason; a change is refused, nothing stored', async () => {
    const ha = await WorkspaceStore.open(join(root, 'snv'));
    let final: Uint8Array;
    try {
      const [v] = await importSubmissions(ha, [{ file: 'S01-r2.parscore', bytes: revision2 }]);
      expect(v).toMatchObject({ verdict: 'replaced', revision: 2 });
      expect((await setAppraisalStatus(ha, 'S01', 'appraised_2')).ok).toBe(true);
      final = await exportAppraisal(ha, 'S01');
    } finally {
      await ha.close();
    }
    const view = await call<ReceivedAppraisalView>('appraisal:import', { agency: 'S01', file: { name: 'S01-ket-qua.parscore', bytesBase64: b64(final) } });
    expect(view.status).toBe('appraised_2');
    expect(view.closed).toMatch(/^Sở Nội vụ đã gửi kết quả thẩm định cuối cùng/);
    const before = await hashTree(ws.dir);
    const r = await dispatch('appraisal:explain', { agency: 'S01', item: '1.2', text: 'Sửa giải trình.' }, ctx);
    expect(r.ok ? '' : r.error.message).toBe(view.closed);
    expect(await hashTree(ws.dir)).toEqual(before);
  });
});
