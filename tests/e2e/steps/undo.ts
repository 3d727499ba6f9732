import { type Page, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Undo and redo of the agency screen's edits: by keyboard (outside a text field), from the
 * Chỉnh sửa menu, and what the file says afterwards (`parscore item show`).
 */

/** What an undo would take back, as the toolbar says it ("Hoàn tác: 1.1.1 = Không"). */
export const undoNext = (page: Page) => page.getByTestId('undo-next');

/** Ctrl+Z on the screen (not in a text field) and waits for the save. */
export async function undoByKeyboard(page: Page): Promise<void> {
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status-save')).toHaveAttribute('data-state', 'saved');
}

/** Ctrl+Y (or Ctrl+Shift+Z) on the screen and waits for the save. */
export async function redoByKeyboard(page: Page, keys: 'Control+y' | 'Control+Shift+z' = 'Control+y'): Promise<void> {
  await page.keyboard.press(keys);
  await expect(page.getByTestId('status-save')).toHaveAttribute('data-state', 'saved');
}

/** Chỉnh sửa → Hoàn tác / Làm lại in the window's menu bar. */
export async function fromEditMenu(page: Page, command: 'Hoàn tác' | 'Làm lại'): Promise<void> {
  await page.getByRole('navigation', { name: 'Thanh trình đơn' }).getByRole('menuitem', { name: 'Chỉnh sửa' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${command}`) }).click();
  await expect(page.getByTestId('status-save')).toHaveAttribute('data-state', 'saved');
}

/** `parscore item show DIR ITEM [--template ID]`: the item's line as stored in the agency's file (`all`: with its documents and explanation). */
export function itemShown(dir: string, item: string, template?: string, all = false): string {
  const args = ['item', 'show', dir, item, ...(template ? ['--template', template] : [])];
  const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', '..', 'bin', 'parscore.mjs'), ...args], { encoding: 'utf8' });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  if (all) return r.stdout;
  return r.stdout.split('\n').find((l) => l.trim().startsWith(`${item} `)) ?? r.stdout;
}

/** Types the selected item's explanation and leaves the box (Tab): the explanation saves. */
export async function writeExplanation(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('explanation');
  await box.fill(text);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('explanation-state')).toHaveText(/^(Đã lưu giải trình|Explanation saved)/);
  await expect(page.getByTestId('status-save')).toHaveAttribute('data-state', 'saved');
}
