/**
 * officialSheet on both writers, read back with exceljs and openpyxl: the NĐ 30/2020 header block,
 * the table, the page setup and the signature block.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hyperlinkCell } from '../../../electron/services/reports/kit/cell.ts';
import { defaultFooter } from '../../../electron/services/reports/kit/context.ts';
import {
  type ColumnSpec,
  newStreamingWorkbook,
  newWorkbook,
  officialSheet,
  type ReportFooter,
  type ReportHeader,
  saveWorkbook,
} from '../../../electron/services/reports/kit/sheet.ts';
import type { Campaign } from '../../../shared/schema/campaign.ts';
import { openpyxlCount, openpyxlDump, type PyBook, type PySheet, worksheetXml } from './helpers.ts';

const ISSUER = { parentBody: 'UBND tỉnh Minh Sơn', body: 'Sở Nội vụ', place: 'Minh Sơn', signerTitle: 'PHÓ GIÁM ĐỐC', signerName: 'Nguyễn Văn An' };
const HEADER: ReportHeader = {
  issuer: ISSUER,
  date: new Date(2025, 1, 5),
  title: 'BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024',
  subtitle: '(Kèm theo Báo cáo số 12/BC-SNV)',
  lang: 'vi',
};
const COLUMNS: ColumnSpec[] = [
  { header: 'TT', width: 6, kind: 'code' },
  { header: 'Cơ quan, đơn vị', width: 36, kind: 'wrap' },
  { header: 'Điểm tự đánh giá', width: 12, kind: 'number2' },
  { header: 'Điểm thẩm định', width: 12, kind: 'number2' },
  { header: 'Chỉ số (%)', width: 10, kind: 'percent2' },
  { header: 'Ngày nộp', width: 12, kind: 'date' },
  { header: 'Xếp hạng', width: 9, kind: 'integer' },
  { header: 'Ghi chú', width: 12, kind: 'text' },
];
const FOOTER: ReportFooter = {
  recipients: ['UBND tỉnh (để báo cáo)', 'Các sở, ban, ngành', 'Lưu: VT, CCHC'],
  signer: { capacity: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
};
const LEVELS = ['TT', 'Cơ quan, đơn vị', 'Điểm', 'Điểm', 'Kết quả', 'Kết quả', 'Xếp hạng', ''];

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'parscore-kit-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function build(mode: 'memory' | 'stream', file: string, opts: { landscape?: boolean; headerLevels?: string[] } = {}): Promise<number> {
  const wb = mode === 'memory' ? newWorkbook() : newStreamingWorkbook(file);
  const sheet = officialSheet(wb, 'Xếp hạng [Sở]/2024*', HEADER, COLUMNS, opts);
  sheet.addSectionRow('I. SỞ, BAN, NGÀNH');
  sheet.addRow(['1', 'Sở Tư pháp', 80.5, 78.25, 91.256, new Date(Date.UTC(2025, 0, 15)), 1, '=cmd|"/C calc"!A0'], { outlineLevel: 1 });
  sheet.addRow(['2', hyperlinkCell('Sở Y tế', 'https://soyte.example.gov.vn'), 1234.5, 70, 88, null, 2, { formula: 'SUM(A1:A2)' }], { outlineLevel: 1 });
  sheet.addRow(['3', hyperlinkCell('Sở X', 'javascript:alert(1)'), Number.NaN, 0, 0, null, 3, null]);
  sheet.addRow(['', 'Tổng cộng', 1315, 148.25, null, null, null, null], { total: true });
  const rows = sheet.rowCount;
  await sheet.finish(FOOTER);
  await saveWorkbook(wb, file);
  return rows;
}

describe.each(['memory', 'stream'] as const)('officialSheet on the %s writer', (mode) => {
  let book: PyBook;
  let ws: PySheet;
  let file = '';
  let rows = 0;
  const headerRow = 8; // group row; 9 = column headers (with headerLevels)

  beforeAll(async () => {
    file = path.join(dir, `${mode}.xlsx`);
    rows = await build(mode, file, { headerLevels: LEVELS });
    book = openpyxlDump(file);
    const name = book.sheets[0] ?? '';
    ws = book.data[name] as PySheet;
  });

  const cell = (addr: string) => ws.cells[addr];

  it('gives the sheet a legal name and counts the rows added', () => {
    expect(book.sheets).toHaveLength(1);
    expect(book.sheets[0]).not.toMatch(/[[\]:*?/\\]/);
    expect(rows).toBe(5);
  });

  it('writes the NĐ 30/2020 header block in the right cells, merged, in Times New Roman', () => {
    expect(cell('A1')?.v).toBe('UBND TỈNH MINH SƠN');
    expect(cell('A2')).toMatchObject({ v: 'SỞ NỘI VỤ', bold: true });
    expect(cell('A3')?.v).toBe('Số:       /BC-SNV');
    expect(cell('C1')).toMatchObject({ v: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: 13 });
    expect(cell('C2')).toMatchObject({ v: 'Độc lập - Tự do - Hạnh phúc', bold: true });
    expect(cell('C3')).toMatchObject({ v: 'Minh Sơn, ngày 05 tháng 02 năm 2025', italic: true });
    expect(cell('A5')).toMatchObject({ v: HEADER.title, bold: true, size: 14 });
    expect(cell('A6')).toMatchObject({ v: HEADER.subtitle, italic: true });
    for (const r of ['A1:B1', 'C1:H1', 'A2:B2', 'C2:H2', 'A3:B3', 'C3:H3', 'A5:H5', 'A6:H6']) expect(ws.merged).toContain(r);
    for (const c of Object.values(ws.cells)) expect(c.font).toBe('Times New Roman');
  });

  it('writes the two header rows: equal groups merged across, own labels merged down', () => {
    expect(cell(`C${headerRow}`)).toMatchObject({ v: 'Điểm', bold: true });
    expect(cell(`E${headerRow}`)?.v).toBe('Kết quả');
    expect(cell(`C${headerRow + 1}`)).toMatchObject({ v: 'Điểm tự đánh giá', bold: true, wrap: true });
    expect(cell(`F${headerRow + 1}`)?.v).toBe('Ngày nộp');
    expect(cell(`A${headerRow}`)?.v).toBe('TT');
    expect(cell(`H${headerRow}`)?.v).toBe('Ghi chú');
    for (const r of ['C8:D8', 'E8:F8', 'A8:A9', 'B8:B9', 'G8:G9', 'H8:H9']) expect(ws.merged).toContain(r);
  });

  it('sets up A4 pages with the header rows repeated, frozen panes, fit to one page wide and NĐ 30 margins', () => {
    expect(ws.paperSize).toBe(9);
    expect(ws.orientation).toBe('portrait');
    expect(ws.fitToPage).toBe(true);
    expect(ws.fitToWidth).toBe(1);
    expect(ws.fitToHeight).toBe(0);
    expect(ws.printTitleRows).toBe('$8:$9');
    expect(ws.freeze).toBe('A10');
    expect(ws.footer).toContain('Trang &P/&N');
    expect(ws.margins.left).toBeCloseTo(3 / 2.54, 5);
    expect(ws.margins.right).toBeCloseTo(1.5 / 2.54, 5);
    expect(ws.margins.top).toBeCloseTo(2 / 2.54, 5);
    expect(ws.margins.bottom).toBeCloseTo(2 / 2.54, 5);
  });

  it('stores numbers as numbers, dates as dates, with the column formats', () => {
    expect(cell('A10')).toMatchObject({ v: 'I. SỞ, BAN, NGÀNH', bold: true });
    expect(ws.merged).toContain('A10:H10');
    expect(cell('C11')).toMatchObject({ v: 80.5, t: 'n', fmt: '#,##0.00', bold: false });
    expect(cell('C12')).toMatchObject({ v: 1234.5, t: 'n', fmt: '#,##0.00' });
    expect(cell('E11')).toMatchObject({ v: 91.256, fmt: '0.00' });
    expect(cell('G11')).toMatchObject({ v: 1, fmt: '#,##0' });
    expect(cell('F11')).toMatchObject({ date: true, fmt: 'dd/mm/yyyy' });
    expect(String(cell('F11')?.v)).toMatch(/^2025-01-15/);
    expect(cell('C13')).toBeUndefined(); // NaN → empty
    expect(cell('C14')).toMatchObject({ v: 1315, bold: true }); // total row
    expect(ws.outline['11']).toBe(1);
  });

  it('keeps data text as text: neutralised formulas, objects as strings, links only where allowed', async () => {
    expect(cell('H11')).toMatchObject({ v: '\'=cmd|"/C calc"!A0', t: 's' });
    expect(cell('H12')?.v).toBe('[object Object]');
    expect(cell('B12')).toMatchObject({ v: 'Sở Y tế', link: 'https://soyte.example.gov.vn/' });
    expect(cell('B13')).toMatchObject({ v: 'Sở X', link: null });
    for (const c of Object.values(ws.cells)) expect(c.t).not.toBe('f');
    for (const xml of await worksheetXml(file)) expect(xml).not.toMatch(/<f[ >]/);
  });

  it('ends with the signature block', () => {
    const texts = Object.entries(ws.cells).filter(([addr]) => Number(addr.replace(/^[A-Z]+/, '')) > 14);
    const left = texts.filter(([a]) => a.startsWith('A')).map(([, c]) => c.v);
    const right = texts.filter(([a]) => a.startsWith('C')).map(([, c]) => c.v);
    expect(left).toEqual(['Nơi nhận:', '– UBND tỉnh (để báo cáo);', '– Các sở, ban, ngành;', '– Lưu: VT, CCHC.']);
    expect(right).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An']);
    const at = (v: string) => Object.values(ws.cells).find((c) => c.v === v);
    expect(at('Nơi nhận:')).toMatchObject({ bold: true, italic: true });
    expect(at('KT. GIÁM ĐỐC')?.bold).toBe(true);
    expect(at('Nguyễn Văn An')?.bold).toBe(true);
    // The name sits below the signing space.
    const row = (v: string) => Number(Object.entries(ws.cells).find(([, c]) => c.v === v)?.[0].replace(/^[A-Z]+/, ''));
    expect(row('Nguyễn Văn An') - row('PHÓ GIÁM ĐỐC')).toBeGreaterThanOrEqual(4);
  });

  it('reads back with exceljs too', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell('C1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(sheet.getCell('C11').value).toBe(80.5);
    expect(sheet.getCell('C11').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('F11').value).toBeInstanceOf(Date);
    expect(sheet.getCell('A1').font.name).toBe('Times New Roman');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.views[0]?.state).toBe('frozen');
  });
});

describe('officialSheet layout choices', () => {
  it('goes landscape when asked, or by default when the columns are wider than 110', async () => {
    const asked = path.join(dir, 'landscape.xlsx');
    await build('memory', asked, { landscape: true });
    expect(Object.values(openpyxlDump(asked).data)[0]?.orientation).toBe('landscape');
    const wide = path.join(dir, 'wide.xlsx');
    const wb = newWorkbook();
    const sheet = officialSheet(wb, 'Rộng', HEADER, [...COLUMNS, { header: 'Giải trình', width: 40, kind: 'wrap' }]);
    sheet.addRow(['1']);
    await sheet.finish();
    await saveWorkbook(wb, wide);
    const ws = Object.values(openpyxlDump(wide).data)[0] as PySheet;
    expect(ws.orientation).toBe('landscape');
    expect(ws.printTitleRows).toBe('$8:$8');
    expect(ws.freeze).toBe('A9');
  });

  it('gives sheets of one workbook unique names and takes a document number', async () => {
    const file = path.join(dir, 'names.xlsx');
    const wb = newWorkbook();
    const a = officialSheet(wb, 'Tổng hợp', { ...HEADER, documentNo: '123/BC-SNV', subtitle: undefined }, COLUMNS);
    const b = officialSheet(wb, 'Tổng hợp', HEADER, COLUMNS);
    await a.finish();
    await b.finish();
    await saveWorkbook(wb, file);
    const book = openpyxlDump(file);
    expect(book.sheets).toEqual(['Tổng hợp', 'Tổng hợp (2)']);
    const first = book.data['Tổng hợp'] as PySheet;
    expect(first.cells['A3']?.v).toBe('Số: 123/BC-SNV');
    expect(first.printTitleRows).toBe('$7:$7');
  });

  it('refuses more values than columns and rows after finish', async () => {
    const wb = newWorkbook();
    const sheet = officialSheet(wb, 'x', HEADER, COLUMNS.slice(0, 2));
    expect(() => sheet.addRow([1, 2, 3])).toThrow();
    await sheet.finish();
    expect(() => sheet.addRow([1])).toThrow();
  });

  it('defaultFooter: the usual recipients and the campaign signer, signing on behalf for a deputy', () => {
    const campaign = { issuer: ISSUER } as unknown as Campaign;
    const f = defaultFooter(campaign, 'vi');
    expect(f.recipients).toEqual(['UBND tỉnh (để báo cáo)', 'Các sở, ban, ngành', 'UBND các huyện, xã (để biết)', 'Lưu: VT, CCHC']);
    expect(f.signer).toEqual({ capacity: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' });
    const head = defaultFooter({ issuer: { ...ISSUER, signerTitle: 'GIÁM ĐỐC' } } as unknown as Campaign, 'vi');
    expect(head.signer).toEqual({ title: 'GIÁM ĐỐC', name: 'Nguyễn Văn An' });
  });
});

describe('streaming a big sheet', () => {
  it('writes 20,000 rows without holding them', async () => {
    const file = path.join(dir, 'big.xlsx');
    const wb = newStreamingWorkbook(file);
    const sheet = officialSheet(wb, 'Lớn', HEADER, COLUMNS);
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    for (let i = 1; i <= 20000; i++) {
      sheet.addRow([String(i), `Cơ quan số ${i} — giải trình ${'x'.repeat(i % 50)}`, i / 7, i / 9, (i % 10000) / 100, new Date(Date.UTC(2025, 0, 1 + (i % 28))), i, `ghi chú ${i}`]);
      if (i % 2000 === 0) {
        await new Promise((r) => setImmediate(r));
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    await sheet.finish(FOOTER);
    await saveWorkbook(wb, file);
    const growth = (peak - before) / 2 ** 20;
    // The in-memory workbook holds about 1 KB per row here; the writer must stay far below 20,000 rows of that.
    expect(growth).toBeLessThan(150);
    const counts = openpyxlCount(file);
    const data = counts['Lớn'];
    // 8 header rows + 20,000 data rows + the blank row and the signature block (7 rows).
    expect(data?.rows).toBe(8 + 20000 + 1 + 7);
    expect(data?.formulas).toBe(0);
  }, 120_000);
});
