/**
 * Dates outside 2000-01-01 .. one year from today are refused where they come in (a manifest of
 * year 9999 was accepted), naming the field and the range; stored documents are not re-judged.
 */
import { campaignBinding } from '../../electron/services/cycle/common.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { exportAppraisal, importAppraisal, setAppraisalStatus } from '../../electron/services/cycle/appraisal.ts';
import { exportCampaignPackage, initAgencyWorkspace } from '../../electron/services/cycle/campaign.ts';
import { importSubmissions } from '../../electron/services/cycle/import.ts';
import { addEvidence } from '../../electron/services/cycle/submission.ts';
import { addNomination } from '../../electron/services/entry/nominations.ts';
import { IssueError } from '../../shared/util/issue.ts';
import { writePackage } from '../../electron/services/packages/container.ts';
import { loadIdentity } from '../../electron/services/packages/keys.ts';
import { writeAgencyListForm } from '../../electron/services/xlsx-import/agencies.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import { APPRAISAL_PACKAGE_KIND, SUBMISSION_KIND } from '../../shared/schema/index.ts';
import { PLAUSIBLE_EARLIEST, implausibleDate, plausibleLatest } from '../../shared/schema/plausible-dates.ts';
import { cli, folderHash } from '../cli/run.ts';
import { type Province, codes, contentsOf, expectOk, hashTree, identityOf, importOne, province, submit } from './helpers.ts';

let p: Province | null = null;
afterEach(async () => {
  await p?.close();
  p = null;
});
const tmp = mkdtempSync(join(tmpdir(), 'parscore-dates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the plausible range', () => {
  it('runs from 1 January 2000 to one year after today, and the refusal names the field and the range in dd/mm/yyyy', () => {
    const now = '2026-12-07T12:00:00Z';
    expect(PLAUSIBLE_EARLIEST).toBe('2000-01-01');
    expect(plausibleLatest(now)).toBe('2027-12-07');
    expect(implausibleDate('2000-01-01', {}, now)).toBeNull();
    expect(implausibleDate('2027-12-07', {}, now)).toBeNull();
    expect(implausibleDate('2027-12-08', {}, now)?.code).toBe('doc.implausible_date');
    const old = implausibleDate('1999-12-31', { file: 'a.parscore', field: 'createdAt' }, now)!;
    expect(formatIssue('vi', old)).toBe('tệp a.parscore · trường createdAt: Ngày 31/12/1999 nằm ngoài khoảng ngày hợp lý (từ 01/01/2000 đến 07/12/2027); hãy kiểm tra lại năm.');
    expect(formatIssue('en', implausibleDate('9999-01-01T00:00:00Z', { field: 'manifest.createdAt' }, now)!)).toContain('9999-01-01 is outside the plausible range (2000-01-01 to 2027-12-07)');
  });
});

describe('exchange files and entries with implausible dates are refused', () => {
  it('at Home Affairs: a submission whose manifest or document is dated 9999, or an evidence document dated 1999; a received date of 1999', async () => {
    const prov = await province(['STP']);
    p = prov;
    const stp = prov.agencies.STP!;
    const id = await identityOf(stp);
    const { submission, files } = contentsOf((await submit(stp)).bytes);
    const before = await hashTree(prov.ha.dir);
    const sign = (doc: unknown, createdAt: string) => writePackage({ kind: SUBMISSION_KIND, payload: { path: 'submission.json', json: doc }, files, identity: id, campaign: campaignBinding(prov.ha.campaign()!), createdAt });
    const item = Object.keys(submission.assessment.items).find((c) => submission.assessment.items[c]!.evidence.length > 0)!;
    const oldEvidence = structuredClone(submission);
    oldEvidence.assessment.items[item]!.evidence[0]!.date = '1999-03-01';
    const cases: [string, Uint8Array, string][] = [
      ['manifest 9999', await sign(submission, '9999-01-01T00:00:00Z'), 'manifest.createdAt'],
      ['document 9999', await sign({ ...submission, createdAt: '9999-01-01T00:00:00Z' }, '2026-01-10T09:00:00+07:00'), 'createdAt'],
      ['evidence 1999', await sign(oldEvidence, '2026-01-10T09:00:00+07:00'), `assessment.items.${item}.evidence[0].date`],
    ];
    for (const [what, bytes, field] of cases) {
      const v = await importOne(prov.ha, `${what}.parscore`, bytes);
      expect(v.verdict, what).toBe('rejected');
      if (v.verdict === 'rejected') {
        expect(codes(v.reasons), what).toEqual(['doc.implausible_date']);
        expect(v.reasons[0]?.at, what).toMatchObject({ file: `${what}.parscore`, field });
      }
    }
    const received = importSubmissions(prov.ha, [{ file: 'a.parscore', bytes: await sign(submission, '2026-01-10T09:00:00+07:00') }], { receivedAt: '1999-05-01' });
    await expect(received).rejects.toMatchObject({ issues: [{ code: 'doc.implausible_date', at: { field: 'receivedAt' } }] });
    expect(await hashTree(prov.ha.dir)).toEqual(before);
  });

  it('at the agency: an appraisal file or a campaign file dated 9999, a campaign deadline in 9999, an evidence document dated 1999', async () => {
    const prov = await province(['STP']);
    p = prov;
    const stp = prov.agencies.STP!;
    const s = await submit(stp);
    expect((await importOne(prov.ha, s.file, s.bytes)).verdict).toBe('accepted');
    expectOk(await setAppraisalStatus(prov.ha, 'STP', 'appraising'));
    expectOk(await setAppraisalStatus(prov.ha, 'STP', 'appraised_1'));
    const appraisal = { ...(await prov.ha.readAppraisal('STP'))!, status: 'appraised_1' as const };
    const haKey = (await loadIdentity(prov.ha.dir))!;
    const before = await hashTree(stp.dir);
    const payload = { kind: APPRAISAL_PACKAGE_KIND, schemaVersion: 2, campaign: 'cchc-2025', agency: 'STP', createdAt: '9999-12-31T00:00:00Z', appraisal };
    const late = await writePackage({ kind: APPRAISAL_PACKAGE_KIND, payload: { path: 'appraisal.json', json: payload }, identity: haKey, campaign: campaignBinding(prov.ha.campaign()!), createdAt: '9999-12-31T00:00:00Z' });
    const r = await importAppraisal(stp, late, 'tham-dinh.parscore');
    expect(r.ok ? [] : r.error.map((i) => [i.code, i.at?.field])).toEqual([
      ['doc.implausible_date', 'manifest.createdAt'],
      ['doc.implausible_date', 'createdAt'],
    ]);
    const doc = join(prov.root, 'cu.pdf');
    writeFileSync(doc, '%PDF-1.7 cũ');
    await expect(addEvidence(stp, doc, { docNo: '1/QĐ', date: '1999-01-02' })).rejects.toMatchObject({ issues: [{ code: 'doc.implausible_date', at: { field: 'date' } }] });
    expect(await hashTree(stp.dir)).toEqual(before);
    expectOk(await importAppraisal(stp, await exportAppraisal(prov.ha, 'STP'), 'tham-dinh-that.parscore'));

    // A campaign whose deadline is in year 9999 is refused when an agency opens it; nothing is left behind.
    const campaign = prov.ha.campaign()!;
    await prov.ha.setCampaign({ ...campaign, deadlines: { ...campaign.deadlines, explanation: '9999-02-10' } });
    const file = await exportCampaignPackage(prov.ha);
    const init = await initAgencyWorkspace(join(prov.root, 'moi'), file, 'dot.parscore', { agency: 'STP' });
    expect(init.ok ? [] : init.error.map((i) => [i.code, i.at?.field])).toEqual([['doc.implausible_date', 'campaign.deadlines.explanation']]);
  });

  it('a nominee’s birth year outside 1940..2010 is refused at entry with the range', async () => {
    const prov = await province(['STP']);
    p = prov;
    const stp = prov.agencies.STP!;
    const before = await hashTree(stp.dir);
    const raw = { kind: 'individual', id: 'CN9', fullName: 'Nguyễn Thị Lan', gender: 'female', birthYear: 1900, position: 'Trưởng phòng', unit: 'Văn phòng', ratingThisYear: 'excellent', ratingLastYear: null, achievements: 'Tốt', discipline: null, proposedAward: 'bk-ca-nhan' };
    const err = await addNomination(stp, raw).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IssueError);
    const [i] = (err as IssueError).issues;
    expect(formatIssue('vi', i!)).toBe('tệp nominations.json · mục CN9 · trường birthYear: Năm sinh 1900 nằm ngoài khoảng hợp lý (từ 1940 đến 2010); hãy kiểm tra lại.');
    await expect(addNomination(stp, { ...raw, birthYear: 2011 })).rejects.toMatchObject({ issues: [{ code: 'doc.implausible_birth_year' }] });
    expect(await hashTree(stp.dir)).toEqual(before);
  });

  it('from the command line: campaign create with a deadline in 9999 is refused and creates nothing', async () => {
    const list = join(tmp, 'ds.xlsx');
    writeFileSync(list, await writeAgencyListForm('vi', [{ code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null }]));
    const ha = join(tmp, 'snv');
    const r = await cli('campaign', 'create', ha, '--year', '2026', '--agencies', list, '--province', 'Minh Sơn', '--deadline', '9999-12-15');
    expect(r.code).toBe(1);
    expect(r.err + r.out).toMatch(/trường --deadline: Ngày 15\/12\/9999 nằm ngoài khoảng ngày hợp lý \(từ 01\/01\/2000 đến \d\d\/\d\d\/\d{4}\)/);
    expect(() => folderHash(ha)).toThrow(); // no folder made
    // Every date option of the command line takes the same range (here: the date printed on the reports).
    const report = await cli('report', join(tmp, 'khong-co'), '--out', join(tmp, 'bc'), '--date', '2099-01-01');
    expect(report.code).toBe(2);
    expect(report.err).toContain('Ngày 01/01/2099 nằm ngoài khoảng ngày hợp lý (từ 01/01/2000 đến');
  });
});
