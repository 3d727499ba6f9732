import { type Page, expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HOME_WORKSPACE, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot } from './app.ts';
import { closeWorkspace, createHomeAffairs } from './steps/first-run.ts';
import {
  type AgencyRow,
  addAdditionalSet,
  agencyListProblems,
  chooseRankedSet,
  dropCriteriaWorkbook,
  writeCriteriaWorkbook,
  createCampaign,
  dropAgencyList,
  exportCampaignFile,
  fillBasics,
  goToStep,
  openCampaignSetup,
  setDeadlines,
  setIssuer,
  writeAgencyList,
} from './steps/campaign.ts';

const ROOT = join(import.meta.dirname, '..', '.artifacts', 'e2e-campaign');

const ROWS: AgencyRow[] = [
  { code: 'S01', name: 'Sở Nội vụ', group: 'Sở, ban, ngành' },
  { code: 'S02', name: 'Sở Tư pháp', group: 'Sở, ban, ngành' },
  { code: 'S03', name: 'Sở Tài chính', group: 'sở' },
  { code: 'X001', name: 'Phường Quang Trung', group: 'xã' },
  { code: 'X002', name: 'Xã Hòa Bình', group: 'xã' },
];

/** axe and a screenshot in Vietnamese, then the same state in English (the status bar's switch: the step's state stays), and back. */
async function bothLanguages(page: Page, name: string, english?: () => Promise<void>): Promise<void> {
  await expectAccessible(page);
  await screenshot(page, `${name}-vi`);
  await page.getByTestId('status-bar').getByText('EN', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await english?.();
  await expectAccessible(page);
  await screenshot(page, `${name}-en`);
  await page.getByTestId('status-bar').getByText('VI', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
}

test.describe('campaign set-up in the window', () => {
  test.beforeAll(() => {
    rmSync(ROOT, { recursive: true, force: true });
    mkdirSync(ROOT, { recursive: true });
  });
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await resetLanguage(page, 'vi');
  });
  test.afterEach(async ({ page }) => {
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HOME_WORKSPACE);
  });

  test('a fresh Home Affairs workspace: the campaign from an Excel list with a bad row (fixed, imported again), sets, deadlines, issuer, the signed file an agency joins with', async ({ page }) => {
    test.setTimeout(180_000);
    const bad = await writeAgencyList(ROOT, 'danh-sach-loi.xlsx', ROWS.map((r) => (r.code === 'S03' ? { ...r, name: '', group: 'bộ ngành' } : r)));
    const good = await writeAgencyList(ROOT, 'danh-sach.xlsx', ROWS);
    const brokenSet = await writeCriteriaWorkbook(ROOT, 'bo-tieu-chi-loi.xlsx', { from: 'par-so', id: 'par-so-minh-son', broken: true });
    const ownSet = await writeCriteriaWorkbook(ROOT, 'bo-tieu-chi.xlsx', { from: 'par-so', id: 'par-so-minh-son' });

    await closeWorkspace(page);
    await createHomeAffairs(page, join(ROOT, 'so-noi-vu'), 'Sở Nội vụ tỉnh Minh Sơn');
    await expect(page.getByTestId('status-campaign')).toHaveText('Chưa thiết lập đợt đánh giá');
    await openCampaignSetup(page);
    await expect(page.getByTestId('campaign-screen')).toHaveAttribute('data-created', 'no');

    // 1. Year and model: errors at the field, in words.
    await page.getByTestId('campaign-year').fill('hai nghìn');
    await page.getByTestId('campaign-basics-next').click();
    await expect(page.getByTestId('campaign-year-error')).toHaveText('Năm đánh giá không hợp lệ');
    await expect(page.getByTestId('campaign-province-error')).toHaveText('Hãy nhập tỉnh');
    await bothLanguages(page, 'campaign-1-basics-errors');
    await fillBasics(page, { year: 2026, province: 'Minh Sơn' });

    // 2. The agency list: a row with two errors, each with sheet, row and column; fixed and dropped again.
    await bothLanguages(page, 'campaign-2-agencies-empty');
    await dropAgencyList(page, bad);
    const problems = await agencyListProblems(page);
    expect(problems).toHaveLength(2);
    for (const p of problems) expect(p).toMatch(/^Danh sách cơ quan\|\d+\|[A-Z]\|/);
    expect(new Set(problems.map((p) => p.split('|')[1])).size).toBe(1);
    expect(problems.join('\n')).toContain('Chưa ghi tên');
    expect(problems.join('\n')).toContain('bộ ngành');
    await expect(page.getByTestId('campaign-agencies-next')).toBeDisabled();
    await bothLanguages(page, 'campaign-2-agencies-errors');
    await dropAgencyList(page, good);
    await expect(page.getByTestId('campaign-agencies-read')).toContainText('5 cơ quan (3 sở, ban, ngành; 2 xã, phường)');
    await expect(page.getByTestId('campaign-agency-preview')).toContainText('Sở Tài chính');
    await bothLanguages(page, 'campaign-2-agencies-preview');
    // Nothing was stored yet: still no campaign.
    await expect(page.getByTestId('status-campaign')).toHaveText('Chưa thiết lập đợt đánh giá');
    await page.getByTestId('campaign-agencies-next').click();

    // 3. Criteria sets: the samples, ISO 9001 beside the departments' index; the tree viewable.
    await expect(page.getByTestId('campaign-sets-department')).toBeVisible();
    await expect(page.getByTestId('campaign-sets-district')).toHaveCount(0);
    // The province's own set from Excel: a workbook with an error shows it by sheet, row and column, the fixed one is imported.
    await dropCriteriaWorkbook(page, brokenSet);
    const setProblems = page.getByTestId('campaign-set-problems');
    await expect(setProblems).toContainText('Tiêu chí');
    await expect(setProblems).toContainText('"mười" không phải là số');
    await bothLanguages(page, 'campaign-3-sets-import-errors');
    await dropCriteriaWorkbook(page, ownSet);
    await expect(page.getByTestId('campaign-set-imported')).toContainText('par-so-minh-son@1');
    await chooseRankedSet(page, 'department', 'par-so-minh-son@1');
    await addAdditionalSet(page, 'department', 'iso-9001@1');
    await page.getByTestId('campaign-view-department').click();
    await expect(page.getByTestId('campaign-set-tree').getByRole('tree')).toBeVisible();
    await bothLanguages(page, 'campaign-3-sets');
    await createCampaign(page);
    // The status bar picks the new campaign up.
    await expect(page.getByTestId('status-campaign')).toHaveText('Xác định Chỉ số cải cách hành chính năm 2026 tỉnh Minh Sơn');

    // 4. Deadlines: a wrong date at its field, then saved.
    await setDeadlines(page, { selfAssessment: '15/13/2026' });
    await expect(page.getByTestId('campaign-deadline-selfAssessment-error')).toContainText('ngày không hợp lệ');
    await bothLanguages(page, 'campaign-4-deadlines-error');
    await setDeadlines(page, { selfAssessment: '15/12/2026', appraisal1: '15/01/2027' });

    // 5. Bands and rules, with the defaults shown.
    await expect(page.getByTestId('campaign-rules')).toBeVisible();
    await expect(page.getByTestId('campaign-band-A-min')).toHaveValue('90');
    await bothLanguages(page, 'campaign-5-rules');
    await page.getByTestId('campaign-rules-save').click();

    // 6. Commendation rules (the awards screen's editor, placed here).
    await expect(page.getByTestId('campaign-awards')).toBeVisible();
    await bothLanguages(page, 'campaign-6-awards');
    await page.getByTestId('campaign-awards-next').click();

    // 7. Issuer and signer.
    await expect(page.getByTestId('campaign-issuer-body')).toHaveValue('SỞ NỘI VỤ');
    // The usual recipients shown to start from.
    await expect(page.getByTestId('campaign-issuer-recipients')).toHaveValue(/Lưu: VT, CCHC/);
    await page.getByTestId('campaign-issuer-signerName').fill('');
    await page.getByTestId('campaign-issuer-save').click();
    await expect(page.getByTestId('campaign-issuer-signerName-error')).toHaveText('Hãy nhập họ và tên người ký');
    await bothLanguages(page, 'campaign-7-issuer');
    await setIssuer(page, { signerName: 'Trần Thị Thu Hà', recipients: ['Bộ Nội vụ', 'UBND tỉnh Minh Sơn', 'Lưu: VT, CCHC'] });

    // 8. The signed file, and the fingerprint in groups of four.
    const file = await exportCampaignFile(page, ROOT);
    await expect(page.getByTestId('campaign-notice')).toHaveAttribute('data-state', 'exported');
    const groups = (await page.getByTestId('campaign-fingerprint').locator('span').allTextContents());
    expect(groups).toHaveLength(16);
    for (const g of groups) expect(g).toMatch(/^[0-9a-f]{4}$/);
    await bothLanguages(page, 'campaign-8-export');

    // The CLI: the campaign as stored, and an agency set up from the file.
    const shown = JSON.parse(parscore('campaign', 'show', join(ROOT, 'so-noi-vu'), '--json')) as { agencies: { code: string }[]; deadlines: Record<string, string>; additionalTemplates: Record<string, { id: string }[]>; templates: Record<string, { id: string }>; issuer: { signerName: string; recipients: string[] }; homeAffairs: { fingerprint: string } };
    expect(shown.agencies.map((a) => a.code)).toEqual(['S01', 'S02', 'S03', 'X001', 'X002']);
    expect(shown.deadlines).toEqual({ selfAssessment: '2026-12-15', appraisal1: '2027-01-15' });
    expect(shown.additionalTemplates.department?.map((r) => r.id)).toEqual(['iso-9001']);
    expect(shown.templates.department?.id).toBe('par-so-minh-son');
    expect(shown.issuer.signerName).toBe('Trần Thị Thu Hà');
    expect(shown.issuer.recipients).toEqual(['Bộ Nội vụ', 'UBND tỉnh Minh Sơn', 'Lưu: VT, CCHC']);
    expect(shown.homeAffairs.fingerprint).toBe(groups.join(''));
    expect(readFileSync(file).length).toBeGreaterThan(1000);
    const joined = parscore('agency', 'init', join(ROOT, 'stp'), '--campaign', file, '--agency', 'S02');
    expect(joined).toContain('S02');

    // A change after the export: said in words that a new file must be sent.
    await goToStep(page, 'Thời hạn', 'keyboard');
    await setDeadlines(page, { selfAssessment: '20/12/2026' });
    await expect(page.getByTestId('campaign-notice')).toHaveAttribute('data-state', 'changed');
    await expect(page.getByTestId('campaign-notice')).toContainText('hãy xuất tệp mới và gửi lại cho mọi cơ quan');
    await bothLanguages(page, 'campaign-changed-after-export');
  });

  test('a campaign already under way (the demo, submissions received): the sets are locked, and a list without an agency that submitted is refused with the reason', async ({ page }) => {
    await openWorkspace(page, HOME_WORKSPACE);
    await page.reload();
    await openCampaignSetup(page);
    await expect(page.getByTestId('campaign-submitted')).toContainText('không xóa được các cơ quan đó');
    const stored = JSON.parse(parscore('campaign', 'show', HOME_WORKSPACE, '--json')) as { agencies: { code: string; name: string; group: 'department' | 'district' | 'commune'; parent: string | null }[] };
    const words = { department: 'sở', district: 'huyện', commune: 'xã' } as const;
    const dropped = stored.agencies[0]!;
    const list = await writeAgencyList(ROOT, 'bot-mot-co-quan.xlsx', stored.agencies.slice(1).map((a) => ({ code: a.code, name: a.name, group: words[a.group], ...(a.parent ? { parent: a.parent } : {}) })));
    await goToStep(page, 'Danh sách cơ quan');
    await expect(page.getByTestId('campaign-agencies-current')).toContainText(`${stored.agencies.length} cơ quan`);
    await dropAgencyList(page, list);
    await page.getByTestId('campaign-agencies-take').click();
    await expect(page.getByTestId('campaign-agencies-take-refused')).toHaveText(`Không bỏ được ${dropped.name} (${dropped.code}): đã nhận hồ sơ của cơ quan này.`);
    await bothLanguages(page, 'campaign-refused-after-submissions');
    await goToStep(page, 'Bộ tiêu chí');
    await expect(page.getByTestId('campaign-sets-locked')).toBeVisible();
    await expect(page.getByTestId('campaign-sets-save')).toBeDisabled();
    await bothLanguages(page, 'campaign-sets-locked');
    // Nothing changed.
    expect((JSON.parse(parscore('campaign', 'show', HOME_WORKSPACE, '--json')) as { agencies: unknown[] }).agencies).toHaveLength(stored.agencies.length);
  });
});
