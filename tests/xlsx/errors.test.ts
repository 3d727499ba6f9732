/**
 * Sheets with mistakes: each problem is reported with the sheet, row and column where the user
 * fixes it, and a message naming the problem; any problem rejects the whole workbook.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTemplateXlsx, writeTemplateXlsx } from '../../electron/services/template-xlsx/index.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import type { Issue } from '../../shared/util/issue.ts';
import { FULL, valid } from './fixtures.ts';
import { edit, issuesOf, readable, sheet } from './helpers.ts';

// Rows of FULL in "Tiêu chí": 2 = "1", 3 = "1.1", 4 = "1.2" (bands), 5 = "1.3", 6 = "1.4",
// 7 = "1.5", 8 = "1.6", 9 = "1.7" (formula), 10 = "2", 11 = "2.1" (survey).
// Columns: A Mã, B Mã cha, C Cấp, D Tên, E Tên (tiếng Anh), F Điểm tối đa, G Loại quy tắc, H Tham số, I KAD, J ĐTXHH.
const ITEMS = 'Tiêu chí';
const INFO = 'Thông tin';

let exported: Buffer;
beforeAll(async () => {
  exported = await writeTemplateXlsx(valid(FULL));
});

/** Edits the exported workbook, imports it, and returns the issues (the import must fail). */
async function importAfter(change: (wb: ExcelJS.Workbook) => void): Promise<Issue[]> {
  const r = await readTemplateXlsx(await edit(exported, change), 'tinh.xlsx');
  expect('value' in r, 'a rejected workbook returns no template at all').toBe(false);
  return issuesOf(r);
}

function setCell(sheetName: string, address: string, value: ExcelJS.CellValue) {
  return (wb: ExcelJS.Workbook) => {
    sheet(wb, sheetName).getCell(address).value = value;
  };
}

/** The one issue with `code` (fails when there is none or several). */
function only(issues: Issue[], code: string): Issue {
  const found = issues.filter((i) => i.code === code);
  expect(found, `issues: ${readable(issues).join(' | ')}`).toHaveLength(1);
  return found[0] as Issue;
}

describe('mistakes found by the template check, placed on the sheet', () => {
  it('a duplicate code points at the second row carrying it', async () => {
    const issues = await importAfter(setCell(ITEMS, 'A5', '1.2'));
    const i = only(issues, 'template.duplicate_item_code');
    expect(i.at).toMatchObject({ file: 'tinh.xlsx', sheet: ITEMS, row: 5, column: 'A', item: '1.2' });
    expect(formatIssue('vi', i)).toContain('trang tính Tiêu chí · dòng 5 · cột A');
    expect(formatIssue('vi', i)).toContain('Mã mục 1.2 bị trùng');
  });

  it('children whose max points exceed their parent point at the parent row, max column', async () => {
    const issues = await importAfter(setCell(ITEMS, 'F4', 10));
    const i = only(issues, 'template.children_exceed_max');
    expect(i.at).toMatchObject({ sheet: ITEMS, row: 2, column: 'F', item: '1' });
    expect(formatIssue('vi', i)).toMatch(/^tệp tinh\.xlsx · trang tính Tiêu chí · dòng 2 · cột F.*: Tổng điểm tối đa của các mục con \(19\) vượt điểm tối đa của mục \(12\)/);
  });

  it('bands out of order point at the parameters cell', async () => {
    const issues = await importAfter(setCell(ITEMS, 'H4', '80: 1,5; 100: 3; 0: 0'));
    const i = only(issues, 'template.bands_not_descending');
    expect(i.at).toMatchObject({ sheet: ITEMS, row: 4, column: 'H', item: '1.2', field: 'rule.bands[1].min' });
    expect(formatIssue('vi', i)).toContain('từ cao xuống thấp');
  });

  it('a formula using an undeclared variable points at the parameters cell and names the variable', async () => {
    const issues = await importAfter(setCell(ITEMS, 'H9', 'min(3, 3 * d767 / 100)\nd766 = Điểm Chỉ số 766 [0..100]'));
    const i = only(issues, 'scoring.formula_undeclared_variable');
    expect(i.at).toMatchObject({ sheet: ITEMS, row: 9, column: 'H', item: '1.7' });
    expect(formatIssue('vi', i)).toContain('Biến d767 chưa được khai báo');
  });

  it('a leaf without a rule type points at the rule type cell', async () => {
    const issues = await importAfter((wb) => {
      sheet(wb, ITEMS).getCell('G11').value = null;
    });
    expect(only(issues, 'template.leaf_without_rule').at).toMatchObject({ sheet: ITEMS, row: 11, column: 'G', item: '2.1' });
  });

  it('a value the schema refuses (a negative max) points at its cell', async () => {
    const issues = await importAfter(setCell(ITEMS, 'F5', -1));
    const i = only(issues, 'doc.schema');
    expect(i.at).toMatchObject({ sheet: ITEMS, row: 5, column: 'F', item: '1.3', field: 'max' });
  });

  it('areas that do not add up to the total point at the total in "Thông tin"', async () => {
    const issues = await importAfter(setCell(INFO, 'B11', 25));
    expect(only(issues, 'template.roots_max_mismatch').at).toMatchObject({ sheet: INFO, row: 11, column: 'B' });
  });

  it('a template id that is not a slug points at its cell in "Thông tin"', async () => {
    const issues = await importAfter(setCell(INFO, 'B2', 'Tỉnh X'));
    expect(only(issues, 'doc.schema').at).toMatchObject({ sheet: INFO, row: 2, column: 'B', field: 'id' });
  });

  it('declared figures and bonus rows are placed on their own sheets', async () => {
    const issues = await importAfter((wb) => {
      sheet(wb, 'Số liệu kê khai').getCell('F2').value = 'Đếm số Có';
      sheet(wb, 'Điểm thưởng, trừ').getCell('B3').value = 'T1';
    });
    expect(only(issues, 'template.indicator_aggregate_mismatch').at).toMatchObject({ sheet: 'Số liệu kê khai', row: 2, column: 'F', item: 'SL1' });
    expect(only(issues, 'template.duplicate_bonus_code').at).toMatchObject({ sheet: 'Điểm thưởng, trừ', row: 3, column: 'B' });
  });
});

describe('mistakes found while reading the sheet', () => {
  it('an unknown rule type names the word and the accepted ones', async () => {
    const issues = await importAfter(setCell(ITEMS, 'G4', 'Theo điểm'));
    const i = only(issues, 'xlsx.value.rule');
    expect(i.at).toMatchObject({ sheet: ITEMS, row: 4, column: 'G' });
    const msg = formatIssue('vi', i);
    expect(msg).toContain('"Theo điểm"');
    expect(msg).toContain('Theo mức %');
  });

  it('a band that cannot be read quotes it and shows the expected form', async () => {
    const issues = await importAfter(setCell(ITEMS, 'H4', '100 - 3; 80: 1,5; 0: 0'));
    const i = only(issues, 'xlsx.param.bands_syntax');
    expect(i.at).toMatchObject({ sheet: ITEMS, row: 4, column: 'H' });
    expect(formatIssue('vi', i)).toContain('"100 - 3"');
    expect(formatIssue('vi', i)).toContain('"mức %: điểm"');
    expect(formatIssue('en', i)).toContain('"percent: points"');
  });

  it('a max that is not a number quotes what was typed', async () => {
    const issues = await importAfter(setCell(ITEMS, 'F5', 'một điểm'));
    const i = only(issues, 'xlsx.cell.not_number');
    expect(i.at).toMatchObject({ sheet: ITEMS, row: 5, column: 'F' });
    expect(formatIssue('vi', i)).toBe('tệp tinh.xlsx · trang tính Tiêu chí · dòng 5 · cột F: "một điểm" không phải là số (ví dụ đúng: 1,5 hoặc 1.5).');
    expect(formatIssue('en', i)).toBe('file tinh.xlsx · sheet Tiêu chí · row 5 · column F: "một điểm" is not a number (for example 1.5 or 1,5).');
  });

  it('a missing sheet is named', async () => {
    const issues = await importAfter((wb) => {
      wb.removeWorksheet(sheet(wb, ITEMS).id);
    });
    const i = only(issues, 'xlsx.missing_sheet');
    expect(i.at).toMatchObject({ sheet: ITEMS });
    expect(formatIssue('vi', i)).toContain('Thiếu trang tính "Tiêu chí"');
  });

  it('a missing required column is named', async () => {
    const issues = await importAfter(setCell(ITEMS, 'F1', 'Điểm'));
    const i = only(issues, 'xlsx.header.missing');
    expect(i.at).toMatchObject({ sheet: ITEMS, row: 1 });
    expect(formatIssue('vi', i)).toContain('Thiếu cột "Điểm tối đa"');
  });

  it('an info row that is missing, a date that does not exist and an unknown agency group are reported', async () => {
    const issues = await importAfter((wb) => {
      const ws = sheet(wb, INFO);
      ws.getCell('A2').value = null;
      ws.getCell('B2').value = null;
      ws.getCell('B7').value = '31/02/2025';
      ws.getCell('B10').value = 'Sở, ban, ngành; Cấp tỉnh';
    });
    expect(only(issues, 'xlsx.info.missing_key')).toMatchObject({ at: { sheet: INFO }, params: { key: 'Mã bộ tiêu chí' } });
    expect(only(issues, 'xlsx.cell.not_date').at).toMatchObject({ sheet: INFO, row: 7, column: 'B' });
    const g = only(issues, 'xlsx.value.group');
    expect(g.at).toMatchObject({ sheet: INFO, row: 10, column: 'B' });
    expect(formatIssue('vi', g)).toContain('"Cấp tỉnh"');
  });

  it('English text without its Vietnamese is reported at the Vietnamese cell', async () => {
    const issues = await importAfter(setCell(ITEMS, 'D4', null));
    expect(only(issues, 'xlsx.text.vi_required').at).toMatchObject({ sheet: ITEMS, row: 4, column: 'D' });
  });

  it('collects every problem of the sheet, in row order, instead of stopping at the first', async () => {
    const issues = await importAfter((wb) => {
      const ws = sheet(wb, ITEMS);
      ws.getCell('G4').value = 'Theo điểm';
      ws.getCell('F5').value = 'ba';
      ws.getCell('I6').value = 'có lẽ';
      ws.getCell('H6').value = 'mỗi lần: nửa';
      ws.getCell('A7').value = null;
      ws.getCell('F8').value = { formula: 'SUM(X1:X9)' };
      ws.getCell('F10').value = { error: '#REF!' };
    });
    expect(issues.map((i) => [i.code, i.at?.row, i.at?.column])).toEqual([
      ['xlsx.value.rule', 4, 'G'],
      ['xlsx.cell.not_number', 5, 'F'],
      ['xlsx.param.per_count_syntax', 6, 'H'],
      ['xlsx.value.yes_no', 6, 'I'],
      ['xlsx.cell.code_empty', 7, 'A'],
      ['xlsx.cell.formula_without_value', 8, 'F'],
      ['xlsx.cell.error_value', 10, 'F'],
    ]);
    expect(formatIssue('vi', issues[5] as Issue)).toContain('=SUM(X1:X9)');
    expect(formatIssue('vi', issues[6] as Issue)).toContain('#REF!');
  });

  it('a level with no possible parent above is reported at the level cell', async () => {
    // Row 3 says level 3 without a parent code, right below the level-1 row 2.
    const issues = await importAfter((wb) => {
      const ws = sheet(wb, ITEMS);
      ws.getCell('B3').value = null;
      ws.getCell('C3').value = 3;
    });
    const i = only(issues, 'xlsx.level.no_parent');
    expect(i.at).toMatchObject({ sheet: ITEMS, row: 3, column: 'C' });
    expect(formatIssue('vi', i)).toContain('cấp 2');
  });

  it('stops after about a hundred problems and says more were left out', async () => {
    const issues = await importAfter((wb) => {
      const ws = sheet(wb, ITEMS);
      for (let r = 20; r < 170; r++) {
        ws.getCell(r, 1).value = `X${r}`;
        ws.getCell(r, 4).value = 'Thừa';
        ws.getCell(r, 6).value = 'nhiều';
      }
    });
    expect(issues).toHaveLength(101);
    expect(issues.slice(0, 100).every((i) => i.code === 'xlsx.cell.not_number')).toBe(true);
    expect(issues[100]).toMatchObject({ code: 'xlsx.too_many', params: { n: 100 } });
  });

  it('a workbook that is fine except for one cell gives no template', async () => {
    const r = await readTemplateXlsx(await edit(exported, setCell(ITEMS, 'J11', 'hmm')), 'tinh.xlsx');
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('value');
  });
});
