/**
 * Import of a sheet typed by a province, built cell by cell with exceljs the way people fill it in:
 * no parent codes (levels instead), columns in their own order plus a notes column, Vietnamese rule
 * words, comma decimals typed as text, a real Excel date, a SUM formula, rich text, a hyperlink,
 * decomposed Vietnamese letters, blank rows, optional sheets left out.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTemplateXlsx } from '../../electron/services/template-xlsx/index.ts';
import type { Template } from '../../shared/schema/index.ts';
import { describeFailure, sheet, toBuffer } from './helpers.ts';

type Cell = ExcelJS.CellValue;

function addSheet(wb: ExcelJS.Workbook, name: string, rows: Cell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
  }));
  return ws;
}

/** "Công tác" with its tone marks as separate combining characters (as some keyboards type). */
const decomposed = (s: string) => s.normalize('NFD');

async function provinceWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const info = addSheet(wb, 'Thông tin', [
    ['Thông tin', 'Giá trị'],
    ['Mã bộ tiêu chí', 'tinh-x-2025'],
    ['Phiên bản', 1],
    ['Tên bộ tiêu chí', decomposed('Bộ chỉ số CCHC các sở năm 2025')],
    ['Số quyết định', '  256/QĐ-UBND  '],
    ['Ngay ban hanh', new Date(Date.UTC(2025, 0, 20))],
    ['Cơ quan ban hành', 'UBND tỉnh X'],
    [],
    ['Áp dụng cho', 'Sở, ban, ngành; xã'],
    ['Tổng điểm tối đa', '10'],
    ['Điểm thưởng tối đa', '1,5'],
    ['Bản mẫu', 'không'],
    ['Nguồn', { text: 'Cổng thông tin tỉnh', hyperlink: 'https://tinhx.gov.vn' }],
    ['Nguồn', { richText: [{ text: 'Quyết định ', font: { bold: true } }, { text: '256/QĐ-UBND' }] }],
  ]);
  info.getCell('B6').numFmt = 'dd/mm/yyyy';

  addSheet(wb, 'Tiêu chí', [
    ['Cấp', 'Mã', 'Tên tiêu chí', 'Điểm tối đa', 'Loại quy tắc', 'Tham số', 'Cho phép KAD', 'ĐTXHH', 'Tài liệu kiểm chứng', 'Ghi chú'],
    [1, '1', decomposed('Công tác chỉ đạo, điều hành'), { formula: 'SUM(D3,D4,D7,D8,D9,D10)', result: 6 }, null, null, null, null, null, 'lĩnh vực'],
    [2, '1.1', 'Kế hoạch CCHC', 1, 'Có/Không', null, 'x', null, 'Kế hoạch'],
    [2, '1.2', 'Hoàn thành kế hoạch', '2,5'],
    [3, '1.2.1', 'Nhiệm vụ đúng hạn', '1,5', 'Theo mức %', '100: 1,5; 80: 0,75; 0: 0'],
    [3, '1.2.2', 'Báo cáo kết quả', 1, 'co/khong'],
    [2, '1.3', 'Báo cáo định kỳ', '0,5', 'Trừ theo số lần', 'mỗi lần: 0,25'],
    [2, '1.4', { richText: [{ text: 'Điểm ' }, { text: 'Chỉ số 766', font: { italic: true } }] }, 1.5, 'Công thức', '1.5 * d766 / 100\nd766 = Điểm Chỉ số 766 [0..100]'],
    [2, '1.5', 'Tỷ lệ hồ sơ đúng hạn', 0.25, 'Tỷ lệ', null, 'Không'],
    [2, '1.6', 'Sáng kiến', 0.25, 'Chấm trực tiếp', 'bước: 0,25'],
    [],
    [1, '2', 'Điều tra xã hội học', 4, null, null, null, 'Có'],
    [2, '2.1', 'Mức độ hài lòng', 4, 'Điều tra XHH', null, null, 'có'],
  ]);

  addSheet(wb, 'Số liệu kê khai', [
    ['Mã', 'Tên số liệu', 'Kiểu', 'Đơn vị tính'],
    ['SL1', 'Số thủ tục hành chính', 'Số', 'thủ tục'],
    ['SL2', 'Có áp dụng ISO 9001', 'Có/Không'],
  ]);
  addSheet(wb, 'Điểm thưởng, trừ', [
    ['Loại', 'Mã', 'Nội dung', 'Điểm tối đa'],
    ['Thưởng', 'T1', 'Sáng kiến được công nhận', '1,5'],
    ['Trừ', 'P1', 'Vi phạm kỷ luật', 1],
  ]);
  return toBuffer(wb);
}

const EXPECTED: Template = {
  kind: 'parscore.template',
  schemaVersion: 2,
  id: 'tinh-x-2025',
  version: 1,
  title: { vi: 'Bộ chỉ số CCHC các sở năm 2025' },
  legalBasis: { decisionNo: '256/QĐ-UBND', date: '2025-01-20', issuer: 'UBND tỉnh X' },
  sample: false,
  sources: ['Cổng thông tin tỉnh', 'Quyết định 256/QĐ-UBND'],
  appliesTo: ['department', 'commune'],
  maxPoints: 10,
  items: [
    { code: '1', parent: null, title: { vi: 'Công tác chỉ đạo, điều hành' }, max: 6, survey: false, notApplicableAllowed: false },
    {
      code: '1.1',
      parent: '1',
      title: { vi: 'Kế hoạch CCHC' },
      max: 1,
      rule: { type: 'BINARY' },
      evidenceHint: { vi: 'Kế hoạch' },
      survey: false,
      notApplicableAllowed: true,
    },
    { code: '1.2', parent: '1', title: { vi: 'Hoàn thành kế hoạch' }, max: 2.5, survey: false, notApplicableAllowed: false },
    {
      code: '1.2.1',
      parent: '1.2',
      title: { vi: 'Nhiệm vụ đúng hạn' },
      max: 1.5,
      rule: { type: 'PERCENT_BANDS', bands: [{ min: 100, points: 1.5 }, { min: 80, points: 0.75 }, { min: 0, points: 0 }] },
      survey: false,
      notApplicableAllowed: false,
    },
    { code: '1.2.2', parent: '1.2', title: { vi: 'Báo cáo kết quả' }, max: 1, rule: { type: 'BINARY' }, survey: false, notApplicableAllowed: false },
    {
      code: '1.3',
      parent: '1',
      title: { vi: 'Báo cáo định kỳ' },
      max: 0.5,
      rule: { type: 'COUNT_DEDUCT', perCount: 0.25 },
      survey: false,
      notApplicableAllowed: false,
    },
    {
      code: '1.4',
      parent: '1',
      title: { vi: 'Điểm Chỉ số 766' },
      max: 1.5,
      rule: { type: 'FORMULA', expression: '1.5 * d766 / 100', variables: [{ name: 'd766', label: { vi: 'Điểm Chỉ số 766' }, min: 0, max: 100 }] },
      survey: false,
      notApplicableAllowed: false,
    },
    {
      code: '1.5',
      parent: '1',
      title: { vi: 'Tỷ lệ hồ sơ đúng hạn' },
      max: 0.25,
      rule: { type: 'RATIO', zeroDenominator: 'FULL' },
      survey: false,
      notApplicableAllowed: false,
    },
    { code: '1.6', parent: '1', title: { vi: 'Sáng kiến' }, max: 0.25, rule: { type: 'MANUAL', step: 0.25 }, survey: false, notApplicableAllowed: false },
    { code: '2', parent: null, title: { vi: 'Điều tra xã hội học' }, max: 4, survey: true, notApplicableAllowed: false },
    { code: '2.1', parent: '2', title: { vi: 'Mức độ hài lòng' }, max: 4, rule: { type: 'SURVEY' }, survey: true, notApplicableAllowed: false },
  ],
  indicators: [
    { code: 'SL1', title: { vi: 'Số thủ tục hành chính' }, type: 'number', unit: 'thủ tục', aggregate: 'SUM' },
    { code: 'SL2', title: { vi: 'Có áp dụng ISO 9001' }, type: 'boolean', aggregate: 'COUNT_YES' },
  ],
  bonus: { cap: 1.5, items: [{ code: 'T1', title: { vi: 'Sáng kiến được công nhận' }, max: 1.5 }] },
  penalty: { cap: 0, items: [{ code: 'P1', title: { vi: 'Vi phạm kỷ luật' }, max: 1 }] },
};

describe('a sheet typed by a province', () => {
  it('imports as the template the province meant', async () => {
    const r = await readTemplateXlsx(await provinceWorkbook(), 'QĐ 256 tỉnh X.xlsx');
    if (!r.ok) throw new Error(describeFailure(r));
    expect(r.value).toStrictEqual(EXPECTED);
  });

  it('stores Vietnamese typed with combining marks in the composed (NFC) form', async () => {
    const r = await readTemplateXlsx(await provinceWorkbook(), 'a.xlsx');
    if (!r.ok) throw new Error(describeFailure(r));
    expect(r.value.title.vi).toBe('Bộ chỉ số CCHC các sở năm 2025'.normalize('NFC'));
    expect(r.value.title.vi.normalize('NFC')).toBe(r.value.title.vi);
    expect(r.value.items[0]?.title.vi).toHaveLength('Công tác chỉ đạo, điều hành'.normalize('NFC').length);
  });

  it('accepts a sheet written with English names, headers and words', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, 'Information', [
      ['Field', 'Value'],
      ['Template id', 'en-test'],
      ['Version', '2'],
      ['Title (Vietnamese)', 'Bộ thử'],
      ['Title (English)', 'Test set'],
      ['Decision number', '1/QĐ'],
      ['Date issued', '2024-12-31'],
      ['Issued by', 'People’s Committee'],
      ['Sample', 'Yes'],
      ['Applies to', 'Districts'],
      ['Maximum points', 3],
    ]);
    addSheet(wb, 'Criteria', [
      ['Code', 'Parent code', 'Title (Vietnamese)', 'Max points', 'Rule type', 'Parameters', 'N/A allowed', 'Survey'],
      ['A', null, 'Lĩnh vực A', 3],
      ['A1', 'A', 'Mục A1', 2, 'Percent bands', '100: 2; 50: 1.5'],
      ['A2', 'A', 'Mục A2', 1, 'Deduct per count', 'per count: 0.5', 'Yes', 'No'],
    ]);
    const r = await readTemplateXlsx(await toBuffer(wb), 'en.xlsx');
    if (!r.ok) throw new Error(describeFailure(r));
    expect(r.value).toMatchObject({
      id: 'en-test',
      version: 2,
      title: { vi: 'Bộ thử', en: 'Test set' },
      legalBasis: { date: '2024-12-31' },
      sample: true,
      appliesTo: ['district'],
      items: [
        { code: 'A', parent: null },
        { code: 'A1', parent: 'A', rule: { type: 'PERCENT_BANDS', bands: [{ min: 100, points: 2 }, { min: 50, points: 1.5 }] } },
        { code: 'A2', parent: 'A', rule: { type: 'COUNT_DEDUCT', perCount: 0.5 }, notApplicableAllowed: true },
      ],
      indicators: [],
      bonus: { cap: 0, items: [] },
      penalty: { cap: 0, items: [] },
    });
  });

  it('takes the parent from the nearest row above with a level one less, also after deeper rows', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, 'Thông tin', [
      ['Thông tin', 'Giá trị'],
      ['Mã bộ tiêu chí', 'cap'],
      ['Phiên bản', 1],
      ['Tên bộ tiêu chí', 'Theo cấp'],
      ['Số quyết định', '1'],
      ['Ngày ban hành', '1/2/2024'],
      ['Cơ quan ban hành', 'UBND'],
      ['Áp dụng cho', 'Cấp xã'],
      ['Tổng điểm tối đa', 4],
    ]);
    addSheet(wb, 'Tiêu chí', [
      ['Mã', 'Mã cha', 'Cấp', 'Tên tiêu chí', 'Điểm tối đa', 'Loại quy tắc'],
      ['I', null, 1, 'Một', 3],
      ['I.1', null, 2, 'Một một', 2],
      ['I.1.a', null, 3, 'Sâu', 2, 'Có/Không'],
      ['I.2', null, 2, 'Một hai', 1, 'Có/Không'],
      ['II', null, null, 'Hai', 1, 'Có/Không'],
    ]);
    const r = await readTemplateXlsx(await toBuffer(wb), 'cap.xlsx');
    if (!r.ok) throw new Error(describeFailure(r));
    expect(r.value.legalBasis.date).toBe('2024-02-01');
    expect(r.value.items.map((i) => [i.code, i.parent])).toEqual([
      ['I', null],
      ['I.1', 'I'],
      ['I.1.a', 'I.1'],
      ['I.2', 'I'],
      ['II', null],
    ]);
  });

  it('finds the table below a title and reads an info sheet without a header row', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, 'Thông tin', [
      ['Mã bộ tiêu chí', 'tieu-de'],
      ['Phiên bản', 1],
      ['Tên bộ tiêu chí', 'Có tiêu đề'],
      ['Số quyết định', '9/QĐ'],
      ['Ngày ban hành', '09/09/2024'],
      ['Cơ quan ban hành', 'UBND'],
      ['Áp dụng cho', 'Cấp xã'],
      ['Tổng điểm tối đa', 2],
    ]);
    addSheet(wb, 'Tiêu chí', [
      ['BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ'],
      [],
      ['Mã', 'Mã cha', 'Tên tiêu chí', 'Điểm tối đa', 'Loại quy tắc', 'Tham số'],
      ['1', null, 'Một', 2],
      ['1.1', '1', 'Một một', 2, 'Trừ theo số lần', 'mỗi lần: 2 lần'],
    ]);
    const buf = await toBuffer(wb);
    const r = await readTemplateXlsx(buf, 'tieu-de.xlsx');
    // Row numbers are those Excel shows, below the title.
    expect(r).toMatchObject({ ok: false, error: [{ code: 'xlsx.param.per_count_syntax', at: { sheet: 'Tiêu chí', row: 5, column: 'F' } }] });

    const fixed = new ExcelJS.Workbook();
    await fixed.xlsx.load(buf as unknown as ExcelJS.Buffer);
    sheet(fixed, 'Tiêu chí').getCell('F5').value = 'mỗi lần: 1';
    const ok = await readTemplateXlsx(await toBuffer(fixed), 'tieu-de.xlsx');
    if (!ok.ok) throw new Error(describeFailure(ok));
    expect(ok.value.items.map((i) => [i.code, i.parent, i.rule])).toEqual([
      ['1', null, undefined],
      ['1.1', '1', { type: 'COUNT_DEDUCT', perCount: 1 }],
    ]);
    expect(ok.value.legalBasis.date).toBe('2024-09-09');
  });
});
