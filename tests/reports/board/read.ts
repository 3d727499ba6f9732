/**
 * Reads a workbook back twice, with exceljs and with Debian's openpyxl, into the same plain shape,
 * so that every assertion runs against both readers.
 */
import ExcelJS from 'exceljs';
import { readOpenpyxlBook } from '../openpyxl.ts';

export interface CellDump {
  v: string | number | boolean | null;
  /** n, s, b, d, f (empty for an empty cell). */
  t: string;
  fmt: string;
  bold: boolean;
}

export interface SheetDump {
  name: string;
  /** The top-left cell of the scrolling part ("A10"). */
  freeze: string | null;
  printTitleRows: string | null;
  orientation: string | null;
  fitToWidth: number | null;
  /** Paper size code (9: A4). */
  paperSize: number | null;
  /** Column widths in character units, column A first (null: not set). */
  widths: (number | null)[];
  merged: string[];
  rows: CellDump[][];
}

export interface WorkbookDump {
  reader: 'exceljs' | 'openpyxl';
  sheets: SheetDump[];
  /** Formula cells or <f> elements found (must stay empty). */
  formulas: string[];
}

export function readOpenpyxl(file: string): WorkbookDump {
  const book = readOpenpyxlBook(file);
  return {
    reader: 'openpyxl',
    formulas: book.formulas,
    sheets: book.sheets.map((s) => ({
      name: s.name,
      freeze: s.freeze,
      printTitleRows: s.printTitleRows && s.printTitleRows.replaceAll('$', ''),
      orientation: s.orientation,
      fitToWidth: s.fitToWidth,
      paperSize: s.paperSize,
      widths: s.widths,
      merged: s.merged,
      rows: s.rows.map((row) => row.map((c) => ({ v: c.v, t: c.v === null ? '' : c.t, fmt: c.fmt, bold: c.bold }))),
    })),
  };
}

function typeOf(c: ExcelJS.Cell): string {
  switch (c.type) {
    case ExcelJS.ValueType.Number:
      return 'n';
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.RichText:
    case ExcelJS.ValueType.SharedString:
      return 's';
    case ExcelJS.ValueType.Boolean:
      return 'b';
    case ExcelJS.ValueType.Date:
      return 'd';
    case ExcelJS.ValueType.Formula:
      return 'f';
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return '';
    default:
      return `other:${String(c.type)}`;
  }
}

function plain(c: ExcelJS.Cell): CellDump['v'] {
  const v = c.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return `[object ${JSON.stringify(v)}]`;
}

export async function readExceljs(file: string): Promise<WorkbookDump> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const formulas: string[] = [];
  const sheets: SheetDump[] = wb.worksheets.map((ws) => {
    const rows: CellDump[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: CellDump[] = [];
      for (let col = 1; col <= width; col++) {
        const c = row.getCell(col);
        const slave = c.isMerged && c.master.address !== c.address;
        const v = slave ? null : plain(c);
        if (c.type === ExcelJS.ValueType.Formula) formulas.push(`${ws.name}!${c.address}`);
        cells.push({ v, t: v === null ? '' : typeOf(c), fmt: c.numFmt ?? 'General', bold: c.font?.bold === true });
      }
      rows.push(cells);
    }
    const view = ws.views[0] as { state?: string; ySplit?: number; xSplit?: number } | undefined;
    const freeze = view?.state === 'frozen' && view.ySplit ? `${String.fromCharCode(65 + (view.xSplit ?? 0))}${view.ySplit + 1}` : null;
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    return {
      name: ws.name,
      freeze,
      printTitleRows: ws.pageSetup.printTitlesRow?.replace(/\$/g, '') ?? null,
      orientation: ws.pageSetup.orientation ?? null,
      fitToWidth: ws.pageSetup.fitToWidth ?? null,
      paperSize: ws.pageSetup.paperSize ?? null,
      widths: Array.from({ length: width }, (_, i) => ws.getColumn(i + 1).width ?? null),
      merged: [...merges].sort(),
      rows,
    };
  });
  return { reader: 'exceljs', sheets, formulas };
}

export async function readBoth(file: string): Promise<WorkbookDump[]> {
  return [await readExceljs(file), readOpenpyxl(file)];
}

export function sheet(d: WorkbookDump, name: string): SheetDump {
  const s = d.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`${d.reader}: no sheet "${name}" (sheets: ${d.sheets.map((x) => x.name).join(', ')})`);
  return s;
}

/** Cell values of a row (1-based row number), trailing columns included. */
export function values(s: SheetDump, row: number): CellDump['v'][] {
  return (s.rows[row - 1] ?? []).map((c) => c.v);
}

/** The header rows (from the print titles) as values. */
export function headerRows(s: SheetDump): CellDump['v'][][] {
  const m = /^(\d+):(\d+)$/.exec(s.printTitleRows ?? '');
  if (!m) throw new Error(`${s.name}: no print title rows`);
  const out: CellDump['v'][][] = [];
  for (let r = Number(m[1]); r <= Number(m[2]); r++) out.push(values(s, r));
  return out;
}

/** The two header rows of a sheet with a group header row. */
export function twoHeaderRows(s: SheetDump): [CellDump['v'][], CellDump['v'][]] {
  const rows = headerRows(s);
  if (rows.length !== 2 || !rows[0] || !rows[1]) throw new Error(`${s.name}: ${rows.length} header rows, not 2`);
  return [rows[0], rows[1]];
}

/** The first data row: the one after the print titles. */
export function firstDataRow(s: SheetDump): number {
  const m = /^(\d+):(\d+)$/.exec(s.printTitleRows ?? '');
  if (!m) throw new Error(`${s.name}: no print title rows`);
  return Number(m[2]) + 1;
}

/** Row numbers whose column B (the code column of every board report) holds `code`. */
export function rowsWithCode(s: SheetDump, code: string): number[] {
  const out: number[] = [];
  s.rows.forEach((cells, i) => {
    if (cells[1]?.v === code) out.push(i + 1);
  });
  return out;
}

/** Every text cell of the workbook. */
export function texts(d: WorkbookDump): string[] {
  return d.sheets.flatMap((s) => s.rows.flatMap((r) => r.flatMap((c) => (typeof c.v === 'string' ? [c.v] : []))));
}
