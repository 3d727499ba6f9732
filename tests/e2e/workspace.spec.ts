import { expect, test } from '@playwright/test';
import { openApp, useAgencyWorkspace } from './app.ts';

test('Home Affairs sees every agency of the demo province, filters by group and finds one by name', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('status-campaign')).toHaveText('Xác định Chỉ số cải cách hành chính năm 2024 tỉnh Minh Sơn');
  const count = page.getByTestId('agency-count');
  await expect(count).toHaveText('60/60 cơ quan, đơn vị');
  await expect(page.getByTestId('agency-row-S01')).toBeVisible();

  await page.getByRole('tab', { name: 'Sở, ban, ngành' }).click();
  await expect(count).toHaveText('21/60 cơ quan, đơn vị');
  await page.getByRole('tab', { name: 'UBND cấp huyện' }).click();
  await expect(count).toHaveText('8/60 cơ quan, đơn vị');
  await page.getByRole('tab', { name: 'Tất cả' }).click();
  await page.getByRole('searchbox').fill('tư pháp');
  await expect(count).toHaveText('1/60 cơ quan, đơn vị');
  const row = page.locator('[data-testid^="agency-row-"]');
  await expect(row).toHaveCount(1);
  await expect(row.first()).toContainText('Sở Tư pháp');
  await expect(row.first()).toContainText(/\d+,\d{2}%/); // Vietnamese decimal comma
  // Typed without diacritics, as on a keyboard without a Vietnamese input method.
  await page.getByRole('searchbox').fill('tu phap');
  await expect(count).toHaveText('1/60 cơ quan, đơn vị');
});

// Self inputs are entered in the agency's own workspace (a Home Affairs workspace shows them read-only: integrity.spec.ts).
test.describe('in an agency workspace', () => {
  useAgencyWorkspace();

  // An agency workspace opens straight on its own criteria tree.
  test('an agency officer answers a yes/no item and sees item, area and total update at once', async ({ page }) => {
    await expect(page.getByRole('heading', { name: /Sở Tư pháp/ })).toBeVisible();
    await expect(page.getByText('Bộ tiêu chí mẫu — thay bằng Quyết định của tỉnh')).toBeVisible();

    // The first yes/no item of the tree, chosen with the mouse.
    const code = '1.1.1';
    await page.locator(`[data-item="${code}"]`).click();
    const panel = page.getByTestId('item-panel');
    await expect(panel.getByRole('heading', { level: 2 })).toContainText(code);
    const max = await panel.getByTestId('panel-max').innerText();
    await panel.getByRole('button', { name: 'Có', exact: true }).click();
    await expect(panel.getByTestId('panel-score')).toHaveText(max);
    await expect(page.locator(`[data-item="${code}"] .tree-score`)).toContainText(max);
    await expect(page.getByTestId('status-save')).toHaveText('Đã lưu');
    const totalWithYes = await page.getByTestId('total').innerText();

    await panel.getByRole('button', { name: 'Không', exact: true }).click();
    await expect(panel.getByTestId('panel-score')).toHaveText('0,00');
    await expect(page.getByTestId('total')).not.toHaveText(totalWithYes);

    // The choice was saved: a reload shows it.
    await page.reload();
    await page.locator(`[data-item="${code}"]`).click();
    await expect(panel.getByRole('button', { name: 'Không', exact: true })).toHaveAttribute('aria-pressed', 'true');
  });

  test('a score above the maximum is refused with a message naming the item', async ({ page }) => {
    const code = '1.1.2';
    await page.locator(`[data-item="${code}"]`).click();
    const panel = page.getByTestId('item-panel');
    const before = await panel.getByTestId('panel-score').innerText();
    const field = panel.getByRole('textbox', { name: 'Điểm' });
    await field.fill('999');
    await field.press('Enter');
    await expect(panel.getByRole('alert')).toContainText(`mục ${code}`);
    await expect(panel.getByTestId('panel-score')).toHaveText(before);
    await expect(field).toHaveValue('999');
    await expect(page.getByTestId('status-save')).toHaveText('Lưu không được');
  });
});
