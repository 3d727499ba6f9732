import { type Page, expect } from '@playwright/test';

/*
 * The first-run screen's user actions, for the stories (Vietnamese labels unless `lang` says).
 * Each leaves the page where a person would be: the start screen, or the workspace opened.
 */

const L = {
  vi: { file: 'Tệp', close: 'Đóng thư mục làm việc', create: 'Tạo thư mục làm việc của Sở Nội vụ', join: 'Tham gia đợt đánh giá', open: 'Mở thư mục làm việc', demo: 'Mở bản trình diễn', name: 'Tên thư mục làm việc', folder: 'Thư mục', agency: 'Cơ quan, đơn vị của bạn' },
  en: { file: 'File', close: 'Close workspace', create: 'Create a Home Affairs workspace', join: 'Join a campaign', open: 'Open a workspace folder', demo: 'Open the demo', name: 'Workspace name', folder: 'Folder', agency: 'Your agency' },
} as const;

/** File › Close workspace: the start screen. */
export async function closeWorkspace(page: Page, lang: 'vi' | 'en' = 'vi'): Promise<void> {
  await page.getByRole('menuitem', { name: L[lang].file }).click();
  await page.getByRole('menuitem', { name: L[lang].close }).click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
}

/** One of the four big choices (create, join, open) opens its dialog. */
export async function chooseStart(page: Page, choice: 'create' | 'join' | 'open', lang: 'vi' | 'en' = 'vi'): Promise<void> {
  await page.getByRole('button', { name: L[lang][choice] }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
}

/** Fills the create dialog and submits; does not wait for the outcome (an error stays in the dialog). */
export async function fillCreateHomeAffairs(page: Page, folder: string, name: string, lang: 'vi' | 'en' = 'vi'): Promise<void> {
  await chooseStart(page, 'create', lang);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(L[lang].name).fill(name);
  await dialog.getByLabel(L[lang].folder, { exact: true }).fill(folder);
  await dialog.getByTestId('create-submit').click();
}

/** Creates an empty Home Affairs workspace: the overview with the next step. */
export async function createHomeAffairs(page: Page, folder: string, name: string): Promise<void> {
  await fillCreateHomeAffairs(page, folder, name);
  await expect(page.getByTestId('next-step')).toBeVisible();
}

/** Drops (picks) the campaign file in the join dialog; the dialog then shows what it holds, or the reason at the field. */
export async function pickCampaignFile(page: Page, file: string, lang: 'vi' | 'en' = 'vi'): Promise<void> {
  await chooseStart(page, 'join', lang);
  await page.getByRole('dialog').locator('.start-drop input[type=file]').setInputFiles(file);
}

/** Chooses the agency in the join dialog by typing part of its name (diacritics optional). */
export async function chooseAgency(page: Page, typed: string, agencyName: string, lang: 'vi' | 'en' = 'vi'): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(L[lang].agency).fill(typed);
  // antd draws the visible options as plain elements (its role=option list is for screen readers only).
  await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${agencyName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) }).click();
}

/** Joins a campaign from its file as `agencyName`, into `folder`: the agency's own screen. */
export async function joinCampaign(page: Page, file: string, agencyName: string, folder: string): Promise<void> {
  await pickCampaignFile(page, file);
  await expect(page.getByTestId('join-info')).toBeVisible();
  await chooseAgency(page, agencyName, agencyName);
  await page.getByRole('dialog').getByLabel('Thư mục', { exact: true }).fill(folder);
  await page.getByTestId('join-submit').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: agencyName })).toBeVisible();
}

/** Opens a workspace folder by its path (the browser mode's field). */
export async function openFolder(page: Page, folder: string): Promise<void> {
  await chooseStart(page, 'open');
  await page.getByRole('dialog').getByLabel('Thư mục', { exact: true }).fill(folder);
  await page.getByTestId('open-submit').click();
}

/** Opens the demo (made first if missing): the overview of its 150 agencies. */
export async function openDemo(page: Page, lang: 'vi' | 'en' = 'vi'): Promise<void> {
  await page.getByRole('button', { name: L[lang].demo }).click();
  await expect(page.getByTestId('start-screen')).toHaveCount(0, { timeout: 30_000 });
}
