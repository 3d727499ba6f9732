import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HOME_WORKSPACE, ORIGIN, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot } from './app.ts';
import { figureRow, nominationRow } from './steps/declared.ts';
import { appraiseWithCli, cli } from './steps/round2.ts';
import { arrowTo, chooseFile, chooseOption, interceptFileDialogs, press, tabTo, typeIn } from './steps/keyboard.ts';

/**
 * Issue 13's test, once by keyboard only: the officer's whole story (officer-story.spec.ts) with
 * no mouse. Every control is reached with Tab and worked with Enter, arrows and typing; files are
 * chosen in the system's file dialog opened with Enter.
 */
const ROOT = join(import.meta.dirname, '..', '.artifacts', 'e2e-officer-keyboard');
const HA = join(ROOT, 'so-noi-vu');
const OWN = join(ROOT, 'xa-tan-lap');
const CAMPAIGN = join(ROOT, 'out', 'agencies', 'campaign.parscore');

test.describe('the officer’s whole job, by keyboard only', () => {
  test.beforeAll(() => {
    rmSync(ROOT, { recursive: true, force: true });
    parscore('demo', HA, '--agencies', '12', '--seed', '2024', '--submissions', join(ROOT, 'out'));
    mkdirSync(join(ROOT, 'sent'), { recursive: true });
  });
  test.afterEach(async ({ page }) => {
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HOME_WORKSPACE);
  });

  test('join, fill, fix, export; the appraisal answered; revision 2 — without the mouse', async ({ page }) => {
    test.setTimeout(240_000);
    await interceptFileDialogs(page);
    await openApp(page);
    await resetLanguage(page, 'vi');
    // A first start: no workspace open (arranged; the mouse story closes it from the File menu).
    expect((await (await page.request.post('/ipc/start:close', { data: {}, headers: { origin: ORIGIN } })).json()).ok).toBe(true);
    await page.reload();
    await expect(page.getByTestId('start-screen')).toBeVisible();

    // 1. Join: the campaign file chosen in the file dialog, the commune typed without diacritics, the folder typed.
    await press(page, page.getByRole('button', { name: 'Tham gia đợt đánh giá' }), 'the join choice');
    const dialog = page.getByRole('dialog');
    await chooseFile(page, dialog.locator('.start-drop [role="button"]').first(), 'the campaign file area', CAMPAIGN);
    await expect(dialog.getByTestId('join-info')).toBeVisible();
    await typeIn(page, dialog.getByLabel('Cơ quan, đơn vị của bạn'), 'the agency field', 'tan lap');
    await page.keyboard.press('Enter');
    await typeIn(page, dialog.getByLabel('Thư mục', { exact: true }), 'the folder field', OWN);
    await press(page, dialog.getByTestId('join-submit'), 'Tham gia');
    await expect(page.getByRole('heading', { name: 'Xã Tân Lập' })).toBeVisible();

    // 2. The tree by arrows: a yes, a percentage, a count, a formula's variable.
    const tree = page.getByRole('tree', { name: 'Cây tiêu chí' });
    const panel = page.getByTestId('item-panel');
    const saved = () => expect(page.getByTestId('status-save')).toHaveText('Đã lưu');
    await tabTo(page, tree, 'the criteria tree');
    await arrowTo(page, '1.1.1');
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('button', { name: 'Có', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('button', { name: 'Có', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await saved();
    for (const [code, value, score] of [['1.2', '85', null], ['1.3', '1', null], ['3.7', '80', '1,60']] as const) {
      await page.keyboard.press('Escape');
      await expect(tree).toBeFocused();
      await arrowTo(page, code);
      await page.keyboard.press('Enter');
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
      await saved();
      if (score) await expect(panel.getByTestId('panel-score')).toHaveText(score);
    }

    // A document for 1.1.1, by the file dialog, its details typed.
    await page.keyboard.press('Escape');
    await arrowTo(page, '1.1.1');
    await chooseFile(page, panel.locator('.evidence-drop [role="button"]').first(), 'the document area', { name: 'Kế hoạch CCHC 2026.pdf', buffer: Buffer.from('%PDF-1.4 kế hoạch') });
    const form = panel.getByTestId('evidence-form');
    await typeIn(page, form.getByLabel('Số văn bản'), 'Số văn bản', '15/KH-UBND');
    await typeIn(page, form.getByLabel('Ngày ban hành (dd/mm/yyyy)'), 'Ngày ban hành', '10/01/2026');
    await press(page, form.getByRole('button', { name: 'Lưu tài liệu' }), 'Lưu tài liệu');
    await expect(panel.getByTestId('evidence-row')).toHaveCount(1);
    // An explanation for 1.1.2 (saved when the box is left with Tab).
    await tabTo(page, tree, 'the criteria tree');
    await arrowTo(page, '1.1.2');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await saved();
    await typeIn(page, panel.getByLabel('Giải trình'), 'Giải trình', 'Nội dung kế hoạch nằm trong Kế hoạch 15/KH-UBND ở mục 1.1.1.');
    await page.keyboard.press('Tab');
    await expect(panel.getByTestId('explanation-state')).toHaveText('Đã lưu giải trình');

    // 3. Figures, a bonus, a nomination: each tab reached with Tab, opened with Enter.
    await press(page, page.getByTestId('nav-figures'), 'Số liệu kê khai');
    await expect(page.getByTestId('figures-screen')).toBeVisible();
    for (const [code, value] of [['KK18', '9'], ['KK19', '10']] as const) {
      await typeIn(page, figureRow(page, code).locator('input').first(), code, value);
      await page.keyboard.press('Enter');
      await expect(figureRow(page, code).locator('[data-testid$="-state"]')).toHaveAttribute('data-state', 'saved');
    }
    await press(page, page.getByTestId('nav-adjustments'), 'Điểm thưởng, điểm trừ');
    await typeIn(page, page.getByTestId('bonus-TH1-note'), 'the bonus reason', 'Mô hình “Một cửa thân thiện” (QĐ 210/QĐ-UBND)');
    await typeIn(page, page.getByTestId('bonus-TH1-points'), 'the bonus points', '1');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('bonus-TH1-state')).toHaveAttribute('data-state', 'saved');
    await press(page, page.getByTestId('nav-nominations'), 'Đề nghị khen thưởng');
    await press(page, page.getByTestId('nomination-add'), 'Thêm đề nghị');
    const nomination = page.getByTestId('nomination-form');
    await expect(nomination.getByRole('radio', { name: 'Cá nhân', exact: true })).toBeFocused();
    for (const [label, value] of [['Mã đề nghị', 'X001-CN1'], ['Họ và tên', 'Nguyễn Thị Mai'], ['Năm sinh', '1988'], ['Chức vụ', 'Công chức Văn phòng - Thống kê'], ['Đơn vị công tác', 'UBND xã Tân Lập'], ['Thành tích, lý do đề nghị', 'Vận hành Bộ phận Một cửa, 100% hồ sơ đúng hạn.'], ['Số sáng kiến được công nhận', '1']] as const) {
      await typeIn(page, nomination.getByLabel(label, { exact: true }), label, value);
    }
    for (const [label, option] of [['Giới tính', 'Nữ'], ['Xếp loại chất lượng năm nay', 'Hoàn thành xuất sắc nhiệm vụ'], ['Xếp loại chất lượng năm trước', 'Hoàn thành tốt nhiệm vụ'], ['Hình thức khen thưởng đề nghị', 'Bằng khen của Chủ tịch UBND tỉnh']] as const) {
      await chooseOption(page, nomination.getByLabel(label, { exact: true }), label, option);
    }
    await press(page, nomination.getByTestId('nomination-save'), 'Lưu đề nghị');
    await expect(nominationRow(page, 'X001-CN1')).toContainText('Nguyễn Thị Mai');
    await press(page, page.getByTestId('nav-tree'), 'Cây tiêu chí');

    // 4. The check before sending: the line of 1.4 followed with Enter, answered, gone.
    await press(page, page.getByTestId('send-open'), 'Kiểm tra trước khi gửi');
    const line = page.locator('[data-group="unanswered"] li[data-item="1.4"]');
    await press(page, line.getByRole('link'), 'the line of 1.4');
    await expect(page.locator('[role="treeitem"][data-item="1.4"]')).toHaveAttribute('aria-selected', 'true');
    await tabTo(page, tree, 'the criteria tree');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await saved();
    await press(page, page.getByTestId('send-open'), 'Kiểm tra trước khi gửi');
    await expect(line).toHaveCount(0);

    // 5. Export revision 1 with Enter; it verifies; Home Affairs imports and appraises it.
    const send = async (name: string) => {
      const downloading = page.waitForEvent('download');
      await press(page, page.getByTestId('send-export'), 'Ký và xuất tệp');
      const file = join(ROOT, 'sent', (await downloading).suggestedFilename());
      expect(file.endsWith(name)).toBe(true);
      await (await downloading).saveAs(file);
      await expect(page.getByTestId('send-sent')).toBeVisible();
      return file;
    };
    const r1 = await send('X001-r1.parscore');
    expect(cli('submission', 'verify', r1)).toContain('HỢP LỆ');
    const appraisal = join(ROOT, 'X001-tham-dinh-lan-1.parscore');
    appraiseWithCli(HA, r1, 'X001', { '1.2': { score: 1, comment: 'Chưa có báo cáo kiểm chứng.' }, '1.3': { score: 0, comment: 'Báo cáo quý III gửi chậm.' } }, appraisal);

    // 6. The appraisal received by the file dialog; two items explained, each with a document; revision 2.
    await press(page, page.getByRole('button', { name: 'Trở lại cây tiêu chí' }), 'Trở lại cây tiêu chí');
    await press(page, page.getByTestId('appraisal-open'), 'Nhận kết quả thẩm định');
    await chooseFile(page, dialog.locator('.ant-upload [role="button"]').first(), 'the appraisal file area', { name: 'X001-tham-dinh-lan-1.parscore', buffer: readFileSync(appraisal) });
    await expect(dialog.getByTestId('summary-commented')).toHaveText('2 mục');
    await press(page, dialog.getByTestId('appraisal-close'), 'Đóng');
    await expect(dialog).toBeHidden();
    for (const [code, text, docNo] of [['1.2', 'Bổ sung báo cáo kết quả thực hiện kế hoạch.', '120/BC-UBND'], ['1.3', 'Bổ sung văn bản gửi báo cáo quý III đúng hạn.', '98/UBND-VP']] as const) {
      await tabTo(page, tree, 'the criteria tree');
      await arrowTo(page, code);
      const explain = panel.getByTestId('explain-form');
      await typeIn(page, explain.getByTestId('explain-text'), `the explanation of ${code}`, text);
      await chooseFile(page, explain.locator('.evidence-drop [role="button"]').first(), 'the explanation document area', { name: `${docNo.replace('/', '-')}.pdf`, buffer: Buffer.from(`%PDF-1.4 ${docNo}`) });
      await typeIn(page, explain.getByTestId('explain-doc-docNo'), 'Số văn bản', docNo);
      await press(page, explain.getByTestId('explain-save'), 'Lưu giải trình');
      await expect(explain.getByTestId('explain-state')).toHaveText('Đã lưu giải trình.');
    }
    await press(page, page.getByTestId('send-open'), 'Kiểm tra trước khi gửi');
    await expect(page.getByTestId('send-round')).toContainText('gửi kèm 2 giải trình');
    const r2 = await send('X001-r2.parscore');
    cli('import', HA, r2);
    const index = JSON.parse(readFileSync(join(HA, 'workspace.json'), 'utf8')) as { agencies: { code: string; status: string; submission?: { revision: number; round: number } }[] };
    expect(index.agencies.find((a) => a.code === 'X001')).toMatchObject({ status: 'explained', submission: { revision: 2, round: 2 } });
    await screenshot(page, 'story-keyboard-sent-vi');
    await expectAccessible(page);
  });
});
