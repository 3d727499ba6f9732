import { type Page, expect } from '@playwright/test';

/**
 * The agency screen's criteria sets (issue 13 point 7: "PAR index and ISO 9001 side by side") and
 * the item actions the stories share. Names as the officer reads them: 'Chỉ số CCHC', 'ISO 9001:2008'.
 */

/** The navigation between the agency's criteria sets. */
export const criteriaSets = (page: Page) => page.getByRole('navigation', { name: /^(Bộ tiêu chí|Criteria sets)$/ });

/** Opens a criteria set by its name ("ISO 9001:2008", "Chỉ số CCHC"); the tree takes the focus. */
export async function openCriteriaSet(page: Page, name: string): Promise<void> {
  // A segment (a radio in its label) shows the set's name and progress ("ISO 9001:2008 26/41").
  await criteriaSets(page).locator('label').filter({ hasText: name }).click();
  await expect(page.getByRole('tree')).toBeFocused();
}

/** "answered/total" shown beside a criteria set ("iso-9001", or the ranked template's id). */
export async function setProgress(page: Page, id: string): Promise<{ answered: number; total: number }> {
  const text = await page.getByTestId(`set-progress-${id}`).innerText();
  const m = /(\d+)\/(\d+)/.exec(text);
  expect(m, text).not.toBeNull();
  return { answered: Number(m![1]), total: Number(m![2]) };
}

/** Selects an item of the tree by its code; its panel shows it. */
export async function selectItem(page: Page, code: string): Promise<void> {
  await page.locator(`[role="treeitem"][data-item="${code}"]`).click();
  await expect(page.getByTestId('item-panel').getByRole('heading', { level: 2 })).toContainText(code);
}

/** Waits until the autosave says it saved. */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('status-save')).toHaveAttribute('data-state', 'saved');
}

/** Answers the selected yes/no item ("Có", "Không"; "Yes", "No") and waits for the save. */
export async function answerYesNo(page: Page, answer: string): Promise<void> {
  const button = page.getByTestId('item-panel').getByRole('button', { name: answer, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await saved(page);
}

/** Clears the selected item's answer where it has one, and waits for the save. */
export async function clearAnswer(page: Page): Promise<void> {
  const clear = page.getByTestId('item-panel').getByRole('button', { name: /^(Xóa câu trả lời|Clear the answer)$/ });
  if (!(await clear.isEnabled())) return;
  await clear.click();
  await expect(clear).toBeDisabled();
  await saved(page);
}

/** Switches the window's language with the status bar's VI/EN switch (no reload: the screen's state stays). */
export async function switchLanguage(page: Page, lang: 'vi' | 'en'): Promise<void> {
  await page.getByTestId('status-bar').getByText(lang.toUpperCase(), { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}
