import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HOME_WORKSPACE, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot, useAgencyWorkspace } from './app.ts';

/**
 * Issue 13 point 7: in the agency's own workspace, "check before sending" lists what is missing
 * (each line opens the tree on its item), then the signed file is exported and verifies.
 */
test.describe('check before sending, in an agency workspace', () => {
  useAgencyWorkspace();

  test('a cleared answer is listed, its line opens the item, answering removes it; the export downloads a file that verifies', async ({ page }) => {
    const code = '1.1.1';
    const panel = page.getByTestId('item-panel');
    // Clear the item's answer.
    await page.locator(`[data-item="${code}"]`).click();
    await panel.getByRole('button', { name: 'Có', exact: true }).click();
    await expect(page.getByTestId('status-save')).toHaveText('Đã lưu');
    await panel.getByRole('button', { name: 'Xóa câu trả lời' }).click();
    await expect(page.getByTestId('status-save')).toHaveText('Đã lưu');

    await expect(page.getByTestId('deadline')).toHaveText(/^Hạn tự đánh giá \d{2}\/\d{2}\/\d{4} · còn \d+ ngày$/);
    await page.getByTestId('send-open').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kiểm tra trước khi gửi' })).toBeVisible();
    const line = page.locator(`[data-group="unanswered"] li[data-item="${code}"]`);
    await expect(line).toContainText(`Mục ${code} chưa trả lời`);
    // Where the agency stands, area by area (an ECharts bar chart, its figures also in words).
    const chart = page.getByTestId('area-chart');
    await expect(chart).toHaveAttribute('aria-label', /^Điểm tự chấm từng lĩnh vực so với điểm tối đa: 1\. Công tác chỉ đạo.* \d+,\d{2} \/ \d+,\d{2};/);
    await expect(chart.locator('svg text', { hasText: '1. Công tác chỉ đạo' }).first()).toBeVisible();
    await screenshot(page, 'send-check-vi');
    await expectAccessible(page);

    // The line opens the tree with that item selected.
    await line.getByRole('link').click();
    await expect(page.locator(`[role="treeitem"][data-item="${code}"]`)).toHaveAttribute('aria-selected', 'true');
    await expect(panel.getByRole('heading', { level: 2 })).toContainText(code);
    await panel.getByRole('button', { name: 'Có', exact: true }).click();
    await expect(page.getByTestId('status-save')).toHaveText('Đã lưu');

    await page.getByTestId('send-open').click();
    await expect(page.getByTestId('send-check')).toBeVisible();
    await expect(page.locator(`[data-group="unanswered"] li[data-item="${code}"]`)).toHaveCount(0);

    // Export: the browser downloads <agency>-r<revision>.parscore.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('send-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^S03-r\d+\.parscore$/);
    const dir = join(import.meta.dirname, '..', '.artifacts', 'e2e-send');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const sent = page.getByTestId('send-sent');
    await expect(sent).toBeVisible();
    await expect(page.getByTestId('sent-time')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await expect(page.getByTestId('sent-fingerprint')).toHaveText(/^[0-9a-f]{64}$/);
    const sha = await page.getByTestId('sent-sha').innerText();
    const revision = await page.getByTestId('sent-revision').innerText();
    expect(download.suggestedFilename()).toBe(`S03-r${revision}.parscore`);

    const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'parscore.mjs'), 'submission', 'verify', file], { encoding: 'utf8' });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    // What the screen says was sent is that file, signed with this agency's key.
    expect(createHash('sha256').update(readFileSync(file)).digest('hex').startsWith(sha)).toBe(true);
    expect(r.stdout).toContain(await page.getByTestId('sent-fingerprint').innerText());
    await screenshot(page, 'send-sent-vi');
    await expectAccessible(page);

    await resetLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Check before sending' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign and export' })).toBeVisible();
    await screenshot(page, 'send-check-en');
    await expectAccessible(page);
  });
});

test.describe('past the self-assessment deadline', () => {
  const root = join(import.meta.dirname, '..', '.artifacts', 'e2e-send-late');
  test.afterEach(async ({ page }) => {
    await openWorkspace(page, HOME_WORKSPACE);
  });

  test('the export is refused, and the reason is said at the button', async ({ page }) => {
    rmSync(root, { recursive: true, force: true });
    parscore('demo', join(root, 'so-noi-vu'), '--agencies', '12', '--seed', '2024', '--year', '2024', '--submissions', join(root, 'out'));
    await openApp(page);
    await openWorkspace(page, join(root, 'out', 'agencies', 'S03'));
    await page.reload();
    await page.getByTestId('send-open').click();
    const button = page.getByTestId('send-export');
    await expect(button).toBeDisabled();
    await expect(page.getByTestId('send-read-only')).toContainText('Đã quá hạn tự đánh giá (15/12/2024)');
    await expect(button).toHaveAttribute('aria-describedby', 'send-read-only');
    await expect(page.getByRole('heading', { level: 2, name: 'Không còn thiếu gì.' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'send-read-only-vi');

    // Back on the tree: read-only with the reason, and the offer to go on for a late submission.
    await page.goBack();
    await expect(page.getByTestId('read-only')).toContainText('Đã quá hạn tự đánh giá (15/12/2024)');
    await expect(page.getByTestId('deadline')).toHaveText(/^Hạn tự đánh giá 15\/12\/2024 · đã quá hạn \d+ ngày$/);
    const yes = page.getByTestId('item-panel').getByRole('button', { name: 'Có', exact: true });
    await page.locator('[role="treeitem"][data-item="1.1.1"]').click();
    await expect(yes).toBeDisabled();
    await page.getByTestId('continue-late').click();
    await expect(page.getByRole('tooltip')).toContainText('Đã quá hạn. Hồ sơ gửi sau hạn');
    await screenshot(page, 'late-offer-vi');
    await page.getByRole('tooltip').getByRole('button', { name: 'Tiếp tục, gửi muộn' }).click();
    await expect(page.getByTestId('late-entry')).toContainText('Đang nhập sau hạn: hồ sơ sẽ được gửi muộn.');
    await expect(page.getByTestId('read-only')).toHaveCount(0);
    await expect(yes).toBeEnabled();
    await expectAccessible(page);
    await screenshot(page, 'late-entry-vi');
    // And the export is open too, as a late submission.
    await page.getByTestId('send-open').click();
    await expect(page.getByTestId('send-export')).toBeEnabled();
    await expect(page.getByTestId('send-read-only')).toHaveCount(0);
  });
});
