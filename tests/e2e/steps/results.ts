import { type Page, expect } from '@playwright/test';

/*
 * The survey and the results dashboard at Home Affairs as user actions (Excalidraw
 * tests/helpers/ui.ts style), for the results spec and the appraiser's whole story.
 */

export interface FileToSend {
  name: string;
  buffer: Buffer;
  mimeType?: string;
}

/** Opens a Home Affairs section by its link under the menu bar. */
export async function openSection(page: Page, section: 'survey' | 'results'): Promise<void> {
  await page.getByTestId(`nav-${section}`).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** "Điều tra xã hội học": picks the file; waits for its preview or its errors (nothing stored yet). */
export async function importSurvey(page: Page, file: FileToSend): Promise<void> {
  if (!(await page.getByTestId('survey-drop').isVisible())) await openSection(page, 'survey');
  await page.getByTestId('survey-drop').locator('input[type=file]').setInputFiles({ mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ...file });
  await expect(page.getByTestId('survey-preview').or(page.getByTestId('survey-errors')).or(page.getByTestId('survey-refused'))).toBeVisible();
}

/** Confirms the previewed survey file: stored. */
export async function storeSurvey(page: Page): Promise<void> {
  await page.getByTestId('survey-store').click();
  await expect(page.getByTestId('survey-stored')).toBeVisible();
}

/** "Tổng hợp" (or "Tổng hợp lại") on the results screen; waits until the stored results are shown. */
export async function consolidate(page: Page): Promise<void> {
  if (!(await page.getByTestId('results-consolidate').isVisible())) await openSection(page, 'results');
  await page.getByTestId('results-consolidate').click();
  await expect(page.getByTestId('results-consolidated')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('results-generated')).toBeVisible();
}

/** The ranking of a group (its tab on the dashboard). */
export async function openRanking(page: Page, group: 'department' | 'district' | 'commune'): Promise<void> {
  await page.getByTestId(`results-group-${group}`).click();
  await expect(page.getByRole('table', { name: /./ }).first()).toBeVisible();
  await expect(page.getByTestId(`group-summary-${group}`)).toBeVisible();
}

/** A headline card says `text` (e.g. "18/21 sở, ban, ngành"). Keys: `iso:<group>:complete`, `headline:<code>`, `figure:<group>:<code>`. */
export async function expectHeadline(page: Page, key: string, text: string | RegExp): Promise<void> {
  await expect(page.getByTestId(`headline-${key}-value`)).toHaveText(text);
}

/** Clicks a headline card: the ranking shows the agencies behind it. */
export async function openHeadline(page: Page, key: string): Promise<void> {
  await page.getByTestId(`headline-${key}`).getByRole('button').click();
  await expect(page.getByTestId('ranking-filter')).toBeVisible();
}

/** Clicks a band's count in a group's band distribution: the ranking shows its agencies. */
export async function openBand(page: Page, group: string, band: string): Promise<void> {
  await page.getByTestId(`band-count-${group}-${band}`).click();
  await expect(page.getByTestId('ranking-filter')).toBeVisible();
}

/** Loads an earlier year's results.json for the comparison; waits for that year in the trend. */
export async function loadEarlierYear(page: Page, file: FileToSend & { year: number }): Promise<void> {
  await page.getByTestId('trend-drop').locator('input[type=file]').setInputFiles({ mimeType: 'application/json', name: file.name, buffer: file.buffer });
  await expect(page.getByTestId(`trend-year-${file.year}`)).toBeVisible();
}

/** The codes of the ranking's rows in view, top to bottom. */
export async function rankingCodes(page: Page): Promise<string[]> {
  const ids = await page.getByTestId('ranking').locator('tbody tr[data-testid^="rank-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice('rank-row-'.length)));
  return ids;
}
