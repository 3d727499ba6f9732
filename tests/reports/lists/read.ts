/**
 * Reads a report workbook back twice, with exceljs and with Debian's openpyxl, into one shape, so
 * that a test can compare the two readers and check the figures.
 */
import ExcelJS from 'exceljs';
import { readOpenpyxlBook } from '../openpyxl.ts';

export type Value = string | number | boolean | null;
export interface Cell {
  v: Value;
  fmt: string;
  bold: boolean;
}
export interface Sheet {
  name: string;
  orientation: string;
  /** First and last rows repeated on every printed page. */
  titleRows: [number, number];
  /** Rows frozen at the top. */
  frozenRows: number;
  /** rows[0] is row 1; a merged cell other than the first is null. */
  rows: (Cell | null)[][];
}
export interface Book {
  formulas: string[];
  sheets: Sheet[];
}

function titleRows(s: string | undefined | null): [number, number] {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(s ?? '');
  if (!m) throw new Error(`no print titles: ${String(s)}`);
  return [Number(m[1]), Number(m[2])];
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

function plain(v: ExcelJS.CellValue): Value {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return isoDay(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new Error(`not a plain cell value: ${JSON.stringify(v)}`);
}

export async function readWithExceljs(file: string): Promise<Book> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const formulas: string[] = [];
  const sheets = wb.worksheets.map((ws): Sheet => {
    const rows: (Cell | null)[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: (Cell | null)[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        if (cell.isMerged && cell.master.address !== cell.address) {
          cells.push(null);
          continue;
        }
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined) formulas.push(`${ws.name}!${cell.address}`);
        cells.push({ v: plain(cell.value), fmt: cell.numFmt ?? 'General', bold: cell.font?.bold === true });
      }
      rows.push(cells);
    }
    const view = ws.views[0] as { ySplit?: number } | undefined;
    return {
      name: ws.name,
      orientation: ws.pageSetup.orientation ?? 'portrait',
      titleRows: titleRows(ws.pageSetup.printTitlesRow),
      frozenRows: view?.ySplit ?? 0,
      rows,
    };
  });
  return { formulas, sheets };
}

export function readWithOpenpyxl(file: string): Book {
  const py = readOpenpyxlBook(file);
  return {
    formulas: py.formulas,
    sheets: py.sheets.map((s): Sheet => {
      const freeze = /^[A-Z]+(\d+)$/.exec(s.freeze ?? '');
      return {
        name: s.name,
        orientation: s.orientation ?? 'portrait',
        titleRows: titleRows(s.printTitleRows),
        frozenRows: freeze ? Number(freeze[1]) - 1 : 0,
        rows: s.rows.map((row) =>
          row.map((c) => {
            if (c.merged) return null;
            // Dates come as "2025-01-20T00:00:00".
            const value = typeof c.v === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00$/.test(c.v) && c.t === 'd' ? c.v.slice(0, 10) : c.v;
            return { v: value, fmt: c.fmt, bold: c.bold };
          }),
        ),
      };
    }),
  };
}

/** Both readers. */
export async function readBoth(file: string): Promise<{ exceljs: Book; openpyxl: Book }> {
  return { exceljs: await readWithExceljs(file), openpyxl: readWithOpenpyxl(file) };
}

/** The values of a row without its trailing empty cells (null for empty and merged cells). */
export function values(row: readonly (Cell | null)[] | undefined): Value[] {
  const v = (row ?? []).map((c) => c?.v ?? null);
  while (v.length > 0 && (v[v.length - 1] === null || v[v.length - 1] === '')) v.pop();
  return v;
}

/** The table rows under the header rows, up to the first empty row (where the signature block begins). */
export function table(sheet: Sheet): (Cell | null)[][] {
  const out: (Cell | null)[][] = [];
  for (let r = sheet.titleRows[1]; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    if (row.every((c) => c === null || c.v === null || c.v === '')) break;
    out.push(row);
  }
  return out;
}

/** Every string cell of a book (sheet, row, column, text). */
export function strings(book: Book): { sheet: string; r: number; c: number; s: string }[] {
  const out: { sheet: string; r: number; c: number; s: string }[] = [];
  for (const sh of book.sheets) {
    sh.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell?.v === 'string') out.push({ sheet: sh.name, r: r + 1, c: c + 1, s: cell.v });
      }),
    );
  }
  return out;
}

export function sheetOf(book: Book, name: string): Sheet {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet "${name}" in ${book.sheets.map((x) => x.name).join(', ')}`);
  return s;
}
