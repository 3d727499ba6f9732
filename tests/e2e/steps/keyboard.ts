/**
 * Keyboard-only actions: every control is reached with Tab (or Shift+Tab), as a person without a
 * mouse does, and operated with Enter, Space, arrows and typing. A control that Tab cannot reach
 * fails the story, naming it.
 */
import { type Locator, type Page, expect } from '@playwright/test';

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false);
}

/** Presses Tab (then Shift+Tab) until `target` (or something inside it) has the focus. */
export async function tabTo(page: Page, target: Locator, what: string, max = 120): Promise<void> {
  await expect(target, what).toBeVisible();
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < max; i++) {
      if (await isFocused(target)) return;
      await page.keyboard.press(key);
    }
  }
  throw new Error(`Tab does not reach ${what}`);
}

/** Reaches the control with Tab and presses Enter on it. */
export async function press(page: Page, target: Locator, what: string, key = 'Enter'): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.press(key);
}

/** Reaches the field with Tab, selects what is in it and types `text`. */
export async function typeIn(page: Page, field: Locator, what: string, text: string): Promise<void> {
  await tabTo(page, field, what);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

const intercepting = new WeakSet<Page>();

/**
 * Keeps Playwright intercepting the page's file dialogs for the rest of the test. Playwright turns
 * interception on when a 'filechooser' listener is added and off when the last one goes, without
 * waiting for the browser; a key pressed in between opened a real (headless) dialog, after which
 * Chromium opens no other — the story then failed at random. One listener that stays avoids it.
 */
export async function interceptFileDialogs(page: Page): Promise<void> {
  if (intercepting.has(page)) return;
  intercepting.add(page);
  page.on('filechooser', () => undefined);
  await page.evaluate(() => 0);
}

/** Opens the upload area with the keyboard (Enter) and chooses the file in the system's file dialog. */
export async function chooseFile(page: Page, area: Locator, what: string, file: { name: string; buffer: Buffer; mimeType?: string } | string): Promise<void> {
  await interceptFileDialogs(page);
  await tabTo(page, area, what);
  // A dialog's upload area can have the focus a moment before its key handler is attached: the
  // person presses Enter again (or Space, which the area also takes) when nothing opened.
  for (const key of ['Enter', 'Space', 'Enter', 'Space']) {
    const chooser = page.waitForEvent('filechooser', { timeout: 3000 }).catch(() => null);
    await page.keyboard.press(key);
    const opened = await chooser;
    if (opened) {
      await opened.setFiles(typeof file === 'string' ? file : { mimeType: 'application/octet-stream', ...file });
      return;
    }
    await tabTo(page, area, what);
  }
  throw new Error(`Enter and Space on ${what} open no file dialog`);
}

/** In a focused select, moves with ↓ until the active option reads `option`, then Enter. */
export async function chooseOption(page: Page, select: Locator, what: string, option: string): Promise<void> {
  await tabTo(page, select, what);
  await page.keyboard.press('ArrowDown');
  const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
  for (let i = 0; i < 40; i++) {
    if ((await active.innerText().catch(() => '')).trim().startsWith(option)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${what}: no option ${option}`);
}

/** In the focused criteria tree, ↓ (or ↑) until the item is selected. */
export async function arrowTo(page: Page, code: string): Promise<void> {
  const selected = page.getByRole('treeitem', { selected: true });
  for (const key of ['ArrowDown', 'ArrowUp']) {
    for (let i = 0; i < 120; i++) {
      if ((await selected.getAttribute('data-item')) === code) return;
      await page.keyboard.press(key);
    }
  }
  throw new Error(`the arrows do not reach item ${code}`);
}
