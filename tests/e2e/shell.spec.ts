import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORIGIN, expectAccessible, openApp, resetLanguage, screenshot } from './app.ts';

const version = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

test.afterEach(async ({ page }) => {
  await resetLanguage(page, 'vi');
});

test('without the secret of the printed address the browser mode shows nothing', async ({ page }) => {
  const res = await page.goto('/index.html');
  expect(res?.status()).toBe(403);
  await expect(page.locator('#root')).toHaveCount(0);
  // The API too: no cookie, no answer.
  const api = await page.request.post('/ipc/workspace:summary', { data: {}, headers: { origin: ORIGIN } });
  expect(api.status()).toBe(403);
  // Opened with the secret, the address bar no longer shows it.
  await openApp(page);
  expect(page.url()).not.toContain('k=');
});

test('Home Affairs opens the demo and sees the application frame: menu bar and status bar', async ({ page }) => {
  await openApp(page);
  const menu = page.getByRole('navigation', { name: 'Thanh trình đơn' });
  for (const name of ['Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp']) await expect(menu.getByRole('menuitem', { name })).toBeVisible();
  const status = page.getByTestId('status-bar');
  await expect(status.getByTestId('status-workspace')).toHaveText('Sở Nội vụ tỉnh Minh Sơn');
  await expect(status.getByTestId('status-role')).toHaveText('Sở Nội vụ');
  await expect(status.getByTestId('status-campaign')).toHaveText('Xác định Chỉ số cải cách hành chính năm 2024 tỉnh Minh Sơn');
  await expect(status.getByTestId('status-save')).toHaveText('Chưa có thay đổi');

  // File › Recent workspaces lists the open one, checked.
  await menu.getByRole('menuitem', { name: 'Tệp' }).click();
  await page.getByRole('menuitem', { name: 'Thư mục làm việc gần đây' }).click();
  await expect(page.getByRole('menuitem', { name: /^✓ Sở Nội vụ tỉnh Minh Sơn .*e2e-workspace$/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // Ctrl+F goes to the search box from any screen; Alt+Home back to the list.
  await page.getByRole('button', { name: 'Sở Tư pháp' }).click();
  await expect(page.getByRole('heading', { name: /Sở Tư pháp/ })).toBeVisible();
  await page.keyboard.press('Alt+Home');
  await expect(page.getByTestId('agency-count')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox')).toBeFocused();
});

test('the user switches the window to English, it stays English after a reload, and switches back', async ({ page }) => {
  await openApp(page);
  await page.getByRole('menuitem', { name: 'Xem' }).click();
  await page.getByRole('menuitem', { name: /English/ }).click();
  await expect(page.getByRole('menuitem', { name: 'View' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Departments' })).toBeVisible();
  await expect(page.getByTestId('status-role')).toHaveText('Department of Home Affairs');
  await expect(page.getByTestId('agency-count')).toHaveText('60/60 agencies');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'View' })).toBeVisible();
  await expect(page.getByTestId('status-save')).toHaveText('No changes yet');
  // antd's own texts follow (the table's empty state).
  await page.getByRole('searchbox').fill('zzzz');
  await expect(page.getByRole('img', { name: 'No data' })).toBeVisible();

  // The switch in the status bar.
  await page.getByTestId('status-bar').getByText('VI', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Xem' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Trống' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Xem' })).toBeVisible();
});

test('Help › About shows the version of the app', async ({ page }) => {
  await openApp(page);
  await page.getByRole('menuitem', { name: 'Trợ giúp' }).click();
  await page.getByRole('menuitem', { name: 'Giới thiệu ParScore' }).click();
  const dialog = page.getByRole('dialog', { name: 'Giới thiệu ParScore' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('about-version')).toHaveText(`Phiên bản ${version}`);
  await expect(dialog).toContainText('Chế độ trình duyệt');
  await dialog.getByRole('button', { name: 'Đóng' }).filter({ hasText: 'Đóng' }).click();
  await expect(dialog).toBeHidden();
});

for (const lang of ['vi', 'en'] as const) {
  test(`every screen in ${lang === 'vi' ? 'Vietnamese' : 'English'}: a screenshot, and no serious accessibility violation`, async ({ page }) => {
    await openApp(page);
    await resetLanguage(page, lang);
    await page.reload();
    await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
    await expect(page.getByTestId('agency-row-S01')).toBeVisible();
    await screenshot(page, `overview-${lang}`);
    await expectAccessible(page);

    await page.getByTestId('agency-row-S02').getByRole('button').click();
    await expect(page.getByRole('treeitem').first()).toBeVisible();
    await screenshot(page, `agency-${lang}`);
    await expectAccessible(page);

    await page.getByRole('menuitem', { name: lang === 'vi' ? 'Trợ giúp' : 'Help' }).click();
    await page.getByRole('menuitem', { name: lang === 'vi' ? 'Giới thiệu ParScore' : 'About ParScore' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await screenshot(page, `about-${lang}`);
    await expectAccessible(page);
    await page.keyboard.press('Escape');

    await page.getByRole('menuitem', { name: lang === 'vi' ? 'Xem' : 'View' }).click();
    await screenshot(page, `menu-view-${lang}`);
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: lang === 'vi' ? 'Tệp' : 'File' }).click();
    await page.getByRole('menuitem', { name: lang === 'vi' ? 'Thư mục làm việc gần đây' : 'Recent workspaces' }).click();
    await screenshot(page, `menu-file-recent-${lang}`);
    await expectAccessible(page);
  });
}

test('when the back end stops answering, a banner says so; it goes when the back end answers again', async ({ page }) => {
  await openApp(page);
  await page.route('**/ipc/**', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Sở Tư pháp' }).click();
  await expect(page.getByTestId('backend-lost')).toContainText('Mất kết nối với phần xử lý của ParScore');
  // The screen says the same in words, not the browser's "Failed to fetch".
  await expect(page.getByRole('main')).toContainText('Mất kết nối với phần xử lý của ParScore');
  await expect(page.getByRole('main')).not.toContainText('fetch');
  await page.unroute('**/ipc/**');
  await page.getByRole('menuitem', { name: 'Xem' }).click();
  await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click(); // any call that reaches the back end
  await expect(page.getByTestId('backend-lost')).toBeHidden();
});
