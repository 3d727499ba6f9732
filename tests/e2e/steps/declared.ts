/**
 * The officer's actions on the declared figures, bonus/penalty and nominations screens, as small
 * steps a story reads like (Excalidraw tests/helpers/ui.ts style): `await fillFigure(page, 'KK05', '120')`.
 * Each waits until the window has answered (saved, or refused at the field); the story asserts which.
 */
import { type Locator, type Page, expect } from '@playwright/test';

/** Opens one of the agency's parts by its tab (a link; Enter works the same). */
export async function openAgencyPart(page: Page, part: 'tree' | 'figures' | 'adjustments' | 'nominations'): Promise<void> {
  await page.getByTestId(`nav-${part}`).click();
  if (part !== 'tree') await expect(page.getByTestId(`${part}-screen`)).toBeVisible();
}

/** The row of a figure, by its code or a part of its title. */
export function figureRow(page: Page, figure: string): Locator {
  return page.locator('.figure-row').filter({ has: page.locator('.figure-label', { hasText: figure }) }).first();
}

/** Waits for the field's save to end (saved or refused). */
async function settled(state: Locator): Promise<void> {
  await expect(state).toHaveAttribute('data-state', /^(saved|failed)$/);
}

/** Types a figure's value (by its code or title) and presses Enter, as the officer does; waits for the answer. */
export async function fillFigure(page: Page, figure: string, value: string): Promise<Locator> {
  const row = figureRow(page, figure);
  const field = row.locator('input, textarea').first();
  await field.fill(value);
  await field.press('Enter');
  // A text figure saves when left (Enter is a new line there).
  if ((await field.evaluate((e) => e.tagName)) === 'TEXTAREA') await field.blur();
  await settled(row.locator('[data-testid$="-state"]'));
  return row;
}

/** Answers a yes/no figure. */
export async function answerFigure(page: Page, figure: string, yes: boolean, lang: 'vi' | 'en' = 'vi'): Promise<Locator> {
  const row = figureRow(page, figure);
  const label = yes ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No';
  // The radio input is hidden under its button: the officer clicks (or arrows onto) the button.
  await row.locator('label.ant-radio-button-wrapper', { hasText: label }).click();
  await settled(row.locator('[data-testid$="-state"]'));
  return row;
}

/** Sets a bonus (or penalty) item's points and reason, then Enter; waits for the answer. Returns the row. */
export async function setBonus(page: Page, code: string, points: string, note = '', block: 'bonus' | 'penalty' = 'bonus'): Promise<Locator> {
  const row = page.getByTestId(`${block}-${code}`);
  await row.getByTestId(`${block}-${code}-note`).fill(note);
  const field = row.getByTestId(`${block}-${code}-points`);
  await field.fill(points);
  await field.press('Enter');
  await settled(row.getByTestId(`${block}-${code}-state`));
  return row;
}

export async function setPenalty(page: Page, code: string, points: string, note = ''): Promise<Locator> {
  return setBonus(page, code, points, note, 'penalty');
}

/** The nomination's columns as the officer fills them (labels of the choices as shown). */
export interface NominationInput {
  kind: 'individual' | 'collective';
  id?: string;
  name?: string;
  fullName?: string;
  /** "Nam" / "Nữ". */
  gender?: string;
  birthYear?: string;
  position?: string;
  unit?: string;
  /** The rating's label, e.g. "Hoàn thành xuất sắc nhiệm vụ". */
  rating?: string;
  ratingLastYear?: string;
  achievements?: string;
  discipline?: string;
  initiatives?: string;
  /** The award's label, e.g. "Bằng khen của Chủ tịch UBND tỉnh". */
  award?: string;
  note?: string;
}

const LABELS_VI = {
  id: 'Mã đề nghị',
  name: 'Tên tập thể',
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthYear: 'Năm sinh',
  position: 'Chức vụ',
  unit: 'Đơn vị công tác',
  rating: 'Xếp loại chất lượng năm nay',
  ratingLastYear: 'Xếp loại chất lượng năm trước',
  achievements: 'Thành tích, lý do đề nghị',
  discipline: 'Hình thức kỷ luật trong năm',
  initiatives: 'Số sáng kiến được công nhận',
  award: 'Hình thức khen thưởng đề nghị',
  note: 'Ghi chú',
} as const;
const CHOICES = new Set(['gender', 'rating', 'ratingLastYear', 'award']);

/** Picks an option of an antd select (opened by its label; the option by its text). */
async function choose(page: Page, form: Locator, label: string, option: string): Promise<void> {
  await form.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Fills the open nomination form's fields that are given (Vietnamese labels). */
export async function fillNominationForm(page: Page, n: Partial<NominationInput>): Promise<void> {
  const form = page.getByTestId('nomination-form');
  if (n.kind) await form.locator('label.ant-radio-button-wrapper', { hasText: n.kind === 'collective' ? 'Tập thể' : 'Cá nhân' }).click();
  for (const [k, label] of Object.entries(LABELS_VI) as [keyof typeof LABELS_VI, string][]) {
    const v = n[k];
    if (v === undefined) continue;
    if (CHOICES.has(k)) await choose(page, form, label, v);
    else await form.getByLabel(label, { exact: true }).fill(v);
  }
}

/** Saves the open form; waits for it to close (saved) or show why not. */
export async function saveNomination(page: Page): Promise<void> {
  const form = page.getByTestId('nomination-form');
  await form.getByTestId('nomination-save').click();
  await expect(async () => {
    const open = await form.isVisible();
    const errors = await form.locator('.field-error, [data-testid="nomination-error"]').count();
    expect(!open || errors > 0).toBe(true);
  }).toPass();
}

/** Adds a nomination through the form (Thêm đề nghị → fields → Lưu đề nghị). */
export async function addNomination(page: Page, n: NominationInput): Promise<void> {
  await page.getByTestId('nomination-add').click();
  await fillNominationForm(page, n);
  await saveNomination(page);
}

/** The table row of a nomination. */
export function nominationRow(page: Page, id: string): Locator {
  return page.locator(`.nominations-table tr[data-id="${id}"]`);
}

/** Opens a nomination in the form, changes the given columns, saves. */
export async function editNomination(page: Page, id: string, changes: Partial<NominationInput>): Promise<void> {
  await nominationRow(page, id).getByRole('button', { name: `Sửa đề nghị ${id}` }).click();
  await fillNominationForm(page, changes);
  await saveNomination(page);
}

/** Removes a nomination, confirming; by keyboard (Enter on the button, Enter on the confirmation's Xóa) when asked. */
export async function removeNomination(page: Page, id: string, opts: { keyboard?: boolean } = {}): Promise<void> {
  const button = nominationRow(page, id).getByRole('button', { name: `Xóa đề nghị ${id}` });
  const confirm = page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Xóa', exact: true });
  if (opts.keyboard) {
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Enter');
  } else {
    await button.click();
    await confirm.click();
  }
  await expect(nominationRow(page, id)).toHaveCount(0);
}
