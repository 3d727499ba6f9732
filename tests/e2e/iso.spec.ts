import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { expectAccessible, openWorkspace, resetLanguage, screenshot, useAgencyWorkspace } from './app.ts';
import { answerYesNo, clearAnswer, criteriaSets, openCriteriaSet, selectItem, setProgress, switchLanguage } from './steps/iso.ts';
import { fromEditMenu, itemShown, redoByKeyboard, undoByKeyboard, undoNext, writeExplanation } from './steps/undo.ts';

/** The agency workspace useAgencyWorkspace() opens (tests/e2e/app.ts freshAgencyWorkspace): Sở Tư pháp. */
const AGENCY_DIR = join(import.meta.dirname, '..', '.artifacts', 'e2e-agency-cycle', 'out', 'agencies', 'S03');

/**
 * Issue 13 point 7: a department has the PAR index and the ISO 9001 checklist side by side; and
 * undo/redo of the officer's edits, each a normal save (the file follows).
 */
test.describe('two criteria sets and undo, in an agency workspace', () => {
  useAgencyWorkspace();

  test('ISO 9001 beside the PAR index: an ISO answer moves its progress, the PAR tree stays as it was', async ({ page }) => {
    const sets = criteriaSets(page);
    await expect(sets).toBeVisible();
    await expect(sets).toContainText('Chỉ số CCHC');
    await expect(sets).toContainText('ISO 9001:2008');
    const parTotal = await page.getByTestId('total').innerText();
    const parProgress = await page.getByTestId('overall-progress').innerText();

    await openCriteriaSet(page, 'ISO 9001:2008');
    expect(page.url()).toContain('#/agency/S03/set/iso-9001');
    await expect(page.locator('.template-line')).toContainText('ISO 9001:2008');
    await selectItem(page, 'A1');
    await clearAnswer(page);
    const before = await setProgress(page, 'iso-9001');
    await answerYesNo(page, 'Có');
    await expect.poll(async () => (await setProgress(page, 'iso-9001')).answered).toBe(before.answered + 1);
    await expect(page.getByTestId('item-panel').getByTestId('panel-score')).toHaveText('4,00');
    expect(itemShown(AGENCY_DIR, 'A1', 'iso-9001')).toContain('[có]');
    await screenshot(page, 'iso-checklist-vi');
    await expectAccessible(page);

    await openCriteriaSet(page, 'Chỉ số CCHC');
    await expect(page.locator('[role="treeitem"][data-item="1.1.1"]')).toBeVisible();
    await expect(page.getByTestId('total')).toHaveText(parTotal);
    await expect(page.getByTestId('overall-progress')).toHaveText(parProgress);

    await resetLanguage(page, 'en');
    await page.reload();
    await openCriteriaSet(page, 'ISO 9001:2008');
    await expect(criteriaSets(page)).toContainText('PAR index');
    await screenshot(page, 'iso-checklist-en');
    await expectAccessible(page);
  });

  test('undo and redo of an answer: Ctrl+Z restores it in the file, Ctrl+Y and the menu redo and undo again', async ({ page }) => {
    await selectItem(page, '1.1.1');
    await answerYesNo(page, 'Có');
    await answerYesNo(page, 'Không');
    await expect(undoNext(page)).toHaveText('Hoàn tác: 1.1.1 = Không');
    expect(itemShown(AGENCY_DIR, '1.1.1')).toContain('[không]');
    await screenshot(page, 'undo-vi');

    // Focus on the answer's button (not a text field): Ctrl+Z is the screen's undo.
    await undoByKeyboard(page);
    const panel = page.getByTestId('item-panel');
    await expect(panel.getByRole('button', { name: 'Có', exact: true })).toHaveAttribute('aria-pressed', 'true');
    expect(itemShown(AGENCY_DIR, '1.1.1')).toContain('[có]');
    await expect(undoNext(page)).toHaveText('Hoàn tác: 1.1.1 = Có');

    await redoByKeyboard(page);
    await expect(panel.getByRole('button', { name: 'Không', exact: true })).toHaveAttribute('aria-pressed', 'true');
    expect(itemShown(AGENCY_DIR, '1.1.1')).toContain('[không]');

    // The Chỉnh sửa menu does the same; Ctrl+Shift+Z redoes too.
    await fromEditMenu(page, 'Hoàn tác');
    expect(itemShown(AGENCY_DIR, '1.1.1')).toContain('[có]');
    await page.getByRole('tree').focus();
    await redoByKeyboard(page, 'Control+Shift+z');
    expect(itemShown(AGENCY_DIR, '1.1.1')).toContain('[không]');
    await expectAccessible(page);

    // The history lives in the window: switching language keeps it, said in English.
    await switchLanguage(page, 'en');
    await expect(undoNext(page)).toHaveText('Undo: 1.1.1 = No');
    await screenshot(page, 'undo-en');
  });

  test('a text field keeps its own undo: Ctrl+Z while typing an explanation leaves the saved answers alone', async ({ page }) => {
    await selectItem(page, '1.1.1');
    await answerYesNo(page, 'Có');
    await answerYesNo(page, 'Không');
    const box = page.getByTestId('explanation');
    await expect(box).toBeVisible();
    const original = await box.inputValue();
    await box.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Đang bổ sung');
    await page.keyboard.press('Control+z');
    // The browser's undo took (part of) the typing back; the screen's undo did nothing.
    await expect.poll(() => box.inputValue()).not.toBe(`${original} Đang bổ sung`);
    expect(await box.inputValue()).toMatch(new RegExp(`^${original.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await expect(undoNext(page)).toHaveText('Hoàn tác: 1.1.1 = Không');
    expect(itemShown(AGENCY_DIR, '1.1.1')).toContain('[không]');
  });

  test('a commune exempted from ISO 9001 sees the set marked exempted, with the reason, and cannot open it', async ({ page }) => {
    // The demo exempts commune X005 from the checklist ("Chưa thuộc đối tượng bắt buộc áp dụng").
    await openWorkspace(page, join(AGENCY_DIR, '..', 'X005'));
    await page.reload();
    const sets = criteriaSets(page);
    await expect(sets.getByTestId('set-progress-iso-9001')).toHaveText('(miễn áp dụng)');
    await expect(sets.getByTestId('set-exempted-iso-9001')).toHaveText('ISO 9001:2008: Cơ quan được miễn áp dụng bộ tiêu chí này. Lý do: Chưa thuộc đối tượng bắt buộc áp dụng');
    await expect(sets.getByRole('radio', { name: /ISO 9001:2008/ })).toBeDisabled();
    await screenshot(page, 'iso-exempted-vi');
    await expectAccessible(page);
    await switchLanguage(page, 'en');
    await expect(sets.getByTestId('set-progress-iso-9001')).toHaveText('(exempted)');
    await screenshot(page, 'iso-exempted-en');
  });

  test('undo of an explanation: the box and the file have the earlier text again, redo brings the new one back', async ({ page }) => {
    await selectItem(page, '1.1.1');
    const box = page.getByTestId('explanation');
    const original = await box.inputValue();
    await writeExplanation(page, 'Kế hoạch ban hành muộn do chờ kế hoạch của tỉnh.');
    await expect(undoNext(page)).toHaveText('Hoàn tác: 1.1.1: giải trình');
    // Out of the text field: the tree.
    await page.getByRole('tree').focus();
    await undoByKeyboard(page);
    await expect(box).toHaveValue(original);
    expect(itemShown(AGENCY_DIR, '1.1.1', undefined, true)).toContain(original);
    await redoByKeyboard(page);
    await expect(box).toHaveValue('Kế hoạch ban hành muộn do chờ kế hoạch của tỉnh.');
    expect(itemShown(AGENCY_DIR, '1.1.1', undefined, true)).toContain('Kế hoạch ban hành muộn do chờ kế hoạch của tỉnh.');
  });
});
