import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HOME_WORKSPACE, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot } from './app.ts';
import { fillFigure, openAgencyPart, setBonus, addNomination, nominationRow } from './steps/declared.ts';
import { closeWorkspace, joinCampaign } from './steps/first-run.ts';
import { answerYesNo, attachEvidence, enterCount, enterPercent, enterRatio, expectSaved, exportSubmission, openSendCheck, panelOf, selectItem, typeInto, writeExplanation } from './steps/officer.ts';
import { appraiseWithCli, cli, closeAppraisalDialog, explainItem, importAppraisal } from './steps/round2.ts';

/**
 * Issue 13's test, the officer's whole story in the window: a commune that has not started joins
 * the campaign from the file Home Affairs sent; fills its template (every rule type, a document
 * with its details, an explanation, declared figures, a bonus, a nomination); fixes what the check
 * before sending shows; exports. The file verifies and Home Affairs imports it; Home Affairs
 * appraises round 1 on the command line; the officer imports the appraisal, explains two items
 * with an extra document each and sends revision 2, which Home Affairs records as revision 2.
 */
const ROOT = join(import.meta.dirname, '..', '.artifacts', 'e2e-officer-story');
const HA = join(ROOT, 'so-noi-vu');
const OWN = join(ROOT, 'xa-tan-lap');
const CAMPAIGN = join(ROOT, 'out', 'agencies', 'campaign.parscore');
const pdf = (text: string) => ({ name: `${text}.pdf`, text: `%PDF-1.4 ${text}` });

test.describe('the officer’s whole job in the window', () => {
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(() => {
    rmSync(ROOT, { recursive: true, force: true });
    // The province's cycle with every agency but Xã Tân Lập (X001) already sent: the campaign file is in out/agencies.
    parscore('demo', HA, '--agencies', '12', '--seed', '2024', '--submissions', join(ROOT, 'out'));
    mkdirSync(join(ROOT, 'sent'), { recursive: true });
  });
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await openApp(page);
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HOME_WORKSPACE);
    await page.close();
  });

  test('join, fill, fix, export; Home Affairs imports and appraises; the appraisal answered; revision 2 recorded', async ({ page }) => {
    test.setTimeout(180_000);
    await openApp(page);
    await resetLanguage(page, 'vi');
    await page.reload();

    // 1. Join the campaign from its file, as Xã Tân Lập: the window opens on the commune's criteria tree.
    await closeWorkspace(page);
    await joinCampaign(page, CAMPAIGN, 'Xã Tân Lập', OWN);
    await expect(page.getByTestId('deadline')).toHaveText(/^Hạn tự đánh giá \d{2}\/\d{2}\/\d{4} · còn \d+ ngày$/);
    await expect(page.getByTestId('self-total')).toHaveText('0,00 / 80,00');
    await screenshot(page, 'story-joined-vi');

    // 2. Every rule type of the commune template.
    await answerYesNo(page, '1.1.1', true); // BINARY
    await expect(panelOf(page).getByTestId('panel-score')).toHaveText('1,00');
    await enterPercent(page, '1.2', '85'); // PERCENT_BANDS as a percentage
    await enterRatio(page, '1.5', '9', '10'); // PERCENT_BANDS as a ratio
    await enterCount(page, '1.3', '1'); // COUNT_DEDUCT
    await enterRatio(page, '3.4', '5', '5'); // RATIO
    await expect(panelOf(page).getByTestId('panel-score')).toHaveText('2,00');
    await selectItem(page, '3.7'); // FORMULA: 2 × d766 / 100
    await typeInto(page, 'Điểm Chỉ số 766 của đơn vị', '80');
    await expectSaved(page);
    await expect(panelOf(page).getByTestId('panel-score')).toHaveText('1,60');
    // A document with its details, and an explanation where there is none.
    await attachEvidence(page, '1.1.1', pdf('Kế hoạch CCHC 2026'), { docNo: '15/KH-UBND', date: '10/01/2026', issuer: 'UBND xã Tân Lập', title: 'Kế hoạch cải cách hành chính năm 2026' });
    await answerYesNo(page, '1.1.2', true);
    await writeExplanation(page, '1.1.2', 'Nội dung kế hoạch nằm trong Kế hoạch 15/KH-UBND đã đính kèm ở mục 1.1.1.');
    await screenshot(page, 'story-filled-vi');

    // 3. Declared figures, a bonus, a nomination.
    await openAgencyPart(page, 'figures');
    for (const [code, value] of [['KK18', '9'], ['KK19', '10']] as const) {
      const row = await fillFigure(page, code, value);
      await expect(row.locator('[data-testid$="-state"]')).toHaveAttribute('data-state', 'saved');
    }
    await screenshot(page, 'story-figures-vi');
    await openAgencyPart(page, 'adjustments');
    await expect(await setBonus(page, 'TH1', '1', 'Mô hình “Một cửa thân thiện” được UBND tỉnh công nhận (QĐ 210/QĐ-UBND)')).toBeVisible();
    await expect(page.getByTestId('bonus-TH1-state')).toHaveAttribute('data-state', 'saved');
    await openAgencyPart(page, 'nominations');
    await addNomination(page, {
      kind: 'individual',
      id: 'X001-CN1',
      fullName: 'Nguyễn Thị Mai',
      gender: 'Nữ',
      birthYear: '1988',
      position: 'Công chức Văn phòng - Thống kê',
      unit: 'UBND xã Tân Lập',
      rating: 'Hoàn thành xuất sắc nhiệm vụ',
      ratingLastYear: 'Hoàn thành tốt nhiệm vụ',
      achievements: 'Vận hành Bộ phận Một cửa, 100% hồ sơ đúng hạn.',
      initiatives: '1',
      award: 'Bằng khen của Chủ tịch UBND tỉnh',
    });
    await expect(nominationRow(page, 'X001-CN1')).toContainText('Nguyễn Thị Mai');
    await openAgencyPart(page, 'tree');

    // 4. The check before sending lists an unanswered item; its line opens it; answered, the line is gone.
    await openSendCheck(page);
    const line = page.locator('[data-group="unanswered"] li[data-item="1.4"]');
    await expect(line).toContainText('Mục 1.4 chưa trả lời');
    await expect(page.locator('[data-group="unanswered"] li[data-item="1.1.1"]')).toHaveCount(0);
    await screenshot(page, 'story-check-vi');
    await expectAccessible(page);
    await line.getByRole('link').click();
    await expect(page.locator('[role="treeitem"][data-item="1.4"]')).toHaveAttribute('aria-selected', 'true');
    await answerYesNo(page, '1.4', true);
    await openSendCheck(page);
    await expect(page.locator('[data-group="unanswered"] li[data-item="1.4"]')).toHaveCount(0);

    // 5. Export revision 1: it verifies, and Home Affairs imports it.
    const r1 = await exportSubmission(page, join(ROOT, 'sent'));
    expect(r1.endsWith('X001-r1.parscore')).toBe(true);
    await expect(page.getByTestId('sent-revision')).toHaveText('1');
    const fingerprint = await page.getByTestId('sent-fingerprint').innerText();
    const verified = cli('submission', 'verify', r1);
    expect(verified).toContain('HỢP LỆ');
    expect(verified).toContain(fingerprint);
    await screenshot(page, 'story-sent-vi');

    // 6. Home Affairs imports it and appraises round 1 on the command line, with a comment on two items.
    const appraisal = join(ROOT, 'X001-tham-dinh-lan-1.parscore');
    appraiseWithCli(HA, r1, 'X001', { '1.2': { score: 1, comment: 'Tỷ lệ hoàn thành chưa có báo cáo kiểm chứng.' }, '3.4': { score: 1, comment: 'Chưa có sổ theo dõi xin lỗi người dân.' } }, appraisal);
    const received = JSON.parse(readFileSync(join(HA, 'workspace.json'), 'utf8')) as { agencies: { code: string; status: string; submission?: { revision: number } }[] };
    expect(received.agencies.find((a) => a.code === 'X001')).toMatchObject({ status: 'appraised_1', submission: { revision: 1 } });
    // What the window stored reached Home Affairs: the figures, the bonus, the nomination.
    const assessment = JSON.parse(readFileSync(join(HA, 'assessments', 'X001.json'), 'utf8')) as { indicators: Record<string, unknown>; bonus: Record<string, unknown> };
    expect(assessment.indicators).toMatchObject({ KK18: 9, KK19: 10 });
    expect(Object.keys(assessment.bonus)).toEqual(['TH1']);
    expect(readFileSync(join(HA, 'nominations', 'X001.json'), 'utf8')).toContain('Nguyễn Thị Mai');

    // 7. The officer receives the appraisal, explains both items with an extra document each, sends revision 2.
    await page.getByRole('button', { name: 'Trở lại cây tiêu chí' }).click();
    await importAppraisal(page, { name: 'X001-tham-dinh-lan-1.parscore', buffer: readFileSync(appraisal) });
    await expect(page.getByRole('dialog').getByTestId('summary-commented')).toHaveText('2 mục');
    await closeAppraisalDialog(page);
    await explainItem(page, '1.2', 'Bổ sung Báo cáo kết quả thực hiện kế hoạch CCHC năm 2026.', [{ name: 'Báo cáo 120.pdf', buffer: Buffer.from('%PDF-1.4 báo cáo'), docNo: '120/BC-UBND', date: '01/12/2026', issuer: 'UBND xã Tân Lập' }]);
    await explainItem(page, '3.4', 'Bổ sung sổ theo dõi xin lỗi người dân năm 2026.', [{ name: 'Sổ theo dõi.pdf', buffer: Buffer.from('%PDF-1.4 sổ'), docNo: '01/STD', date: '02/12/2026' }]);
    await screenshot(page, 'story-explained-vi');
    await openSendCheck(page);
    await expect(page.getByTestId('send-round')).toContainText('gửi kèm 2 giải trình');
    const r2 = await exportSubmission(page, join(ROOT, 'sent'));
    expect(r2.endsWith('X001-r2.parscore')).toBe(true);
    expect(cli('submission', 'verify', r2)).toContain('lần gửi 2 · vòng 2');
    cli('import', HA, r2);
    const after = JSON.parse(readFileSync(join(HA, 'workspace.json'), 'utf8')) as { agencies: { code: string; status: string; submission?: { revision: number; round: number } }[] };
    expect(after.agencies.find((a) => a.code === 'X001')).toMatchObject({ status: 'explained', submission: { revision: 2, round: 2 } });
    const explained = JSON.parse(readFileSync(join(HA, 'appraisals', 'X001.json'), 'utf8')) as { explanations: Record<string, { evidence: { docNo: string }[] }> };
    expect(Object.keys(explained.explanations).sort()).toEqual(['1.2', '3.4']);
    expect(explained.explanations['1.2']?.evidence.map((e) => e.docNo)).toEqual(['120/BC-UBND']);
    await screenshot(page, 'story-revision-2-vi');
    await expectAccessible(page);
  });
});
