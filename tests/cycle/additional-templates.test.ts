/**
 * A department assessed against two templates — the PAR index (ranked) and the ISO 9001 checklist
 * beside it — through the whole exchange: campaign file, agency workspace, submission, import at
 * Home Affairs, appraisal round 1 on an ISO item, the appraisal file back, an explanation of that
 * item, revision 2, its import and the round-2 appraisal. Then the files Home Affairs must refuse.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportAppraisal, importAppraisal, setAppraisalStatus, setAppraisedScore, setExplanation } from '../../electron/services/cycle/appraisal.ts';
import { readAudit } from '../../electron/services/cycle/audit.ts';
import { openCampaignPackage, setExemption } from '../../electron/services/cycle/campaign.ts';
import { importSubmissions, type RejectedVerdict } from '../../electron/services/cycle/import.ts';
import { addEvidence, exportSubmission } from '../../electron/services/cycle/submission.ts';
import { campaignBinding } from '../../electron/services/cycle/common.ts';
import { writePackage } from '../../electron/services/packages/container.ts';
import { loadIdentity } from '../../electron/services/packages/keys.ts';
import type { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { formatIssue, formatNumber } from '../../shared/i18n/index.ts';
import { consolidate } from '../../electron/services/consolidate.ts';
import { writeReports } from '../../electron/services/reports/index.ts';
import { APPRAISAL_PACKAGE_KIND, type Appraisal, type Submission, type Template } from '../../shared/schema/index.ts';
import type { Issue } from '../../shared/util/issue.ts';
import { ON_TIME, type Province, SIGNER, builtinTemplate, codes, contentsOf, expectOk, hashTree, identityOf, importOne, province, signedSubmission, submit } from './helpers.ts';

const ISO = 'iso-9001';
let p: Province | null = null;
afterEach(async () => {
  await p?.close();
  p = null;
});

async function withIso(agencies: string[], exemptions: { agency: string; template: string; reason?: string }[] = []): Promise<{ p: Province; iso: Template }> {
  const iso = await builtinTemplate('iso-9001-2008');
  p = await province(agencies, { iso, exemptions });
  return { p, iso };
}

/** STP fills three ISO checklist items (one with a document attached), as the entry commands will. */
async function fillIso(ws: WorkspaceStore, iso: Template, root: string): Promise<void> {
  const file = join(root, 'quyet-dinh-cong-bo-iso.pdf');
  await writeFile(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('Quyết định công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2008\n'), Buffer.alloc(1500, 7)]));
  const ref = await addEvidence(ws, file, { docNo: '125/QĐ-STP', date: '2025-03-02', title: 'Quyết định công bố HTQLCL' });
  await ws.updateAssessment('STP', (a) => ({
    ...a!,
    additional: {
      [ISO]: {
        template: { id: iso.id, version: iso.version },
        items: {
          // selfScore left wrong on purpose: the export computes it with the scoring engine.
          A1: { input: { kind: 'binary', value: 'yes' }, selfScore: null, evidence: [ref] },
          'A3.2': { input: { kind: 'ratio', numerator: 3, denominator: 4 }, selfScore: null, evidence: [] },
          B2: { input: { kind: 'count', value: 1 }, selfScore: 0, evidence: [] },
        },
      },
    },
  }));
}

describe('a department with the PAR index and the ISO 9001 checklist, through the exchange cycle', () => {
  it('campaign file → agency → submission → import → round 1 on an ISO item → explanation → revision 2 → round 2', async () => {
    const { p: prov, iso } = await withIso(['STP']);
    const { ha } = prov;
    const stp = prov.agencies.STP!;

    // The campaign file carries both templates; the agency workspace holds both.
    const opened = expectOk(await openCampaignPackage(prov.campaignFile, 'cchc-2025.parscore'));
    expect(opened.templates.map((t) => t.id).sort()).toEqual(['iso-9001', 'par-so', 'par-xa']);
    expect(stp.template({ id: iso.id, version: iso.version })?.title.vi).toBe(iso.title.vi);

    await fillIso(stp, iso, prov.root);
    const r1 = await exportSubmission(stp, { signer: SIGNER, now: ON_TIME });
    const { submission: s1, files } = contentsOf(r1.bytes);
    const part = s1.assessment.additional[ISO]!;
    const b2 = iso.items.find((i) => i.code === 'B2')!;
    const perCount = b2.rule?.type === 'COUNT_DEDUCT' ? b2.rule.perCount : NaN;
    expect(part.items.A1?.selfScore).toBe(4);
    expect(part.items['A3.2']?.selfScore).toBe(2.25);
    expect(part.items.B2?.selfScore).toBe(10 - perCount);
    // The ISO document travels like the ranked template's evidence.
    const sha = part.items.A1!.evidence[0]!.sha256!;
    expect(s1.evidence.map((e) => e.fileName)).toContain('quyet-dinh-cong-bo-iso.pdf');
    expect(files.map((f) => f.path)).toContain(`evidence/${sha}`);

    expect((await importOne(ha, r1.fileName, r1.bytes)).verdict).toBe('accepted');
    const held = await ha.readAssessment('STP');
    expect(held?.additional[ISO]?.items.A1?.selfScore).toBe(4);
    expect(held?.additional[ISO]?.items['A3.2']?.input).toEqual({ kind: 'ratio', numerator: 3, denominator: 4 });

    // Round 1 on ISO item A1: max checked against the ISO checklist, not the PAR index.
    const above = await setAppraisedScore(ha, 'STP', 'A1', 5, { round: 1, template: ISO });
    expect(above.ok).toBe(false);
    if (!above.ok) expect(above.error).toEqual([{ code: 'cycle.score_above_max', at: { agency: 'STP', template: ISO, item: 'A1', field: 'appraised' }, params: { score: 5, max: 4 } }]);
    const ranked = await setAppraisedScore(ha, 'STP', 'A1', 2, { round: 1 });
    expect(ranked.ok ? [] : codes(ranked.error)).toEqual(['cycle.unknown_item']);
    const a1 = expectOk(await setAppraisedScore(ha, 'STP', 'A1', 2, { round: 1, template: ISO, comment: 'Chưa có quyết định công bố lại sau khi chuyển đổi.', now: '2026-01-20T09:00:00+07:00' }));
    expect(a1.status).toBe('appraising');
    expect(a1.additional[ISO]).toEqual({
      template: { id: iso.id, version: iso.version },
      items: { A1: { score: 2, round: 1, comment: 'Chưa có quyết định công bố lại sau khi chuyển đổi.' } },
      explanations: {},
    });
    expect(a1.items).toEqual({});
    const log1 = (await readAudit(ha, { agency: 'STP', field: 'appraised' })).entries.map((l) => l.entry);
    expect(log1).toMatchObject([{ item: 'A1', template: ISO, old: null, new: 2, round: 1 }]);

    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_1', { now: '2026-01-25T09:00:00+07:00' }));
    const back = await exportAppraisal(ha, 'STP', { now: '2026-01-25T09:00:00+07:00' });
    const got = expectOk(await importAppraisal(stp, back, 'STP-tham-dinh-vong-1.parscore'));
    expect(got.additional[ISO]?.items.A1).toEqual({ score: 2, round: 1, comment: 'Chưa có quyết định công bố lại sau khi chuyển đổi.' });

    // The agency explains the ISO item (not an item of the PAR index).
    const unknown = await setExplanation(stp, 'Z9', { text: 'x' }, { template: ISO });
    expect(unknown.ok ? [] : unknown.error).toEqual([{ code: 'cycle.unknown_item_in', at: { agency: 'STP', template: ISO, item: 'Z9', field: 'explanation' }, params: { item: 'Z9', template: ISO } }]);
    const text = 'Đã ban hành Quyết định số 125/QĐ-STP ngày 02/3/2025 công bố lại hệ thống quản lý chất lượng.';
    const extraFile = join(prov.root, 'qd-cong-bo-lai.pdf');
    await writeFile(extraFile, Buffer.concat([Buffer.from('%PDF-1.7\nQuyết định công bố lại\n'), Buffer.alloc(900, 3)]));
    const extra = await addEvidence(stp, extraFile, { docNo: '125/QĐ-STP' });
    expectOk(await setExplanation(stp, 'A1', { text, evidence: [extra] }, { template: ISO }));
    const r2 = await exportSubmission(stp, { signer: SIGNER, now: '2026-02-05T09:00:00+07:00' });
    const { submission: s2, files: files2 } = contentsOf(r2.bytes);
    expect(s2.round).toBe(2);
    expect(s2.revision).toBe(2);
    expect(s2.additionalExplanations).toEqual({ [ISO]: { A1: { text, evidence: [extra] } } });
    expect(files2.map((f) => f.path)).toContain(`evidence/${extra.sha256}`);
    expect(s2.explanations).toEqual({});

    const v2 = await importOne(ha, r2.fileName, r2.bytes, '2026-02-05T10:00:00+07:00');
    expect(v2).toMatchObject({ verdict: 'replaced', status: 'explained', revision: 2 });
    const explained = await ha.readAppraisal('STP');
    expect(explained?.additional[ISO]?.explanations).toEqual({ A1: { text, evidence: [extra] } });
    expect(explained?.additional[ISO]?.items.A1?.score).toBe(2);

    // Round 2: the explanation is accepted, full marks.
    const a2 = expectOk(await setAppraisedScore(ha, 'STP', 'A1', 4, { round: 2, template: ISO, reason: 'Đã giải trình, có quyết định công bố.' }));
    expect(a2.additional[ISO]?.items.A1).toEqual({ score: 4, round: 2, comment: 'Chưa có quyết định công bố lại sau khi chuyển đổi.' });
    const log2 = (await readAudit(ha, { agency: 'STP', field: 'appraised', round: 2 })).entries.map((l) => l.entry);
    expect(log2).toMatchObject([{ item: 'A1', template: ISO, old: 2, new: 4, reason: 'Đã giải trình, có quyết định công bố.' }]);
    expect((await readAudit(ha, { agency: 'STP', template: ISO })).entries.map((l) => [l.entry.item, l.entry.new])).toEqual([['A1', 2], ['A1', 4]]);
    expect((await readAudit(ha, { agency: 'STP', template: null, field: 'appraised' })).entries).toEqual([]);

    // A lock holds for the whole agency, ISO items included.
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_2'));
    expectOk(await setAppraisalStatus(ha, 'STP', 'locked'));
    const locked = await setAppraisedScore(ha, 'STP', 'A2', 4, { round: 2, template: ISO });
    expect(locked.ok ? [] : codes(locked.error)).toEqual(['cycle.agency_locked']);

    // Consolidation: the ISO summary, against figures computed by hand from what was entered.
    const results = expectOk(await consolidate(ha, { now: '2026-02-10T09:00:00+07:00' }));
    const row = results.agencies.find((a) => a.agency.code === 'STP')!;
    const checklist = row.additional.find((x) => x.template.id === ISO)!;
    const max = iso.items.filter((i) => !i.code.includes('.') && /^[A-Z]$/.test(i.code)).reduce((sum, i) => sum + i.max, 0);
    const self = 4 + 2.25 + (10 - perCount); // A1 yes, A3.2 3 of 4 parts of 3 points, B2 one failure
    expect(checklist).toMatchObject({ status: 'assessed', iso: true, self: { score: self, max }, appraised: { score: self, max } });
    expect(checklist.percent).toBeCloseTo((self / max) * 100, 2);
    expect(checklist.band).toBe('fail');
    // Phase A (build, 35 points) has 6.25: not met, so no phase is reached, whatever later phases hold.
    expect(checklist.phase).toBeNull();
    expect(checklist.phases.find((x) => x.phase === 'build')).toEqual({ phase: 'build', score: 6.25, max: 35, met: false });
    const province = results.isoChecklist!.find((x) => x.scope === 'all' && x.template.id === ISO)!;
    // Both departments of the campaign apply it; only STP has sent its part.
    expect(province).toMatchObject({ applying: 2, exempt: 0, assessed: 1, bands: { fail: 1 }, phases: { none: 1 } });
    expect(province.averagePercent).toBeCloseTo(checklist.percent!, 2);
    // Ranking stays on the PAR index: the ISO points are not in the agency's total.
    expect(row.template.id).toBe('par-so');

    // The ISO report prints the same figures.
    const out = join(prov.root, 'bao-cao');
    const written = expectOk(await writeReports(ha, out, { only: ['iso'], now: new Date('2026-02-10T09:00:00+07:00') }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(written.files[0]!);
    const cells = wb.worksheets.flatMap((w) => w.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : [])).map((v) => (typeof v === 'object' && v && 'result' in v ? v.result : v)));
    expect(cells).toContain('STP');
    expect(cells.some((v) => typeof v === 'number' && Math.abs(v - checklist.percent!) < 0.01) || cells.includes(formatNumber('vi', Number(checklist.percent!.toFixed(2))))).toBe(true);
  });

  it('an agency exempted from ISO sends no ISO part; one not exempted sends an empty part when it entered nothing', async () => {
    const { p: prov } = await withIso(['STP', 'STC'], [{ agency: 'STC', template: ISO, reason: 'Chưa triển khai ISO 9001' }]);
    const stcFile = await submit(prov.agencies.STC!);
    expect(contentsOf(stcFile.bytes).submission.assessment.additional).toEqual({});
    const stpFile = await submit(prov.agencies.STP!);
    expect(contentsOf(stpFile.bytes).submission.assessment.additional).toEqual({ [ISO]: { template: { id: ISO, version: 1 }, items: {} } });
    // Both accepted; Home Affairs is told that STP has not self-assessed against ISO (STC does not apply it).
    expect(await importOne(prov.ha, stcFile.file, stcFile.bytes)).toMatchObject({ verdict: 'accepted', additionalMissing: [] });
    expect(await importOne(prov.ha, stpFile.file, stpFile.bytes)).toMatchObject({ verdict: 'accepted', additionalMissing: [ISO] });
    expect((await prov.ha.readAssessment('STP'))?.additional[ISO]?.items).toEqual({});
    // Exempted but still holding an ISO part: refused at export, saying so.
    await prov.agencies.STC!.updateAssessment('STC', (a) => ({
      ...a!,
      additional: { [ISO]: { template: { id: ISO, version: 1 }, items: { A1: { input: { kind: 'binary', value: 'yes' }, selfScore: 4, evidence: [] } } } },
    }));
    const refused = await exportSubmission(prov.agencies.STC!, { signer: SIGNER }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ issues: [{ code: 'cycle.additional_exempted', at: { agency: 'STC', template: ISO } }] });
  });

  it('refuses to export a declared figure that does not fit its type, naming the agency, the figure and the value', async () => {
    const { p: prov } = await withIso(['STP']);
    const stp = prov.agencies.STP!;
    await stp.updateAssessment('STP', (a) => ({ ...a!, indicators: { ...a!.indicators, KK07: 'có' } }));
    const refused = await exportSubmission(stp, { signer: SIGNER }).catch((e: unknown) => e);
    const issues = (refused as { issues: Issue[] }).issues;
    expect(codes(issues)).toEqual(['figure.not_boolean']);
    expect(issues[0]?.at).toMatchObject({ agency: 'STP', item: 'KK07' });
    const text = formatIssue('vi', issues[0]!);
    expect(text).toContain('STP');
    expect(text).toContain('KK07');
    expect(text).toContain('“có”');
    expect(stp.index.agencies[0]?.submission ?? null).toBeNull(); // nothing recorded as sent
  });
});

describe('Home Affairs refuses a submission whose additional part is wrong, and changes nothing', () => {
  async function rejected(ha: WorkspaceStore, file: string, bytes: Uint8Array): Promise<RejectedVerdict> {
    const before = await hashTree(ha.dir);
    const [v] = await importSubmissions(ha, [{ file, bytes }], { now: ON_TIME });
    expect(v?.verdict).toBe('rejected');
    expect(await hashTree(ha.dir)).toEqual(before);
    if (v?.verdict !== 'rejected') throw new Error('not rejected');
    return v;
  }

  it('a template not assigned, a template exempted, another version, an unknown item, an input the rule refuses, a figure of the wrong type', async () => {
    const { p: prov, iso } = await withIso(['STP']);
    const stp = prov.agencies.STP!;
    await fillIso(stp, iso, prov.root);
    const genuine = await submit(stp);
    const id = await identityOf(stp);
    const variant = async (edit: (s: Submission) => void): Promise<Uint8Array> => {
      const { submission, files, campaign } = contentsOf(genuine.bytes);
      edit(submission);
      return signedSubmission(id, submission, files, campaign);
    };
    const file = 'STP-r1.parscore';

    const notAssigned = await rejected(prov.ha, file, await variant((s) => void (s.assessment.additional['par-xa'] = { template: { id: 'par-xa', version: 1 }, items: {} })));
    expect(notAssigned.reasons).toEqual([
      { code: 'cycle.additional_not_assigned', at: { file, agency: 'STP', template: 'par-xa', field: 'assessment.additional.par-xa.template' }, params: { template: 'par-xa', group: 'department', assigned: ISO } },
    ]);
    expect(formatIssue('vi', notAssigned.reasons[0]!)).toContain('không giao bộ này cho nhóm của cơ quan');
    // Checked on a worker thread (as a large import is), the verdict is the same.
    const [onWorker] = await importSubmissions(prov.ha, [{ file, bytes: await variant((s) => void (s.assessment.additional['par-xa'] = { template: { id: 'par-xa', version: 1 }, items: {} })) }], { now: ON_TIME, workers: 1 });
    expect(onWorker).toMatchObject({ verdict: 'rejected', reasons: notAssigned.reasons });

    const version = await rejected(prov.ha, file, await variant((s) => void (s.assessment.additional[ISO]!.template.version = 2)));
    expect(codes(version.reasons)).toEqual(['cycle.additional_version_mismatch']);
    expect(version.reasons[0]?.params).toEqual({ template: ISO, expected: 'iso-9001@1', actual: 'iso-9001@2' });

    const unknownItem = await rejected(prov.ha, file, await variant((s) => void (s.assessment.additional[ISO]!.items.Z9 = { input: { kind: 'binary', value: 'yes' }, selfScore: 1, evidence: [] })));
    expect(unknownItem.reasons).toMatchObject([{ code: 'scoring.unknown_item', at: { file, agency: 'STP', template: ISO, item: 'Z9' } }]);

    const badInput = await rejected(prov.ha, file, await variant((s) => void (s.assessment.additional[ISO]!.items.A1!.input = { kind: 'percent', value: 50 })));
    expect(badInput.reasons.length).toBeGreaterThan(0);
    for (const r of badInput.reasons) expect(r.at).toMatchObject({ file, agency: 'STP', template: ISO, item: 'A1' });
    const text = formatIssue('vi', badInput.reasons[0]!);
    expect(text).toContain(ISO);
    expect(text).toContain('A1');

    const aboveMax = await rejected(prov.ha, file, await variant((s) => void (s.assessment.additional[ISO]!.items.A1!.selfScore = 9)));
    expect(aboveMax.reasons).toMatchObject([{ code: 'cycle.self_score_above_max', at: { template: ISO, item: 'A1', field: `assessment.additional.${ISO}.items.A1.selfScore` }, params: { score: 9, max: 4 } }]);

    const figure = await rejected(prov.ha, file, await variant((s) => void (s.assessment.indicators.KK01 = 'mười hai')));
    expect(figure.reasons).toMatchObject([{ code: 'figure.not_number', at: { file, agency: 'STP', item: 'KK01', field: 'assessment.indicators.KK01' } }]);

    // Exempted after the file was made: the file's ISO part is refused.
    expectOk(await setExemption(prov.ha, { agency: 'STP', template: ISO, reason: 'Chưa áp dụng' }));
    const exempted = await rejected(prov.ha, file, genuine.bytes);
    expect(exempted.reasons).toEqual([{ code: 'cycle.additional_exempted', at: { file, agency: 'STP', template: ISO, field: `assessment.additional.${ISO}.template` }, params: { template: ISO, agency: 'STP' } }]);
    expectOk(await setExemption(prov.ha, { agency: 'STP', template: ISO, remove: true }));

    // The genuine file still goes in; one without its ISO part is accepted too (the agency did not do it).
    expect(await importOne(prov.ha, file, genuine.bytes)).toMatchObject({ verdict: 'accepted', additionalMissing: [] });
    const next = await submit(stp);
    const { submission, files, campaign } = contentsOf(next.bytes);
    submission.assessment.additional = {};
    const without = await importOne(prov.ha, 'STP-r2.parscore', await signedSubmission(id, submission, files, campaign));
    expect(without).toMatchObject({ verdict: 'replaced', additionalMissing: [ISO] });
    expect((await prov.ha.readAssessment('STP'))?.additional).toEqual({});
  });
});

describe('an exemption made after the campaign file went out', () => {
  it('the agency still sends an empty ISO part: accepted, and not stored', async () => {
    const { p: prov } = await withIso(['STP']);
    const file = await submit(prov.agencies.STP!);
    expect(contentsOf(file.bytes).submission.assessment.additional[ISO]?.items).toEqual({});
    expectOk(await setExemption(prov.ha, { agency: 'STP', template: ISO, reason: 'Chưa áp dụng' }));
    expect(await importOne(prov.ha, file.file, file.bytes)).toMatchObject({ verdict: 'accepted', additionalMissing: [] });
    expect((await prov.ha.readAssessment('STP'))?.additional).toEqual({});
  });
});

describe('the agency reads the appraisal file', () => {
  it('refuses a part for a template it does not apply, or in another version, and keeps what it holds', async () => {
    const { p: prov, iso } = await withIso(['STP']);
    const { ha } = prov;
    const stp = prov.agencies.STP!;
    await fillIso(stp, iso, prov.root);
    const f = await submit(stp);
    expect((await importOne(ha, f.file, f.bytes)).verdict).toBe('accepted');
    expectOk(await setAppraisedScore(ha, 'STP', 'A1', 3, { round: 1, template: ISO, now: '2026-01-20T08:00:00+07:00' }));
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_1', { now: '2026-01-21T08:00:00+07:00' }));
    const appraisal = (await ha.readAppraisal('STP'))!;
    const haKey = (await loadIdentity(ha.dir))!;
    const signed = (a: Appraisal) =>
      writePackage({ kind: APPRAISAL_PACKAGE_KIND, payload: { path: 'appraisal.json', json: { kind: APPRAISAL_PACKAGE_KIND, schemaVersion: 2, campaign: 'cchc-2025', agency: 'STP', createdAt: a.updatedAt, appraisal: a } }, identity: haKey, campaign: campaignBinding(ha.campaign()!) });
    const before = await hashTree(stp.dir);
    const other = await importAppraisal(stp, await signed({ ...appraisal, additional: { ...appraisal.additional, 'par-xa': { template: { id: 'par-xa', version: 1 }, items: {}, explanations: {} } } }), 'TD.parscore');
    expect(other.ok ? [] : other.error).toEqual([{ code: 'cycle.appraisal_additional_not_applied', at: { file: 'TD.parscore', agency: 'STP', template: 'par-xa', field: 'appraisal.additional.par-xa' }, params: { template: 'par-xa' } }]);
    const v2 = await importAppraisal(stp, await signed({ ...appraisal, additional: { [ISO]: { ...appraisal.additional[ISO]!, template: { id: ISO, version: 2 } } } }), 'TD.parscore');
    expect(v2.ok ? [] : codes(v2.error)).toEqual(['cycle.additional_version_mismatch']);
    expect(await hashTree(stp.dir)).toEqual(before);
    expect(expectOk(await importAppraisal(stp, await exportAppraisal(ha, 'STP'), 'TD.parscore')).additional[ISO]?.items.A1?.score).toBe(3);
  });
});

describe('exemptions (campaign exempt)', () => {
  it('marks, re-marks with a new reason and removes; refuses an unknown agency and a template that is not additional for the group, changing nothing', async () => {
    const { p: prov } = await withIso(['STP']);
    const { ha } = prov;
    const c1 = expectOk(await setExemption(ha, { agency: 'STC', template: ISO, reason: 'Chưa triển khai' }));
    expect(c1.exemptions).toEqual([{ agency: 'STC', template: ISO, reason: 'Chưa triển khai' }]);
    const c2 = expectOk(await setExemption(ha, { agency: 'STC', template: ISO, reason: 'Đang xây dựng lại' }));
    expect(c2.exemptions).toEqual([{ agency: 'STC', template: ISO, reason: 'Đang xây dựng lại' }]);
    expect(ha.campaign()?.exemptions).toEqual(c2.exemptions);

    const before = await hashTree(ha.dir);
    const unknown = await setExemption(ha, { agency: 'S99', template: ISO });
    expect(unknown.ok ? [] : unknown.error).toEqual([{ code: 'cycle.unknown_agency', at: { agency: 'S99', file: 'campaign.json' }, params: { agency: 'S99' } }]);
    const commune = await setExemption(ha, { agency: 'XA-DONG-HOA', template: ISO });
    expect(commune.ok ? [] : commune.error).toEqual([
      { code: 'cycle.not_additional_template', at: { agency: 'XA-DONG-HOA', template: ISO, file: 'campaign.json' }, params: { template: ISO, group: 'commune', assigned: '—' } },
    ]);
    const rankedOne = await setExemption(ha, { agency: 'STC', template: 'par-so' });
    expect(rankedOne.ok ? [] : codes(rankedOne.error)).toEqual(['cycle.not_additional_template']);
    if (!rankedOne.ok) expect(formatIssue('vi', rankedOne.error[0]!)).toContain('không phải bộ tiêu chí bổ sung');
    const fromAgency = await setExemption(prov.agencies.STP!, { agency: 'STP', template: ISO });
    expect(fromAgency.ok ? [] : codes(fromAgency.error)).toEqual(['cycle.not_home_affairs_workspace']);
    expect(await hashTree(ha.dir)).toEqual(before);

    const c3 = expectOk(await setExemption(ha, { agency: 'STC', template: ISO, remove: true }));
    expect(c3.exemptions).toEqual([]);
  });
});
