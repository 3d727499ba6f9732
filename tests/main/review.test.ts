import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { importAppraisal, setExplanation } from '../../electron/services/cycle/appraisal.ts';
import { importSubmissions } from '../../electron/services/cycle/import.ts';
import { exportSubmission } from '../../electron/services/cycle/submission.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import { setItem } from '../../electron/services/entry/items.ts';
import { changedItems } from '../../electron/services/review-service.ts';
import { importSurveyFile } from '../../electron/services/survey/import.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import type { JobProgress, ReviewExportAll, ReviewFile, ReviewView } from '../../shared/ipc/index.ts';
import { hashTree } from '../cycle/helpers.ts';

/*
 * Issue 14 point 3, Home Affairs appraises an agency in the window, through the real dispatch (the
 * contract's validation, the handlers, the review service on the cycle services the CLI uses):
 * scores and comments, refusals at the field with nothing stored, bonus within its caps, the status
 * moves with their reasons, the falsified mark, the round-1 files for one agency and for all into
 * a folder (never overwritten silently), the agency's documents, round 2's explained and changed
 * items, and the lock after which nothing changes.
 */
const root = mkdtempSync(join(tmpdir(), 'parscore-review-'));
let ws: WorkspaceStore;
let ctx: AppContext;
const progress: JobProgress[] = [];

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}
async function refused(channel: string, input: unknown): Promise<string> {
  const r = await dispatch(channel, input, ctx);
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return r.ok ? '' : r.error.message;
}
const received = (code: string) => ({ file: `${code}-r1.parscore`, bytes: new Uint8Array(readFileSync(join(root, 'out', `${code}-r1.parscore`))) });

beforeAll(async () => {
  await writeDemoCycle(join(root, 'snv'), join(root, 'out'), { agencies: 6, seed: 5 });
  ws = await WorkspaceStore.open(join(root, 'snv'));
  const verdicts = await importSubmissions(ws, [received('S01'), received('S02')]);
  expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted']);
  ctx = {
    service: new AppService(ws, 'vi'),
    settings: await SettingsStore.open(join(root, 'user-data')),
    version: '0.0.0',
    mode: 'browser',
    emit: (event, payload) => {
      if (event === 'job:progress') progress.push(payload as JobProgress);
    },
    onLangChange: () => {},
  };
}, 120_000);
afterAll(async () => {
  await ws.close();
  rmSync(root, { recursive: true, force: true });
});

/** The first leaf the agency answered that is not a survey item, with its max. */
async function answeredLeaf(code: string): Promise<{ item: string; max: number }> {
  const a = await call<{ entries: Record<string, { input?: unknown }>; report: { items: Record<string, { effectiveMax: number; survey: boolean }> } }>('assessment:get', { agency: code });
  const item = Object.keys(a.entries).find((k) => a.entries[k]!.input && a.report.items[k] && !a.report.items[k]!.survey && a.report.items[k]!.effectiveMax > 0)!;
  return { item, max: a.report.items[item]!.effectiveMax };
}

describe('Home Affairs appraises an agency in the window', () => {
  let item = '';
  let max = 0;

  it('a submitted agency: round 1, nothing appraised, totals appraised = self, no survey yet, the moves allowed', async () => {
    ({ item, max } = await answeredLeaf('S01'));
    const v = await call<ReviewView>('review:get', { agency: 'S01' });
    expect(v.status).toBe('submitted');
    expect(v.round).toBe(1);
    expect(v.closed).toBeNull();
    expect(v.items).toEqual({});
    expect(v.totals.appraised).toEqual(v.totals.self);
    expect(v.totals.survey).toBeNull();
    expect(v.moves).toEqual([{ to: 'appraising', reason: false }]);
    expect(v.exportable).toBe(false);
    expect(v.inputs[item]).toBeTruthy();
    expect(v.adjustments?.bonus.cap).toBeGreaterThan(0);
  });

  it('a score above the max is refused at the field in words, and nothing is stored', async () => {
    const before = await hashTree(ws.dir);
    const msg = await refused('review:setScore', { agency: 'S01', item, score: max + 1, round: 1 });
    // Said under the item's own score field: neither the agency nor the item named again.
    expect(msg).toMatch(/^Điểm thẩm định \d+(,\d+)? vượt điểm tối đa \d+(,\d+)? của tiêu chí\.$/);
    expect(msg).not.toMatch(/cơ quan S01|appraised|Expected|Invalid/);
    expect(await refused('review:setScore', { agency: 'S01', item, score: 1, round: 2 })).toMatch(/vòng|lần/i);
    expect(await hashTree(ws.dir)).toEqual(before);
  });

  it('a score and its comment: saved, the agency now appraising, the totals follow; the same again saves nothing', async () => {
    const v = await call<ReviewView & { saved: boolean }>('review:setScore', { agency: 'S01', item, score: 0, comment: 'Thiếu tài liệu.', round: 1 });
    expect(v.saved).toBe(true);
    expect(v.status).toBe('appraising');
    expect(v.items[item]).toEqual({ score: 0, comment: 'Thiếu tài liệu.', round: 1 });
    expect(v.totals.appraised.score).toBeLessThan(v.totals.self.score);
    const again = await call<ReviewView & { saved: boolean }>('review:setScore', { agency: 'S01', item, score: 0, comment: 'Thiếu tài liệu.', round: 1 });
    expect(again.saved).toBe(false);
  });

  it('bonus within the entry’s max and the block’s cap; over it refused in words', async () => {
    const v = await call<ReviewView>('review:get', { agency: 'S01' });
    const entry = v.adjustments!.bonus.items[0]!;
    const over = await refused('review:setAdjustment', { agency: 'S01', block: 'bonus', code: entry.code, points: entry.max + 1 });
    expect(over).not.toMatch(/Expected|Invalid|bonus\b/);
    const ok = await call<ReviewView & { saved: boolean }>('review:setAdjustment', { agency: 'S01', block: 'bonus', code: entry.code, points: entry.max });
    expect(ok.adjustments!.bonus.items[0]!.points).toBe(entry.max);
    expect(ok.totals.bonus).toBe(entry.max);
  });

  it('status moves: a move the service does not allow is refused in words; a reason where one is needed', async () => {
    expect(await refused('review:setStatus', { agency: 'S01', status: 'locked' })).not.toMatch(/Expected|locked\b/);
    const v = await call<ReviewView>('review:setStatus', { agency: 'S01', status: 'appraised_1' });
    expect(v.status).toBe('appraised_1');
    expect(v.round).toBe(2);
    expect(v.exportable).toBe(true);
    expect(v.moves).toEqual(expect.arrayContaining([{ to: 'appraised_2', reason: true }, { to: 'appraising', reason: true }]));
    expect(await refused('review:setStatus', { agency: 'S01', status: 'appraised_2' })).toContain('Cần ghi lý do');
  });

  it('the falsified mark needs its reason', async () => {
    expect(await refused('review:setFalsified', { agency: 'S01', value: true, reason: ' ' })).toContain('Cần ghi lý do');
    const v = await call<ReviewView>('review:setFalsified', { agency: 'S01', value: true, reason: 'Quyết định số 12 bị sửa ngày.' });
    expect(v.falsified).toBe(true);
    expect((await call<ReviewView>('review:setFalsified', { agency: 'S01', value: false, reason: 'Đã xác minh lại: bản gốc đúng.' })).falsified).toBe(false);
  });

  it('the round-1 file of one agency: signed, named by the round; the agency reads it', async () => {
    expect(await refused('review:export', { agency: 'S02' })).toContain('Chỉ xuất được kết quả thẩm định');
    const f = await call<ReviewFile>('review:export', { agency: 'S01' });
    expect(f.fileName).toBe('S01-tham-dinh-lan-1.parscore');
    const agencyWs = await WorkspaceStore.open(join(root, 'out', 'agencies', 'S01'));
    try {
      const r = await importAppraisal(agencyWs, new Uint8Array(Buffer.from(f.base64!, 'base64')), f.fileName);
      expect(r.ok).toBe(true);
    } finally {
      await agencyWs.close();
    }
  });

  it('every round-1 appraisal into a folder, with progress; files already there refused by name, nothing written; replaced only when asked', async () => {
    await call('review:setScore', { agency: 'S02', item: (await answeredLeaf('S02')).item, score: 0, round: 1 });
    await call('review:setStatus', { agency: 'S02', status: 'appraised_1' });
    const folder = join(root, 'ket-qua-vong-1');
    const r = await call<ReviewExportAll>('review:exportAll', { folder, jobId: 'j1' });
    expect(r.written.map((w) => w.agency)).toEqual(['S01', 'S02']);
    expect(r.failed).toEqual([]);
    for (const w of r.written) expect(existsSync(w.file)).toBe(true);
    const mine = progress.filter((p) => p.jobId === 'j1');
    expect(mine.at(-1)).toEqual({ jobId: 'j1', phase: 'review.job.export_all', done: 2, total: 2 });
    const stamp = statSync(r.written[0]!.file).mtimeMs;
    const again = await refused('review:exportAll', { folder, jobId: 'j2' });
    expect(again).toContain('S01-tham-dinh-lan-1.parscore');
    expect(again).toContain('chưa ghi gì');
    expect(statSync(r.written[0]!.file).mtimeMs).toBe(stamp);
    const replaced = await call<ReviewExportAll>('review:exportAll', { folder, jobId: 'j3', overwrite: true });
    expect(replaced.written).toHaveLength(2);
  });

  it('the agency’s documents: read from its signed files (browser: the bytes); an unknown one refused in words; Electron never opens a program', async () => {
    const a = await call<{ entries: Record<string, { evidence: { sha256?: string; fileName?: string }[] }> }>('assessment:get', { agency: 'S01' });
    const doc = Object.values(a.entries).flatMap((e) => e.evidence).find((d) => d.sha256)!;
    const f = await call<ReviewFile & { opened: boolean }>('review:evidence', { agency: 'S01', sha256: doc.sha256, fileName: doc.fileName });
    expect(f.opened).toBe(false);
    expect(Buffer.from(f.base64!, 'base64').length).toBeGreaterThan(0);
    expect(await refused('review:evidence', { agency: 'S01', sha256: '0'.repeat(64) })).toContain('Không tìm thấy tệp tài liệu');
    const opened: string[] = [];
    const electron: AppContext = { ...ctx, openFile: async (name) => void opened.push(name) };
    const ok = await dispatch('review:evidence', { agency: 'S01', sha256: doc.sha256, fileName: 'bao-cao.pdf' }, electron);
    expect(ok.ok && ok.value).toMatchObject({ opened: true, base64: null });
    const bad = await dispatch('review:evidence', { agency: 'S01', sha256: doc.sha256, fileName: 'cai-dat.exe' }, electron);
    expect(!bad.ok && bad.error.message).toContain('tệp chạy chương trình');
    expect(opened).toEqual(['bao-cao.pdf']);
  });

  it('round 2: the agency’s explanation and its changed answer show as such; appraise round 2; lock; then nothing changes', async () => {
    // The agency, in its workspace: reads the appraisal, explains the item, changes another answer, sends revision 2.
    const agencyWs = await WorkspaceStore.open(join(root, 'out', 'agencies', 'S01'));
    let r2: Uint8Array;
    let other: string;
    try {
      expect((await setExplanation(agencyWs, item, { text: 'Đã bổ sung quyết định.' })).ok).toBe(true);
      const own = await agencyWs.readAssessment('S01');
      other = Object.keys(own!.items).find((k) => k !== item && own!.items[k]!.input?.kind === 'binary') ?? '';
      expect(other).not.toBe('');
      const before = own!.items[other]!.input as { kind: 'binary'; value: 'yes' | 'no' };
      await setItem(agencyWs, { agency: 'S01', item: other }, { kind: 'binary', value: before.value === 'yes' ? 'no' : 'yes' });
      r2 = (await exportSubmission(agencyWs, { signer: { name: 'Nguyễn Văn A', position: 'Giám đốc' } })).bytes;
    } finally {
      await agencyWs.close();
    }
    const [v2] = await importSubmissions(ws, [{ file: 'S01-r2.parscore', bytes: r2 }]);
    expect(v2?.verdict).toBe('replaced');
    const v = await call<ReviewView>('review:get', { agency: 'S01' });
    expect(v.status).toBe('explained');
    expect(v.explanations[item]?.text).toBe('Đã bổ sung quyết định.');
    expect(v.changed).toContain(other);
    expect(v.changed).not.toContain(item); // explained, its answer unchanged
    expect(v.changed).toHaveLength(1);

    await call('review:setScore', { agency: 'S01', item, score: max, comment: 'Đã đủ sau giải trình.', round: 2 });
    expect((await call<ReviewView>('review:setStatus', { agency: 'S01', status: 'appraised_2' })).closed).toContain('mở lại');
    const locked = await call<ReviewView>('review:setStatus', { agency: 'S01', status: 'locked' });
    expect(locked.locked).toBe(true);
    expect(locked.moves).toEqual([]);
    expect(locked.closed).toContain('đã được chốt');
    const before = await hashTree(ws.dir);
    expect(await refused('review:setScore', { agency: 'S01', item, score: 0, round: 2 })).toContain('đã được chốt');
    expect(await refused('review:setFalsified', { agency: 'S01', value: true, reason: 'x' })).toContain('đã được chốt');
    expect(await refused('review:setStatus', { agency: 'S01', status: 'appraising', reason: 'x' })).toContain('đã được chốt');
    expect(await hashTree(ws.dir)).toEqual(before);
  });

  it('once the survey is imported, its score is among the totals', async () => {
    const r = await importSurveyFile(ws, join(root, 'out', 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx'));
    expect(r.ok, JSON.stringify(!r.ok && r.error)).toBe(true);
    const v = await call<ReviewView>('review:get', { agency: 'S02' });
    expect(v.totals.survey).not.toBeNull();
    expect(v.totals.survey!.max).toBeGreaterThan(0);
    expect(v.totals.total).toBeCloseTo(Math.min(v.totals.max, Math.max(0, v.totals.appraised.score + v.totals.survey!.score + v.totals.bonus - v.totals.penalty)), 1);
  });

  it('changedItems: an item whose input, documents or note differ, in the template’s order', () => {
    const e = (v: 'yes' | 'no', docs = 0) => ({ input: { kind: 'binary' as const, value: v }, selfScore: null, evidence: Array.from({ length: docs }, (_, i) => ({ docNo: `${i}` })) });
    expect(changedItems(['a', 'b', 'c', 'd'], { a: e('yes'), b: e('no'), c: e('yes') }, { a: e('yes'), b: e('yes'), c: e('yes', 1), d: e('no') })).toEqual(['b', 'c', 'd']);
  });
});
