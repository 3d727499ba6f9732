import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../../shared/results/schema.ts';
import { HOME_WORKSPACE, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot } from './app.ts';
import { consolidate, expectHeadline, importSurvey, loadEarlierYear, openBand, openRanking, openSection, rankingCodes, storeSurvey } from './steps/results.ts';

/*
 * Issue 14 points 4 and 5 as the appraiser's story on the demo: submissions imported with the CLI;
 * in the window a survey with one bad row (its error at sheet/row/column, nothing stored), fixed,
 * stored; consolidated; the dashboard's ranking, bands, headline cards and chart text alternatives
 * checked against the stored results.json; an earlier year (the demo's --year before) loaded for
 * the trend; a band's count opens the agencies behind it.
 */

const root = join(import.meta.dirname, '..', '.artifacts', 'e2e-results');
const ws = join(root, 'so-noi-vu');
const pts = (n: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
let year = 0;
let surveyFile = '';
let earlier = '';

async function withBadRow(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(surveyFile);
  wb.worksheets[0]!.getCell('F5').value = 'Z';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const stored = (): Results => JSON.parse(readFileSync(join(ws, 'results', 'results.json'), 'utf8')) as Results;

test.beforeAll(() => {
  rmSync(root, { recursive: true, force: true });
  parscore('demo', ws, '--agencies', '40', '--seed', '2024', '--submissions', join(root, 'out'));
  parscore('import', ws, join(root, 'out'));
  surveyFile = join(root, 'out', 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx');
  year = (JSON.parse(readFileSync(join(ws, 'campaign.json'), 'utf8')) as { year: number }).year;
  // The year before, consolidated with the CLI: the file the comparison loads.
  const prev = join(root, 'truoc');
  parscore('demo', prev, '--agencies', '40', '--seed', '7', '--year', String(year - 1), '--submissions', join(root, 'truoc-out'));
  parscore('import', prev, join(root, 'truoc-out'));
  parscore('survey', 'import', prev, join(root, 'truoc-out', 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx'));
  parscore('consolidate', prev, '--out', join(root, 'truoc-results'));
  earlier = join(root, 'truoc-results', 'results.json');
});

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await resetLanguage(page, 'vi');
  await openWorkspace(page, ws);
  await page.reload();
});
test.afterEach(async ({ page }) => {
  await resetLanguage(page, 'vi');
  await openWorkspace(page, HOME_WORKSPACE);
});

test('survey with a bad row, fixed and stored; consolidated; the dashboard against results.json; an earlier year; a band opens its agencies', async ({ page }) => {
  test.setTimeout(180_000);
  // ── the survey ──
  await openSection(page, 'survey');
  await expect(page.getByTestId('survey-none')).toBeVisible();
  await screenshot(page, 'survey-empty-vi');
  await expectAccessible(page);
  await importSurvey(page, { name: 'dieu-tra-loi.xlsx', buffer: await withBadRow() });
  const errors = page.getByTestId('survey-error');
  await expect(errors).toHaveCount(1);
  await expect(errors.first()).toContainText('Phiếu trả lời ĐTXHH');
  await expect(errors.first()).toContainText('dòng 5');
  await expect(errors.first()).toContainText('cột F');
  await expect(page.getByTestId('survey-store')).toHaveCount(0);
  await screenshot(page, 'survey-errors-vi');
  await expectAccessible(page);
  expect(() => readFileSync(join(ws, 'survey.json'))).toThrow(); // nothing stored

  await importSurvey(page, { name: 'dieu-tra-xa-hoi-hoc.xlsx', buffer: readFileSync(surveyFile) });
  await expect(page.getByTestId('survey-preview')).toContainText('40 cơ quan');
  await expect(page.getByTestId('survey-preview-table-row-S01')).toBeVisible();
  await screenshot(page, 'survey-preview-vi');
  await expectAccessible(page);
  await storeSurvey(page);
  await expect(page.getByTestId('survey-last')).toContainText('dieu-tra-xa-hoi-hoc.xlsx');
  await screenshot(page, 'survey-stored-vi');
  const survey = JSON.parse(readFileSync(join(ws, 'survey.json'), 'utf8')) as { results: Record<string, unknown> };
  expect(Object.keys(survey.results)).toHaveLength(40);

  // ── consolidation ──
  await openSection(page, 'results');
  await expect(page.getByTestId('results-none')).toBeVisible();
  await screenshot(page, 'results-none-vi');
  await consolidate(page);
  await expect(page.getByTestId('results-stale')).toHaveCount(0);
  await page.evaluate(() => document.querySelector('.screen')?.scrollTo(0, 0));
  await screenshot(page, 'results-consolidated-vi');
  const r = stored();

  // ── headline cards, worded as the province reports them ──
  for (const g of ['department', 'district'] as const) {
    const iso = r.iso!.find((s) => s.scope === g)!;
    await expectHeadline(page, `iso:${g}:complete`, `${iso.complete.count}/${iso.agencies} ${g === 'department' ? 'sở, ban, ngành' : 'huyện'}`);
  }
  for (const h of r.headlines) await expect(page.getByTestId(`headline-headline:${h.code}-value`)).toContainText(new Intl.NumberFormat('vi-VN').format(h.value!));

  // ── the ranking of departments, against results.json ──
  await openRanking(page, 'department');
  const deps = r.agencies.filter((a) => a.agency.group === 'department');
  expect((await rankingCodes(page)).slice(0, 8)).toEqual(deps.slice(0, 8).map((a) => a.agency.code));
  const top = deps[0]!;
  await expect(page.getByTestId(`rank-${top.agency.code}`)).toHaveText(String(top.rank));
  await expect(page.getByTestId(`index-${top.agency.code}`)).toHaveText(pts(top.index));
  await expect(page.getByTestId(`band-${top.agency.code}`)).toContainText(top.band!);
  const absent = deps.find((a) => !a.submitted);
  if (absent) {
    await page.getByTestId('ranking-search').fill(absent.agency.name);
    await expect(page.getByTestId(`state-${absent.agency.code}`)).toContainText('Không xếp hạng');
    await page.getByTestId('ranking-search').fill('');
  }
  // Search without diacritics.
  const tp = deps.find((a) => a.agency.name === 'Sở Tư pháp')!;
  await page.getByTestId('ranking-search').fill('so tu phap');
  expect(await rankingCodes(page)).toEqual([tp.agency.code]);
  await page.getByTestId('ranking-search').fill('');

  // ── the charts' text alternatives say results.json's numbers ──
  const group = r.groups.find((g) => g.group === 'department')!;
  const bandsText = page.getByTestId('bands-text-department');
  for (const b of r.bands) await expect(bandsText).toContainText(`${b.label.vi} ${group.bands[b.code] ?? 0}`);
  await expect(page.getByTestId('bands-chart-department')).toHaveAttribute('aria-label', (await bandsText.textContent())!);
  const area1 = deps.filter((a) => a.submitted).map((a) => a.areas.find((x) => x.code === '1')!.index!);
  await expect(page.getByTestId('areas-text-department')).toContainText(`${pts(Math.round((area1.reduce((s, x) => s + x, 0) / area1.length) * 100) / 100)}%`);
  await screenshot(page, 'results-dashboard-vi');
  await expectAccessible(page);

  // ── a band's count → the agencies behind it ──
  const bandA = deps.filter((a) => a.band === 'A').map((a) => a.agency.code);
  expect(bandA.length).toBeGreaterThan(0);
  await openBand(page, 'department', 'A');
  await expect(page.getByTestId('ranking-count')).toHaveText(`${bandA.length} cơ quan`);
  expect(await rankingCodes(page)).toEqual(bandA);
  await screenshot(page, 'results-band-filter-vi');
  await page.getByTestId('ranking-filter-clear').click();
  // The group's "not ranked" count → those agencies, each with its reason.
  const unranked = deps.filter((a) => a.rank === null).map((a) => a.agency.code);
  expect(unranked.length).toBeGreaterThan(0);
  await page.getByTestId('group-department-unranked').click();
  expect(await rankingCodes(page)).toEqual(unranked);
  for (const code of unranked) await expect(page.getByTestId(`state-${code}`)).toContainText('Không xếp hạng');
  await page.getByTestId('ranking-filter-clear').click();

  // ── an agency's areas against its group ──
  await page.getByTestId(`rank-select-${top.agency.code}`).click();
  await expect(page.getByTestId('agency-areas-text')).toContainText(top.agency.name);
  await expect(page.getByTestId('agency-areas-text')).toContainText(`${pts(top.areas[0]!.index!)}%`);
  await screenshot(page, 'results-agency-vi');

  // ── sort by index, ascending ──
  await page.getByTestId('ranking-sort-index').click();
  const lowest = [...deps].sort((a, b) => (a.submitted ? a.index : -Infinity) - (b.submitted ? b.index : -Infinity))[0]!;
  expect((await rankingCodes(page))[0]).toBe(lowest.agency.code);

  // ── an earlier year ──
  await loadEarlierYear(page, { name: 'results.json', buffer: readFileSync(earlier), year: year - 1 });
  const prev = JSON.parse(readFileSync(earlier, 'utf8')) as Results;
  const prevDep = prev.groups.find((g) => g.group === 'department')!.averageIndex!;
  await expect(page.getByTestId('trend-text')).toContainText(`năm ${year - 1} ${pts(prevDep)}%`);
  await expect(page.getByTestId('trend-text')).toContainText(`năm ${year} ${pts(group.averageIndex!)}%`);
  await page.getByTestId('trend').scrollIntoViewIfNeeded();
  await screenshot(page, 'results-trend-vi');
  await expectAccessible(page);

  // ── English ──
  await resetLanguage(page, 'en');
  await page.reload();
  await expect(page.getByTestId('results-generated')).toBeVisible();
  await expect(page.getByTestId('headline-iso:department:complete-value')).toContainText('departments');
  await screenshot(page, 'results-dashboard-en');
  await expectAccessible(page);
  await page.getByTestId('trend').scrollIntoViewIfNeeded();
  await screenshot(page, 'results-trend-en');
  await openSection(page, 'survey');
  await expect(page.getByTestId('survey-last')).toBeVisible();
  await screenshot(page, 'survey-stored-en');
  await importSurvey(page, { name: 'dieu-tra-loi.xlsx', buffer: await withBadRow() });
  await screenshot(page, 'survey-errors-en');
  await expectAccessible(page);
});
