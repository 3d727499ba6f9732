import { AppService } from '../../electron/services/app-service.ts';
import { setItem } from '../../electron/services/entry/index.ts';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportAppraisal,
  importAppraisal,
  setAppraisalAdjustment,
  setAppraisalStatus,
  setAppraisedScore,
  setExplanation,
} from '../../electron/services/cycle/appraisal.ts';
import { readAudit } from '../../electron/services/cycle/audit.ts';
import { importSubmissions } from '../../electron/services/cycle/import.ts';
import { addEvidence, exportSubmission, verifySubmission } from '../../electron/services/cycle/submission.ts';
import { readSubmittedEvidence } from '../../electron/services/cycle/received-evidence.ts';
import { loadIdentity } from '../../electron/services/packages/keys.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { scoreAssessment } from '../../shared/scoring/assessment.ts';
import { compileTemplate } from '../../shared/template/compile.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import { ON_TIME, type Province, SIGNER, codes, expectOk, hashTree, province, submit } from './helpers.ts';

/*
 * The whole year, end to end: Home Affairs sets up the campaign and its key, sends the campaign
 * file; two agencies (a department and a commune) set up their workspaces from it with their own
 * keys, self-assess on the real built-in templates with evidence and nominations, and submit;
 * Home Affairs imports, appraises round 1, sends the appraisal back; the department explains two
 * items with extra evidence and submits revision 2; Home Affairs imports it (replacing revision 1),
 * appraises round 2 and locks. Steps share one province and run in order.
 */
let p: Province;
let stp: WorkspaceStore;
let xa: WorkspaceStore;
let appraisalFile: Uint8Array;
beforeAll(async () => {
  p = await province(['STP', 'XA-DONG-HOA']);
  stp = p.agencies.STP!;
  xa = p.agencies['XA-DONG-HOA']!;
});
afterAll(async () => {
  await p.close();
});

describe('the annual cycle, end to end', () => {
  it('Home Affairs has its own key in the index and in the campaign; the campaign file carries it', async () => {
    const id = await loadIdentity(p.ha.dir);
    expect(id?.name).toBe('Sở Nội vụ tỉnh Minh Sơn');
    expect(p.ha.index.identity).toEqual({ name: id?.name, publicKey: id?.publicKey, fingerprint: id?.fingerprint });
    expect(p.ha.campaign()?.homeAffairs).toEqual(p.ha.index.identity);
    // Each agency workspace: role, self, the campaign with Home Affairs' key pinned, its templates, and its own, different key.
    for (const [code, ws] of [['STP', stp], ['XA-DONG-HOA', xa]] as const) {
      expect(ws.index.role).toBe('agency');
      expect(ws.index.self).toBe(code);
      expect(ws.index.agencies.map((a) => a.code)).toEqual([code]);
      expect(ws.campaign()?.homeAffairs).toEqual(p.ha.index.identity);
      expect(ws.templates().map((t) => `${t.id}@${t.version}`)).toEqual(['par-so@1', 'par-xa@1']);
      expect(ws.index.identity?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(ws.index.identity?.fingerprint).not.toBe(p.ha.index.identity?.fingerprint);
    }
    expect(stp.index.identity?.fingerprint).not.toBe(xa.index.identity?.fingerprint);
    expect(stp.index.identity?.name).toBe('Sở Tư pháp');
  });

  it('agencies export signed round-1 submissions that verify on their own', async () => {
    const s = await exportSubmission(stp, { signer: SIGNER, now: ON_TIME });
    expect([s.revision, s.round, s.fileName]).toEqual([1, 1, 'STP-r1.parscore']);
    expect(stp.index.agencies[0]?.status).toBe('submitted');
    expect(stp.index.agencies[0]?.submission).toMatchObject({ revision: 1, round: 1, late: false, fileSha256: s.sha256 });
    const v = expectOk(await verifySubmission(s.bytes, s.fileName));
    expect(v).toMatchObject({ agency: 'STP', campaign: 'cchc-2025', revision: 1, round: 1, template: { id: 'par-so', version: 1 }, nominations: 2, explanations: 0 });
    expect(v.signer).toEqual({ key: stp.index.identity, name: SIGNER.name, position: SIGNER.position });
    expect(v.items).toBeGreaterThan(30);
    expect(v.evidence).toHaveLength(2);
    expect(v.evidence.every((e) => e.size > 2000 && e.fileName.endsWith('.pdf'))).toBe(true);
    await writeFile(join(p.root, s.fileName), s.bytes);
    const x = await submit(xa);
    await writeFile(join(p.root, x.file), x.bytes);
  });

  it('Home Affairs imports both files from disk: accepted, keys pinned, everything stored', async () => {
    const files = await Promise.all(
      ['STP-r1.parscore', 'XA-DONG-HOA-r1.parscore'].map(async (f) => ({ file: f, bytes: new Uint8Array(await readFile(join(p.root, f))) })),
    );
    const progress: number[] = [];
    const verdicts = await importSubmissions(p.ha, files, { now: ON_TIME, onProgress: (x) => progress.push(x.done) });
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted']);
    expect(progress).toEqual([1, 2]);
    const entry = p.ha.index.agencies.find((a) => a.code === 'STP');
    expect(entry).toMatchObject({ status: 'submitted', hasAssessment: true, pinnedKey: { fingerprint: stp.index.identity?.fingerprint }, submission: { revision: 1, round: 1, late: false } });
    expect(p.ha.index.agencies.find((a) => a.code === 'STC')?.status).toBe('not_submitted');
    const a = await p.ha.readAssessment('STP');
    expect(a?.revision).toBe(1);
    expect(a?.items).toEqual((await stp.readAssessment('STP'))?.items);
    expect((await p.ha.readAgencyNominations('STP'))?.nominations.map((n) => n.id)).toEqual(['STP-TT1', 'STP-CN1']);
    const evidence = Object.values(a?.items ?? {}).flatMap((e) => e.evidence);
    expect(evidence).toHaveLength(2);
    // The evidence stays inside the signed file received, read from there (not copied a second time).
    for (const ref of evidence) expect(await readSubmittedEvidence(p.ha, 'STP', ref.sha256!)).toEqual(await stp.readEvidence(ref.sha256!));
    expect(await p.ha.hasEvidence(evidence[0]!.sha256!)).toBe(false);
    expect(await readSubmittedEvidence(p.ha, 'STP', 'c'.repeat(64))).toBeNull();
    expect(Buffer.from((await p.ha.readReceived('STP', 1))!)).toEqual(Buffer.from(files[0]!.bytes));
    expect((await readdir(join(p.ha.dir, 'received'))).sort()).toEqual(['STP-r1.parscore', 'XA-DONG-HOA-r1.parscore']);
  });

  it('Home Affairs appraises round 1: scores, comments, a penalty, with audit entries; then exports the appraisal', async () => {
    const ct = compileTemplate(p.so);
    expectOk(await setAppraisedScore(p.ha, 'STP', '1.2', 1, { round: 1, comment: 'Kế hoạch ban hành chậm so với quy định.', reason: 'Đối chiếu văn bản 10/KH-STP', now: '2026-01-20T08:00:00+07:00' }));
    expect(p.ha.index.agencies.find((a) => a.code === 'STP')?.status).toBe('appraising');
    expectOk(await setAppraisedScore(p.ha, 'STP', '1.1.1', 0, { round: 1, comment: 'Không có tài liệu kiểm chứng hợp lệ.', now: '2026-01-20T08:05:00+07:00' }));
    expectOk(await setAppraisalAdjustment(p.ha, 'STP', 'penalty', 'TR1', 1, { note: 'Bị báo chí phản ánh, đã xác minh.', reason: 'Công văn 55/UBND', now: '2026-01-20T08:10:00+07:00' }));
    // Out of range: issue naming agency, item and field; nothing stored.
    const max = scoreAssessment(ct, (await p.ha.readAssessment('STP'))!).report.items['1.3']!.effectiveMax;
    const over = await setAppraisedScore(p.ha, 'STP', '1.3', max + 0.5, { round: 1 });
    expect(over.ok ? [] : over.error).toEqual([{ code: 'cycle.score_above_max', at: { agency: 'STP', item: '1.3', field: 'appraised' }, params: { score: max + 0.5, max } }]);
    expect(formatIssue('vi', over.ok ? { code: '' } : over.error[0]!)).toContain('vượt điểm tối đa');
    expectOk(await setAppraisalStatus(p.ha, 'STP', 'appraised_1', { now: '2026-01-25T17:00:00+07:00' }));
    const appraisal = await p.ha.readAppraisal('STP');
    expect(appraisal).toMatchObject({ status: 'appraised_1', round: 1, items: { '1.2': { score: 1, round: 1 }, '1.1.1': { score: 0, round: 1 } }, penalty: { TR1: { points: 1 } } });

    const audit = await readAudit(p.ha, { agency: 'STP' });
    expect(audit.issues).toEqual([]);
    const who = { name: 'Sở Nội vụ tỉnh Minh Sơn', fingerprint: p.ha.index.identity!.fingerprint };
    expect(audit.entries.map((l) => l.entry)).toEqual([
      { at: ON_TIME, who, agency: 'STP', field: 'status', item: null, old: 'not_submitted', new: 'submitted', round: 1, reason: 'STP-r1.parscore (r1)' },
      { at: '2026-01-20T08:00:00+07:00', who, agency: 'STP', field: 'status', item: null, old: 'submitted', new: 'appraising', round: 1, reason: null },
      { at: '2026-01-20T08:00:00+07:00', who, agency: 'STP', field: 'appraised', item: '1.2', old: null, new: 1, round: 1, reason: 'Đối chiếu văn bản 10/KH-STP' },
      { at: '2026-01-20T08:05:00+07:00', who, agency: 'STP', field: 'appraised', item: '1.1.1', old: null, new: 0, round: 1, reason: null },
      { at: '2026-01-20T08:10:00+07:00', who, agency: 'STP', field: 'penalty', item: 'TR1', old: null, new: 1, round: 1, reason: 'Công văn 55/UBND' },
      { at: '2026-01-25T17:00:00+07:00', who, agency: 'STP', field: 'status', item: null, old: 'appraising', new: 'appraised_1', round: 1, reason: null },
    ]);
    // One JSON object per line on disk.
    const lines = (await readFile(join(p.ha.dir, 'audit.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(7); // and the commune's import
    appraisalFile = await exportAppraisal(p.ha, 'STP', { now: '2026-01-25T17:05:00+07:00' });
  });

  it('the agency imports the appraisal (signed by the pinned Home Affairs key), explains two items with extra evidence', async () => {
    const got = expectOk(await importAppraisal(stp, appraisalFile, 'STP-tham-dinh-lan-1.parscore'));
    expect(got).toMatchObject({ status: 'appraised_1', items: { '1.2': { score: 1, comment: 'Kế hoạch ban hành chậm so với quy định.' } } });
    expect(stp.index.agencies[0]?.status).toBe('appraised_1');
    const doc = join(p.root, 'giai-trinh-1.2.pdf');
    await writeFile(doc, Buffer.concat([Buffer.from('%PDF-1.7\nBáo cáo giải trình số 118/BC-STP\n'), Buffer.alloc(4000, 9)]));
    const ref = await addEvidence(stp, doc, { docNo: '118/BC-STP', date: '2026-02-05', issuer: 'Sở Tư pháp', title: 'Báo cáo giải trình' });
    expectOk(await setExplanation(stp, '1.2', { text: 'Kế hoạch được ban hành ngày 10/01 theo hướng dẫn của UBND tỉnh; kèm Báo cáo 118/BC-STP.', evidence: [ref] }));
    expectOk(await setExplanation(stp, '1.1.1', { text: 'Bổ sung Quyết định phê duyệt kế hoạch (đã đính kèm ở mục 1.2).' }));
    const bad = await setExplanation(stp, '9.9', { text: 'x' });
    expect(bad.ok ? [] : codes(bad.error)).toEqual(['cycle.unknown_item']);
  });

  it('the agency submits revision 2 (round 2) with the explanations and the extra evidence', async () => {
    const s = await exportSubmission(stp, { signer: SIGNER, now: '2026-02-06T10:00:00+07:00' });
    expect([s.revision, s.round]).toEqual([2, 2]);
    const v = expectOk(await verifySubmission(s.bytes, s.fileName));
    expect(v).toMatchObject({ revision: 2, round: 2, explanations: 2 });
    expect(v.evidence).toHaveLength(3);
    expect(stp.index.agencies[0]?.status).toBe('explained');
    // Reading the round-1 appraisal again does not take the agency back: it has explained.
    expectOk(await importAppraisal(stp, appraisalFile, 'STP-tham-dinh-lan-1.parscore'));
    expect(stp.index.agencies[0]?.status).toBe('explained');
    const [verdict] = await importSubmissions(p.ha, [{ file: s.fileName, bytes: s.bytes }], { now: '2026-02-06T14:00:00+07:00' });
    expect(verdict).toMatchObject({ verdict: 'replaced', previousRevision: 1, revision: 2, round: 2, status: 'explained', late: false, explanationLate: false });
    expect(p.ha.index.agencies.find((a) => a.code === 'STP')).toMatchObject({ status: 'explained', submission: { revision: 2, round: 2 } });
    const appraisal = await p.ha.readAppraisal('STP');
    expect(Object.keys(appraisal?.explanations ?? {}).sort()).toEqual(['1.1.1', '1.2']);
    expect(appraisal?.items['1.2']?.score).toBe(1); // round-1 scores stay
    const extra = appraisal?.explanations['1.2']?.evidence[0]?.sha256;
    // The extra evidence came with revision 2, and is read from it.
    expect(extra && (await readSubmittedEvidence(p.ha, 'STP', extra))).toEqual(await stp.readEvidence(extra!));
    expect((await readdir(join(p.ha.dir, 'received'))).sort()).toEqual(['STP-r1.parscore', 'STP-r2.parscore', 'XA-DONG-HOA-r1.parscore']);
  });

  it('round 2 appraisal, lock, and nothing changes after the lock', async () => {
    expectOk(await setAppraisedScore(p.ha, 'STP', '1.2', 2, { round: 2, comment: 'Chấp nhận giải trình.', reason: 'Báo cáo 118/BC-STP', now: '2026-02-12T09:00:00+07:00' }));
    const wrongRound = await setAppraisedScore(p.ha, 'STP', '1.3', 0, { round: 1 });
    expect(wrongRound.ok ? [] : codes(wrongRound.error)).toEqual(['cycle.wrong_round']);
    expectOk(await setAppraisalStatus(p.ha, 'STP', 'appraised_2', { now: '2026-02-20T09:00:00+07:00' }));
    expectOk(await setAppraisalStatus(p.ha, 'STP', 'locked', { now: '2026-02-28T09:00:00+07:00' }));
    const final = await p.ha.readAppraisal('STP');
    expect(final).toMatchObject({ status: 'locked', round: 2, items: { '1.2': { score: 2, round: 2, comment: 'Chấp nhận giải trình.' }, '1.1.1': { score: 0, round: 1 } } });

    const before = await hashTree(p.ha.dir);
    const attempts = [
      await setAppraisedScore(p.ha, 'STP', '1.2', 0, { round: 2 }),
      await setAppraisalAdjustment(p.ha, 'STP', 'penalty', 'TR1', null),
      await setAppraisalStatus(p.ha, 'STP', 'appraised_2', { reason: 'Mở lại' }),
      await (await import('../../electron/services/cycle/appraisal.ts')).markFalsifiedEvidence(p.ha, 'STP', true, 'Phát hiện giả mạo'),
    ];
    for (const r of attempts) expect(r.ok ? [] : codes(r.error)).toEqual(['cycle.agency_locked']);
    // A new submission from the agency is refused as well.
    const late = await exportSubmission(stp, { signer: SIGNER, now: '2026-03-01T09:00:00+07:00' });
    const [v] = await importSubmissions(p.ha, [{ file: late.fileName, bytes: late.bytes }], { now: '2026-03-01T10:00:00+07:00' });
    expect(v?.verdict === 'rejected' && codes(v.reasons)).toEqual(['cycle.agency_locked']);
    expect(await hashTree(p.ha.dir)).toEqual(before);

    // The final appraisal still goes back to the agency, which can then no longer submit.
    const file = await exportAppraisal(p.ha, 'STP', { now: '2026-02-28T09:05:00+07:00' });
    const got = expectOk(await importAppraisal(stp, file, 'STP-ket-qua.parscore'));
    expect(got.status).toBe('locked');
    expect(Object.keys(got.explanations).sort()).toEqual(['1.1.1', '1.2']);
    await expect(exportSubmission(stp, { signer: SIGNER })).rejects.toMatchObject({ issues: [{ code: 'cycle.cycle_closed' }] });
    // Nor change its self-assessment: by the command line's service or in the window, which says why.
    const agencyBefore = await hashTree(stp.dir);
    await expect(setItem(stp, { item: '1.1.1' }, null)).rejects.toMatchObject({ issues: [{ code: 'integrity.cycle_closed' }] });
    await expect(new AppService(stp).setItemInput({ agency: 'STP', item: '1.1.1', input: null })).rejects.toMatchObject({ issues: [{ code: 'integrity.cycle_closed' }] });
    expect((await new AppService(stp).assessment('STP')).readOnly).toMatchObject({ code: 'integrity.cycle_closed', reason: expect.stringContaining('thẩm định cuối cùng') });
    expect(await hashTree(stp.dir)).toEqual(agencyBefore);
  });

  it('the audit log holds every change of the year, in order', async () => {
    const all = await readAudit(p.ha);
    expect(all.issues).toEqual([]);
    expect(all.entries.map((l) => l.line)).toEqual(all.entries.map((_, i) => i + 1));
    const stpLog = (await readAudit(p.ha, { agency: 'STP' })).entries.map((l) => `${l.entry.field}:${l.entry.item ?? ''}:${String(l.entry.old)}→${String(l.entry.new)}:r${l.entry.round}`);
    expect(stpLog).toEqual([
      'status::not_submitted→submitted:r1',
      'status::submitted→appraising:r1',
      'appraised:1.2:null→1:r1',
      'appraised:1.1.1:null→0:r1',
      'penalty:TR1:null→1:r1',
      'status::appraising→appraised_1:r1',
      'status::appraised_1→explained:r2',
      'appraised:1.2:1→2:r2',
      'status::explained→appraised_2:r2',
      'status::appraised_2→locked:r2',
    ]);
    expect((await readAudit(p.ha, { field: 'appraised', round: 2 })).entries.map((l) => l.entry.item)).toEqual(['1.2']);
    expect((await readAudit(p.ha, { since: '2026-02-01T00:00:00+07:00', agency: 'XA-DONG-HOA' })).entries).toEqual([]);
  });

  it('everything survives closing and reopening the workspaces', async () => {
    await p.ha.close();
    const ha = await WorkspaceStore.open(p.ha.dir);
    p.open.push(ha);
    expect(ha.recoveries()).toEqual([]);
    expect(ha.index.agencies.find((a) => a.code === 'STP')?.status).toBe('locked');
    expect((await ha.readAppraisal('STP'))?.status).toBe('locked');
    expect((await readAudit(ha)).entries).toHaveLength(11);
  });
});
