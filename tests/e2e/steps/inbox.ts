import { type Page, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/*
 * Home Affairs' inbox and the overview's status board as user actions (Excalidraw
 * tests/helpers/ui.ts style), for the inbox spec and the appraiser's whole story.
 */

export type Verdict = 'accepted' | 'replaced' | 'duplicate' | 'rejected' | 'cancelled';

/**
 * Drops files on the inbox window (a real drop event carrying the files, as the system's file
 * manager gives it) and waits until their verdicts are shown.
 */
export async function dropOnInbox(page: Page, files: string[]): Promise<void> {
  const payload = files.map((f) => ({ name: basename(f), b64: readFileSync(f).toString('base64') }));
  await expect(page.getByTestId('inbox-drop')).toBeEnabled();
  await page.getByTestId('inbox').evaluate((el, list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: 'application/octet-stream' }));
    }
    el.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
  await expect(page.getByTestId('inbox-summary').or(page.getByTestId('inbox-error'))).toBeVisible();
  await expect(page.getByTestId('inbox-progress')).toBeHidden();
  if (await page.getByTestId('inbox-summary').isVisible()) await expect(page.getByTestId(`verdict-${basename(files.at(-1)!)}`)).toBeVisible();
}

/** The file's verdict in the table (`replaced` may name the revision: "Thay thế lần gửi 1"). */
export async function expectVerdict(page: Page, file: string, verdict: Verdict, text?: string | RegExp): Promise<void> {
  const tag = page.getByTestId(`verdict-${basename(file)}`);
  await expect(tag).toHaveAttribute('data-verdict', verdict);
  if (text) await expect(tag).toHaveText(text);
}

/** Opens a row's reasons and returns them, one sentence each. */
export async function reasonsOf(page: Page, file: string): Promise<string[]> {
  const name = basename(file);
  const list = page.getByTestId(`reasons-${name}`);
  if (!(await list.isVisible())) await page.getByTestId(`reasons-toggle-${name}`).click();
  await expect(list).toBeVisible();
  await page.mouse.move(0, 0); // the pointer leaves the toggle (a hovered link is drawn lighter)
  return list.locator('li').allInnerTexts();
}

/** The received date of the next import, typed in the date picker as a clerk does (dd/mm/yyyy, Enter). */
export async function setReceivedDate(page: Page, ddmmyyyy: string): Promise<void> {
  const field = page.getByTestId('inbox-received');
  await field.click();
  await field.fill(ddmmyyyy);
  await field.press('Enter');
  await expect(field).toHaveValue(ddmmyyyy);
}

/**
 * The explicit decision on a changed key: opens it from the agency's refused row, checks the new
 * fingerprint is shown in groups of four, accepts; the file is imported again with the new key.
 * Returns the fingerprints as shown.
 */
export async function acceptNewKey(page: Page, code: string, expected?: { from: string; to: string }): Promise<{ from: string; to: string }> {
  await page.getByTestId(`accept-key-${code}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('accept-key-body')).toBeVisible();
  const shown = { from: await dialog.getByTestId('key-old').innerText(), to: await dialog.getByTestId('key-new').innerText() };
  for (const v of Object.values(shown)) expect(v).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  if (expected) expect({ from: shown.from.replaceAll(' ', ''), to: shown.to.replaceAll(' ', '') }).toEqual(expected);
  await dialog.getByTestId('accept-key-ok').click();
  await expect(dialog).toBeHidden();
  return shown;
}

/** On the overview: the status board's count of `status` (of the whole province, or a group), clicked; the list shows those agencies. */
export async function openStatus(page: Page, status: 'submitted' | 'appraising' | 'appraised_1' | 'explained' | 'appraised_2' | 'locked', group: 'all' | 'department' | 'district' | 'commune' = 'all'): Promise<string> {
  const count = page.getByTestId(`board-${group}-${status}`);
  const text = await count.innerText();
  await count.click();
  await expect(page.getByTestId('board-filter')).toBeVisible();
  return text;
}
