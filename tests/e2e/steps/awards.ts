/**
 * The appraiser's actions on the commendation, reports and audit log screens, as small steps a
 * story reads like (Excalidraw tests/helpers/ui.ts style): `await overrideAward(page, 'bk-tap-the',
 * 'S08', 'exclude', '…')`. Each waits until the window has answered; the story asserts the rest.
 */
import { type Locator, type Page, expect } from '@playwright/test';

/** Opens the commendation screen from Home Affairs' row of sections. */
export async function openAwards(page: Page): Promise<void> {
  await page.getByTestId('nav-awards').click();
  await expect(page.getByTestId('awards-screen')).toBeVisible();
}

/** The row of a subject (an agency code for a collective, a nomination id for a person) on an award's list. */
export function awardRow(page: Page, rule: string, subject: string): Locator {
  return page.getByTestId(`award-row-${rule}-${subject}`);
}

/** The subject is on the award's list (or among those not proposed) with this reason shown. */
export async function expectCandidate(page: Page, rule: string, subject: string, reason: string | RegExp): Promise<void> {
  await expect(page.getByTestId(`award-reasons-${rule}-${subject}`)).toContainText(reason);
}

/**
 * The council's decision on a row: 'include' an excluded nominee, 'exclude' a candidate. Returns the
 * dialog, still open when the reason was refused (its error at the field), closed once stored.
 */
export async function overrideAward(page: Page, rule: string, subject: string, action: 'include' | 'exclude' | 'remove', reason: string): Promise<Locator> {
  await page.getByTestId(`award-${action}-${rule}-${subject}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('decision-reason').fill(reason);
  await dialog.getByTestId('decision-ok').click();
  await Promise.race([dialog.getByTestId('decision-reason-error').waitFor(), dialog.waitFor({ state: 'hidden' })]);
  return dialog;
}

/** Exports the lists as the official workbook (browser mode: a download). */
export async function exportAwards(page: Page) {
  const downloading = page.waitForEvent('download', { timeout: 20_000 });
  await page.getByTestId('awards-export').click();
  return downloading;
}

/**
 * Writes the named reports (`parscore report --only` names) into `folder` from the reports page;
 * returns the files written, relative to the folder, as the page lists them.
 */
export async function writeReports(page: Page, names: readonly string[], folder: string, opts: { number?: string; date?: string } = {}): Promise<string[]> {
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('reports-screen')).toBeVisible();
  await page.getByRole('button', { name: /Bỏ chọn tất cả|Clear all/ }).click();
  for (const n of names) await page.getByTestId(`report-choice-${n}`).check();
  await page.getByTestId('reports-folder').fill(folder);
  if (opts.number !== undefined) await page.getByTestId('reports-number').fill(opts.number);
  if (opts.date !== undefined) await page.getByTestId('reports-date').fill(opts.date);
  await page.getByTestId('reports-write').click();
  await expect(page.getByTestId('reports-done').or(page.getByTestId('reports-error')).or(page.getByTestId('reports-folder-error'))).toBeVisible({ timeout: 30_000 });
  if (!(await page.getByTestId('reports-done').isVisible())) return [];
  return (await page.getByTestId('reports-files').locator('li').allInnerTexts()).map((s) => s.trim());
}

/** Opens the audit log and filters it; `agency` by its code (typed in the agency list, then Enter). */
export async function filterAudit(page: Page, f: { agency?: string; item?: string; round?: 1 | 2 }): Promise<void> {
  if (!(await page.getByTestId('audit-screen').isVisible())) {
    await page.getByTestId('nav-audit').click();
    await expect(page.getByTestId('audit-screen')).toBeVisible();
  }
  const before = await page.getByTestId('audit-count').innerText();
  if (f.agency !== undefined) {
    const select = page.getByTestId('audit-filter-agency');
    await select.click();
    await page.keyboard.type(f.agency);
    // The list narrows to the agency typed (its code and name); Enter picks it.
    await expect(page.locator('.ant-select-item-option').first()).toContainText(f.agency);
    await page.keyboard.press('Enter');
  }
  if (f.item !== undefined) await page.getByTestId('audit-filter-item').fill(f.item);
  if (f.round !== undefined) {
    await page.getByTestId('audit-filter-round').click();
    await page.locator('.ant-select-item-option').filter({ hasText: String(f.round) }).click();
  }
  await expect(page.getByTestId('audit-count')).not.toHaveText(before);
}

/** Exports the audit rows shown (browser mode: a download). */
export async function exportAudit(page: Page) {
  const downloading = page.waitForEvent('download', { timeout: 20_000 });
  await page.getByTestId('audit-export').click();
  return downloading;
}

/** Opens the commendation rules editor (the commendation screen's second tab). */
export async function openRules(page: Page): Promise<Locator> {
  await openAwards(page);
  await page.getByTestId('awards-tab-rules').click();
  const editor = page.getByTestId('rules-editor');
  await expect(editor).toBeVisible();
  return editor;
}

/** Types a rule's parameter (its form path: 'collectives.0.topN.department', 'individuals.1.award.vi'). */
export async function setRuleField(page: Page, path: string, value: string): Promise<void> {
  const field = page.getByTestId(`rules-${path}`);
  await field.fill(value);
  await field.blur();
}

/** Previews whom the unsaved rules would select; returns the preview (or the "no results" notice). */
export async function previewRulesList(page: Page): Promise<Locator> {
  await page.getByTestId('rules-preview-run').click();
  const shown = page.getByTestId('rules-preview').or(page.getByTestId('rules-preview-none')).or(page.locator('[data-testid^="rules-error-"]').first());
  await expect(shown).toBeVisible();
  return shown;
}

/** Saves the rules through the same setRules as `parscore award set-rules`; waits for saved or refused. */
export async function saveRules(page: Page): Promise<void> {
  await page.getByTestId('rules-save').click();
  await expect(page.getByTestId('rules-saved').or(page.locator('[data-testid^="rules-error-"]').first())).toBeVisible();
}
