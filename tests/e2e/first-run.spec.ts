import { expect, test } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOME_WORKSPACE, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot } from './app.ts';
import { chooseAgency, closeWorkspace, createHomeAffairs, fillCreateHomeAffairs, joinCampaign, openDemo, openFolder, pickCampaignFile } from './steps/first-run.ts';

const ROOT = join(import.meta.dirname, '..', '.artifacts', 'e2e-first-run');

/** Screenshot in Vietnamese, then the same state in English (the language switched and the page reloaded). */
async function bothLanguages(page: import('@playwright/test').Page, name: string, check?: () => Promise<void>): Promise<void> {
  await expectAccessible(page);
  await screenshot(page, `${name}-vi`);
  await resetLanguage(page, 'en');
  await page.reload();
  await check?.();
  await expectAccessible(page);
  await screenshot(page, `${name}-en`);
  await resetLanguage(page, 'vi');
  await page.reload();
}

test.describe('first run', () => {
  test.beforeAll(() => {
    rmSync(ROOT, { recursive: true, force: true });
    mkdirSync(ROOT, { recursive: true });
  });
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HOME_WORKSPACE);
    await page.reload();
  });
  test.afterEach(async ({ page }) => {
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HOME_WORKSPACE);
  });

  test('with no workspace open the window shows the start screen, also after a reload', async ({ page }) => {
    await closeWorkspace(page);
    await expect(page.getByRole('heading', { name: 'Bắt đầu với ParScore' })).toBeVisible();
    await expect(page.getByTestId('status-workspace')).toHaveText('chưa mở thư mục nào');
    for (const name of ['Tạo thư mục làm việc của Sở Nội vụ', 'Tham gia đợt đánh giá', 'Mở thư mục làm việc', 'Mở bản trình diễn']) {
      await expect(page.getByRole('button', { name })).toBeVisible();
    }
    // The recent list has the workspace just closed.
    await expect(page.getByTestId('start-recent').first()).toContainText(HOME_WORKSPACE);
    await page.reload();
    await expect(page.getByTestId('start-screen')).toBeVisible();
    // Keyboard: Tab reaches the first choice, Enter opens it, Esc closes it.
    await page.getByTestId('start-create').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await bothLanguages(page, 'first-run-start', async () => {
      await expect(page.getByRole('heading', { name: 'Getting started with ParScore' })).toBeVisible();
    });
  });

  test('create a Home Affairs workspace: errors at the field, then the overview says what comes next; back to the start', async ({ page }) => {
    await closeWorkspace(page);
    // A parent folder that does not exist: said at the folder field, nothing created.
    await fillCreateHomeAffairs(page, join(ROOT, 'khong-co', 'so-noi-vu'), 'Sở Nội vụ tỉnh Hà Giang');
    const error = page.getByTestId('create-folder-error');
    await expect(error).toContainText(`Không có thư mục ${join(ROOT, 'khong-co')}`);
    expect(existsSync(join(ROOT, 'khong-co'))).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'first-run-create-error-vi');
    await page.getByRole('button', { name: 'Hủy' }).click();
    await resetLanguage(page, 'en');
    await page.reload();
    await fillCreateHomeAffairs(page, join(ROOT, 'khong-co', 'so-noi-vu'), 'Sở Nội vụ tỉnh Hà Giang', 'en');
    await expect(error).toContainText(`There is no folder ${join(ROOT, 'khong-co')}`);
    await screenshot(page, 'first-run-create-error-en');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await resetLanguage(page, 'vi');
    await page.reload();

    const folder = join(ROOT, 'so-noi-vu-ha-giang');
    await createHomeAffairs(page, folder, 'Sở Nội vụ tỉnh Hà Giang');
    await expect(page.getByTestId('next-step')).toContainText('Bước tiếp theo: thiết lập đợt đánh giá');
    await expect(page.getByTestId('status-workspace')).toHaveText('Sở Nội vụ tỉnh Hà Giang');
    await bothLanguages(page, 'first-run-created', async () => {
      await expect(page.getByTestId('next-step')).toContainText('Next step: set up the campaign');
    });
    await closeWorkspace(page);
    await expect(page.getByTestId('start-recent').first()).toContainText('Sở Nội vụ tỉnh Hà Giang');
  });

  test('join a campaign from its file: what it holds, the agency found without diacritics, then its own screen', async ({ page }) => {
    const cycle = join(ROOT, 'cycle');
    parscore('demo', join(cycle, 'so-noi-vu'), '--agencies', '12', '--seed', '2024', '--submissions', join(cycle, 'out'));
    const file = join(cycle, 'out', 'agencies', 'campaign.parscore');
    await closeWorkspace(page);

    // A file that is not a campaign file: the reason at the file field, in words.
    const bad = join(ROOT, 'khong-phai.parscore');
    cpSync(join(import.meta.dirname, '..', '..', 'package.json'), bad);
    await pickCampaignFile(page, bad);
    await expect(page.getByTestId('join-file-error')).toContainText('khong-phai.parscore');
    await expect(page.getByTestId('join-info')).toHaveCount(0);
    await screenshot(page, 'first-run-join-bad-file-vi');
    await page.getByRole('button', { name: 'Hủy' }).click();

    await pickCampaignFile(page, file);
    const info = page.getByTestId('join-info');
    await expect(info).toContainText('SỞ NỘI VỤ');
    await expect(info).toContainText('12 cơ quan, đơn vị');
    await expect(page.getByTestId('join-fingerprint')).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    await chooseAgency(page, 'so tu phap', 'Sở Tư pháp');
    await expect(page.getByRole('dialog').getByLabel('Thư mục', { exact: true })).toHaveValue(/S03$/);
    await expectAccessible(page);
    await screenshot(page, 'first-run-join-vi');
    await page.getByRole('button', { name: 'Hủy' }).click();
    // The same in English: a bad file, then the good one.
    await resetLanguage(page, 'en');
    await page.reload();
    await pickCampaignFile(page, bad, 'en');
    await expect(page.getByTestId('join-file-error')).toContainText('khong-phai.parscore');
    await screenshot(page, 'first-run-join-bad-file-en');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await pickCampaignFile(page, file, 'en');
    await expect(info).toContainText('12 agencies');
    await chooseAgency(page, 'tu phap', 'Sở Tư pháp', 'en');
    await expectAccessible(page);
    await screenshot(page, 'first-run-join-en');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await resetLanguage(page, 'vi');
    await page.reload();

    await joinCampaign(page, file, 'Sở Tư pháp', join(ROOT, 'so-tu-phap'));
    expect(readdirSync(join(ROOT, 'so-tu-phap'))).toContain('workspace.json');
    await bothLanguages(page, 'first-run-joined', async () => {
      await expect(page.getByRole('heading', { name: 'Sở Tư pháp' })).toBeVisible();
    });
  });

  test('open the demo', async ({ page }) => {
    await closeWorkspace(page);
    await openDemo(page);
    await expect(page.getByTestId('agency-count')).toHaveText('150/150 cơ quan, đơn vị');
    await bothLanguages(page, 'first-run-demo', async () => {
      await expect(page.getByTestId('agency-count')).toHaveText('150/150 agencies');
    });
    // Once made, the demo opens again without being written anew.
    await closeWorkspace(page);
    await openDemo(page);
    await expect(page.getByTestId('agency-count')).toHaveText('150/150 cơ quan, đơn vị');
  });

  test('a workspace copied while it was open opens with the explanation, which can be dismissed for the session', async ({ page }) => {
    // The server holds the e2e workspace: a copy made now carries its lock.
    const copy = join(ROOT, 'ban-sao');
    rmSync(copy, { recursive: true, force: true });
    cpSync(HOME_WORKSPACE, copy, { recursive: true });
    await closeWorkspace(page);
    await openFolder(page, copy);
    const notice = page.getByTestId('notice').filter({ hasText: 'được sao chép từ' });
    await expect(notice).toContainText(`Thư mục làm việc ${copy} được sao chép từ ${HOME_WORKSPACE} trong lúc đang mở trên máy`);
    await expect(notice).toContainText('Hãy kiểm tra đây đúng là bản cần làm việc');
    await expect(page.getByTestId('agency-count')).toBeVisible();
    await bothLanguages(page, 'first-run-copied', async () => {
      await expect(page.getByTestId('notice').filter({ hasText: 'was copied from' })).toBeVisible();
    });
    await page.getByRole('button', { name: 'Đã xem, ẩn thông báo này' }).click();
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('agency-count')).toBeVisible();
    await expect(page.getByTestId('notice')).toHaveCount(0);
  });

  test('a workspace open on another computer is refused with the computer and what to do; "Open anyway" only after the warning', async ({ page }) => {
    const dir = join(ROOT, 'may-khac');
    rmSync(dir, { recursive: true, force: true });
    cpSync(HOME_WORKSPACE, dir, { recursive: true });
    // The lock as that computer wrote it for this very folder: its path and the lock file's own inode.
    const lock = join(dir, '.parscore.lock');
    const holder = { pid: 4321, hostname: 'MAY-PHONG-CCHC', startedAt: '2026-11-20T02:30:00.000Z', dir: realpathSync(dir) };
    writeFileSync(lock, JSON.stringify(holder));
    writeFileSync(lock, JSON.stringify({ ...holder, ino: statSync(lock).ino }));
    await closeWorkspace(page);
    await openFolder(page, dir);
    await expect(page.getByTestId('open-folder-error')).toContainText('đang được mở trên máy MAY-PHONG-CCHC');
    await expect(page.getByTestId('open-folder-error')).toContainText('Hãy đóng ParScore trên máy MAY-PHONG-CCHC rồi mở lại');
    await page.getByTestId('open-anyway').click();
    await expect(page.getByText('Chỉ mở khi chắc chắn ParScore ở máy kia đã tắt.')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'first-run-locked-elsewhere-vi');
    await page.getByTestId('open-anyway-confirm').click();
    await expect(page.getByTestId('notice').filter({ hasText: 'đã được mở dù tệp khóa cho biết nó đang mở trên máy MAY-PHONG-CCHC' })).toBeVisible();
    await screenshot(page, 'first-run-forced-vi');
  });

  test('a repair notice names the agency and its file, and can be dismissed for the session', async ({ page }) => {
    const dir = join(ROOT, 'tep-hong');
    rmSync(dir, { recursive: true, force: true });
    parscore('demo', dir, '--agencies', '12', '--seed', '7');
    const victim = readdirSync(join(dir, 'assessments')).filter((n) => n.endsWith('.json')).sort()[0]!.replace(/\.json$/, '');
    writeFileSync(join(dir, 'assessments', `${victim}.json`), '{"kind":"parscore.assessment","items":{');
    await openWorkspace(page, dir);
    await page.reload();
    const notice = page.getByTestId('notice').filter({ hasText: `(${victim}) — tệp assessments/${victim}.json: ` });
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText('Chi tiết: Tệp không phải JSON hợp lệ');
    await bothLanguages(page, 'first-run-repair-notice', async () => {
      await expect(page.getByTestId('notice').filter({ hasText: `(${victim}) — file assessments/${victim}.json: ` })).toHaveCount(1);
    });
    await notice.getByRole('button', { name: 'Đã xem, ẩn thông báo này' }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('agency-count')).toBeVisible();
    await expect(page.getByTestId('notice')).toHaveCount(0);
  });
});
