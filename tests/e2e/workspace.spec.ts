import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

// Screenshots land here for people to look at after a run.
const shots = join(import.meta.dirname, '..', '.artifacts', 'screenshots');
mkdirSync(shots, { recursive: true });

test('Home Affairs sees every agency of the demo province, filters by group and finds one by name', async ({ page }) => {
  await page.goto('/index.html');
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await expect(page.getByText('Xác định Chỉ số cải cách hành chính năm 2024 tỉnh Minh Sơn', { exact: true })).toBeVisible();
  const rows = page.locator('table.grid tbody tr');
  await expect(rows).toHaveCount(60);
  await page.screenshot({ path: join(shots, 'overview.png'), fullPage: false });

  await page.getByRole('tab', { name: 'Sở, ban, ngành' }).click();
  await expect(rows).toHaveCount(21);
  await page.getByRole('tab', { name: 'UBND cấp huyện' }).click();
  await expect(rows).toHaveCount(8);
  await page.getByRole('tab', { name: 'Tất cả' }).click();
  await page.getByRole('searchbox').fill('tư pháp');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Sở Tư pháp');
  await expect(rows.first()).toContainText(/\d+,\d{2}%/); // Vietnamese decimal comma
});

test('an agency officer answers a yes/no item and sees item, area and total update at once', async ({ page }) => {
  await page.goto('/index.html');
  await page.getByRole('searchbox').fill('Sở Tư pháp');
  await page.getByRole('button', { name: 'Sở Tư pháp' }).click();
  await expect(page.getByRole('heading', { name: /Sở Tư pháp/ })).toBeVisible();
  await expect(page.getByText('Bộ tiêu chí mẫu — thay bằng Quyết định của tỉnh')).toBeVisible();

  // The first yes/no item of the tree.
  const row = page.locator('tr[data-item]').filter({ has: page.getByRole('button', { name: 'Không', exact: true }) }).first();
  const code = await row.getAttribute('data-item');
  const max = (await row.locator('td.num').nth(1).innerText()).trim();
  await row.getByRole('button', { name: 'Có', exact: true }).click();
  await expect(row.locator('td.score')).toContainText(max);
  const totalWithYes = await page.getByTestId('total').innerText();

  await row.getByRole('button', { name: 'Không', exact: true }).click();
  await expect(row.locator('td.score')).toContainText('0,00');
  await expect(page.getByTestId('total')).not.toHaveText(totalWithYes);
  await page.screenshot({ path: join(shots, 'agency.png'), fullPage: false });

  // The choice was saved: reopening the agency shows it.
  await page.getByRole('button', { name: '← Danh sách' }).click();
  await page.getByRole('button', { name: 'Sở Tư pháp' }).click();
  await expect(page.locator(`tr[data-item="${code}"]`).getByRole('button', { name: 'Không', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('a score above the maximum is refused with a message naming the item', async ({ page }) => {
  await page.goto('/index.html');
  await page.getByRole('searchbox').fill('Sở Tư pháp');
  await page.getByRole('button', { name: 'Sở Tư pháp' }).click();
  const row = page.locator('tr[data-item]').filter({ has: page.getByRole('textbox', { name: 'Điểm' }) }).first();
  const code = (await row.getAttribute('data-item'))!;
  const before = (await row.locator('td.score').innerText()).trim();
  const field = row.getByRole('textbox', { name: 'Điểm' });
  await field.fill('999');
  await field.press('Enter');
  await expect(row.getByRole('alert')).toContainText(`mục ${code}`);
  await expect(row.locator('td.score')).toHaveText(before);
  await page.screenshot({ path: join(shots, 'agency-error.png'), fullPage: false });
});
