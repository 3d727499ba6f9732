/**
 * A workbook as Debian's openpyxl reads it (tests/reports/dump_xlsx.py), independently of exceljs:
 * the one reader every report test family adapts to the shape it asserts on.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';
const DUMP = join(import.meta.dirname, 'dump_xlsx.py');

export interface OpenpyxlCell {
  /** Dates and times as ISO strings. */
  v: string | number | boolean | null;
  /** openpyxl's data type: n, s, b, d, f … */
  t: string;
  date: boolean;
  fmt: string;
  bold: boolean;
  italic: boolean;
  font: string | null;
  size: number | null;
  wrap: boolean;
  link: string | null;
  /** A merged cell other than its range's first. */
  merged: boolean;
}

export interface OpenpyxlSheet {
  name: string;
  freeze: string | null;
  /** As openpyxl gives them ("$7:$8"). */
  printTitleRows: string | null;
  orientation: string | null;
  paperSize: number | null;
  fitToWidth: number | null;
  fitToHeight: number | null;
  fitToPage: boolean;
  margins: { left: number; right: number; top: number; bottom: number };
  footer: string | null;
  /** Custom column widths, column A first (null: not set). */
  widths: (number | null)[];
  merged: string[];
  /** Row number → outline level, for rows that have one. */
  outline: Record<string, number>;
  /** Every cell of every row from A1 to the sheet's last row and column. */
  rows: OpenpyxlCell[][];
}

export interface OpenpyxlBook {
  /** Worksheet parts with an <f> element and cells read as formulas (must stay empty). */
  formulas: string[];
  sheets: OpenpyxlSheet[];
}

export function readOpenpyxlBook(file: string): OpenpyxlBook {
  return JSON.parse(execFileSync(PYTHON, [DUMP, file], { encoding: 'utf8', maxBuffer: 1 << 30 })) as OpenpyxlBook;
}

/** Rows and formula cells per sheet, read in openpyxl's read-only mode (for big files). */
export function openpyxlCount(file: string): Record<string, { rows: number; formulas: number }> {
  return JSON.parse(execFileSync(PYTHON, [DUMP, file, '--count'], { encoding: 'utf8', maxBuffer: 1 << 26 })) as Record<string, { rows: number; formulas: number }>;
}

/** "A", "B", … "Z", "AA", … for column 1, 2, … */
export function columnLetters(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
