/**
 * Excel inputs are limited before exceljs loads them, for every kind: sizes declared and inflated,
 * the declared dimension, rows, columns and text lengths, with a message naming file, sheet, row
 * and column. The hostile workbooks are those of the issue (a 100,000-row agency list, a 415 KB
 * workbook inflating to 400 MiB, a sheet declaring A1:XFD1048576).
 */
import { describe, expect, it } from 'vitest';
import { readTemplateXlsx } from '../../electron/services/template-xlsx/index.ts';
import { readRulesXlsx } from '../../electron/services/xlsx-import/award-rules.ts';
import { readAgencyListXlsx, readSurveyXlsx } from '../../electron/services/xlsx-import/index.ts';
import { WORKBOOK_LIMITS, checkBeforeLoad } from '../../electron/services/xlsx-import/limits.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import type { Issue, Result } from '../../shared/util/issue.ts';
import { agencyListXlsx, sheetXml, workbookParts, zipBombXlsx, zipOf } from '../helpers/hostile-xlsx.ts';
import { onlyIssue, surveyContext } from './helpers.ts';

const readers: [string, (buf: Buffer, file: string) => Promise<Result<unknown>>][] = [
  ['agency list', (b, f) => readAgencyListXlsx(b, f, { model: 'two-tier' })],
  ['template', (b, f) => readTemplateXlsx(b, f)],
  ['survey', (b, f) => readSurveyXlsx(b, f, surveyContext())],
  ['award rules', (b, f) => readRulesXlsx(b, f, { bands: ['XS', 'T', 'K'] })],
];

const vi = (i: Issue) => formatIssue('vi', i);

describe('an agency list of 100,000 rows', () => {
  it('is refused at row 20.011, before loading, naming the sheet', async () => {
    const i = onlyIssue(await readAgencyListXlsx(agencyListXlsx(100_000), 'ds.xlsx', { model: 'two-tier' }));
    expect(i).toMatchObject({ code: 'ximport.limit.too_many_rows', at: { file: 'ds.xlsx', sheet: 'Danh sách', row: 20011 } });
    expect(i.vi).toBe('tệp ds.xlsx · trang tính Danh sách · dòng 20011: Trang tính có hơn 20.010 dòng (tối đa 20.010); hãy xóa các dòng thừa hoặc chia thành nhiều tệp.');
  });

  it('is refused on its declared dimension when it has one', async () => {
    const i = onlyIssue(await readAgencyListXlsx(agencyListXlsx(100_000, { dimension: true }), 'ds.xlsx', { model: 'two-tier' }));
    expect(i).toMatchObject({ code: 'ximport.limit.dimension', at: { sheet: 'Danh sách' } });
    expect(i.vi).toContain('A1:C100001 (100.001 dòng, 3 cột), vượt giới hạn 20.010 dòng và 50 cột');
  });

  it('a list of 20,000 agencies under a header and a title passes the limits (its own check counts agencies)', async () => {
    expect(await checkBeforeLoad(agencyListXlsx(20_005, { dimension: true }), 'ds.xlsx', WORKBOOK_LIMITS.agencies)).toEqual([]);
  });
});

describe('a zip bomb: 415 KB inflating to 400 MiB', () => {
  it.each(readers)('%s: refused from the sizes the zip declares, nothing inflated', async (_kind, read) => {
    const i = onlyIssue(await read(zipBombXlsx(400, 'honest'), 'bom.xlsx'));
    expect(i.code).toMatch(/^ximport\.limit\.(inflated_too_large|part_too_large)$/);
    expect(i.vi).toMatch(/^tệp bom\.xlsx: .*(giải nén ra (quá nhiều dữ liệu|hơn \d+ MB)).*bị từ chối mà không đọc/);
  });

  it.each(readers)('%s: a bomb that declares 1 KiB is stopped at that size and told as damaged', async (_kind, read) => {
    const i = onlyIssue(await read(zipBombXlsx(400, 'lie'), 'bom.xlsx'));
    expect(i.code).toBe('ximport.file.damaged');
  });
});

describe('the declared dimension, rows, columns and texts', () => {
  const dimensionBomb = zipOf(workbookParts(sheetXml([['Mã', 'Tên']], { dimension: 'A1:XFD1048576' }), 'Số liệu'));

  it.each(readers)('%s: a sheet declaring A1:XFD1048576 is refused before loading', async (_kind, read) => {
    const i = onlyIssue(await read(dimensionBomb, 'lon.xlsx'));
    expect(i).toMatchObject({ code: 'ximport.limit.dimension', at: { file: 'lon.xlsx', sheet: 'Số liệu' } });
    expect(i.vi).toContain('khai báo vùng dữ liệu A1:XFD1048576 (1.048.576 dòng, 16.384 cột)');
  });

  it('a cell beyond the columns of an agency list is named by row and column', async () => {
    const row = Array.from({ length: 60 }, (_, c) => `c${c}`);
    const i = onlyIssue(await readAgencyListXlsx(zipOf(workbookParts(sheetXml([['Mã', 'Tên'], row]))), 'rong.xlsx', { model: 'two-tier' }));
    expect(i).toMatchObject({ code: 'ximport.limit.too_many_columns', at: { sheet: 'Sheet1', row: 2, column: 'AY' } });
    expect(i.vi).toBe('tệp rong.xlsx · trang tính Sheet1 · dòng 2 · cột AY: Trang tính có dữ liệu ở quá nhiều cột (tối đa 50 cột); hãy xóa các cột thừa.');
  });

  it('a text longer than Excel allows in a cell is named by its cell', async () => {
    const xml = sheetXml([['Mã', 'Tên'], ['S01', 'x'.repeat(40_000)]]);
    const i = onlyIssue(await readAgencyListXlsx(zipOf(workbookParts(xml)), 'dai.xlsx', { model: 'two-tier' }));
    expect(i).toMatchObject({ code: 'ximport.limit.string_too_long', at: { row: 2, column: 'B' } });
    expect(vi(i)).toContain('dài hơn 32.767 ký tự');
  });

  it('texts escaped in the XML are counted as the characters they stand for', async () => {
    const xml = sheetXml([['Mã', 'Tên'], ['S01', '&'.repeat(30_000)]]);
    expect(await checkBeforeLoad(zipOf(workbookParts(xml)), 'a.xlsx', WORKBOOK_LIMITS.agencies)).toEqual([]);
  });

  it('too many shared strings, or one too long, are refused', async () => {
    const sst = (n: number, s: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${n}" uniqueCount="${n}">${`<si><t>${s}</t></si>`.repeat(Math.min(n, 3))}</sst>`;
    const many = zipOf(workbookParts(sheetXml([['Mã']]), 'Sheet1', [{ name: 'xl/sharedStrings.xml', data: sst(10_000_000, 'a') }]));
    expect(onlyIssue(await readAgencyListXlsx(many, 'a.xlsx', { model: 'two-tier' })).code).toBe('ximport.limit.too_many_strings');
    const long = zipOf(workbookParts(sheetXml([['Mã']]), 'Sheet1', [{ name: 'xl/sharedStrings.xml', data: sst(1, 'y'.repeat(33_000)) }]));
    expect(onlyIssue(await readAgencyListXlsx(long, 'a.xlsx', { model: 'two-tier' }))).toMatchObject({ code: 'ximport.limit.string_too_long', at: { file: 'a.xlsx' } });
  });

  it('a file larger than its kind allows is refused before its zip is read', async () => {
    const big = Buffer.concat([zipOf(workbookParts(sheetXml([['Mã']]))), Buffer.alloc(6 * 1024 * 1024)]);
    const i = onlyIssue(await readRulesXlsx(big, 'qd.xlsx', { bands: ['XS'] }));
    expect(i.vi).toBe('tệp qd.xlsx: Tệp quá lớn: 7 MB, tối đa 5 MB; tệp chưa được đọc.');
  });
});
