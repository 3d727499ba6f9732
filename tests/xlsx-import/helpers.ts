/** Building sheets as a province officer types them, and reading the problems of a rejected import. */
import ExcelJS from 'exceljs';
import { formatIssue } from '../../shared/i18n/index.ts';
import type { Agency } from '../../shared/schema/index.ts';
import type { Issue, Result } from '../../shared/util/issue.ts';
import type { SurveyContext } from '../../electron/services/xlsx-import/index.ts';

export type CellValue = string | number | null | ExcelJS.CellValue;

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

/** Opens a workbook, lets the test type into it like a user, and saves it again. */
export async function edit(buf: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await loadWorkbook(buf);
  change(wb);
  return toBuffer(wb);
}

/**
 * A one-sheet workbook from rows (row 1 first); `null` leaves a cell empty. `title` puts a merged
 * title in row 1 and a blank row 2 above the given rows.
 */
export async function sheetOf(rows: readonly (readonly CellValue[])[], opts: { name?: string; title?: string; fmt?: (ws: ExcelJS.Worksheet) => void } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.name ?? 'Sheet1');
  let r = 1;
  if (opts.title !== undefined) {
    ws.getCell(1, 1).value = opts.title;
    ws.mergeCells(1, 1, 1, 5);
    r = 3;
  }
  for (const row of rows) {
    row.forEach((v, i) => {
      if (v !== null) ws.getCell(r, i + 1).value = v;
    });
    r++;
  }
  opts.fmt?.(ws);
  return toBuffer(wb);
}

/** A workbook of several sheets, each from rows as in sheetOf. */
export async function bookOf(sheets: readonly { name: string; rows: readonly (readonly CellValue[])[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => row.forEach((v, i) => v !== null && (ws.getCell(r + 1, i + 1).value = v)));
  }
  return toBuffer(wb);
}

export function issuesOf<T>(r: Result<T>): Issue[] {
  if (r.ok) throw new Error(`expected the import to be rejected, but it gave ${JSON.stringify(r.value)}`);
  return r.error;
}

export function valueOf<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected the import to succeed:\n${r.error.map((i) => formatIssue('vi', i)).join('\n')}`);
  return r.value;
}

/** The only issue of a rejected import, with its Vietnamese message. */
export function onlyIssue<T>(r: Result<T>): Issue & { vi: string } {
  const list = issuesOf(r);
  if (list.length !== 1) throw new Error(`expected one issue, got:\n${list.map((i) => formatIssue('vi', i)).join('\n')}`);
  const i = list[0] as Issue;
  return { ...i, vi: formatIssue('vi', i) };
}

// ── A small province ────────────────────────────────────────────────────────────────────────────

export const AGENCIES: Agency[] = [
  { code: 'SNV', name: 'Sở Nội vụ', group: 'department', parent: null },
  { code: 'STC', name: 'Sở Tài chính', group: 'department', parent: null },
  { code: 'H01', name: 'UBND huyện Tân Lạc', group: 'district', parent: null },
  { code: 'X0101', name: 'UBND xã Phong Phú', group: 'commune', parent: 'H01' },
  { code: 'X0102', name: 'UBND thị trấn Mãn Đức', group: 'commune', parent: 'H01' },
];

export function surveyContext(scale: Record<string, number> = { A: 100, B: 60, C: 20, D: 0 }): SurveyContext {
  return {
    agencies: AGENCIES,
    surveyItems: new Map([
      [
        'department',
        [
          { code: '8.1', title: 'Mức độ hài lòng về tiếp cận dịch vụ' },
          { code: '8.2', title: 'Mức độ hài lòng về công chức giải quyết TTHC' },
        ],
      ],
      [
        'district',
        [
          { code: '8.1', title: 'Mức độ hài lòng về tiếp cận dịch vụ' },
          { code: '8.2', title: 'Mức độ hài lòng về công chức giải quyết TTHC' },
          { code: '8.3', title: 'Mức độ hài lòng về kết quả giải quyết TTHC' },
        ],
      ],
      [
        'commune',
        [
          { code: '7.1', title: 'Mức độ hài lòng của người dân' },
          { code: '7.2', title: 'Mức độ hài lòng của tổ chức' },
        ],
      ],
    ]),
    scale,
  };
}
