import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ORIGIN, openApp } from './app.ts';

const other = join(import.meta.dirname, '..', '.artifacts', 'e2e-other-workspace');
const origin = { origin: ORIGIN };
const home = join(import.meta.dirname, '..', '.artifacts', 'e2e-workspace');

// Whatever happens in the story, the next tests find the server on the e2e workspace again.
test.afterEach(async ({ page }) => {
  await page.request.post('/ipc/workspace:open', { data: { path: home }, headers: origin });
});

test('File › Recent workspaces: the user goes back to the workspace opened before', async ({ page }) => {
  // Arrange: a second, smaller province workspace, opened once before (so it is in the list).
  const made = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'parscore.mjs'), 'demo', other, '--agencies', '12', '--seed', '7', '--if-missing'], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  await openApp(page);
  const current = ((await (await page.request.post('/ipc/app:info', { data: {}, headers: origin })).json()) as { value: { workspacePath: string } }).value.workspacePath;
  expect(current).toBe(home);
  expect((await (await page.request.post('/ipc/workspace:open', { data: { path: other }, headers: origin })).json()).ok).toBe(true);
  await page.reload();
  await expect(page.getByTestId('agency-count')).toHaveText('12/12 cơ quan, đơn vị');

  // Act: the menu.
  await page.getByRole('menuitem', { name: 'Tệp' }).click();
  await page.getByRole('menuitem', { name: 'Thư mục làm việc gần đây' }).click();
  await expect(page.getByRole('menuitem', { name: new RegExp(`✓.*${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toBeVisible();
  await page.getByRole('menuitem', { name: new RegExp(home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await expect(page.getByTestId('agency-count')).toHaveText('60/60 cơ quan, đơn vị');
  await expect(page.getByTestId('status-workspace')).toHaveText('Sở Nội vụ tỉnh Minh Sơn');
});
