import { type Page, expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { parscore } from '../app.ts';

/*
 * The campaign set-up's user actions (Home Affairs, #/campaign), for the stories: each leaves the
 * page on the step a person would be on next. Labels in Vietnamese.
 */

export interface AgencyRow {
  code: string;
  name: string;
  /** As typed in the sheet's group column ("Sở, ban, ngành", "xã", …). */
  group: string;
  parent?: string;
}

/**
 * An agency list as a clerk fills it: the blank form from `parscore campaign agencies-form`, the
 * rows typed under its headers. Returns the file's path.
 */
export async function writeAgencyList(dir: string, name: string, rows: AgencyRow[]): Promise<string> {
  const blank = join(dir, `mau-${name}`);
  parscore('campaign', 'agencies-form', '--out', blank);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(blank);
  const sheet = wb.worksheets[0]!;
  let header = 0;
  sheet.eachRow((row, n) => {
    if (!header && /^mã/i.test(String(row.getCell(2).value ?? ''))) header = n;
  });
  expect(header, 'the form has its header row').toBeGreaterThan(0);
  rows.forEach((r, i) => {
    const row = sheet.getRow(header + 1 + i);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = r.code;
    row.getCell(3).value = r.name || null;
    row.getCell(4).value = r.group;
    row.getCell(5).value = r.parent ?? null;
  });
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * A province's own criteria workbook: a built-in sample exported with `parscore template
 * export-xlsx`, renamed to `id`, and with the first item's maximum typed as a word when `broken`.
 */
export async function writeCriteriaWorkbook(dir: string, name: string, o: { from: string; id: string; broken?: boolean }): Promise<string> {
  const file = join(dir, name);
  parscore('template', 'export-xlsx', o.from, '--out', file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const sheet of wb.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value === o.from) cell.value = o.id;
      });
    });
  }
  if (o.broken) {
    const items = wb.worksheets[1]!;
    let col = 0;
    items.getRow(1).eachCell((c, n) => {
      if (!col && /điểm tối đa/i.test(String(c.value ?? ''))) col = n;
    });
    items.getRow(2).getCell(col).value = 'mười';
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** Step 3: drops (picks) a criteria workbook; the step then says it was imported, or shows every problem. */
export async function dropCriteriaWorkbook(page: Page, file: string): Promise<void> {
  await page.getByTestId('campaign-sets').locator('.campaign-import input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('campaign-set-problems').or(page.getByTestId('campaign-set-imported'))).toBeVisible();
}

/** Chooses the ranked criteria set of a group at step 3, by the text of its option (its `id@version`). */
export async function chooseRankedSet(page: Page, group: 'department' | 'district' | 'commune', option: string): Promise<void> {
  await page.getByTestId(`campaign-ranked-${group}`).click();
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await expect(page.getByTestId(`campaign-ranked-${group}`)).toContainText(option);
}

/** Opens the campaign section from Home Affairs' links. */
export async function openCampaignSetup(page: Page): Promise<void> {
  await page.getByTestId('nav-campaign').click();
  await expect(page.getByTestId('campaign-screen')).toBeVisible();
}

/** Goes to a step by its title in the steps list, by keyboard (Tab reaches each step, Enter opens it) or a click. */
export async function goToStep(page: Page, title: string, by: 'keyboard' | 'click' = 'click'): Promise<void> {
  const step = page.locator('.campaign-steps').getByRole('button', { name: title });
  if (by === 'keyboard') {
    await step.focus();
    await page.keyboard.press('Enter');
  } else await step.click();
  await expect(page.locator('#campaign-step-title')).toHaveText(title);
}

/** Step 1: year, province (and model); continues to the agency list. */
export async function fillBasics(page: Page, o: { year: number; province: string; model?: 'two-tier' | 'three-tier'; title?: string }): Promise<void> {
  await page.getByTestId('campaign-year').fill(String(o.year));
  await page.getByTestId('campaign-province').fill(o.province);
  if (o.title !== undefined) await page.getByTestId('campaign-title').fill(o.title);
  await page.getByTestId(`campaign-model-${o.model ?? 'two-tier'}`).check();
  await page.getByTestId('campaign-basics-next').click();
  await expect(page.getByTestId('campaign-agencies')).toBeVisible();
}

/** Step 2: drops (picks) the agency list; the step then shows what it holds, or every row's error. */
export async function dropAgencyList(page: Page, file: string): Promise<void> {
  await page.getByTestId('campaign-agencies').locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('campaign-agency-problems').or(page.getByTestId('campaign-agencies-read'))).toBeVisible();
}

/** The errors the agency step shows: one line per problem, "sheet|row|column|message". */
export async function agencyListProblems(page: Page): Promise<string[]> {
  const rows = page.getByTestId('campaign-agency-problems').locator('tbody tr.ant-table-row, .ant-table-tbody-virtual .ant-table-row');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td, .ant-table-cell')].map((c) => (c.textContent ?? '').trim()).join('|')));
}

/** Chooses an additional criteria set (ISO 9001) for a group at the criteria-set step, by the text of its option. */
export async function addAdditionalSet(page: Page, group: 'department' | 'district' | 'commune', option: string): Promise<void> {
  await page.getByTestId(`campaign-additional-${group}`).click();
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await page.keyboard.press('Escape');
}

/** Step 3 before the campaign exists: creates it; the page goes on to the deadlines. */
export async function createCampaign(page: Page): Promise<void> {
  await page.getByTestId('campaign-sets-save').click();
  await expect(page.getByTestId('campaign-screen')).toHaveAttribute('data-created', 'yes');
  await expect(page.getByTestId('campaign-deadlines')).toBeVisible();
}

/** Step 4: the deadlines typed dd/mm/yyyy, saved; the page goes on to the rules (or shows the error at the field). */
export async function setDeadlines(page: Page, d: Partial<Record<'selfAssessment' | 'appraisal1' | 'explanation' | 'appraisal2', string>>): Promise<void> {
  for (const [k, v] of Object.entries(d)) await page.getByTestId(`campaign-deadline-${k}`).fill(v);
  await page.getByTestId('campaign-deadlines-save').click();
}

/** Step 7: who signs, and the reports' recipients (one per line) when given. Saved; the page goes on to the export. */
export async function setIssuer(page: Page, o: { signerName: string; signerTitle?: string; recipients?: string[] }): Promise<void> {
  await page.getByTestId('campaign-issuer-signerName').fill(o.signerName);
  if (o.signerTitle) await page.getByTestId('campaign-issuer-signerTitle').fill(o.signerTitle);
  if (o.recipients) await page.getByTestId('campaign-issuer-recipients').fill(o.recipients.join('\n'));
  await page.getByTestId('campaign-issuer-save').click();
  await expect(page.getByTestId('campaign-export')).toBeVisible();
}

/** Step 8: signs and exports the campaign file (downloaded in the browser mode); returns where it was saved. */
export async function exportCampaignFile(page: Page, dir: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('campaign-export-file').click();
  const d = await download;
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  await expect(page.getByTestId('campaign-export-done')).toBeVisible();
  return path;
}

/**
 * The whole set-up in one go: basics, the agency list (a first file with errors, then the fixed
 * one, when `badAgencies` is given), the default criteria sets plus `additional`, the deadlines,
 * the default rules, the issuer. Leaves the page at the export step.
 */
export async function setUpCampaign(
  page: Page,
  o: { year: number; province: string; agencies: string; badAgencies?: string; additional?: { group: 'department' | 'commune'; option: string }[]; deadlines?: Parameters<typeof setDeadlines>[1]; signerName: string },
): Promise<void> {
  await openCampaignSetup(page);
  await fillBasics(page, o);
  if (o.badAgencies) await dropAgencyList(page, o.badAgencies);
  await dropAgencyList(page, o.agencies);
  await expect(page.getByTestId('campaign-agencies-read')).toBeVisible();
  await page.getByTestId('campaign-agencies-next').click();
  for (const a of o.additional ?? []) await addAdditionalSet(page, a.group, a.option);
  await createCampaign(page);
  await setDeadlines(page, o.deadlines ?? {});
  await expect(page.getByTestId('campaign-rules')).toBeVisible();
  await page.getByTestId('campaign-rules-save').click();
  await page.getByTestId('campaign-awards-next').click();
  await setIssuer(page, { signerName: o.signerName });
}
