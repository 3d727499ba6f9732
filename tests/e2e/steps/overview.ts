import { type Page, expect } from '@playwright/test';

/** The overview's tab of one group (its label as shown: 'UBND cấp xã', 'Communes', 'Tất cả' …). */
export async function showGroup(page: Page, label: string): Promise<void> {
  await page.getByRole('tab', { name: label, exact: true }).click();
  await expect(page.getByRole('tab', { name: label, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** Types into the overview's search box (diacritics and case do not matter). */
export async function searchAgencies(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox').fill(text);
}

/**
 * Clicks a column's header until the column is sorted `order` ('ascending' or 'descending'):
 * ascending, descending, then back to the list's own order, as the header cycles.
 */
export async function sortBy(page: Page, column: string, order: 'ascending' | 'descending'): Promise<void> {
  const header = page.getByRole('columnheader', { name: column, exact: true });
  for (let k = 0; k < 3 && (await header.getAttribute('aria-sort')) !== order; k++) await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', order);
}

/** The agency codes of the rows drawn, top to bottom. */
export async function shownCodes(page: Page): Promise<string[]> {
  const ids = await page.locator('[data-testid^="agency-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace('agency-row-', ''));
}
