import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HOME_WORKSPACE, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot } from './app.ts';
import { acceptNewKey, dropOnInbox, expectVerdict, openStatus, reasonsOf, setReceivedDate } from './steps/inbox.ts';

/**
 * Issue 14 point 2: Home Affairs receives the demo's submissions in the window. Three good files
 * and a tampered one dropped together; the tampered one refused with its reason and, dropped
 * alone, changes no byte of the workspace; a file received by e-mail before the deadline dated
 * with the date picker (on time, while the undated ones are late: the 2025 campaign is past its
 * deadline); a file signed with the agency's new key refused, stored nothing, then accepted
 * explicitly (the fingerprints compared, the decision in the audit log); the status board counts
 * and clicks through to the list.
 */
const ROOT = join(import.meta.dirname, '..', '.artifacts', 'e2e-inbox');
const HA = join(ROOT, 'snv');
const OUT = join(ROOT, 'out');
const FOLDER = join(ROOT, 'thu-muc-ho-so');

/** Every file of the workspace but its lock, hashed: a refused file must leave it byte for byte. */
function folderHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== '.parscore.lock') h.update(relative(dir, p)).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

const file = (name: string) => join(OUT, name);
let tampered = '';
let newKeyFile = '';
let newKey = '';

test.describe('the inbox: Home Affairs receives the submissions', () => {
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(() => {
    rmSync(ROOT, { recursive: true, force: true });
    parscore('demo', HA, '--agencies', '12', '--seed', '2024', '--year', '2025', '--submissions', OUT);
    // A file changed on the way: one byte flipped in the middle.
    mkdirSync(join(ROOT, 'doi'), { recursive: true });
    tampered = join(ROOT, 'doi', 'S04-r1-bi-sua.parscore');
    const bytes = readFileSync(file('S04-r1.parscore'));
    const k = Math.floor(bytes.length / 2);
    bytes[k] = bytes[k]! ^ 0xff;
    writeFileSync(tampered, bytes);
    // S01 moved to a new computer: its workspace's key is a new one (a fresh `agency init` of the
    // campaign, whose key and identity the old workspace takes), and it sends revision 2 with it.
    parscore('campaign', 'export', HA, '--out', join(ROOT, 'dot.parscore'));
    const fresh = join(ROOT, 'S01-may-moi');
    parscore('agency', 'init', fresh, '--campaign', join(ROOT, 'dot.parscore'), '--agency', 'S01');
    const moved = join(ROOT, 'S01-chuyen-may');
    cpSync(join(OUT, 'agencies', 'S01'), moved, { recursive: true });
    for (const f of readdirSync(join(moved, 'keys'))) rmSync(join(moved, 'keys', f));
    for (const f of readdirSync(join(fresh, 'keys'))) copyFileSync(join(fresh, 'keys', f), join(moved, 'keys', f));
    const index = JSON.parse(readFileSync(join(moved, 'workspace.json'), 'utf8')) as { identity: { fingerprint: string } };
    index.identity = (JSON.parse(readFileSync(join(fresh, 'workspace.json'), 'utf8')) as typeof index).identity;
    writeFileSync(join(moved, 'workspace.json'), JSON.stringify(index, null, 2));
    newKey = index.identity.fingerprint;
    mkdirSync(join(ROOT, 'khoa-moi'), { recursive: true });
    newKeyFile = join(ROOT, 'khoa-moi', 'S01-r2.parscore');
    parscore('submission', 'export', moved, 'S01', '--out', newKeyFile);
    // A folder of submissions typed in the folder field (the server runs on this computer).
    mkdirSync(FOLDER, { recursive: true });
    copyFileSync(file('X003-r1.parscore'), join(FOLDER, 'X003-r1.parscore'));
  });
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HA);
    await page.goto(page.url().replace(/#.*$/, '') + '#/inbox');
    await page.reload();
    await expect(page.getByTestId('inbox-drop')).toBeVisible();
  });
  test.afterEach(async ({ page }) => {
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HOME_WORKSPACE);
  });

  test('receives good files, refuses a tampered one (storing nothing of it), dates a batch, accepts a new key explicitly', async ({ page }) => {
    await screenshot(page, 'inbox-empty-vi');
    await expectAccessible(page);

    // Three good files and a tampered one, dropped together.
    await dropOnInbox(page, [file('S01-r1.parscore'), file('S02-r1.parscore'), file('S03-r1.parscore'), tampered]);
    for (const f of ['S01-r1.parscore', 'S02-r1.parscore', 'S03-r1.parscore']) {
      await expectVerdict(page, f, 'accepted', 'Tiếp nhận');
      // Received today, after the 2025 deadline: flagged late.
      await expect(page.getByTestId(`late-${f}`)).toHaveText('Sau hạn');
    }
    await expectVerdict(page, tampered, 'rejected', 'Từ chối');
    const reasons = await reasonsOf(page, tampered);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join('\n')).toMatch(/chữ ký|bị sửa/i);
    await expect(page.getByTestId('inbox-summary')).toContainText('Tiếp nhận 3 · thay thế 0 · trùng 0 · từ chối 1');
    await screenshot(page, 'inbox-verdicts-vi');
    await expectAccessible(page);

    // Filter by verdict: the refused only.
    await page.getByTestId('inbox-filter').getByText('Từ chối (1)').click();
    await expect(page.locator('[data-testid^="verdict-row-"]')).toHaveCount(1);
    await page.getByTestId('inbox-filter').getByText('Tất cả (4)').click();

    // The tampered file alone: refused, and not one byte of the workspace changes.
    let before = folderHash(HA);
    await dropOnInbox(page, [tampered]);
    await expectVerdict(page, tampered, 'rejected');
    expect(folderHash(HA)).toBe(before);

    // A file that came by e-mail before the deadline: dated with the picker, on time.
    await setReceivedDate(page, '10/12/2025');
    await dropOnInbox(page, [file('X002-r1.parscore')]);
    await expectVerdict(page, 'X002-r1.parscore', 'accepted');
    await expect(page.getByTestId('late-X002-r1.parscore')).toHaveCount(0);
    await expect(page.getByTestId('inbox-summary')).toContainText('Ngày nhận hồ sơ của lần tiếp nhận này: 10/12/2025');

    // S01 signed with its new key: refused, nothing stored; accepted explicitly, it replaces revision 1.
    before = folderHash(HA);
    await dropOnInbox(page, [newKeyFile]);
    await expectVerdict(page, newKeyFile, 'rejected');
    expect((await reasonsOf(page, newKeyFile)).join('\n')).toContain('Khóa ký đã thay đổi');
    expect(folderHash(HA)).toBe(before);
    await page.getByTestId('accept-key-S01').click();
    await expect(page.getByRole('dialog').getByTestId('accept-key-body')).toBeVisible();
    await screenshot(page, 'inbox-accept-key-vi');
    await expectAccessible(page);
    await page.getByRole('dialog').getByTestId('accept-key-cancel').click();
    expect(folderHash(HA)).toBe(before);
    const shown = await acceptNewKey(page, 'S01');
    expect(shown.to.replaceAll(' ', '')).toBe(newKey);
    await expectVerdict(page, newKeyFile, 'replaced', 'Thay thế lần gửi 1');
    await expect(page.getByTestId(`key-accepted-${'S01-r2.parscore'}`)).toBeVisible();
    const audit = readFileSync(join(HA, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { field: string; agency: string; new: unknown });
    expect(audit.some((e) => e.field === 'key' && e.agency === 'S01' && e.new === newKey)).toBe(true);
    await screenshot(page, 'inbox-key-accepted-vi');

    // A folder typed: a relative path is refused at the field; the full path imports every file in it.
    await page.getByTestId('inbox-folder').fill('thu-muc-ho-so');
    await page.getByTestId('inbox-folder-import').click();
    await expect(page.getByTestId('inbox-folder-error')).toContainText('phải là đường dẫn đầy đủ');
    await screenshot(page, 'inbox-folder-error-vi');
    await page.getByTestId('inbox-folder').fill(FOLDER);
    await page.getByTestId('inbox-folder-import').click();
    await expectVerdict(page, 'X003-r1.parscore', 'accepted');

    // The same screen in English.
    await resetLanguage(page, 'en');
    await page.reload();
    await dropOnInbox(page, [file('S02-r1.parscore'), tampered]);
    await expectVerdict(page, 'S02-r1.parscore', 'duplicate', 'Duplicate, skipped');
    await reasonsOf(page, tampered);
    await screenshot(page, 'inbox-verdicts-en');
    await expectAccessible(page);
  });

  test('the status board counts per group and clicks through to those agencies', async ({ page }) => {
    await page.goto(page.url().replace(/#.*$/, '') + '#/');
    await expect(page.getByTestId('status-board')).toBeVisible();
    // S01, S02, S03 (departments), X002 and X003 (communes) were received by the story above.
    const total = Number((await page.getByTestId('agency-count').innerText()).match(/\/(\d+)/)![1]);
    await expect(page.getByTestId('board-all-submitted')).toHaveText(`5/${total}`);
    await expect(page.getByTestId('board-department-submitted')).toHaveText(/^3\//);
    await expect(page.getByTestId('board-all-locked')).toHaveText('0');
    await screenshot(page, 'overview-status-board-vi');
    await expectAccessible(page);
    expect(await openStatus(page, 'submitted')).toBe(`5/${total}`);
    await expect(page.getByTestId('agency-count')).toHaveText(`5/${total} cơ quan, đơn vị`);
    const codes = await page.locator('[data-testid^="agency-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('agency-row-', '')));
    expect(codes.sort()).toEqual(['S01', 'S02', 'S03', 'X002', 'X003']);
    await screenshot(page, 'overview-status-filtered-vi');
    await openStatus(page, 'submitted', 'department');
    await expect(page.locator('[data-testid^="agency-row-"]')).toHaveCount(3);
    await openStatus(page, 'appraising');
    await expect(page.locator('[data-testid^="agency-row-"]')).toHaveCount(0);
    await page.getByTestId('board-filter-clear').click();
    await expect(page.getByTestId('agency-count')).toHaveText(`${total}/${total} cơ quan, đơn vị`);
    // A row still opens its agency: Home Affairs' appraisal of it.
    await page.getByTestId('agency-row-S02').getByRole('button').click();
    await expect(page).toHaveURL(/#\/review\/S02$/);
    await resetLanguage(page, 'en');
    await page.goto(page.url().replace(/#.*$/, '') + '#/');
    await page.reload();
    await expect(page.getByTestId('status-board')).toBeVisible();
    await screenshot(page, 'overview-status-board-en');
  });
});
