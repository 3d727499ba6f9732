import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { HOME_WORKSPACE, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot, useAgencyWorkspace } from './app.ts';
import { addNomination, answerFigure, editNomination, fillFigure, fillNominationForm, nominationRow, openAgencyPart, removeNomination, saveNomination, setBonus } from './steps/declared.ts';

/** The agency workspace useAgencyWorkspace() opens (tests/e2e/app.ts freshAgencyWorkspace). */
const WS = join(import.meta.dirname, '..', '.artifacts', 'e2e-agency-cycle', 'out', 'agencies', 'S03');

/** Runs the CLI on the agency workspace once the window let go of it (the server holds its lock). */
async function cli(page: import('@playwright/test').Page, ...args: string[]): Promise<string> {
  await openWorkspace(page, HOME_WORKSPACE);
  return parscore(...args, WS);
}

/**
 * Issue 13 point 7: the declared figures typed with their units and the template's checks, the
 * agency's own bonus within its caps, its nominations with every column of the commendation list —
 * entered in the window, then read back by the command line from the same files.
 */
test.describe('declared figures, bonus and nominations, in an agency workspace', () => {
  useAgencyWorkspace();

  test('figures: saved on Enter; two wrong ones refused at their fields at once, fixed; the CLI lists what the window stored', async ({ page }) => {
    // By keyboard: the tab is a link.
    await page.getByTestId('nav-figures').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('figures-screen')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Số liệu kê khai' })).toBeVisible();
    // The unit is shown with the field, the range with its hint.
    const kk17 = page.getByTestId('figure-KK17');
    await expect(kk17).toContainText('(%)');
    await expect(kk17).toContainText('từ 0 đến 100');
    await screenshot(page, 'declared-figures-vi');
    await expectAccessible(page);

    await expect(page.getByTestId('figure-KK05-state').and(page.locator('[data-state]'))).toHaveAttribute('data-state', 'idle');
    const ok = await fillFigure(page, 'KK05', '1.120');
    await expect(ok.getByTestId('figure-KK05-state')).toHaveText('Đã lưu');
    await expect(page.getByTestId('status-save')).toHaveText('Đã lưu');

    const over = await fillFigure(page, 'KK17', '150');
    const word = await fillFigure(page, 'KK01', 'mười');
    await expect(over.getByTestId('figure-KK17-error')).toContainText('không được lớn hơn 100; giá trị 150 không hợp lệ');
    await expect(word.getByTestId('figure-KK01-error')).toContainText('phải là một số; giá trị “mười” không hợp lệ');
    // Both at once, each at its field, what was typed kept.
    await expect(page.locator('.figure-row .field-error')).toHaveCount(2);
    await expect(page.locator('#figure-KK17')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#figure-KK17')).toHaveValue('150');
    await expect(page.getByTestId('status-save')).toHaveText('Lưu không được');
    await over.scrollIntoViewIfNeeded();
    await screenshot(page, 'declared-figures-errors-vi');
    await expectAccessible(page);

    await fillFigure(page, 'KK17', '82,5');
    await expect(page.getByTestId('figure-KK17-error')).toHaveCount(0);
    await expect(page.locator('#figure-KK17')).not.toHaveAttribute('aria-invalid');
    await fillFigure(page, 'KK01', '12');
    await expect(page.locator('.figure-row .field-error')).toHaveCount(0);
    const yes = await answerFigure(page, 'KK11', true);
    await expect(yes.getByTestId('figure-KK11-state')).toHaveText('Đã lưu');

    // A figure not declared is listed by "check before sending"; its line opens this screen.
    await fillFigure(page, 'KK19', '');
    await page.goto(page.url().replace(/#.*$/, '#/send/S03'));
    const line = page.locator('[data-group="figure_missing"] li').filter({ hasText: 'KK19' });
    await expect(line).toBeVisible();
    await line.getByRole('link').click();
    await expect(page.getByTestId('figures-screen')).toBeVisible();
    await fillFigure(page, 'KK19', '3');

    // English: the same screen, translated.
    await resetLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Declared figures' })).toBeVisible();
    await expect(page.locator('#figure-KK05')).toHaveValue('1,120');
    await screenshot(page, 'declared-figures-en');
    await expectAccessible(page);
    await resetLanguage(page, 'vi');

    const out = await cli(page, 'figure', 'list');
    expect(out).toMatch(/^KK05 .*: 1\.120$/m);
    expect(out).toMatch(/^KK17 .*\(%\) \[số\]: 82,5$/m);
    expect(out).toMatch(/^KK01 .*: 12$/m);
    expect(out).toMatch(/^KK11 .*: có$/m);
  });

  test('bonus: within its cap with the reason, saved; over the item’s maximum refused at the field', async ({ page }) => {
    await openAgencyPart(page, 'adjustments');
    const th1 = page.getByTestId('bonus-TH1');
    await expect(th1.getByTestId('bonus-TH1-max')).toHaveText('1,00');
    await expect(page.getByTestId('bonus-cap')).toHaveText('Tổng 0,00 / tối đa 2,00');
    await screenshot(page, 'declared-adjustments-vi');
    await expectAccessible(page);

    await setBonus(page, 'TH1', '1', 'QĐ 45/QĐ-UBND ngày 12/05/2024 công nhận mô hình một cửa số');
    await expect(th1.getByTestId('bonus-TH1-state')).toHaveText('Đã lưu');
    await expect(page.getByTestId('bonus-cap')).toHaveText('Tổng 1,00 / tối đa 2,00');

    const th2 = await setBonus(page, 'TH2', '1,5', 'Xếp hạng Chỉ số 766');
    await expect(th2.getByTestId('bonus-TH2-error')).toHaveText('mục TH2: Điểm thưởng 1,5 vượt mức tối đa 1 của mục.');
    await expect(th2.getByTestId('bonus-TH2-points')).toHaveAttribute('aria-invalid', 'true');
    await expect(th2.getByTestId('bonus-TH2-points')).toHaveValue('1,5');
    await expect(page.getByTestId('bonus-cap')).toHaveText('Tổng 1,00 / tối đa 2,00');
    await screenshot(page, 'declared-adjustments-error-vi');
    await expectAccessible(page);

    await setBonus(page, 'TH2', '0,5', 'Xếp hạng Chỉ số 766');
    await expect(th2.getByTestId('bonus-TH2-error')).toHaveCount(0);
    await expect(page.getByTestId('bonus-cap')).toHaveText('Tổng 1,50 / tối đa 2,00');

    await resetLanguage(page, 'en');
    await page.reload();
    await expect(page.getByTestId('bonus-cap')).toHaveText('Total 1.50 / at most 2.00');
    await screenshot(page, 'declared-adjustments-en');
    await expectAccessible(page);
    await resetLanguage(page, 'vi');

    const out = await cli(page, 'item', 'show');
    expect(out).toMatch(/thưởng 1,5/i);
  });

  test('nominations: the form says every missing column at once, add two, edit one, remove one; the CLI lists the result', async ({ page }) => {
    await openAgencyPart(page, 'nominations');
    await expect(nominationRow(page, 'S03-TT')).toBeVisible();
    await screenshot(page, 'nominations-vi');
    await expectAccessible(page);

    // An empty form: each required column named at its field, all at once.
    await page.getByTestId('nomination-add').click();
    const form = page.getByTestId('nomination-form');
    // The form takes the focus at its first choice (collective or individual).
    await expect(form.getByRole('radio', { name: 'Cá nhân', exact: true })).toBeFocused();
    await form.getByTestId('nomination-save').click();
    await expect(form.getByTestId('nomination-fullName-error')).toHaveText('Hãy nhập Họ và tên.');
    await expect(form.getByTestId('nomination-gender-error')).toHaveText('Hãy chọn Giới tính.');
    await expect(form.getByTestId('nomination-proposedAward-error')).toHaveText('Hãy chọn Hình thức khen thưởng đề nghị.');
    expect(await form.locator('.field-error').count()).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'nominations-form-errors-vi');
    await expectAccessible(page);
    // Each error goes once its column is fixed; a birth year out of range is said with the range.
    await fillNominationForm(page, { fullName: 'Lê Thị Hoa', birthYear: '1890' });
    await expect(form.getByTestId('nomination-fullName-error')).toHaveCount(0);
    await expect(form.getByTestId('nomination-birthYear-error')).toHaveText('Năm sinh phải từ 1940 đến 2010.');
    await fillNominationForm(page, {
      id: 'S03-CN1',
      gender: 'Nữ',
      birthYear: '1985',
      position: 'Trưởng phòng',
      unit: 'Phòng Hành chính tư pháp',
      rating: 'Hoàn thành xuất sắc nhiệm vụ',
      ratingLastYear: 'Hoàn thành tốt nhiệm vụ',
      achievements: 'Chủ trì số hóa hồ sơ thủ tục hành chính của Sở.',
      initiatives: '1',
      award: 'Bằng khen của Chủ tịch UBND tỉnh',
    });
    await saveNomination(page);
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('nomination-add')).toBeFocused();
    const cn1 = nominationRow(page, 'S03-CN1');
    await expect(cn1).toContainText('Lê Thị Hoa');
    await expect(cn1).toContainText('Trưởng phòng, Phòng Hành chính tư pháp');
    await expect(cn1).toContainText('Bằng khen của Chủ tịch UBND tỉnh');

    await addNomination(page, { kind: 'collective', id: 'S03-PHC', name: 'Phòng Hành chính tư pháp', achievements: 'Dẫn đầu Sở về giải quyết hồ sơ đúng hạn.', award: 'Giấy khen của Giám đốc Sở Nội vụ' });
    await expect(nominationRow(page, 'S03-PHC')).toContainText('Tập thể');
    await expect(page.getByTestId('nominations-count')).toHaveText('3 đề nghị');

    await editNomination(page, 'S03-CN1', { position: 'Phó Chánh Văn phòng' });
    await expect(cn1).toContainText('Phó Chánh Văn phòng, Phòng Hành chính tư pháp');
    await removeNomination(page, 'S03-PHC', { keyboard: true });
    await expect(page.getByTestId('nominations-count')).toHaveText('2 đề nghị');

    await resetLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Nominations for commendation' })).toBeVisible();
    await screenshot(page, 'nominations-en');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Edit nomination S03-CN1' }).click();
    await screenshot(page, 'nominations-form-en');
    await expectAccessible(page);
    await resetLanguage(page, 'vi');

    const out = await cli(page, 'nomination', 'list');
    expect(out).toContain('S03-CN1 · cá nhân · Lê Thị Hoa (1985) · Phó Chánh Văn phòng, Phòng Hành chính tư pháp · bk-ca-nhan');
    expect(out).toContain('S03-TT');
    expect(out).not.toContain('S03-PHC');
  });
});

test.describe('declared figures in the Home Affairs workspace', () => {
  test('read-only with its reason; every field disabled', async ({ page }) => {
    await openApp(page, '/agency/S03/figures');
    await expect(page.getByTestId('read-only')).toBeVisible();
    await expect(page.locator('#figure-KK05')).toBeDisabled();
    await screenshot(page, 'declared-figures-read-only-vi');
    await page.goto(page.url().replace(/#.*$/, '#/agency/S03/nominations'));
    await expect(page.getByTestId('read-only')).toBeVisible();
    await expect(page.getByTestId('nomination-add')).toBeDisabled();
    await screenshot(page, 'nominations-read-only-vi');
    await expectAccessible(page);
  });
});
