/**
 * The officer's actions on the criteria tree and the item panel, as a user does them (Excalidraw's
 * tests/helpers/ui.ts style): each step waits for what the user would see before the next.
 * Labels are the Vietnamese ones: the stories run in Vietnamese unless they switch.
 */
import { type Page, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const panelOf = (page: Page) => page.getByTestId('item-panel');

/** Waits until the status bar says the last change is saved. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('status-save')).toHaveText('Đã lưu');
}

/** Clicks the item in the tree; its panel opens. */
export async function selectItem(page: Page, code: string): Promise<void> {
  await page.locator(`[role="treeitem"][data-item="${code}"]`).click();
  await expect(panelOf(page).getByRole('heading', { level: 2 })).toContainText(code);
}

/** Yes / no (BINARY). */
export async function answerYesNo(page: Page, code: string, yes: boolean): Promise<void> {
  await selectItem(page, code);
  const button = panelOf(page).getByRole('button', { name: yes ? 'Có' : 'Không', exact: true });
  if ((await button.getAttribute('aria-pressed')) === 'true') return;
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expectSaved(page);
}

/** Types a number into the panel's field named `label` and commits it with Enter. */
export async function typeInto(page: Page, label: string, value: string): Promise<void> {
  const field = panelOf(page).getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** A count (COUNT_DEDUCT). */
export async function enterCount(page: Page, code: string, count: string): Promise<void> {
  await selectItem(page, code);
  await typeInto(page, 'Số lần', count);
  await expectSaved(page);
}

/** PERCENT_BANDS: how the value is typed ("Cách nhập"); other rule types have no such choice. */
async function chooseMode(page: Page, mode: 'Tỷ lệ %' | 'Số đạt / tổng số'): Promise<void> {
  const group = panelOf(page).getByRole('radiogroup', { name: 'Cách nhập' });
  if ((await group.count()) > 0) await group.getByText(mode, { exact: true }).click();
}

/** Achieved / total (RATIO, or PERCENT_BANDS typed as a ratio). */
export async function enterRatio(page: Page, code: string, achieved: string, total: string): Promise<void> {
  await selectItem(page, code);
  await chooseMode(page, 'Số đạt / tổng số');
  await typeInto(page, 'Số đạt', achieved);
  await typeInto(page, 'Tổng số', total);
  await expectSaved(page);
}

/** A percentage (PERCENT_BANDS). */
export async function enterPercent(page: Page, code: string, percent: string): Promise<void> {
  await selectItem(page, code);
  await chooseMode(page, 'Tỷ lệ %');
  await typeInto(page, 'Tỷ lệ (%)', percent);
  await expectSaved(page);
}

export interface DocumentDetails {
  docNo: string;
  date?: string;
  issuer?: string;
  title?: string;
}

/** Attaches a document to the item by the file picker, with its details. */
export async function attachEvidence(page: Page, code: string, file: { name: string; text: string }, d: DocumentDetails): Promise<void> {
  await selectItem(page, code);
  const panel = panelOf(page);
  const rows = panel.getByTestId('evidence-row');
  const before = await rows.count();
  await panel.locator('.evidence-drop input[type=file]').setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: Buffer.from(file.text) });
  const form = panel.getByTestId('evidence-form');
  await form.getByLabel('Số văn bản').fill(d.docNo);
  if (d.date) await form.getByLabel('Ngày ban hành (dd/mm/yyyy)').fill(d.date);
  if (d.issuer) await form.getByLabel('Cơ quan ban hành').fill(d.issuer);
  if (d.title) await form.getByLabel('Trích yếu').fill(d.title);
  await form.getByRole('button', { name: 'Lưu tài liệu' }).click();
  await expect(rows).toHaveCount(before + 1);
  await expectSaved(page);
}

/** Writes the item's explanation (saved on leaving the box). */
export async function writeExplanation(page: Page, code: string, text: string): Promise<void> {
  await selectItem(page, code);
  const box = panelOf(page).getByLabel('Giải trình');
  await box.fill(text);
  await box.blur();
  await expect(panelOf(page).getByTestId('explanation-state')).toHaveText('Đã lưu giải trình');
}

/** Opens "check before sending" from the agency screen. */
export async function openSendCheck(page: Page): Promise<void> {
  await page.getByTestId('send-open').click();
  await expect(page.getByTestId('send-check')).toBeVisible();
}

/** The lines of the check, as "group item" pairs. */
export async function sendCheckLines(page: Page): Promise<{ group: string; item: string | null; text: string }[]> {
  return page.locator('[data-group] li').evaluateAll((lis) =>
    lis.map((li) => ({ group: li.closest('[data-group]')?.getAttribute('data-group') ?? '', item: li.getAttribute('data-item'), text: li.textContent ?? '' })),
  );
}

/** Signs and exports the submission on the send screen; the download saved in `dir`. Returns its path. */
export async function exportSubmission(page: Page, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const downloading = page.waitForEvent('download');
  await page.getByTestId('send-export').click();
  const download = await downloading;
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByTestId('send-sent')).toBeVisible();
  return file;
}
