import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeIsoSummary } from '../../electron/services/reports/iso.ts';
import { defaultFooter } from '../../electron/services/reports/kit/context.ts';
import { isoFixture } from '../results/iso-fixture.ts';
import { readBoth, sheetOf, values } from './lists/read.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-iso-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Tổng hợp áp dụng ISO 9001 with the checklist', () => {
  it('adds the checklist summary, the agencies and the disagreements, read back alike by exceljs and openpyxl', async () => {
    const { campaign, results } = await isoFixture();
    const file = join(tmp, 'iso.xlsx');
    await writeIsoSummary({ results, campaign, lang: 'vi', date: new Date(2026, 0, 20), footer: defaultFooter(campaign, 'vi') }, file);
    const { exceljs: book, openpyxl } = await readBoth(file);
    expect(book.sheets.map((s) => s.name)).toEqual(['Tổng hợp ISO 9001', 'Đơn vị chưa đủ các bước', 'Bộ tiêu chí ISO', 'Kết quả ISO từng đơn vị', 'Chênh lệch kê khai']);
    for (const [i, s] of book.sheets.entries()) expect(openpyxl.sheets[i]!.rows.map(values)).toEqual(s.rows.map(values));
    const rowWith = (sheet: string, first: string) => {
      const s = sheetOf(book, sheet);
      return s.rows.map(values).filter((r) => r.includes(first));
    };
    // Province row: 2 applying, 2 assessed, mean 50 %, bands good/pass/remedy/fail 0 1 0 1,
    // phases build..improve, none: 1 0 1 0 0 0; clause 6 at 50 %.
    const province = rowWith('Bộ tiêu chí ISO', 'Toàn tỉnh')[0]!;
    expect(province.slice(2, 15)).toEqual([2, 2, 50, 0, 1, 0, 1, 1, 0, 1, 0, 0, 0]);
    expect(province[17]).toBe(50);
    expect(rowWith('Kết quả ISO từng đơn vị', 'S1')[0]!.slice(3)).toEqual([82, 'Đạt', 'Đã công bố']);
    expect(rowWith('Kết quả ISO từng đơn vị', 'S2')[0]!.slice(3)).toEqual([18, 'Không đạt', 'Đã xây dựng']);
    expect(rowWith('Kết quả ISO từng đơn vị', 'S3')[0]!.slice(3)).toEqual([null, 'Không áp dụng', 'Không áp dụng']);
    expect(rowWith('Chênh lệch kê khai', 'S1')[0]!.slice(3)).toEqual(['Công bố', 'Không', '12/12']);
    expect(rowWith('Chênh lệch kê khai', 'S2')[0]!.slice(3)).toEqual(['Công bố', 'Có', '0/12']);
  });
});
