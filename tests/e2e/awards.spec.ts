import { type Page, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HOME_WORKSPACE, ORIGIN, expectAccessible, openApp, openWorkspace, parscore, resetLanguage, screenshot } from './app.ts';
import { expectCandidate, exportAudit, exportAwards, filterAudit, openAwards, openRules, overrideAward, previewRulesList, saveRules, setRuleField, writeReports } from './steps/awards.ts';

/**
 * Issue 14 points 6, 7, 8 on the demo: Home Affairs has received every submission and the survey
 * with the CLI; the appraiser reads why a candidate is proposed, records the council's decision
 * (refused without a reason, at the field), finds it in the audit log, and writes the commendation
 * workbook and the reports from the window: the same files as `parscore report`, read by openpyxl.
 */
const ROOT = join(import.meta.dirname, '..', '.artifacts', 'e2e-awards');
const HA = join(ROOT, 'so-noi-vu');
const OUT = join(ROOT, 'out');

/** Every sheet's cell values as openpyxl reads them (Debian's python3-openpyxl, independent of exceljs). */
function openpyxlValues(file: string): Record<string, (string | number | null)[][]> {
  const script = 'import json,sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps({ws.title:[[c if isinstance(c,(int,float)) or c is None else str(c) for c in r] for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}))';
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 1 << 28 })) as Record<string, (string | number | null)[][]>;
}
const text = (book: Record<string, (string | number | null)[][]>) => Object.values(book).flat(2).filter((v) => v !== null).join('\n');

async function saveDownload(d: Awaited<ReturnType<typeof exportAwards>>, dir: string): Promise<string> {
  const file = join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

/** The screen (its test id) again in English: screenshot and axe. */
async function inEnglish(page: Page, name: string, screen: string): Promise<void> {
  await resetLanguage(page, 'en');
  await page.reload();
  await expect(page.getByTestId(screen)).toBeVisible();
  await screenshot(page, `${name}-en`);
  await expectAccessible(page);
  await resetLanguage(page, 'vi');
  await page.reload();
}

test.use({ actionTimeout: 15_000 });

test.describe('commendation, reports and the audit log, on the demo', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  test.beforeAll(() => {
    rmSync(ROOT, { recursive: true, force: true });
    parscore('demo', HA, '--agencies', '30', '--submissions', OUT);
    parscore('import', HA, OUT);
    parscore('survey', 'import', HA, join(OUT, 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx'));
    mkdirSync(join(ROOT, 'downloads'), { recursive: true });
  });
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HA);
    await page.reload();
  });
  test.afterAll(async ({ request }) => {
    await request.post('/ipc/settings:setLang', { data: { lang: 'vi' }, headers: { origin: ORIGIN } });
    await request.post('/ipc/workspace:open', { data: { path: HOME_WORKSPACE }, headers: { origin: ORIGIN } });
  });

  test('before any submission is received: "no results yet", on the lists and in the rules preview', async ({ page }) => {
    await openWorkspace(page, HOME_WORKSPACE);
    await page.reload();
    await openAwards(page);
    await expect(page.getByTestId('awards-no-results')).toContainText('Chưa có kết quả');
    await expect(page.getByTestId('awards-export')).toHaveCount(0);
    await screenshot(page, 'awards-no-results-vi');
    await expectAccessible(page);
    await openRules(page);
    await expect(await previewRulesList(page)).toContainText('Chưa có kết quả');
    await inEnglish(page, 'awards-no-results', 'awards-screen');
  });

  test("a candidate's reasons; the council's decision refused without a reason, stored with one, in the audit log; the official workbook", async ({ page }) => {
    await openAwards(page);
    // Proposed for the province's certificate of merit: first of its group, band A, no penalty.
    await expectCandidate(page, 'bk-tap-the', 'S08', 'hạng 1');
    await expectCandidate(page, 'bk-tap-the', 'S08', 'loại A');
    await expectCandidate(page, 'bk-tap-the', 'S08', 'không bị trừ điểm');
    // Not proposed: the first condition failed, in words.
    await expect(page.getByTestId('award-bk-tap-the').getByText(/không thuộc loại được xét/).first()).toBeVisible();
    await screenshot(page, 'awards-lists-vi');
    await expectAccessible(page);

    // Without a reason: refused at the field, nothing stored.
    const dialog = await overrideAward(page, 'bk-tap-the', 'S08', 'exclude', '  ');
    await expect(dialog.getByTestId('decision-reason-error')).toHaveText('Hãy ghi lý do (ít nhất 5 ký tự).');
    await screenshot(page, 'awards-reason-required-vi');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    expect(existsSync(join(HA, 'award-overrides.json'))).toBe(false);
    // The service refuses it too, whatever the page sends.
    const refused = await (await page.request.post('/ipc/awards:override', { data: { rule: 'bk-tap-the', agency: 'S08', subject: 'S08', action: 'exclude', reason: 'x' }, headers: { origin: ORIGIN } })).json();
    expect(refused).toMatchObject({ ok: false, error: { message: 'Hãy ghi lý do (ít nhất 5 ký tự).' } });
    expect(existsSync(join(HA, 'award-overrides.json'))).toBe(false);

    const reason = 'Hội đồng họp ngày 05/12: đơn vị đang bị thanh tra.';
    await overrideAward(page, 'bk-tap-the', 'S08', 'exclude', reason);
    await expect(page.getByTestId('award-decision-bk-tap-the-S08')).toContainText(reason);
    await expect(page.getByTestId('award-decision-bk-tap-the-S08')).toContainText('Hội đồng loại ra');
    await screenshot(page, 'awards-decided-vi');
    // Stored as the CLI's decisions are, and in the audit log the CLI reads.
    expect(JSON.parse(readFileSync(join(HA, 'award-overrides.json'), 'utf8')).overrides).toMatchObject([{ rule: 'bk-tap-the', agency: 'S08', subject: 'S08', action: 'exclude', reason }]);
    expect(parscore('appraisal', 'log', HA, '--agency', 'S08')).toContain(reason);

    // The official workbook: the same as `parscore report --only commendation`, with the decision in it.
    const file = await saveDownload(await exportAwards(page), join(ROOT, 'downloads'));
    expect(file.endsWith('Danh sách đề nghị khen thưởng.xlsx')).toBe(true);
    const fromWindow = openpyxlValues(file);
    parscore('report', HA, '--out', join(ROOT, 'cli-awards'), '--only', 'commendation');
    expect(fromWindow).toEqual(openpyxlValues(join(ROOT, 'cli-awards', 'Danh sách đề nghị khen thưởng.xlsx')));
    expect(text(fromWindow)).toContain(reason);
    expect(text(fromWindow)).toContain('Sở Khoa học và Công nghệ');

    // In the audit view, in words; filtered by agency, then exported.
    await filterAudit(page, { agency: 'S08' });
    const row = page.locator('[data-testid^="audit-row-"]').filter({ hasText: reason });
    await expect(row).toContainText('Quyết định của Hội đồng thi đua - khen thưởng: bk-tap-the, S08');
    await expect(row).toContainText('— → loại khỏi danh sách');
    await expect(page.locator('[data-testid^="audit-row-"]').filter({ hasNotText: 'Sở Giao thông vận tải' })).toHaveCount(0);
    await screenshot(page, 'audit-filtered-vi');
    await expectAccessible(page);
    const csv = readFileSync(await saveDownload(await exportAudit(page), join(ROOT, 'downloads')), 'utf8');
    // UTF-8 with a BOM: Excel reads the Vietnamese right.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Dòng,Thời điểm,Người thay đổi,Cơ quan,Tên cơ quan,Nội dung thay đổi,Giá trị cũ,Giá trị mới,Vòng,Lý do');
    expect(lines.slice(1).every((l) => l.includes(',S08,'))).toBe(true);
    expect(csv).toContain(reason);

    // Withdrawn (with its reason): the rules decide again; both lines stay in the log.
    await openAwards(page);
    await overrideAward(page, 'bk-tap-the', 'S08', 'remove', 'Thanh tra đã kết luận không vi phạm.');
    await expect(page.getByTestId('award-decision-bk-tap-the-S08')).toHaveCount(0);
    await expectCandidate(page, 'bk-tap-the', 'S08', 'hạng 1');
    expect(parscore('appraisal', 'log', HA, '--agency', 'S08')).toContain('Thanh tra đã kết luận không vi phạm.');

    await page.getByTestId('nav-audit').click();
    await inEnglish(page, 'audit', 'audit-screen');
    await page.getByTestId('nav-awards').click();
    await inEnglish(page, 'awards-lists', 'awards-screen');
  });

  test('the reports page writes the same files as `parscore report`, each read by openpyxl', async ({ page }) => {
    const folder = join(ROOT, 'bao-cao');
    // A folder that is no full path: refused at the field, nothing written.
    await writeReports(page, ['ranking'], 'bao-cao');
    await expect(page.getByTestId('reports-folder-error')).toContainText('chưa là đường dẫn đầy đủ');
    await screenshot(page, 'reports-folder-refused-vi');
    await expectAccessible(page);

    const files = await writeReports(page, ['ranking', 'commendation', 'indicators'], folder, { number: '45/BC-SNV', date: '05/12/2026' });
    expect(files).toEqual(['Xếp hạng theo nhóm.xlsx', 'Số liệu chủ yếu về cải cách hành chính.xlsx', 'Danh sách đề nghị khen thưởng.xlsx']);
    await expect(page.getByTestId('reports-done-folder')).toHaveText(folder);
    await screenshot(page, 'reports-done-vi');
    await expectAccessible(page);
    parscore('report', HA, '--out', join(ROOT, 'cli-reports'), '--only', 'ranking', 'commendation', 'indicators', '--number', '45/BC-SNV', '--date', '2026-12-05');
    for (const f of files) {
      const book = openpyxlValues(join(folder, f));
      expect(book, f).toEqual(openpyxlValues(join(ROOT, 'cli-reports', f)));
      expect(text(book)).toContain('45/BC-SNV');
      expect(text(book)).toContain('ngày 05 tháng 12 năm 2026');
    }
    expect(text(openpyxlValues(join(folder, 'Xếp hạng theo nhóm.xlsx')))).toContain('Sở Giao thông vận tải');
    // Browser mode: each file downloads.
    const d = page.waitForEvent('download', { timeout: 20_000 });
    await page.getByTestId('reports-file-0').click();
    expect((await d).suggestedFilename()).toBe('Xếp hạng theo nhóm.xlsx');
    await inEnglish(page, 'reports', 'reports-screen');
  });

  test('the rules editor: a parameter refused at its field, a preview of the unsaved rules, saved as `award set-rules` saves', async ({ page }) => {
    const before = JSON.parse(parscore('award', 'rules', HA, '--json'));
    expect(before.collectives[0]).toMatchObject({ id: 'bk-tap-the', topN: { department: 3 } });
    await openRules(page);
    await screenshot(page, 'rules-editor-vi');
    await expectAccessible(page);

    // An empty award name: said at its field, nothing saved.
    await setRuleField(page, 'collectives.0.award.vi', '');
    await saveRules(page);
    await expect(page.getByTestId('rules-error-collectives.0.award.vi')).toHaveText('Không được để trống.');
    expect(JSON.parse(parscore('award', 'rules', HA, '--json'))).toEqual(before);
    await screenshot(page, 'rules-editor-error-vi');

    // Only the first department: the preview (nothing saved yet) proposes S08 alone among the departments.
    await setRuleField(page, 'collectives.0.award.vi', 'Bằng khen của Chủ tịch UBND tỉnh');
    await setRuleField(page, 'collectives.0.topN.department', '1');
    const preview = await previewRulesList(page);
    await expect(preview.locator('li').first()).toContainText('2 được đề nghị');
    await expect(preview.locator('li').first()).toContainText('Sở Giao thông vận tải (S08)');
    await expect(preview.locator('li').first()).not.toContainText('Thanh tra tỉnh');
    expect(JSON.parse(parscore('award', 'rules', HA, '--json'))).toEqual(before);
    await screenshot(page, 'rules-editor-preview-vi');

    await saveRules(page);
    const after = JSON.parse(parscore('award', 'rules', HA, '--json'));
    expect(after.collectives[0].topN).toEqual({ department: 1, district: 2, commune: 5 });
    expect({ ...after, collectives: after.collectives.slice(1) }).toEqual({ ...before, collectives: before.collectives.slice(1) });
    await inEnglish(page, 'rules-editor', 'awards-screen');
  });
});
