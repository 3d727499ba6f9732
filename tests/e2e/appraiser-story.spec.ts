import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../../shared/results/schema.ts';
import { HOME_WORKSPACE, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot } from './app.ts';
import { type AgencyRow, agencyListProblems, dropAgencyList, exportCampaignFile, createCampaign, fillBasics, goToStep, openCampaignSetup, setDeadlines, setIssuer, writeAgencyList } from './steps/campaign.ts';
import { closeWorkspace, createHomeAffairs } from './steps/first-run.ts';
import { acceptNewKey, dropOnInbox, expectVerdict, openStatus, reasonsOf, setReceivedDate } from './steps/inbox.ts';
import { appraiseItem, exportRound1, lockAgency, openReview, selectItem, setStatus } from './steps/review.ts';
import { consolidate, expectHeadline, importSurvey, openRanking, openSection, rankingCodes, storeSurvey } from './steps/results.ts';
import { expectCandidate, filterAudit, openAwards, overrideAward, writeReports } from './steps/awards.ts';

/**
 * Issue 14 § Tests: the appraiser's whole cycle in the window, as one story in two parts.
 * 1. A fresh Home Affairs workspace: the campaign from an Excel agency list with one bad row
 *    (fixed), the signed campaign file; three agencies made with the CLI from that file submit;
 *    four files dropped on the inbox (one tampered, one received after the deadline, one signed with
 *    a new key, one already received): the verdicts, nothing of the refused stored, the new key
 *    accepted explicitly; one agency appraised in round 1, its file exported and answered by the
 *    agency (CLI), revision 2 received, round 2 with the explained item highlighted, locked; the
 *    audit log says so.
 * 2. The demo province (enough agencies for a ranking and candidates): the survey imported, the
 *    results consolidated, the dashboard's ranking, bands and headline cards against results.json,
 *    a candidate's reasons and the council's exclusion with its reason, the reports written and
 *    read with openpyxl.
 */
const ROOT = join(import.meta.dirname, '..', '.artifacts', 'e2e-appraiser');
const HA = join(ROOT, 'so-noi-vu');

const ROWS: AgencyRow[] = [
  { code: 'S01', name: 'Sở Nội vụ', group: 'Sở, ban, ngành' },
  { code: 'S02', name: 'Sở Tư pháp', group: 'Sở, ban, ngành' },
  { code: 'S03', name: 'Sở Tài chính', group: 'Sở, ban, ngành' },
  { code: 'S04', name: 'Sở Xây dựng', group: 'Sở, ban, ngành' },
];

function openpyxlValues(file: string): string {
  const script = 'import sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1])\nprint("\\n".join(str(c) for ws in wb.worksheets for r in ws.iter_rows(values_only=True) for c in r if c is not None))';
  return execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** An agency of the new campaign, on the command line: its workspace from the campaign file, a few answers, revision 1 exported. */
function agencySubmits(campaignFile: string, code: string, out: string): string {
  const dir = join(ROOT, 'co-quan', code);
  parscore('agency', 'init', dir, '--campaign', campaignFile, '--agency', code);
  parscore('item', 'set', dir, '1.1.1', 'có');
  parscore('item', 'set', dir, '1.1.2', '0,5');
  parscore('item', 'set', dir, '1.3', '1');
  const file = join(out, `${code}-r1.parscore`);
  parscore('submission', 'export', dir, code, '--out', file);
  return file;
}

/** The agency moved to a new computer: its workspace with a new key (a fresh `agency init`'s), revision 2 exported with it. */
function withNewKey(campaignFile: string, code: string, out: string): string {
  const fresh = join(ROOT, 'co-quan', `${code}-may-moi`);
  parscore('agency', 'init', fresh, '--campaign', campaignFile, '--agency', code);
  const moved = join(ROOT, 'co-quan', `${code}-chuyen-may`);
  cpSync(join(ROOT, 'co-quan', code), moved, { recursive: true });
  for (const f of readdirSync(join(moved, 'keys'))) rmSync(join(moved, 'keys', f));
  for (const f of readdirSync(join(fresh, 'keys'))) copyFileSync(join(fresh, 'keys', f), join(moved, 'keys', f));
  const index = JSON.parse(readFileSync(join(moved, 'workspace.json'), 'utf8')) as { identity: unknown };
  index.identity = (JSON.parse(readFileSync(join(fresh, 'workspace.json'), 'utf8')) as typeof index).identity;
  writeFileSync(join(moved, 'workspace.json'), JSON.stringify(index, null, 2));
  const file = join(out, `${code}-r2.parscore`);
  parscore('submission', 'export', moved, code, '--out', file);
  return file;
}

type Index = { agencies: { code: string; status: string; submission?: { revision: number; late?: boolean } }[] };
const indexOf = (): Index => JSON.parse(readFileSync(join(HA, 'workspace.json'), 'utf8')) as Index;

test.describe("the appraiser's whole cycle in the window", () => {
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(() => {
    rmSync(ROOT, { recursive: true, force: true });
    mkdirSync(join(ROOT, 'ho-so'), { recursive: true });
  });
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await resetLanguage(page, 'vi');
  });
  test.afterEach(async ({ page }) => {
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HOME_WORKSPACE);
  });

  test('campaign, inbox, two appraisal rounds and the lock, in a fresh Home Affairs workspace', async ({ page }) => {
    test.setTimeout(200_000);
    const bad = await writeAgencyList(ROOT, 'danh-sach-loi.xlsx', ROWS.map((r) => (r.code === 'S03' ? { ...r, name: '' } : r)));
    const good = await writeAgencyList(ROOT, 'danh-sach.xlsx', ROWS);

    // 1. The campaign: the list with a bad row refused by sheet/row/column, the fixed one taken; the signed file.
    await closeWorkspace(page);
    await createHomeAffairs(page, HA, 'Sở Nội vụ tỉnh Minh Sơn');
    await openCampaignSetup(page);
    await fillBasics(page, { year: 2026, province: 'Minh Sơn' });
    await dropAgencyList(page, bad);
    const problems = await agencyListProblems(page);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Danh sách cơ quan\|\d+\|[A-Z]\|.*Chưa ghi tên/);
    await screenshot(page, 'appraiser-1-bad-list-vi');
    await expectAccessible(page);
    // The clerk fixes the file; the rest of the set-up as setUpCampaign does it.
    await dropAgencyList(page, good);
    await expect(page.getByTestId('campaign-agencies-read')).toBeVisible();
    await page.getByTestId('campaign-agencies-next').click();
    await createCampaign(page);
    await setDeadlines(page, { selfAssessment: '31/12/2026' });
    await page.getByTestId('campaign-rules-save').click();
    await page.getByTestId('campaign-awards-next').click();
    await setIssuer(page, { signerName: 'Nguyễn Văn An' });
    const campaignFile = await exportCampaignFile(page, ROOT);
    // Home Affairs' key, for the agencies to check by phone: the workspace's own fingerprint.
    const ha = (JSON.parse(readFileSync(join(HA, 'workspace.json'), 'utf8')) as { identity: { fingerprint: string } }).identity.fingerprint;
    expect((await page.getByTestId('campaign-fingerprint').innerText()).replace(/\s/g, '')).toBe(ha);
    await screenshot(page, 'appraiser-1-campaign-exported-vi');
    await expectAccessible(page);

    // 2. Three agencies submit from that file (CLI); one file is changed on the way; S03 moves to a new computer.
    const out = join(ROOT, 'ho-so');
    const s01 = agencySubmits(campaignFile, 'S01', out);
    const s02 = agencySubmits(campaignFile, 'S02', out);
    const s03 = agencySubmits(campaignFile, 'S03', out);
    const s03new = withNewKey(campaignFile, 'S03', join(ROOT, 'co-quan'));
    const tampered = join(ROOT, 'co-quan', 'S02-r1-bi-sua.parscore');
    const bytes = readFileSync(s02);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(tampered, bytes);
    // The self-assessment deadline as the province decided it: 05/12/2026 (the agencies were told).
    await goToStep(page, 'Thời hạn');
    await setDeadlines(page, { selfAssessment: '05/12/2026' });

    // 3. The first batch came by e-mail before the deadline: dated 04/12/2026, on time.
    await page.getByTestId('nav-inbox').click();
    await setReceivedDate(page, '04/12/2026');
    await dropOnInbox(page, [s01, s03]);
    await expectVerdict(page, s01, 'accepted');
    await expectVerdict(page, s03, 'accepted');
    await expect(page.getByTestId('late-S01-r1.parscore')).toHaveCount(0);

    // 4. Four files dropped together, undated: S02 late; its changed copy refused; S03's new key refused; S01 again a duplicate.
    await page.reload();
    await dropOnInbox(page, [s02, tampered, s03new, s01]);
    await expectVerdict(page, s02, 'accepted');
    await expect(page.getByTestId('late-S02-r1.parscore')).toBeVisible();
    await expectVerdict(page, tampered, 'rejected');
    expect((await reasonsOf(page, tampered)).length).toBeGreaterThan(0);
    await expectVerdict(page, s03new, 'rejected');
    expect((await reasonsOf(page, s03new)).join('\n')).toContain('Khóa ký đã thay đổi');
    await expectVerdict(page, s01, 'duplicate');
    await screenshot(page, 'appraiser-2-inbox-verdicts-vi');
    await expectAccessible(page);
    // Nothing of the refused is stored: S03 is still at revision 1, S04 (no file) not submitted.
    let index = indexOf();
    expect(index.agencies.find((a) => a.code === 'S03')?.submission?.revision).toBe(1);
    expect(index.agencies.find((a) => a.code === 'S02')?.submission?.late).toBe(true);
    expect(index.agencies.find((a) => a.code === 'S01')?.submission?.late).toBe(false);
    expect(index.agencies.find((a) => a.code === 'S04')?.status).toBe('not_submitted');
    // The new key, accepted after checking it by phone: revision 2 replaces revision 1.
    await acceptNewKey(page, 'S03');
    await expectVerdict(page, s03new, 'replaced');
    index = indexOf();
    expect(index.agencies.find((a) => a.code === 'S03')?.submission?.revision).toBe(2);

    // 5. The status board: 3/4 departments submitted; the count opens them.
    await page.getByTestId('nav-overview').click();
    await openStatus(page, 'submitted', 'department');
    await expect(page.getByTestId('agency-row-S04')).toHaveCount(0);
    await expect(page.getByTestId('agency-row-S01')).toBeVisible();
    await screenshot(page, 'appraiser-3-status-board-vi');

    // 6. Round 1 for S01: two items appraised, closed, its file exported; the agency reads it, explains one item, sends revision 2.
    await openReview(page, 'S01');
    await appraiseItem(page, '1.1.2', 0, 'Chưa có quyết định ban hành kế hoạch.');
    await selectItem(page, '1.3');
    await appraiseItem(page, '1.3', 1, 'Đạt.');
    await setStatus(page, 'appraised_1', '');
    await expect(page.getByTestId('review-status')).toHaveText('Đã thẩm định lần 1');
    await screenshot(page, 'appraiser-4-round1-vi');
    await expectAccessible(page);
    const download = await exportRound1(page);
    const r1 = join(ROOT, download.suggestedFilename());
    await download.saveAs(r1);
    const agency = join(ROOT, 'co-quan', 'S01');
    expect(parscore('appraisal', 'import', agency, r1)).toContain('Chưa có quyết định ban hành kế hoạch.');
    parscore('appraisal', 'explain', agency, '1.1.2', '--text', 'Kế hoạch ban hành theo Quyết định 15/QĐ-SNV.');
    const s01r2 = join(out, 'S01-r2.parscore');
    parscore('submission', 'export', agency, 'S01', '--out', s01r2);
    await page.getByTestId('nav-inbox').click();
    await dropOnInbox(page, [s01r2]);
    await expectVerdict(page, s01r2, 'replaced');

    // 7. Round 2: the explained item tagged and filtered; appraised; locked; read only.
    await openReview(page, 'S01');
    await expect(page.getByTestId('review-status')).toHaveText('Đã giải trình');
    const tree = page.getByTestId('review-tree');
    await expect(tree.locator('[data-item="1.1.2"] [data-testid="review-tag-explained"]')).toBeVisible();
    await page.getByTestId('review-filter-round2').click();
    await expect(tree.locator('[role="treeitem"]:not([aria-expanded])')).toHaveCount(1);
    await selectItem(page, '1.1.2');
    await expect(page.getByTestId('review-panel').getByTestId('review-explanation-text')).toHaveText('Kế hoạch ban hành theo Quyết định 15/QĐ-SNV.');
    await screenshot(page, 'appraiser-5-round2-vi');
    await appraiseItem(page, '1.1.2', '0,5', 'Đã bổ sung quyết định.');
    await setStatus(page, 'appraised_2', '');
    await lockAgency(page);
    await expect(page.getByTestId('review-status')).toHaveText('Đã chốt');
    await expect(page.getByTestId('review-read-only')).toHaveCount(1);
    await screenshot(page, 'appraiser-6-locked-vi');
    await expectAccessible(page);

    // 8. The audit log of S01: the received date, the scores of both rounds, the explanation and the lock.
    await page.getByTestId('nav-audit').click();
    await filterAudit(page, { agency: 'S01' });
    const audit = page.getByTestId('audit-screen');
    await expect(audit).toContainText('Ngày nhận hồ sơ— → 04/12/2026');
    await expect(audit).toContainText('Điểm thẩm định mục 1.1.20 → 0,5');
    await expect(audit).toContainText('Đã thẩm định lần 1 → Đã giải trình');
    await expect(audit).toContainText('Đã thẩm định lần 2 → Đã chốt');
    await screenshot(page, 'appraiser-7-audit-vi');
    await expectAccessible(page);

    // The same screens in English.
    await resetLanguage(page, 'en');
    await page.reload();
    await openReview(page, 'S01');
    await expect(page.getByTestId('review-status')).toHaveText('Locked');
    await screenshot(page, 'appraiser-6-locked-en');
    await page.getByTestId('nav-inbox').click();
    await screenshot(page, 'appraiser-2-inbox-en');
    await expectAccessible(page);
  });

  test('survey, results, commendation and reports, on the demo province', async ({ page }) => {
    test.setTimeout(300_000);
    const demo = join(ROOT, 'demo');
    const demoOut = join(ROOT, 'demo-ho-so');
    parscore('demo', demo, '--agencies', '30', '--submissions', demoOut);
    parscore('import', demo, demoOut);
    await openWorkspace(page, demo);
    await page.reload();

    // The survey from its file: a preview, then stored.
    await openSection(page, 'survey');
    await importSurvey(page, { name: 'dieu-tra-xa-hoi-hoc.xlsx', buffer: readFileSync(join(demoOut, 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx')) });
    await expect(page.getByTestId('survey-preview')).toContainText('30 cơ quan');
    await storeSurvey(page);

    // Consolidated; the dashboard against the stored results.json.
    await openSection(page, 'results');
    await consolidate(page);
    const r = JSON.parse(readFileSync(join(demo, 'results', 'results.json'), 'utf8')) as Results;
    const iso = r.iso!.find((s) => s.scope === 'department')!;
    await expectHeadline(page, 'iso:department:complete', `${iso.complete.count}/${iso.agencies} sở, ban, ngành`);
    await openRanking(page, 'department');
    const deps = r.agencies.filter((a) => a.agency.group === 'department');
    expect((await rankingCodes(page)).slice(0, 5)).toEqual(deps.slice(0, 5).map((a) => a.agency.code));
    const group = r.groups.find((g) => g.group === 'department')!;
    for (const b of r.bands) await expect(page.getByTestId('bands-text-department')).toContainText(`${b.label.vi} ${group.bands[b.code] ?? 0}`);
    await screenshot(page, 'appraiser-8-results-vi');
    await expectAccessible(page);

    // A candidate's reasons as results.json has them; the council excludes it, with its reason.
    const c = r.commendation.collectives[0]!;
    await openAwards(page);
    await expectCandidate(page, c.rule, c.subject, `hạng ${c.agencyRank}`);
    const reason = 'Hội đồng thi đua - khen thưởng tỉnh: đơn vị đang bị thanh tra.';
    await overrideAward(page, c.rule, c.subject, 'exclude', reason);
    await expect(page.getByTestId(`award-decision-${c.rule}-${c.subject}`)).toContainText(reason);
    await screenshot(page, 'appraiser-9-awards-vi');
    await expectAccessible(page);

    // The reports written from the page, each read by openpyxl.
    const folder = join(ROOT, 'bao-cao');
    const files = await writeReports(page, ['ranking', 'commendation'], folder);
    expect(files.length).toBe(2);
    const ranking = openpyxlValues(join(folder, 'Xếp hạng theo nhóm.xlsx'));
    expect(ranking).toContain(deps[0]!.agency.name);
    const list = openpyxlValues(join(folder, files.find((f) => f !== 'Xếp hạng theo nhóm.xlsx')!));
    // The council's decision is in the official list, with its reason.
    expect(list).toContain(reason);
    await screenshot(page, 'appraiser-10-reports-vi');

    await resetLanguage(page, 'en');
    await page.reload();
    await openSection(page, 'results');
    await screenshot(page, 'appraiser-8-results-en');
    await expectAccessible(page);
  });
});
