/**
 * Commendation rules files: a JSON document or the rules sheet, checked against the campaign's
 * bands, every problem naming the rule and the field (and the sheet, row and column of a sheet).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkRules, jsonLocator } from '../../shared/awards/rules.ts';
import { DEFAULT_BANDS, DEFAULT_COMMENDATION } from '../../shared/campaign/defaults.ts';
import { arules as arulesEn } from '../../shared/i18n/en/arules.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import { arules as arulesVi } from '../../shared/i18n/vi/arules.ts';
import type { CommendationRules } from '../../shared/schema/awards.ts';
import type { Issue } from '../../shared/util/issue.ts';
import { readRulesXlsx, writeRulesForm } from '../../electron/services/xlsx-import/award-rules.ts';

const ctx = { bands: DEFAULT_BANDS.map((b) => b.code) };
const check = (doc: unknown) => checkRules(doc, ctx, jsonLocator(doc, 'quy-dinh.json'));
const problems = (doc: unknown): Issue[] => {
  const r = check(doc);
  if (r.ok) throw new Error('expected the rules to be refused');
  return r.error;
};
const where = (issues: Issue[]) => issues.map((i) => [i.code, i.at?.rule, i.at?.field]);
/** The defaults as a JSON document (as `award rules --json` prints them), to edit. */
const doc = (): { collectives: Record<string, unknown>[]; individuals: Record<string, unknown>[] } => structuredClone(DEFAULT_COMMENDATION) as never;

describe('a JSON rules file', () => {
  it('the campaign’s rules as printed read back unchanged; optional parameters take their defaults', () => {
    expect(check(JSON.parse(JSON.stringify(DEFAULT_COMMENDATION)))).toEqual({ ok: true, value: DEFAULT_COMMENDATION });
    const d = doc();
    delete d.collectives[1]!.cumulative;
    delete d.collectives[1]!.noPenalty;
    const r = check(d);
    expect(r.ok && r.value.collectives[1]).toMatchObject({ cumulative: false, noPenalty: true });
  });

  it('an unknown parameter names the rule, the field and the parameters there are', () => {
    const d = doc();
    d.collectives[1]!.cumulatve = true;
    const issues = problems(d);
    expect(where(issues)).toEqual([['awards.rules.unknown_field', 'gk-tap-the', 'cumulatve']]);
    expect(formatIssue('vi', issues[0]!)).toBe(
      'tệp quy-dinh.json · quy định gk-tap-the · trường cumulatve: Thông số “cumulatve” không có trong quy định khen thưởng (các thông số được dùng: id, award, level, bands, topN, minIndex, noPenalty, consecutiveYears, requireNomination, cumulative, certificateWording).',
    );
  });

  it('a band the campaign does not have, a group that does not exist, a rating that does not exist', () => {
    const d = doc();
    d.collectives[0]!.bands = ['A', 'A+'];
    d.collectives[0]!.topN = { department: 3, village: 2 };
    d.individuals[1]!.ratingThisYear = ['excellent', 'very good'];
    d.individuals[1]!.agencyBands = ['X'];
    const issues = problems(d);
    expect(where(issues)).toEqual([
      ['awards.rules.unknown_group', 'bk-tap-the', 'topN.village'],
      ['awards.rules.unknown_band', 'bk-tap-the', 'bands[1]'],
      ['awards.rules.unknown_rating', 'gk-ca-nhan', 'ratingThisYear[1]'],
      ['awards.rules.unknown_band', 'gk-ca-nhan', 'agencyBands[0]'],
    ]);
    expect(formatIssue('vi', issues[1]!)).toBe('tệp quy-dinh.json · quy định bk-tap-the · trường bands[1]: Xếp loại “A+” không có trong các mức xếp loại của đợt đánh giá (A, B, C, D, E).');
    expect(formatIssue('en', issues[0]!)).toBe('file quy-dinh.json · rule bk-tap-the · field topN.village: There is no group “village”; use one of: department, district, commune.');
  });

  it('the same id twice, even across collectives and individuals: both rules are told apart by their place', () => {
    const d = doc();
    d.collectives[1]!.id = 'bk-tap-the';
    d.individuals[0]!.id = 'bk-tap-the';
    const issues = problems(d);
    expect(where(issues)).toEqual([
      ['awards.rules.duplicate_id', 'bk-tap-the (collectives[1])', 'id'],
      ['awards.rules.duplicate_id', 'bk-tap-the (individuals[0])', 'id'],
    ]);
    expect(issues[0]!.params).toEqual({ id: 'bk-tap-the', first: 'collectives[0]' });
  });

  it('missing, mistyped and out-of-range values, a rule without an id, and an unknown top-level key', () => {
    const d = doc() as Record<string, unknown> & ReturnType<typeof doc>;
    delete d.individuals[0]!.capPerAgency;
    d.collectives[0]!.minIndex = 120;
    d.collectives[0]!.consecutiveYears = 1.5;
    d.collectives[0]!.noPenalty = 'có';
    d.collectives[1]!.level = 'national';
    delete d.collectives[1]!.id;
    d.extra = [];
    expect(where(problems(d))).toEqual([
      ['awards.rules.unknown_field', undefined, 'extra'],
      ['awards.rules.above_max', 'bk-tap-the', 'minIndex'],
      ['awards.rules.expected_boolean', 'bk-tap-the', 'noPenalty'],
      ['awards.rules.expected_integer', 'bk-tap-the', 'consecutiveYears'],
      ['awards.rules.required', 'collectives[1]', 'id'],
      ['awards.rules.unknown_level', 'collectives[1]', 'level'],
      ['awards.rules.required', 'bk-ca-nhan', 'capPerAgency'],
    ]);
  });

  it('not a rules document at all', () => {
    expect(where(problems([1, 2]))).toEqual([['awards.rules.not_object', undefined, undefined]]);
    expect(where(problems({ collectives: [7] }))).toEqual([['awards.rules.rule_not_object', 'collectives[0]', undefined]]);
  });
});

async function book(rules: CommendationRules = DEFAULT_COMMENDATION, lang: 'vi' | 'en' = 'vi'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeRulesForm(lang, rules, DEFAULT_BANDS)) as unknown as ExcelJS.Buffer);
  return wb;
}
const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const readBook = async (wb: ExcelJS.Workbook) => readRulesXlsx(await bytes(wb), 'quy-dinh.xlsx', ctx);
/** The column of a header in row 2 of a sheet. */
const col = (ws: ExcelJS.Worksheet, header: string): number => {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(2, c).value === header) return c;
  throw new Error(`no column ${header}`);
};

describe('the rules sheet', () => {
  it('has a sheet "Tập thể" and a sheet "Cá nhân", a row per rule in order, Vietnamese headers and words', async () => {
    const wb = await book();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tập thể', 'Cá nhân', 'Hướng dẫn']);
    const ws = wb.getWorksheet('Tập thể')!;
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(row(2).slice(0, 6)).toEqual(['STT', 'Mã quy định', 'Hình thức khen thưởng', 'Hình thức khen thưởng (tiếng Anh)', 'Cấp khen', 'Xếp loại được xét']);
    expect(row(3).slice(0, 9)).toEqual([1, 'bk-tap-the', 'Bằng khen của Chủ tịch UBND tỉnh', 'Certificate of Merit of the provincial chairman', 'Cấp tỉnh', 'A', 3, 2, 5]);
    expect(row(4)[1]).toBe('gk-tap-the');
    expect(ws.getCell(4, col(ws, 'Xét thêm khi đã có hình thức cao hơn')).value).toBe('Không');
    const ind = wb.getWorksheet('Cá nhân')!;
    expect(ind.getCell(4, col(ind, 'Xếp loại chất lượng năm nay')).value).toBe('Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ');
  });

  it('reads back exactly the rules it was written from, in Vietnamese and in English', async () => {
    const rules: CommendationRules = {
      collectives: [DEFAULT_COMMENDATION.collectives[0]!, { ...DEFAULT_COMMENDATION.collectives[1]!, cumulative: true, minIndex: 82.5, consecutiveYears: 2, requireNomination: true }],
      individuals: [{ ...DEFAULT_COMMENDATION.individuals[0]!, agencyTopN: { commune: 4 }, minInitiatives: 1 }, DEFAULT_COMMENDATION.individuals[1]!],
    };
    for (const lang of ['vi', 'en'] as const) expect(await readBook(await book(rules, lang))).toEqual({ ok: true, value: rules });
  });

  it('reads what a clerk types: words without diacritics, a percentage cell, a number as text, short rating codes', async () => {
    const wb = await book();
    const ws = wb.getWorksheet('Tập thể')!;
    ws.getCell(4, col(ws, 'Cấp khen')).value = 'cap so';
    ws.getCell(4, col(ws, 'Xét thêm khi đã có hình thức cao hơn')).value = 'co';
    const min = ws.getCell(4, col(ws, 'Chỉ số CCHC tối thiểu (%)'));
    min.value = 0.85;
    min.numFmt = '0%';
    ws.getCell(3, col(ws, 'Số dẫn đầu khối UBND cấp huyện')).value = null;
    ws.getCell(3, col(ws, 'Số dẫn đầu khối sở, ban, ngành')).value = '4';
    ws.getCell(5, 1).value = 3; // a row numbered in advance, still empty
    const ind = wb.getWorksheet('Cá nhân')!;
    ind.getCell(4, col(ind, 'Xếp loại chất lượng năm nay')).value = 'HTXSNV, HTTNV, HTNV';
    const r = await readBook(wb);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.collectives).toHaveLength(2);
    expect(r.value.collectives[1]).toMatchObject({ level: 'department', cumulative: true, minIndex: 85 });
    expect(r.value.collectives[0]!.topN).toEqual({ department: 4, commune: 5 });
    expect(r.value.individuals[1]!.ratingThisYear).toEqual(['excellent', 'good', 'complete']);
  });

  it('refuses a column it does not know, naming sheet, row and column', async () => {
    const wb = await book();
    const ws = wb.getWorksheet('Tập thể')!;
    ws.getCell(2, ws.columnCount + 1).value = 'Ghi chú';
    const r = await readBook(wb);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => formatIssue('vi', i))).toEqual([
      'tệp quy-dinh.xlsx · trang tính Tập thể · dòng 2 · cột Q: Cột “Ghi chú” không phải là một thông số của quy định khen thưởng; hãy xoá cột này hoặc sửa tiêu đề cho đúng mẫu.',
    ]);
  });

  it('refuses a sheet without a required column, and a workbook without the “Cá nhân” sheet', async () => {
    const wb = await book();
    const ws = wb.getWorksheet('Tập thể')!;
    ws.getCell(2, col(ws, 'Cấp khen')).value = 'Cấp';
    wb.removeWorksheet(wb.getWorksheet('Cá nhân')!.id);
    const r = await readBook(wb);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => [i.code, i.at?.sheet, i.at?.row, i.at?.column, i.params?.header ?? i.params?.sheet])).toEqual([
      ['awards.sheet.unknown_column', 'Tập thể', 2, 'E', 'Cấp'],
      ['ximport.header.missing', 'Tập thể', 2, undefined, 'Cấp khen'],
      ['awards.sheet.missing', undefined, undefined, undefined, 'Cá nhân'],
    ]);
  });

  it('names the sheet, row, column, rule and header of every bad cell and rule, in reading order', async () => {
    const wb = await book();
    const ws = wb.getWorksheet('Tập thể')!;
    ws.getCell(3, col(ws, 'Xếp loại được xét')).value = 'A, Z';
    ws.getCell(3, col(ws, 'Không bị trừ điểm')).value = 'có lẽ';
    ws.getCell(4, col(ws, 'Mã quy định')).value = 'bk-tap-the';
    const ind = wb.getWorksheet('Cá nhân')!;
    ind.getCell(3, col(ind, 'Xếp loại chất lượng năm nay')).value = 'Xuất sắc; Giỏi';
    ind.getCell(3, col(ind, 'Số người tối đa mỗi cơ quan')).value = null;
    const r = await readBook(wb);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => formatIssue('vi', i))).toEqual([
      'tệp quy-dinh.xlsx · trang tính Tập thể · dòng 3 · cột F · quy định bk-tap-the · trường Xếp loại được xét: Xếp loại “Z” không có trong các mức xếp loại của đợt đánh giá (A, B, C, D, E).',
      'tệp quy-dinh.xlsx · trang tính Tập thể · dòng 3 · cột K · quy định bk-tap-the · trường Không bị trừ điểm: Cần ghi “Có” hoặc “Không”, không phải “có lẽ”.',
      'tệp quy-dinh.xlsx · trang tính Tập thể · dòng 4 · cột B · quy định bk-tap-the · trường Mã quy định: Mã quy định “bk-tap-the” đã dùng cho một quy định khác (Tập thể, dòng 3); mỗi quy định cần một mã riêng.',
      'tệp quy-dinh.xlsx · trang tính Cá nhân · dòng 3 · cột J · quy định bk-ca-nhan · trường Xếp loại chất lượng năm nay: Xếp loại chất lượng “Giỏi” không có; dùng một trong: Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ; Hoàn thành nhiệm vụ; Không hoàn thành nhiệm vụ.',
      'tệp quy-dinh.xlsx · trang tính Cá nhân · dòng 3 · cột N · quy định bk-ca-nhan · trường Số người tối đa mỗi cơ quan: Thiếu thông số bắt buộc này.',
    ]);
  });
});

describe('the messages of the rules', () => {
  it('have the same keys and placeholders in Vietnamese and English, under awards., in NFC', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(arulesEn).sort()).toEqual(Object.keys(arulesVi).sort());
    for (const [key, text] of Object.entries(arulesVi)) {
      expect(key.startsWith('awards.'), key).toBe(true);
      expect(text, key).toBe(text.normalize('NFC'));
      expect(placeholders(arulesEn[key as keyof typeof arulesVi]), key).toEqual(placeholders(text));
    }
  });
});
