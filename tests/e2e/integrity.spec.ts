import { expect, test } from '@playwright/test';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOME_WORKSPACE, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot } from './app.ts';

test.afterEach(async ({ page }) => {
  await resetLanguage(page, 'vi');
});

test('Home Affairs opens a received self-assessment: the inputs are read-only and the reason is said once', async ({ page }) => {
  await openApp(page);
  await page.getByRole('searchbox').fill('Sở Tư pháp');
  await page.getByRole('button', { name: 'Sở Tư pháp' }).click();
  // Home Affairs' link opens the appraisal; the agency's own screen is one click further.
  await page.getByTestId('review-self-view').click();
  await expect(page.getByRole('heading', { name: /Sở Tư pháp/ })).toBeVisible();

  const notice = page.getByTestId('read-only');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('Chỉ xem');
  await expect(notice).toContainText('là hồ sơ có chữ ký của cơ quan; Sở Nội vụ không sửa được phần tự đánh giá, chỉ chấm điểm thẩm định');
  // Every self input is disabled in the item panel: a yes/no, a score field, the clear action.
  const panel = page.getByTestId('item-panel');
  await page.locator('[data-item="1.1.1"]').click();
  await expect(panel.getByRole('button', { name: 'Có', exact: true })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Không', exact: true })).toBeDisabled();
  // The agency's answer stays visible: the chosen button is still marked, only disabled.
  await expect(panel.locator('button[aria-pressed="true"]')).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Xóa câu trả lời' })).toBeDisabled();
  await page.locator('[data-item="1.1.2"]').click();
  await expect(panel.getByRole('textbox', { name: 'Điểm' })).toBeDisabled();
  // Nothing is offered as saved or failed: nothing was sent.
  await expect(page.getByTestId('status-save')).toHaveText('Chưa có thay đổi');
  await expectAccessible(page);
  await screenshot(page, 'integrity-read-only-vi');

  await resetLanguage(page, 'en');
  await page.reload();
  await expect(page.getByTestId('read-only')).toContainText('Read-only');
  await expect(page.getByTestId('read-only')).toContainText('signed submission');
  await screenshot(page, 'integrity-read-only-en');
});

test.describe('a damaged assessment file', () => {
  const dir = join(import.meta.dirname, '..', '.artifacts', 'e2e-damaged-workspace');
  test.afterEach(async ({ page }) => {
    await openWorkspace(page, HOME_WORKSPACE);
  });

  test('marks that agency in the overview with what to do; every other agency is still listed', async ({ page }) => {
    // Arrange: a small province, one agency's file cut short (as a failing disk or a copy interrupted leaves it).
    rmSync(dir, { recursive: true, force: true });
    parscore('demo', dir, '--agencies', '12', '--seed', '7');
    const victim = readdirSync(join(dir, 'assessments')).filter((n) => n.endsWith('.json')).sort()[0]!.replace(/\.json$/, '');
    writeFileSync(join(dir, 'assessments', `${victim}.json`), '{"kind":"parscore.assessment","items":{');
    await openApp(page);
    await openWorkspace(page, dir);
    await page.reload();

    await expect(page.getByTestId('agency-count')).toHaveText('12/12 cơ quan, đơn vị');
    const mark = page.getByTestId(`agency-problem-${victim}`);
    await expect(mark).toHaveText('⚠ Tệp hỏng');
    await expect(page.locator('[data-testid^="agency-problem-"]')).toHaveCount(1);
    // Another agency's row still shows its scores.
    await expect(page.locator('[data-testid^="agency-row-"]').filter({ hasNotText: 'Tệp hỏng' }).filter({ hasText: /\d+,\d{2}%/ }).first()).toBeVisible();
    // What is wrong and what to do, on focus (keyboard) as on hover.
    await mark.focus();
    const tip = page.getByRole('tooltip');
    await expect(tip).toContainText(`assessments/${victim}.json`);
    await expect(tip).toContainText('parscore import');
    await expectAccessible(page);
    await screenshot(page, 'integrity-damaged-row-vi');
  });
});

test.describe('an agency workspace past the self-assessment deadline', () => {
  const root = join(import.meta.dirname, '..', '.artifacts', 'e2e-late-cycle');
  test.afterEach(async ({ page }) => {
    await openWorkspace(page, HOME_WORKSPACE);
  });

  test('the officer sees the self-assessment read-only, with the date of the deadline, said once', async ({ page }) => {
    // Arrange: the 2024 campaign (self-assessments due 15/12/2024), the agency's own workspace.
    rmSync(root, { recursive: true, force: true });
    parscore('demo', join(root, 'so-noi-vu'), '--agencies', '12', '--seed', '2024', '--year', '2024', '--submissions', join(root, 'out'));
    await openApp(page);
    await openWorkspace(page, join(root, 'out', 'agencies', 'S03'));
    await page.reload();
    // The agency's own workspace opens on its tree.
    await expect(page.getByRole('heading', { name: /Sở Tư pháp/ })).toBeVisible();
    const notice = page.getByTestId('read-only');
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText('Đã quá hạn tự đánh giá (15/12/2024)');
    await page.locator('[data-item="1.1.1"]').click();
    await expect(page.getByTestId('item-panel').getByRole('button', { name: 'Có', exact: true })).toBeDisabled();
    await expectAccessible(page);
    await screenshot(page, 'integrity-past-deadline-vi');
  });
});
