import { expect, test } from '@playwright/test';
import { expectAccessible, openApp, resetLanguage, screenshot } from './app.ts';
import { searchAgencies, showGroup, shownCodes, sortBy } from './steps/overview.ts';

// The overview draws only the rows in view (features/overview/AgencyTable.tsx); sorting, tabs and
// search are one pass over the summary. What the user sees of it; the timings are in bench/ui.ts.
test.afterEach(async ({ page }) => resetLanguage(page, 'vi'));

/** The index shown in a row, as a number ("62,96%" → 62.96; "—" → -1). */
async function indexOf(page: import('@playwright/test').Page, code: string): Promise<number> {
  const text = (await page.getByTestId(`agency-row-${code}`).locator('td').nth(5).textContent()) ?? '';
  return text.includes('%') ? Number(text.replace('%', '').replace(/\./g, '').replace(',', '.')) : -1;
}

test('Home Affairs sorts the agencies by the index, highest first, within a tab, and finds one without diacritics', async ({ page }) => {
  await openApp(page);
  await sortBy(page, 'Chỉ số tạm tính', 'descending');
  const codes = await shownCodes(page);
  expect(codes.length).toBeGreaterThan(10);
  const shown = await Promise.all(codes.slice(0, 6).map((c) => indexOf(page, c)));
  expect(shown).toEqual([...shown].sort((a, b) => b - a));
  await screenshot(page, 'overview-sorted-vi');
  await expectAccessible(page);

  // The sort stays when the tab changes; only communes are listed.
  await showGroup(page, 'UBND cấp xã');
  const communes = await shownCodes(page);
  expect(communes.every((c) => c.startsWith('X'))).toBe(true);
  const first = await Promise.all(communes.slice(0, 4).map((c) => indexOf(page, c)));
  expect(first).toEqual([...first].sort((a, b) => b - a));

  await showGroup(page, 'Tất cả');
  await searchAgencies(page, 'TU PHAP');
  await expect(page.getByTestId('agency-count')).toHaveText('1/60 cơ quan, đơn vị');
  await expect(page.getByTestId('agency-row-S03')).toContainText('Sở Tư pháp');

  // By code: districts (H…) before departments (S…); a third click gives back the list's own order (departments first).
  await searchAgencies(page, '');
  await sortBy(page, 'Mã', 'ascending');
  expect((await shownCodes(page)).slice(0, 2)).toEqual(['H01', 'H02']);
  const code = page.getByRole('columnheader', { name: 'Mã', exact: true });
  await code.getByRole('button').click();
  await code.getByRole('button').click();
  await expect(code).toHaveAttribute('aria-sort', 'none');
  expect((await shownCodes(page)).slice(0, 2)).toEqual(['S01', 'S02']);
});

test('the sort headers work from the keyboard and are named in English too', async ({ page }) => {
  await openApp(page);
  await resetLanguage(page, 'en');
  await page.reload();
  const header = page.getByRole('columnheader', { name: 'Agency', exact: true });
  await expect(header).toHaveAttribute('aria-sort', 'none');
  await header.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Space');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await screenshot(page, 'overview-sorted-en');
  await expectAccessible(page);
  await searchAgencies(page, 'zzzz');
  await expect(page.getByRole('img', { name: 'No data' })).toBeVisible();
  await screenshot(page, 'overview-empty-en');
});
