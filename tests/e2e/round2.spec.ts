import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HOME_WORKSPACE, expectAccessible, freshAgencyWorkspace, openApp, openWorkspace, resetLanguage, screenshot } from './app.ts';
import { appraiseWithCli, cli, closeAppraisalDialog, exportSelfReport, explainItem, importAppraisal } from './steps/round2.ts';

/**
 * Issue 13 point 7, the last line: in the agency's own workspace, which has sent revision 1, the
 * officer receives Home Affairs' appraisal file, sees the appraised scores and comments beside its
 * own, filters the tree to the commented items, explains two of them with an extra document each,
 * and exports revision 2, which verifies and which Home Affairs records as revision 2; then writes
 * the self-assessment report.
 */
const COMMENTS = { '1.1.1': { score: 0, comment: 'Không có tài liệu kiểm chứng hợp lệ.' }, '1.2': { score: 0, comment: 'Kế hoạch ban hành chậm so với quy định.' } };
const OUT = join(import.meta.dirname, '..', '.artifacts', 'e2e-round2');

test.describe('the appraisal round trip, in an agency workspace', () => {
  test.describe.configure({ mode: 'serial' });
  let agency = '';
  let homeAffairs = '';
  let appraisal = '';
  test.beforeAll(() => {
    agency = freshAgencyWorkspace();
    const root = resolve(agency, '..', '..', '..');
    homeAffairs = join(root, 'so-noi-vu');
    appraisal = join(root, 'S03-tham-dinh-lan-1.parscore');
    // Home Affairs receives revision 1 and appraises it, on the command line.
    appraiseWithCli(homeAffairs, join(root, 'out', 'S03-r1.parscore'), 'S03', COMMENTS, appraisal);
    mkdirSync(OUT, { recursive: true });
  });
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await resetLanguage(page, 'vi');
    await openWorkspace(page, agency);
    await page.reload();
  });
  test.afterEach(async ({ page }) => {
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HOME_WORKSPACE);
  });

  test('receive the appraisal, explain two items with extra documents, send revision 2; Home Affairs records it', async ({ page }) => {
    // A file that is no appraisal: refused at the file field, in words.
    await importAppraisal(page, { name: 'S03-r1.parscore', buffer: readFileSync(join(resolve(agency, '..', '..'), 'S03-r1.parscore')) });
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('appraisal-error')).toContainText('tệp S03-r1.parscore: Loại tệp không đúng: đây là hồ sơ tự đánh giá, trong khi cần tệp kết quả thẩm định.');
    await screenshot(page, 'round2-import-refused-vi');
    await expectAccessible(page);

    await importAppraisal(page, { name: 'S03-tham-dinh-lan-1.parscore', buffer: readFileSync(appraisal) });
    await expect(dialog.getByTestId('appraisal-error')).toHaveCount(0);
    await expect(dialog.getByTestId('summary-round')).toHaveText('Vòng 1');
    await expect(dialog.getByTestId('summary-status')).toHaveText('Đã thẩm định lần 1');
    await expect(dialog.getByTestId('summary-commented')).toHaveText('2 mục');
    const self = await dialog.getByTestId('summary-self').innerText();
    const appraised = await dialog.getByTestId('summary-appraised').innerText();
    expect(self).toMatch(/^\d+,\d{2} \/ \d+,\d{2}$/);
    expect(appraised).not.toBe(self);
    await screenshot(page, 'round2-import-summary-vi');
    await expectAccessible(page);
    await closeAppraisalDialog(page);

    // Beside the self score: the appraised score on the tree, the totals, the panel's block with the comment.
    const tree = page.getByTestId('criteria-tree');
    await expect(tree.locator('[data-item="1.2"] [data-testid="appraised-badge"]')).toContainText('TĐ 0,00');
    await expect(page.getByTestId('appraised-total')).toHaveText(appraised);
    await tree.locator('[data-item="1.2"]').click();
    const panel = page.getByTestId('item-panel');
    await expect(panel.getByTestId('appraised-score')).toHaveText('0,00');
    await expect(panel.getByTestId('appraisal-comment')).toContainText(COMMENTS['1.2'].comment);

    // The filter "Có ý kiến thẩm định": the two commented items (and their areas) only.
    await page.getByRole('radiogroup', { name: 'Lọc các mục' }).getByText('Có ý kiến thẩm định').click();
    await expect(tree.locator('[role="treeitem"]:not([aria-expanded])')).toHaveCount(2);
    await expect(tree.locator('[role="treeitem"][data-item="1.1.1"]')).toBeVisible();
    await screenshot(page, 'round2-agency-filter-vi');
    await expectAccessible(page);

    // An explanation without its text, and a document without its number: each error at its field, nothing saved.
    await tree.locator('[data-item="1.2"]').click();
    const form = panel.getByTestId('explain-form');
    await form.locator('.evidence-drop input[type=file]').setInputFiles({ name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await form.getByTestId('explain-save').click();
    await expect(form.getByText('Hãy viết nội dung giải trình')).toBeVisible();
    await expect(form.getByTestId('explain-doc-docNo')).toHaveAttribute('aria-invalid', 'true');
    await form.getByRole('button', { name: 'Bỏ tệp x.pdf' }).click();

    await explainItem(page, '1.2', 'Kế hoạch được ban hành ngày 10/01 theo hướng dẫn của UBND tỉnh; kèm Báo cáo 118/BC-STP.', [
      { name: 'Báo cáo giải trình 118.pdf', buffer: Buffer.from('%PDF-1.4 Báo cáo giải trình số 118/BC-STP'), docNo: '118/BC-STP', date: '05/02/2026', issuer: 'Sở Tư pháp', title: 'Báo cáo giải trình' },
    ]);
    await expect(panel.getByTestId('explain-doc')).toContainText('118/BC-STP · 05/02/2026 · Sở Tư pháp · Báo cáo giải trình · Báo cáo giải trình 118.pdf');
    await explainItem(page, '1.1.1', 'Bổ sung Quyết định phê duyệt kế hoạch CCHC.', [{ name: 'QĐ phê duyệt.pdf', buffer: Buffer.from('%PDF-1.4 Quyết định 25/QĐ-STP'), docNo: '25/QĐ-STP', date: '12/01/2026' }]);
    // The tree says which commented items are answered.
    await expect(tree.locator('[data-item="1.2"] [data-testid="appraised-badge"]')).toContainText('TĐ 0,00 · đã giải trình');
    await screenshot(page, 'round2-explained-vi');
    await expectAccessible(page);

    // Revision 2 through the send screen.
    await page.getByTestId('send-open').click();
    await expect(page.getByTestId('send-round')).toContainText('Lần gửi 2 · vòng 2');
    await expect(page.getByTestId('send-round')).toContainText('gửi kèm 2 giải trình');
    await screenshot(page, 'round2-send-vi');
    await expectAccessible(page);
    const downloading = page.waitForEvent('download');
    await page.getByTestId('send-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('S03-r2.parscore');
    const file = join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    await expect(page.getByTestId('sent-revision')).toHaveText('2');
    await expect(page.getByTestId('send-sent')).toContainText('Vòng 2');

    const verified = cli('submission', 'verify', file);
    expect(verified).toContain('Cơ quan S03 · đợt cchc-');
    expect(verified).toContain('lần gửi 2 · vòng 2');
    expect(verified).toContain('HỢP LỆ');
    cli('import', homeAffairs, file);
    const index = JSON.parse(readFileSync(join(homeAffairs, 'workspace.json'), 'utf8')) as { agencies: { code: string; status: string; submission?: { revision: number; round: number } }[] };
    expect(index.agencies.find((a) => a.code === 'S03')).toMatchObject({ status: 'explained', submission: { revision: 2, round: 2 } });
    // Both explanations arrived at Home Affairs, with the documents' details.
    const received = JSON.parse(readFileSync(join(homeAffairs, 'appraisals', 'S03.json'), 'utf8')) as { explanations: Record<string, { text: string; evidence: { docNo: string }[] }> };
    expect(Object.keys(received.explanations).sort()).toEqual(['1.1.1', '1.2']);
    expect(received.explanations['1.2']?.evidence.map((e) => e.docNo)).toEqual(['118/BC-STP']);

    // Back on the tree: still explained (the round is open until Home Affairs appraises round 2).
    await page.getByRole('button', { name: 'Trở lại cây tiêu chí' }).click();
    await expect(page.getByTestId('criteria-tree')).toBeVisible();

    // English.
    await resetLanguage(page, 'en');
    await page.reload();
    await page.locator('[role="treeitem"][data-item="1.2"]').click();
    await expect(page.getByTestId('item-panel').getByRole('heading', { name: 'Appraisal' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Receive the appraisal' })).toBeVisible();
    await screenshot(page, 'round2-explained-en');
    await expectAccessible(page);
    // By keyboard: the button opens the dialog, the drop zone takes the focus by Tab, Esc closes it.
    await page.getByTestId('appraisal-open').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Receive the appraisal from Home Affairs' })).toBeVisible();
    await screenshot(page, 'round2-import-en');
    await expectAccessible(page);
    const zone = page.getByRole('dialog').getByRole('button', { name: /Choose the appraisal file/ });
    for (let i = 0; i < 4 && !(await zone.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(zone).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    // A parent item has no appraisal block (its points are its leaves').
    await page.locator('[role="treeitem"][data-item="1.1"]').click();
    await expect(page.getByTestId('item-panel').getByTestId('appraisal-block')).toHaveCount(0);
    await page.getByTestId('send-open').click();
    await expect(page.getByTestId('send-round')).toContainText('Submission 3 · round 2');
    await screenshot(page, 'round2-send-en');
    await expectAccessible(page);
  });

  test('the self-assessment report downloads as a workbook with the agency’s name and the appraisal’s comments', async ({ page }) => {
    const download = await exportSelfReport(page);
    expect(download.suggestedFilename()).toBe('S03 - Sở Tư pháp.xlsx');
    const file = join(OUT, 'self-report.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const texts: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ''))));
    expect(texts.some((s) => s.includes('Sở Tư pháp'.toLocaleUpperCase('vi')) || s.includes('Sở Tư pháp'))).toBe(true);
    expect(texts).toContain(COMMENTS['1.2'].comment);
    await expect(page.getByText('Đã xuất báo cáo tự đánh giá: S03 - Sở Tư pháp.xlsx')).toBeVisible();
    await screenshot(page, 'round2-report-vi');
  });

  test('once Home Affairs sends the round-2 appraisal, the explanations are read-only and say why', async ({ page }) => {
    cli('appraisal', 'status', homeAffairs, 'S03', 'appraised_2');
    const final = join(OUT, 'S03-ket-qua.parscore');
    cli('appraisal', 'export', homeAffairs, 'S03', '--out', final);
    await importAppraisal(page, { name: 'S03-ket-qua.parscore', buffer: readFileSync(final) });
    await expect(page.getByRole('dialog').getByTestId('summary-status')).toHaveText('Đã thẩm định lần 2');
    await closeAppraisalDialog(page);
    await page.locator('[role="treeitem"][data-item="1.2"]').click();
    const panel = page.getByTestId('item-panel');
    await expect(panel.getByTestId('explain-closed')).toContainText('Sở Nội vụ đã gửi kết quả thẩm định cuối cùng');
    await expect(panel.getByTestId('explain-read-only')).toContainText('Kế hoạch được ban hành ngày 10/01');
    await expect(panel.getByTestId('explain-form')).toHaveCount(0);
    await screenshot(page, 'round2-closed-vi');
    await expectAccessible(page);
  });
});
