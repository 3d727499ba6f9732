import { expect, test } from '@playwright/test';
import { expectAccessible, openApp, resetLanguage, screenshot, useAgencyWorkspace } from './app.ts';

// Supporting documents are attached in the agency's own workspace (Home Affairs sees them read-only).
test.describe('supporting documents in an agency workspace', () => {
  useAgencyWorkspace();

  test('an officer adds a document by the picker and one by drag-and-drop, edits and removes one, writes an explanation', async ({ page }) => {
    const code = '1.1.1';
    await page.locator(`[data-item="${code}"]`).click();
    const panel = page.getByTestId('item-panel');
    await expect(panel.getByRole('heading', { level: 2 })).toContainText(code);
    const rows = panel.getByTestId('evidence-row');
    const before = await rows.count();

    // By the file picker: the details are checked all at once, each error at its field.
    await panel.locator('.evidence-drop input[type=file]').setInputFiles({ name: 'Kế hoạch CCHC 2024.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 kế hoạch') });
    const form = panel.getByTestId('evidence-form');
    await expect(form.getByTestId('evidence-form-file')).toHaveText('Tệp: Kế hoạch CCHC 2024.pdf');
    await form.getByLabel('Ngày ban hành (dd/mm/yyyy)').fill('31/02/2024');
    await form.getByRole('button', { name: 'Lưu tài liệu' }).click();
    await expect(form.getByText('Hãy nhập số văn bản, ví dụ 12/QĐ-UBND')).toBeVisible();
    await expect(form.getByText('Ngày chưa đúng: nhập dd/mm/yyyy, ví dụ 05/03/2026')).toBeVisible();
    await expect(form.getByLabel('Số văn bản')).toHaveAttribute('aria-invalid', 'true');
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'evidence-form-errors-vi');
    await expectAccessible(page);
    await form.getByLabel('Số văn bản').fill('12/KH-STP');
    await form.getByLabel('Ngày ban hành (dd/mm/yyyy)').fill('05/03/2024');
    await form.getByLabel('Cơ quan ban hành').fill('Sở Tư pháp');
    await form.getByLabel('Trích yếu').fill('Kế hoạch cải cách hành chính năm 2024');
    await form.getByRole('button', { name: 'Lưu tài liệu' }).click();
    await expect(rows).toHaveCount(before + 1);
    await expect(rows.nth(before)).toContainText('12/KH-STP · 05/03/2024 · Sở Tư pháp · Kế hoạch cải cách hành chính năm 2024 · Kế hoạch CCHC 2024.pdf');
    await expect(page.getByTestId('status-save')).toHaveText('Đã lưu');

    // By drag-and-drop onto the panel's drop area.
    const drop = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['báo cáo quý'], 'Báo cáo quý I.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      return dt;
    });
    const area = panel.locator('.evidence-drop .ant-upload-btn, .evidence-drop [role=button]').first();
    await area.dispatchEvent('dragover', { dataTransfer: drop });
    await area.dispatchEvent('drop', { dataTransfer: drop });
    await expect(form.getByTestId('evidence-form-file')).toHaveText('Tệp: Báo cáo quý I.docx');
    await form.getByLabel('Số văn bản').fill('45/BC-STP');
    await form.getByRole('button', { name: 'Lưu tài liệu' }).click();
    await expect(rows).toHaveCount(before + 2);
    await expect(rows.nth(before + 1)).toContainText('45/BC-STP · Báo cáo quý I.docx');
    await screenshot(page, 'evidence-list-vi');
    await expectAccessible(page);

    // Edit: the details come back as typed; the date emptied is removed.
    await rows.nth(before).getByRole('button', { name: 'Sửa tài liệu 12/KH-STP' }).click();
    const edit = rows.nth(before).getByTestId('evidence-form');
    await expect(edit.getByLabel('Ngày ban hành (dd/mm/yyyy)')).toHaveValue('05/03/2024');
    await edit.getByLabel('Số văn bản').fill('13/KH-STP');
    await edit.getByLabel('Ngày ban hành (dd/mm/yyyy)').fill('');
    await edit.getByRole('button', { name: 'Lưu tài liệu' }).click();
    await expect(rows.nth(before)).toContainText('13/KH-STP · Sở Tư pháp · Kế hoạch cải cách hành chính năm 2024 · Kế hoạch CCHC 2024.pdf');

    // Remove, confirmed.
    await rows.nth(before + 1).getByRole('button', { name: 'Gỡ tài liệu 45/BC-STP' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Gỡ', exact: true }).click();
    await expect(rows).toHaveCount(before + 1);
    await rows.nth(before).getByRole('button', { name: 'Gỡ tài liệu 13/KH-STP' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Gỡ', exact: true }).click();
    await expect(rows).toHaveCount(before);

    // The explanation where the item has no document: saved on leaving the box, kept after a reload.
    if (before === 0) {
      const box = panel.getByLabel('Giải trình');
      await box.fill('Năm 2024 đơn vị chưa ban hành kế hoạch riêng, thực hiện theo kế hoạch của tỉnh.');
      await box.blur();
      await expect(panel.getByTestId('explanation-state')).toHaveText('Đã lưu giải trình');
      await page.reload();
      await page.locator(`[data-item="${code}"]`).click();
      await expect(panel.getByLabel('Giải trình')).toHaveValue('Năm 2024 đơn vị chưa ban hành kế hoạch riêng, thực hiện theo kế hoạch của tỉnh.');
    }
    await screenshot(page, 'evidence-explanation-vi');
    await expectAccessible(page);

    // A file over the limit is refused before anything is sent.
    const big = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(100 * 1024 * 1024 + 1)], 'quá lớn.pdf', { type: 'application/pdf' }));
      return dt;
    });
    await area.dispatchEvent('drop', { dataTransfer: big });
    await expect(panel.getByTestId('evidence-file-error')).toContainText('Tệp tài liệu kiểm chứng quá lớn: 101 MB, tối đa 100 MB.');
    await expect(panel.getByTestId('evidence-form')).toHaveCount(0);
    await expect(rows).toHaveCount(before);

    // The same panel in English.
    await page.getByRole('menuitem', { name: 'Xem' }).click();
    await page.getByRole('menuitem', { name: /English/ }).click();
    await expect(panel.getByRole('heading', { name: 'Supporting documents' })).toBeVisible();
    await screenshot(page, 'evidence-en');
    await expectAccessible(page);
  });
});

test('Home Affairs sees a received self-assessment’s documents and explanation, every control disabled', async ({ page }) => {
  await openApp(page);
  await resetLanguage(page, 'vi');
  await page.reload();
  await page.getByRole('searchbox').fill('Sở Tư pháp');
  await page.getByRole('button', { name: 'Sở Tư pháp' }).click();
  // Home Affairs' link opens the appraisal; the agency's own screen is one click further.
  await page.getByTestId('review-self-view').click();
  await expect(page.getByTestId('read-only')).toHaveCount(1);
  const panel = page.getByTestId('item-panel');
  // Walk the first items until one with documents and one with an explanation are shown.
  let sawDocument = false;
  let sawExplanation = false;
  for (const code of ['1.1.1', '1.1.2', '1.2', '1.3', '1.4.1', '1.4.2', '1.5', '1.6', '1.7']) {
    await page.locator(`[data-item="${code}"]`).click();
    await expect(panel.getByRole('heading', { level: 2 })).toContainText(code);
    await expect(panel.locator('.evidence-drop input[type=file]')).toBeDisabled();
    const rows = panel.getByTestId('evidence-row');
    if ((await rows.count()) > 0) {
      sawDocument = true;
      for (const b of await rows.getByRole('button').all()) await expect(b).toBeDisabled();
    }
    const box = panel.getByLabel('Giải trình');
    if ((await box.count()) > 0) {
      await expect(box).toBeDisabled();
      if ((await box.inputValue()) !== '') sawExplanation = true;
    }
  }
  expect(sawDocument).toBe(true);
  expect(sawExplanation).toBe(true);
  await expect(page.getByTestId('status-save')).toHaveText('Chưa có thay đổi');
  await expectAccessible(page);
});
