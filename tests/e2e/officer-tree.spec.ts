import { type Page, expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { HOME_WORKSPACE, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot } from './app.ts';

test.afterEach(async ({ page }) => {
  await resetLanguage(page, 'vi');
  // Whatever happens in a story, the next tests find the server on the e2e workspace again.
  await openWorkspace(page, HOME_WORKSPACE);
});

/** Opens one department of the demo province on its criteria tree. */
async function openAgency(page: Page, code: string): Promise<void> {
  await openApp(page);
  await page.getByRole('searchbox').fill(code);
  await page.getByTestId(`agency-row-${code}`).getByRole('button').first().click();
  // Home Affairs' link opens the appraisal; the agency's own screen is one click further.
  await page.getByTestId('review-self-view').click();
  await expect(page.getByRole('tree', { name: 'Cây tiêu chí' })).toBeFocused();
}

const selected = (page: Page) => page.getByRole('treeitem', { selected: true });

/**
 * The officer's story on an opened agency, by keyboard only: through the items, a yes/no answered
 * and cleared, a number with a comma (after a text and a value above the maximum are refused at the
 * field), percent bands as a percentage then as a ratio, collapse and expand, a filter; the score
 * and the area progress follow; screenshots in Vietnamese and English, axe on both.
 */
async function officerStory(page: Page, shots: string): Promise<void> {
  const tree = page.getByRole('tree', { name: 'Cây tiêu chí' });
  const panel = page.getByTestId('item-panel');
  const area = page.getByTestId('area-progress-1');

  // The first area is selected; ↓ twice reaches the first yes/no item (1 → 1.1 → 1.1.1).
  await expect(selected(page)).toHaveAttribute('data-item', '1');
  await page.keyboard.press('ArrowDown');
  await expect(selected(page)).toHaveAttribute('data-item', '1.1');
  await page.keyboard.press('ArrowDown');
  await expect(selected(page)).toHaveAttribute('data-item', '1.1.1');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('1.1.1');
  // The template's scoring guide and evidence hint are on the panel.
  await expect(panel.getByTestId('panel-guide')).toContainText('Ban hành kế hoạch đúng thời hạn tỉnh quy định');
  await expect(panel.getByTestId('panel-max')).toHaveText('1,00');

  // Start from a known state: clear the answer (Enter → the answer, Tab to "Xóa câu trả lời").
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Có', exact: true })).toBeFocused();
  const clear = panel.getByRole('button', { name: 'Xóa câu trả lời' });
  if (await clear.isEnabled()) {
    await clear.focus();
    await page.keyboard.press('Enter');
    await expect(clear).toBeDisabled();
  }
  await expect(panel.getByTestId('panel-score')).toHaveText('0,00');
  const before = parseProgress(await area.innerText());
  const total = await page.getByTestId('total').innerText();

  // Yes: the item's full points, the area one more answered, the total changed.
  await page.keyboard.press('Escape');
  await expect(tree).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Có', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Có', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByTestId('panel-score')).toHaveText('1,00');
  await expect(area).toContainText(`${before.answered + 1}/${before.total} mục đã trả lời`);
  await expect(page.getByTestId('total')).not.toHaveText(total);
  await expect(page.getByTestId('status-save')).toHaveText('Đã lưu');
  await expect(page.locator('[data-item="1.1.1"] .tree-score')).toContainText('1,00');

  // Clear it again: back to unanswered, the area count back too.
  await clear.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Có', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(area).toContainText(`${before.answered}/${before.total} mục đã trả lời`);
  await expect(panel.getByTestId('panel-score')).toHaveText('0,00');

  // Esc, ↓ to 1.1.2 (points typed, in steps of 0,5): text is refused at the field, in words.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await expect(selected(page)).toHaveAttribute('data-item', '1.1.2');
  await expect(panel.getByTestId('panel-guide')).toContainText('xác định chưa đầy đủ: 0,5 điểm');
  await expect(panel.getByTestId('panel-hint')).toHaveText('Kế hoạch cải cách hành chính năm của đơn vị');
  await page.keyboard.press('Enter');
  const points = panel.getByRole('textbox', { name: 'Điểm' });
  await expect(points).toBeFocused();
  // Cleared first, so that the comma number below is a change (the clear hands the focus back to the field).
  if (await clear.isEnabled()) {
    await clear.focus();
    await page.keyboard.press('Enter');
    await expect(clear).toBeDisabled();
    await expect(points).toBeFocused();
  }
  await expect(points).toHaveValue('');
  const scoreBefore = await panel.getByTestId('panel-score').innerText();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('tám');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('alert')).toHaveText('Hãy nhập một số, ví dụ 8,5');
  await expect(points).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByTestId('panel-score')).toHaveText(scoreBefore);

  // A number above the maximum: the save fails, says why at the field, and keeps what was typed.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('save-error')).toContainText('Chưa lưu được');
  await expect(panel.getByTestId('save-error')).toContainText('1.1.2');
  await expect(points).toHaveValue('5');
  await expect(page.getByTestId('status-save')).toHaveText('Lưu không được');
  await screenshot(page, `${shots}-error-vi`);

  // With the Vietnamese decimal comma: saved, the error gone.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('0,5');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('panel-score')).toHaveText('0,50');
  await expect(panel.getByTestId('save-error')).toHaveCount(0);
  await expect(points).toHaveValue('0,5');

  // 1.2 scores a percentage in bands, typed as a percentage or as achieved / total.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await expect(selected(page)).toHaveAttribute('data-item', '1.2');
  await page.keyboard.press('Enter');
  if (await clear.isEnabled()) {
    await clear.focus();
    await page.keyboard.press('Enter');
    await expect(clear).toBeDisabled();
  }
  const percent = panel.getByRole('textbox', { name: 'Tỷ lệ (%)' });
  if (await panel.getByRole('textbox', { name: 'Số đạt' }).isVisible()) {
    // The stored answer was a ratio: Shift+Tab to "Cách nhập", ← to "Tỷ lệ %", Tab to the field.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
  }
  await expect(percent).toBeFocused();
  await page.keyboard.type('79,5');
  await page.keyboard.press('Enter');
  await expect(clear).toBeEnabled();
  await expect(panel.getByTestId('panel-score')).toHaveText('0,00');
  await expect(panel.getByTestId('panel-explain')).toContainText('79,5');
  // Shift+Tab to "Cách nhập", → to "Số đạt / tổng số", then the two numbers.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowRight');
  const achieved = panel.getByRole('textbox', { name: 'Số đạt' });
  await expect(achieved).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(achieved).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Tab');
  await expect(panel.getByText('Nhập cả số đạt và tổng số để tính điểm.')).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Tổng số' })).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('panel-score')).toHaveText('3,00');
  // Stored as a ratio: back on the item, it shows as one.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await expect(panel.getByRole('textbox', { name: 'Tổng số' })).toHaveValue('20');

  // ← goes up to the parent, ← again collapses it, → expands it.
  await page.keyboard.press('ArrowLeft');
  await expect(selected(page)).toHaveAttribute('data-item', '1');
  await page.keyboard.press('ArrowLeft');
  await expect(selected(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('[data-item="1.1.1"]')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(selected(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('[data-item="1.1.1"]')).toBeVisible();

  // The filter "Chưa trả lời" shows 1.1.1 (cleared) and no survey item.
  await page.getByRole('radiogroup', { name: 'Lọc các mục' }).getByText('Chưa trả lời').click();
  await expect(page.locator('[data-item="1.1.1"]')).toBeVisible();
  await expect(page.locator('[data-item="1.1.2"]')).toHaveCount(0);
  await expect(page.locator('[data-item="8.1"]')).toHaveCount(0);
  await page.getByRole('radiogroup', { name: 'Lọc các mục' }).getByText('Tất cả').click();

  await screenshot(page, `${shots}-vi`);
  await expectAccessible(page);

  // The same screen in English.
  await page.getByRole('menuitem', { name: 'Xem' }).click();
  await page.getByRole('menuitem', { name: /English/ }).click();
  await expect(page.getByRole('tree', { name: 'Criteria tree' })).toBeVisible();
  await expect(page.getByTestId('item-panel').getByRole('heading', { name: 'How it is scored' })).toBeVisible();
  await screenshot(page, `${shots}-en`);
  await expectAccessible(page);
}

test('Home Affairs walks an agency’s criteria tree by keyboard; the received answers are shown, not editable', async ({ page }) => {
  await openAgency(page, 'S03');
  await expect(selected(page)).toHaveAttribute('data-item', '1');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(selected(page)).toHaveAttribute('data-item', '1.1.1');
  const panel = page.getByTestId('item-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('1.1.1');
  await expect(panel.getByRole('button', { name: 'Có', exact: true })).toBeDisabled();
  await expect(page.getByTestId('read-only')).toHaveCount(1);
});

function parseProgress(text: string): { answered: number; total: number } {
  const m = /(\d+)\/(\d+)/.exec(text);
  if (!m) throw new Error(`no progress in ${text}`);
  return { answered: Number(m[1]), total: Number(m[2]) };
}

test("in an agency's own workspace the criteria tree is the main screen; the officer's story there too", async ({ page }) => {
  // Arrange: a small province whose agencies each have their own workspace (as after joining a campaign).
  const subs = join(import.meta.dirname, '..', '.artifacts', 'e2e-officer-subs');
  const ha = join(import.meta.dirname, '..', '.artifacts', 'e2e-officer-ha');
  rmSync(subs, { recursive: true, force: true });
  rmSync(ha, { recursive: true, force: true });
  // Deadlines from today (no --year): the story never runs past its own deadline.
  parscore('demo', ha, '--agencies', '12', '--seed', '7', '--submissions', subs);
  await openApp(page);
  await openWorkspace(page, join(subs, 'agencies', 'S02'));
  await page.reload();

  // No list of agencies: the tree has the focus, and there is no way "back" to a list.
  const tree = page.getByRole('tree', { name: 'Cây tiêu chí' });
  await expect(tree).toBeFocused();
  await expect(page.getByTestId('status-role')).toHaveText('Cơ quan, đơn vị');
  await expect(page.getByRole('button', { name: '← Danh sách' })).toHaveCount(0);
  await expect(page.getByTestId('area-progress-1')).toContainText(/\d+\/9 mục đã trả lời/);
  // End reaches the last item and scrolls the tree only: the screen's heading stays in view.
  await page.keyboard.press('End');
  await expect(selected(page)).toBeInViewport();
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Home');
  await expect(selected(page)).toHaveAttribute('data-item', '1');
  await screenshot(page, 'officer-agency-home-vi');
  await expectAccessible(page);
  // The same story as above, in the agency's own workspace.
  await officerStory(page, 'officer-agency');
});
