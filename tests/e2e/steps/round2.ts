import { type Download, type Page, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/*
 * The appraisal round trip in the agency's window as user actions (Excalidraw tests/helpers/ui.ts
 * style), for the round-2 spec and the officer's whole story: arrange at Home Affairs with the CLI
 * (`appraiseWithCli`), act in the window (`importAppraisal`, `explainItem`, `exportSelfReport`).
 */

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'parscore.mjs');

/** Runs the CLI; fails the test with its output; returns what it printed. */
export function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  expect(r.status, `parscore ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/**
 * Home Affairs, on the command line: imports the agency's submission, gives each item its score
 * and comment, closes round 1 (appraised_1) and writes the appraisal file `out`.
 */
export function appraiseWithCli(homeAffairs: string, submission: string, agency: string, items: Record<string, { score: number; comment: string }>, out: string): void {
  cli('import', homeAffairs, submission);
  for (const [item, a] of Object.entries(items)) cli('appraisal', 'set', homeAffairs, agency, item, String(a.score), '--comment', a.comment);
  cli('appraisal', 'status', homeAffairs, agency, 'appraised_1');
  cli('appraisal', 'export', homeAffairs, agency, '--out', out);
}

export interface FileToSend {
  name: string;
  buffer: Buffer;
  mimeType?: string;
}

/** "Nhận kết quả thẩm định": opens the dialog and picks the file; the dialog stays open on its summary (or its refusal). */
export async function importAppraisal(page: Page, file: FileToSend): Promise<void> {
  const dialog = page.getByRole('dialog');
  if (!(await dialog.isVisible())) await page.getByTestId('appraisal-open').click();
  await expect(dialog.getByTestId('appraisal-import')).toBeVisible();
  await dialog.locator('input[type=file]').setInputFiles({ mimeType: 'application/octet-stream', ...file });
  await expect(dialog.getByTestId('appraisal-summary').or(dialog.getByTestId('appraisal-error'))).toBeVisible();
}

/** Closes the import dialog. */
export async function closeAppraisalDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').getByTestId('appraisal-close').click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

export interface ExtraDocument extends FileToSend {
  docNo: string;
  date?: string;
  issuer?: string;
  title?: string;
}

/** Selects the item in the tree, writes the explanation, attaches each extra document with its details, saves. */
export async function explainItem(page: Page, item: string, text: string, documents: ExtraDocument[] = []): Promise<void> {
  await page.locator(`[role="treeitem"][data-item="${item}"]`).click();
  const form = page.getByTestId('item-panel').getByTestId('explain-form');
  await form.getByTestId('explain-text').fill(text);
  for (const d of documents) {
    const before = await form.getByTestId('explain-new-doc').count();
    await form.locator('.evidence-drop input[type=file]').setInputFiles({ name: d.name, buffer: d.buffer, mimeType: d.mimeType ?? 'application/pdf' });
    const doc = form.getByTestId('explain-new-doc').nth(before);
    await expect(doc).toBeVisible();
    await doc.getByTestId('explain-doc-docNo').fill(d.docNo);
    if (d.date) await doc.getByTestId('explain-doc-date').fill(d.date);
    if (d.issuer) await doc.getByTestId('explain-doc-issuer').fill(d.issuer);
    if (d.title) await doc.getByTestId('explain-doc-title').fill(d.title);
  }
  await form.getByTestId('explain-save').click();
  await expect(form.getByTestId('explain-state')).toHaveText(/Đã lưu giải trình\.|Explanation saved\./);
}

/** "Xuất báo cáo tự đánh giá" (browser mode): the workbook's download. */
export async function exportSelfReport(page: Page): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId('self-report').click();
  return downloading;
}
