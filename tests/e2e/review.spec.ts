import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOME_WORKSPACE, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot } from './app.ts';
import { appraiseItem, closeExportAll, exportAllRound1, exportRound1, lockAgency, markFalsified, nextItem, openReview, selectItem, setStatus, typeScore } from './steps/review.ts';

/**
 * Issue 14 point 3: Home Affairs appraises an agency in the window, in two rounds. On the demo
 * cycle: S03's submission imported (CLI); round 1 appraised by keyboard (scores, comments, a bonus,
 * one score refused over the item's max at the field); the round-1 file exported for S03 and for
 * every appraised agency into a folder (read back by the agency with `parscore appraisal import`;
 * a second export into the same folder refused until replacing is asked); the agency explains one
 * item and changes another (CLI) and sends revision 2, which Home Affairs imports (CLI); round 2
 * shows both items tagged and filterable with the explanation and its extra document; appraised,
 * locked, read only after.
 */
const ROOT = join(import.meta.dirname, '..', '.artifacts', 'e2e-review');
const HA = join(ROOT, 'so-noi-vu');
const OUT = join(ROOT, 'out');
const AGENCY = join(OUT, 'agencies', 'S03');

test.describe('Home Affairs appraises an agency, two rounds, lock', () => {
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(() => {
    rmSync(ROOT, { recursive: true, force: true });
    parscore('demo', HA, '--agencies', '12', '--seed', '2024', '--submissions', OUT);
    parscore('import', HA, join(OUT, 'S03-r1.parscore'), join(OUT, 'S02-r1.parscore'));
    // Another agency appraised in round 1 on the command line: "all appraised" writes two files.
    parscore('appraisal', 'set', HA, 'S02', '1.1.1', '0', '--comment', 'Chưa có kế hoạch.');
    parscore('appraisal', 'status', HA, 'S02', 'appraised_1');
  });
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HA);
    await page.reload();
  });
  test.afterEach(async ({ page }) => {
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HOME_WORKSPACE);
  });

  test('round 1 by keyboard, the round-1 files, round 2 highlighted, lock', async ({ page }) => {
    // The whole two-round story in one test (each step builds on the last): longer than the default minute on a shared machine.
    test.setTimeout(240_000);
    await openReview(page, 'S03');
    await expect(page.getByTestId('review-status')).toHaveText('Đã nộp');
    await expect(page.getByTestId('review-total-survey')).toHaveText('Chưa nhập khảo sát');
    const self = await page.getByTestId('review-total-self').innerText();
    await expect(page.getByTestId('review-total-appraised')).toHaveText(self);
    await screenshot(page, 'review-round1-vi');
    await expectAccessible(page);

    // The panel side by side: the agency's answer, its documents (opened: a download here), the score field.
    await selectItem(page, '1.2');
    const panel = page.getByTestId('review-panel');
    await expect(panel.getByTestId('review-self-input')).toHaveText('297/297 (100,00%)');
    await expect(panel.getByTestId('review-docs').getByTestId('review-doc')).toHaveCount(2);
    const opening = page.waitForEvent('download');
    await panel.getByTestId('review-doc-open').first().click();
    expect((await opening).suggestedFilename()).toBeTruthy();

    // Round 1 by keyboard: a score over the item's max refused at the field (nothing saved), then scores and comments item after item.
    await typeScore(page, '1.2', '5');
    await expect(panel.getByTestId('review-score-error')).toHaveText('Điểm thẩm định 5 vượt điểm tối đa 3 của tiêu chí.');
    await expect(panel.getByRole('textbox').first()).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('review-status')).toHaveText('Đã nộp');
    await screenshot(page, 'review-score-refused-vi');
    await appraiseItem(page, '1.2', '2', 'Tỷ lệ văn bản đúng hạn chưa có minh chứng đầy đủ.');
    await expect(page.getByTestId('review-status')).toHaveText('Đang thẩm định');
    await selectItem(page, '1.1.2');
    await appraiseItem(page, '1.1.2', 0, 'Thiếu quyết định ban hành kế hoạch.');
    await nextItem(page);
    await expect(panel).toHaveAttribute('data-item', '1.2');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('review-tree')).toBeFocused();
    await expect(page.getByTestId('review-tree').locator('[data-item="1.1.2"] [data-testid="tree-appraised"]')).toContainText('TĐ 0,00');

    // A bonus within its cap (said at the field); one over the entry's max refused there.
    await page.getByTestId('review-adj-box').locator('summary').click();
    const th1 = page.getByTestId('review-adj-bonus-TH1');
    await th1.getByRole('textbox').fill('1,5');
    await th1.getByRole('textbox').press('Enter');
    await expect(th1.getByTestId('review-adj-error')).toBeVisible();
    await th1.getByRole('textbox').fill('1');
    await th1.getByRole('textbox').press('Enter');
    await expect(page.getByTestId('review-total-adjust')).toHaveText('+1,00 / −0,00');
    await expect(page.getByTestId('review-adj-bonus-cap')).toHaveText('cả khối tối đa 2,00, đã cho 1,00');
    await screenshot(page, 'review-adjustments-vi');
    await expectAccessible(page);

    // The falsified-evidence mark: refused without its reason (at the field), then set and withdrawn.
    await markFalsified(page, true, '');
    await expect(page.getByTestId('review-falsified-error')).toHaveText('Cần ghi lý do cho thay đổi này.');
    await markFalsified(page, true, 'Thông báo 218/TB-STP sửa ngày ban hành.');
    await screenshot(page, 'review-falsified-vi');
    await markFalsified(page, false, 'Đã đối chiếu bản gốc: đúng.');

    // Round 1 closed; reopening it wants a reason (said at the field), then closed again.
    await setStatus(page, 'appraised_1', '');
    await expect(page.getByTestId('review-status')).toHaveText('Đã thẩm định lần 1');
    const statusForm = page.getByTestId('review-status-form');
    await statusForm.getByRole('combobox').click();
    await page.getByTestId('review-status-option-appraising').click();
    await statusForm.getByTestId('review-status-apply').click();
    await expect(statusForm.getByTestId('review-status-error')).toHaveText('Cần ghi lý do cho thay đổi này.');
    await screenshot(page, 'review-status-reason-vi');
    await expectAccessible(page);
    await statusForm.getByTestId('review-status-reason').fill('Xem lại điểm mục 1.2.');
    await statusForm.getByTestId('review-status-apply').click();
    await expect(page.getByTestId('review-status')).toHaveText('Đang thẩm định');
    await setStatus(page, 'appraised_1', '');

    // Its file for S03, read back by the agency.
    const download = await exportRound1(page);
    expect(download.suggestedFilename()).toBe('S03-tham-dinh-lan-1.parscore');
    const one = join(ROOT, 'S03-tham-dinh-lan-1.parscore');
    await download.saveAs(one);
    expect(parscore('appraisal', 'import', AGENCY, one)).toContain('Tỷ lệ văn bản đúng hạn chưa có minh chứng đầy đủ.');

    // Every appraised agency into a folder: the summary; again into the same folder refused by name until replacing is asked.
    const folder = join(ROOT, 'vong-1');
    await exportAllRound1(page, folder);
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('review-export-file')).toHaveCount(2);
    await expect(dialog.getByTestId('review-export-summary')).toContainText('Đã ghi 2 tệp');
    await screenshot(page, 'review-export-all-vi');
    await expectAccessible(page);
    await closeExportAll(page);
    expect(parscore('appraisal', 'import', AGENCY, join(folder, 'S03-tham-dinh-lan-1.parscore'))).toContain('Thiếu quyết định ban hành kế hoạch.');
    await exportAllRound1(page, folder);
    await expect(dialog.getByTestId('review-export-folder-error')).toContainText('S02-tham-dinh-lan-1.parscore, S03-tham-dinh-lan-1.parscore');
    await screenshot(page, 'review-export-exists-vi');
    await dialog.getByTestId('review-export-overwrite').click();
    await expect(dialog.getByTestId('review-export-summary')).toContainText('Đã ghi 2 tệp');
    await closeExportAll(page);

    // The agency explains 1.1.2 with a document, changes its answer to 1.1.1, sends revision 2; Home Affairs imports it.
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    const pdf = join(ROOT, 'docs', 'qd-15.pdf');
    writeFileSync(pdf, '%PDF-1.4\n% quyết định 15\n');
    parscore('appraisal', 'explain', AGENCY, '1.1.2', '--text', 'Kế hoạch ban hành theo Quyết định 15/QĐ-STP, gửi kèm.', '--evidence', pdf, '--doc-no', '15/QĐ-STP');
    parscore('item', 'set', AGENCY, '1.1.1', 'yes');
    parscore('submission', 'export', AGENCY, 'S03', '--out', join(ROOT, 'S03-r2.parscore'));
    // The window holds Home Affairs' workspace for writing: it opens another while the CLI imports.
    await openWorkspace(page, HOME_WORKSPACE);
    parscore('import', HA, join(ROOT, 'S03-r2.parscore'));
    await openWorkspace(page, HA);

    // Round 2: both items tagged, the filter shows just them, the explanation and its extra document in the panel.
    await page.reload();
    await openReview(page, 'S03');
    await expect(page.getByTestId('review-status')).toHaveText('Đã giải trình');
    const tree = page.getByTestId('review-tree');
    await expect(tree.locator('[data-item="1.1.2"] [data-testid="review-tag-explained"]')).toHaveText('Đã giải trình');
    await expect(tree.locator('[data-item="1.1.1"] [data-testid="review-tag-changed"]')).toHaveText('Đã thay đổi');
    await page.getByTestId('review-filter-round2').click();
    await expect(tree.locator('[role="treeitem"]:not([aria-expanded])')).toHaveCount(2);
    await selectItem(page, '1.1.2');
    await expect(panel.getByTestId('review-explanation-text')).toHaveText('Kế hoạch ban hành theo Quyết định 15/QĐ-STP, gửi kèm.');
    await expect(panel.getByTestId('review-extra-docs').getByTestId('review-doc')).toContainText('15/QĐ-STP');
    await screenshot(page, 'review-round2-vi');
    await expectAccessible(page);
    const extra = page.waitForEvent('download');
    await panel.getByTestId('review-extra-docs').getByTestId('review-doc-open').click();
    expect((await extra).suggestedFilename()).toBe('qd-15.pdf');

    // Round 2 appraised, then locked behind its confirmation: read only, the reason said once.
    await appraiseItem(page, '1.1.2', 1, 'Đã đủ tài liệu sau giải trình.');
    await setStatus(page, 'appraised_2', '');
    await expect(page.getByTestId('review-status')).toHaveText('Đã thẩm định lần 2');
    await page.getByTestId('review-lock').click();
    await expect(page.getByRole('dialog').getByTestId('review-lock-warning')).toBeVisible();
    await screenshot(page, 'review-lock-confirm-vi');
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    await lockAgency(page);
    await expect(page.getByTestId('review-status')).toHaveText('Đã chốt');
    await expect(page.getByTestId('review-read-only')).toHaveCount(1);
    await expect(page.getByTestId('review-read-only')).toContainText('đã được chốt');
    await expect(panel.getByRole('textbox').first()).toBeDisabled();
    await expect(panel.getByTestId('review-comment')).toBeDisabled();
    await expect(page.getByTestId('review-lock')).toHaveCount(0);
    await expect(page.getByTestId('review-status-form')).toHaveCount(0);
    await screenshot(page, 'review-locked-vi');
    await expectAccessible(page);
    const log = parscore('appraisal', 'log', HA, '--agency', 'S03');
    expect(log).toContain('→ Đã chốt');
    expect(log).toContain('Xem lại điểm mục 1.2.');
    expect(log).toContain('Thông báo 218/TB-STP sửa ngày ban hành.');

    // The same screens in English.
    await resetLanguage(page, 'en');
    await page.reload();
    await openReview(page, 'S03');
    await expect(page.getByTestId('review-status')).toHaveText('Locked');
    await screenshot(page, 'review-locked-en');
    await expectAccessible(page);
    await page.getByTestId('review-filter-round2').click();
    await selectItem(page, '1.1.2');
    await screenshot(page, 'review-round2-en');
    await page.getByTestId('review-export-all').click();
    await screenshot(page, 'review-export-all-en');
    await expectAccessible(page);
  });

  test('an agency appraised in round 1 on the command line, in English; its file in the folder', async ({ page }) => {
    await resetLanguage(page, 'en');
    await page.reload();
    await openReview(page, 'S02');
    await expect(page.getByTestId('review-status')).toHaveText('Appraised (round 1)');
    await screenshot(page, 'review-round1-en');
    await expectAccessible(page);
    expect(readFileSync(join(ROOT, 'vong-1', 'S02-tham-dinh-lan-1.parscore')).length).toBeGreaterThan(0);
  });
});
