import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addEvidence, exportSubmission, verifySubmission } from '../../electron/services/cycle/submission.ts';
import { type Province, SIGNER, codes, expectOk, importOne, province, submit } from './helpers.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import type { Issue } from '../../shared/util/issue.ts';

let p: Province | null = null;
afterEach(async () => {
  await p?.close();
  p = null;
});

describe('exporting a submission', () => {
  it('each export takes the next revision; the file name and hash are returned', async () => {
    p = await province(['STP']);
    const stp = p.agencies.STP!;
    const a = await exportSubmission(stp, { signer: SIGNER, now: '2026-01-10T08:00:00+07:00' });
    const b = await exportSubmission(stp, { signer: SIGNER, now: '2026-01-11T08:00:00+07:00' });
    expect([a.revision, b.revision, b.fileName]).toEqual([1, 2, 'STP-r2.parscore']);
    expect(stp.index.agencies[0]?.submission).toMatchObject({ revision: 2, round: 1, receivedAt: '2026-01-11T08:00:00+07:00', fileSha256: b.sha256 });
    const summary = expectOk(await verifySubmission(b.bytes, b.fileName));
    expect(summary.sha256).toBe(b.sha256);
    expect(summary.createdAt).toBe('2026-01-11T08:00:00+07:00');
  });

  it('refuses what Home Affairs would refuse, before the file leaves the agency', async () => {
    p = await province(['STP']);
    const stp = p.agencies.STP!;
    await stp.updateAssessment('STP', (a) => ({ ...a!, items: { ...a!.items, '1.1.2': { input: { kind: 'manual', value: 3 }, selfScore: 3, evidence: [] } } }));
    await expect(exportSubmission(stp, { signer: SIGNER })).rejects.toMatchObject({
      issues: [{ code: 'scoring.above_max', at: { agency: 'STP', item: '1.1.2' } }, { code: 'cycle.self_score_above_max' }],
    });
    expect(stp.index.agencies[0]?.submission).toBeNull();
  });

  it('refuses a reference to an evidence file the workspace does not hold, and a signer without a name', async () => {
    p = await province(['STP']);
    const stp = p.agencies.STP!;
    await stp.updateAssessment('STP', (a) => ({
      ...a!,
      items: { ...a!.items, '1.2': { ...a!.items['1.2']!, evidence: [{ docNo: '7/QĐ-STP', fileName: 'qd.pdf', sha256: 'd'.repeat(64) }] } },
    }));
    await expect(exportSubmission(stp, { signer: SIGNER })).rejects.toMatchObject({
      issues: [{ code: 'cycle.evidence_missing_local', at: { agency: 'STP', item: '1.2', field: 'items.1.2.evidence[0]' }, params: { fileName: 'qd.pdf' } }],
    });
    await stp.updateAssessment('STP', (a) => ({ ...a!, items: { ...a!.items, '1.2': { ...a!.items['1.2']!, evidence: [] } } }));
    await expect(exportSubmission(stp, { signer: { name: ' ', position: 'Giám đốc' } })).rejects.toMatchObject({ issues: [{ code: 'doc.schema', at: { field: 'signer.name' } }] });
  });

  it('refuses without an assessment, and outside an agency workspace', async () => {
    p = await province([]);
    await expect(exportSubmission(p.ha, { signer: SIGNER })).rejects.toMatchObject({ issues: [{ code: 'cycle.not_agency_workspace' }] });
    const { initAgencyWorkspace } = await import('../../electron/services/cycle/campaign.ts');
    const ws = expectOk(await initAgencyWorkspace(join(p.root, 'stc'), p.campaignFile, 'c', { agency: 'STC' }));
    p.open.push(ws);
    // A fresh agency workspace: the refusal says how scores are entered, not only that there are none.
    const refused = await exportSubmission(ws, { signer: SIGNER }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ issues: [{ code: 'cycle.nothing_entered', at: { agency: 'STC' } }] });
    const text = formatIssue('vi', (refused as { issues: Issue[] }).issues[0]!);
    expect(text).toContain('chưa nhập điểm tiêu chí nào');
    expect(text).toContain('parscore item set');
    expect(text).toContain('sổ tự đánh giá Excel');
  });

  it('addEvidence keeps the file by its hash, names it, and refuses what it cannot read', async () => {
    p = await province(['STP']);
    const stp = p.agencies.STP!;
    const file = join(p.root, 'Quyết định 12.pdf');
    await writeFile(file, 'nội dung');
    const ref = await addEvidence(stp, file, { docNo: '12/QĐ-STP', date: '2025-03-02' });
    expect(ref).toEqual({ docNo: '12/QĐ-STP', date: '2025-03-02', fileName: 'Quyết định 12.pdf', size: Buffer.byteLength('nội dung'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await stp.hasEvidence(ref.sha256!)).toBe(true);
    await expect(addEvidence(stp, join(p.root, 'không có.pdf'), { docNo: '1' })).rejects.toMatchObject({ issues: [{ code: 'cycle.evidence_unreadable' }] });
    await expect(addEvidence(stp, file, { docNo: '' })).rejects.toMatchObject({ issues: [{ code: 'doc.schema', at: { field: 'docNo' } }] });
  });

  it('verify reports the container problems of a damaged file', async () => {
    p = await province(['STP']);
    const s = await submit(p.agencies.STP!);
    const r = await verifySubmission(s.bytes.subarray(0, 100), s.file);
    expect(r.ok ? [] : r.error[0]?.at?.file).toBe(s.file);
    expect((await importOne(p.ha, s.file, s.bytes)).verdict).toBe('accepted');
    const wrongKind = await verifySubmission(p.campaignFile, 'c');
    expect(wrongKind.ok ? [] : codes(wrongKind.error)).toEqual(['package.wrong_kind']);
  });
});
