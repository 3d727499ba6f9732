import { type Download, type Page, expect } from '@playwright/test';

/*
 * Home Affairs' appraisal screen as user actions (Excalidraw tests/helpers/ui.ts style), for the
 * review spec and the appraiser's whole story: `openReview`, `appraiseItem` (by keyboard),
 * `setStatus`, `exportRound1`, `exportAllRound1`, `lockAgency`.
 */

const tree = (page: Page) => page.getByTestId('review-tree');
const panel = (page: Page) => page.getByTestId('review-panel');

/** From the agencies' overview, the agency's row: its appraisal screen. */
export async function openReview(page: Page, code: string): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
  await page.getByTestId(`agency-row-${code}`).getByRole('button').first().click();
  await expect(tree(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code);
}

/** Selects an item with the keyboard: the tree focused, Home, then ↓ until the item is the tree's active one. */
export async function selectItem(page: Page, item: string): Promise<void> {
  const t = tree(page);
  await t.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 400 && (await panel(page).getAttribute('data-item')) !== item; i++) await page.keyboard.press('ArrowDown');
  await expect(panel(page)).toHaveAttribute('data-item', item);
}

/** A score as typed: a number with the decimal comma ("1,5"), a text as it is. */
const typed = (score: number | string) => (typeof score === 'number' ? String(score).replace('.', ',') : score);

/** The item's appraised score typed the Vietnamese way ("1,5") and left with Tab (saved when changed). */
export async function typeScore(page: Page, item: string, score: number | string): Promise<void> {
  if ((await panel(page).getAttribute('data-item')) !== item) await selectItem(page, item);
  if (!(await panel(page).getByRole('textbox').first().evaluate((el) => el === document.activeElement))) {
    await tree(page).focus();
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(typed(score));
  await page.keyboard.press('Tab');
}

/**
 * Appraises one item by keyboard: selected in the tree, Enter to its score, the score typed, Tab to
 * the comment, the comment typed, Ctrl+Enter; waits until the tree shows the appraised score.
 */
export async function appraiseItem(page: Page, item: string, score: number | string, comment: string): Promise<void> {
  await typeScore(page, item, score);
  await expect(panel(page).getByTestId('review-comment')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(comment);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(tree(page).locator(`[data-item="${item}"] [data-testid="tree-appraised"]`)).toContainText(typed(score));
  await expect(panel(page).getByTestId('review-save-state')).toHaveText(/Đã lưu\.|Saved\./);
}

/** Alt+↓ from the panel: the next item, its score field focused. */
export async function nextItem(page: Page): Promise<void> {
  const before = await panel(page).getAttribute('data-item');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(panel(page)).not.toHaveAttribute('data-item', before ?? '');
  await expect(panel(page).getByRole('textbox').first()).toBeFocused();
}

/** Moves the agency to status `s` (its code, e.g. "appraised_1") with the reason (may be ''); waits for the new status. */
export async function setStatus(page: Page, s: string, reason: string): Promise<void> {
  const form = page.getByTestId('review-status-form');
  await form.getByRole('combobox').click();
  await page.getByTestId(`review-status-option-${s}`).click();
  if (reason) await form.getByTestId('review-status-reason').fill(reason);
  const before = await page.getByTestId('review-status').innerText();
  await form.getByTestId('review-status-apply').click();
  await expect(page.getByTestId('review-status')).not.toHaveText(before);
}

/** "Xuất kết quả thẩm định" (browser mode): the signed file's download. */
export async function exportRound1(page: Page): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId('review-export').click();
  return downloading;
}

/** "Xuất kết quả vòng 1 của mọi cơ quan" into `folder`; the dialog stays open on its summary or its refusal. */
export async function exportAllRound1(page: Page, folder: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  if (!(await dialog.isVisible())) await page.getByTestId('review-export-all').click();
  await dialog.getByTestId('review-export-folder').fill(folder);
  await dialog.getByTestId('review-export-all-run').click();
  await expect(dialog.getByTestId('review-export-summary').or(dialog.getByTestId('review-export-folder-error'))).toBeVisible();
}

/** Closes the export dialog. */
export async function closeExportAll(page: Page): Promise<void> {
  await page.getByRole('dialog').getByTestId('review-export-close').click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

/** "Chốt kết quả" behind its confirmation (with a reason when given); waits for the read-only notice. */
export async function lockAgency(page: Page, reason = ''): Promise<void> {
  await page.getByTestId('review-lock').click();
  const dialog = page.getByRole('dialog');
  if (reason) await dialog.getByTestId('review-lock-reason').fill(reason);
  await dialog.getByRole('button', { name: /^(Chốt|Lock)$/ }).click();
  await expect(page.getByTestId('review-read-only')).toBeVisible();
}

/** The falsified-evidence mark set (true) or withdrawn (false) with its reason; waits for the tag to follow. */
export async function markFalsified(page: Page, value: boolean, reason: string): Promise<void> {
  const form = page.getByTestId('review-falsified-form');
  await form.getByTestId('review-falsified').setChecked(value);
  if (reason) await form.getByTestId('review-falsified-reason').fill(reason);
  await form.getByTestId('review-falsified-save').click();
  if (!reason) return;
  await expect(page.getByTestId('review-falsified-tag')).toHaveCount(value ? 1 : 0);
}
