/**
 * The data rows of a streamed sheet are written straight as XML (kit/rowxml.ts) instead of through
 * exceljs' row objects. The file must be exactly the one exceljs writes: the same sheet built with
 * the direct writer and with it switched off gives the same worksheet XML.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ColumnSpec, ReportHeader } from '../../../electron/services/reports/kit/sheet.ts';
import { worksheetXml } from './helpers.ts';

const HEADER: ReportHeader = {
  issuer: { parentBody: 'UBND tỉnh Minh Sơn', body: 'Sở Nội vụ', place: 'Minh Sơn', signerTitle: 'GIÁM ĐỐC', signerName: 'Trần Thị Bình' },
  date: new Date(2026, 11, 10),
  title: 'BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM NĂM 2026',
  lang: 'vi',
};
const COLUMNS: ColumnSpec[] = [
  { header: 'TT', width: 6, kind: 'code' },
  { header: 'Cơ quan, đơn vị', width: 24, kind: 'wrap' },
  { header: 'Điểm', width: 10, kind: 'number2' },
  { header: 'Chỉ số (%)', width: 10, kind: 'percent2' },
  { header: 'Xếp hạng', width: 8, kind: 'integer' },
  { header: 'Đạt', width: 8, kind: 'text' },
  { header: 'Ghi chú', width: 30, kind: 'text' },
];
const LONG = 'Ủy ban nhân dân xã Tân Lập, huyện Minh Sơn, tỉnh Minh Sơn — đơn vị có nhiều sáng kiến cải cách hành chính';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'parscore-rowxml-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.doUnmock('../../../electron/services/reports/kit/rowxml.ts');
});

/** The same sheet, with the kit loaded afresh (so that a mock of rowxml.ts takes effect). */
async function build(file: string): Promise<string[]> {
  vi.resetModules();
  const kit = await import('../../../electron/services/reports/kit/sheet.ts');
  const { hyperlinkCell } = await import('../../../electron/services/reports/kit/cell.ts');
  const wb = kit.newStreamingWorkbook(file);
  const sheet = kit.officialSheet(wb, 'Tổng hợp', HEADER, COLUMNS);
  sheet.addSectionRow('I. XÃ, PHƯỜNG');
  for (let i = 1; i <= 300; i++) {
    const name = i % 7 === 0 ? LONG : `Xã <Số ${i}> & "Phường" 'A'`;
    sheet.addRow([String(i), name, i * 1.25, i % 11 === 0 ? Number.NaN : 100 / i, i, i % 2 === 0, i % 5 === 0 ? null : `ghi chú\u0001\u0007 ${i}\ttab`], { outlineLevel: i % 3 === 0 ? 1 : 0 });
    // Rows exceljs must still write itself: a hyperlink, a date.
    if (i === 50) sheet.addRow(['', hyperlinkCell('Cổng dịch vụ công', 'https://dichvucong.gov.vn'), 0, 0, null, null, null]);
    if (i === 120) sheet.addRow(['', 'Ngày nhận', -0, Number.POSITIVE_INFINITY, null, null, new Date(Date.UTC(2026, 11, 10))]);
  }
  sheet.addRow(['', 'Tổng cộng', 56437.5, null, null, null, ''], { total: true });
  sheet.addRow([null, null, null, null, null, null, null]);
  await sheet.finish({ recipients: ['Lưu: VT, CCHC'], signer: { capacity: 'GIÁM ĐỐC', title: 'GIÁM ĐỐC', name: 'Trần Thị Bình' } });
  await kit.saveWorkbook(wb, file);
  return worksheetXml(file);
}

describe('data rows written straight as XML', () => {
  it('give the very worksheet exceljs writes row by row', async () => {
    let directWrites = 0;
    vi.doMock('../../../electron/services/reports/kit/rowxml.ts', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../../electron/services/reports/kit/rowxml.ts')>();
      return {
        ...real,
        directRows: (...args: Parameters<typeof real.directRows>) => {
          const d = real.directRows(...args);
          return d && { ...d, write: (...w: Parameters<typeof d.write>) => (d.write(...w) ? (directWrites++, true) : false) };
        },
      };
    });
    const direct = await build(path.join(dir, 'direct.xlsx'));
    // Every plain row went the direct way; the hyperlink and date rows did not.
    expect(directWrites).toBe(302);

    vi.doMock('../../../electron/services/reports/kit/rowxml.ts', async (importOriginal) => ({
      ...(await importOriginal<typeof import('../../../electron/services/reports/kit/rowxml.ts')>()),
      directRows: () => null,
    }));
    const viaExceljs = await build(path.join(dir, 'exceljs.xlsx'));
    expect(direct).toHaveLength(1);
    expect(direct).toEqual(viaExceljs);
  });
});
