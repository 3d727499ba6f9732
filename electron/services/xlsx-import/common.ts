/**
 * What the agency-list and survey importers share: loading a workbook, collecting problems,
 * finding the table (a header row, possibly under a title, in any column order and either
 * language), reading cells, and the styles and helpers of the blank forms. Cell values, text
 * folding and numbers are read with the helpers of the template sheet (../template-xlsx).
 */
import ExcelJS from 'exceljs';
import { hasMessage, type Lang, LANGS, type MessageKey, t } from '../../../shared/i18n/index.ts';
import { type Issue, type IssueLocation, type IssueParams, type Result, fail, issue, ok } from '../../../shared/util/issue.ts';
import { type CellRead, readCell } from '../template-xlsx/cells.ts';
import { LIMIT } from '../template-xlsx/read.ts';
import { columnLetter, fold } from '../template-xlsx/text.ts';
import { encodeCellText } from '../template-xlsx/write.ts';
import { type WorkbookKind, WORKBOOK_LIMITS, checkBeforeLoad } from './limits.ts';
import { technicianLog } from '../diagnostics.ts';
import { prepareXlsx } from './package.ts';

export { LIMIT };

/** Rows searched for the header row (a province may put a title or two above the table). */
export const HEADER_SEARCH_ROWS = 10;

// ── Problems ────────────────────────────────────────────────────────────────────────────────────

/** Collects problems with their place, up to LIMIT (then one "more not shown" line). */
export class Collector {
  private readonly list: Issue[] = [];
  private dropped = 0;
  constructor(readonly file: string) {}

  add(code: string, at: Omit<IssueLocation, 'file'>, params?: IssueParams): void {
    if (this.list.length >= LIMIT) {
      this.dropped++;
      return;
    }
    this.list.push(issue(code, { file: this.file, ...at }, params));
  }

  get count(): number {
    return this.list.length + this.dropped;
  }

  result(): Issue[] {
    return this.dropped > 0 ? [...this.list, issue('ximport.too_many', { file: this.file }, { n: LIMIT })] : [...this.list];
  }
}

/** Row numbers are passed as text, so that 10000 is never shown as "10.000". */
export function rowParam(row: number): string {
  return String(row);
}

// ── Workbook ────────────────────────────────────────────────────────────────────────────────────

/**
 * Reads an .xlsx file. What goes wrong is told in the user's words, never in exceljs's: the zip is
 * checked against the limits of its kind (sizes, dimension, rows, columns, strings; before anything
 * is built in memory), then checked and tidied where exceljs would trip over another program's
 * layout by prepareXlsx.
 */
export async function loadWorkbook(data: Buffer | ArrayBuffer, file: string, kind: WorkbookKind): Promise<Result<ExcelJS.Workbook>> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data));
  if (buf.length > 0) {
    const limits = await checkBeforeLoad(buf, file, WORKBOOK_LIMITS[kind]);
    if (limits.length > 0) return fail(limits);
  }
  const prepared = await prepareXlsx(buf, file);
  if (!prepared.ok) return prepared;
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it reads.
    await wb.xlsx.load(prepared.value as unknown as ExcelJS.Buffer);
  } catch (e) {
    technicianLog('exceljs load', file, e);
    return fail([issue('ximport.file.unreadable', { file })]);
  }
  return ok(wb);
}

/** Runs a sheet reader, turning a crash of exceljs on an unusual workbook into a message. */
export function guarded<T>(file: string, read: () => Result<T>): Result<T> {
  try {
    return read();
  } catch (e) {
    technicianLog('sheet reader', file, e);
    return fail([issue('ximport.file.unreadable', { file })]);
  }
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

// ── Cells ───────────────────────────────────────────────────────────────────────────────────────

/** The cell's value, and its number format (to tell 0.85 shown as 85% from 0.85). */
export interface CellAt {
  read: CellRead;
  numFmt: string;
}

export function cellAt(ws: ExcelJS.Worksheet, row: number, col: number): CellAt {
  const cell = ws.getCell(row, col);
  const source = cell.isMerged ? cell.master : cell;
  const fmt: unknown = source.numFmt;
  return { read: readCell(ws, row, col), numFmt: typeof fmt === 'string' ? fmt : '' };
}

/** The message of a cell that cannot be read, in this catalogue ("xlsx.cell.x" → "ximport.cell.x"). */
export function badCellCode(code: string): string {
  const own = code.replace(/^xlsx\./, 'ximport.');
  return hasMessage(own) ? own : code;
}

export type TextRead = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'bad'; code: string; params?: IssueParams };

/** A cell read as text (codes, names, words): numbers as typed (8.1 → "8.1"), dates refused. */
export function cellText(read: CellRead): TextRead {
  switch (read.kind) {
    case 'empty':
      return { kind: 'empty' };
    case 'text':
      return { kind: 'text', text: read.text };
    case 'number':
      return { kind: 'text', text: String(read.value) };
    case 'boolean':
      return { kind: 'text', text: read.value ? 'TRUE' : 'FALSE' };
    case 'date':
      return { kind: 'bad', code: 'ximport.cell.unexpected_date', params: { value: read.value.toISOString().slice(0, 10) } };
    case 'bad':
      return read.params ? { kind: 'bad', code: badCellCode(read.code), params: read.params } : { kind: 'bad', code: badCellCode(read.code) };
  }
}

export function isRowEmpty(ws: ExcelJS.Worksheet, row: number, cols: Iterable<number>): boolean {
  for (const col of cols) if (readCell(ws, row, col).kind !== 'empty') return false;
  return true;
}

/** The key under which codes are compared: case, diacritics and spacing do not matter. */
export function codeKey(s: string): string {
  return fold(s);
}

/** Long values are cut when quoted in a message. */
export function quote(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

// ── Headers ─────────────────────────────────────────────────────────────────────────────────────

export interface ColumnSpec<F extends string> {
  field: F;
  header: MessageKey;
  /** Further accepted headers, separated by |. */
  aliases?: MessageKey;
}

/** A header as compared: folded, without a trailing "*", ":" or "(*)" that marks required columns. */
export function headerKey(s: string): string {
  return fold(s)
    .replace(/\(\s*\*\s*\)/g, '')
    .replace(/[*:]+$/u, '')
    .trim();
}

/** The header words of one table, in both languages. */
export class HeaderWords<F extends string> {
  private readonly byKey = new Map<string, { field: F; lang: Lang }>();
  constructor(private readonly specs: readonly ColumnSpec<F>[]) {
    const add = (word: string, field: F, lang: Lang) => {
      const k = headerKey(word);
      if (k !== '' && !this.byKey.has(k)) this.byKey.set(k, { field, lang });
    };
    // Labels first, so that a label always wins over another column's alias.
    for (const lang of LANGS) for (const s of specs) add(t(lang, s.header), s.field, lang);
    for (const lang of LANGS) for (const s of specs) if (s.aliases) for (const a of t(lang, s.aliases).split('|')) add(a, s.field, lang);
  }

  match(text: string): { field: F; lang: Lang } | undefined {
    return this.byKey.get(headerKey(text));
  }

  label(field: F, lang: Lang): string {
    const s = this.specs.find((x) => x.field === field);
    return s ? t(lang, s.header) : field;
  }
}

export interface HeaderScan<F extends string> {
  ws: ExcelJS.Worksheet;
  row: number;
  cols: Map<F, number>;
  duplicates: { field: F; first: number; second: number; text: string }[];
  /** Non-empty header cells that are none of the known columns. */
  others: { col: number; text: string }[];
  /** Language of most recognised headers (Vietnamese when undecided). */
  lang: Lang;
}

export function scanRow<F extends string>(ws: ExcelJS.Worksheet, row: number, words: HeaderWords<F>): HeaderScan<F> {
  const cols = new Map<F, number>();
  const duplicates: HeaderScan<F>['duplicates'] = [];
  const others: HeaderScan<F>['others'] = [];
  const votes: Record<Lang, number> = { vi: 0, en: 0 };
  const width = Math.max(ws.columnCount, 1);
  for (let col = 1; col <= width; col++) {
    const cell = cellText(readCell(ws, row, col));
    if (cell.kind !== 'text') continue;
    const m = words.match(cell.text);
    if (!m) {
      others.push({ col, text: cell.text });
      continue;
    }
    votes[m.lang]++;
    const first = cols.get(m.field);
    if (first !== undefined) duplicates.push({ field: m.field, first, second: col, text: cell.text });
    else cols.set(m.field, col);
  }
  return { ws, row, cols, duplicates, others, lang: votes.en > votes.vi ? 'en' : 'vi' };
}

/** A guide sheet of the blank forms (never read as data). */
export function isGuideSheet(ws: ExcelJS.Worksheet): boolean {
  const f = fold(ws.name);
  return LANGS.some((lang) => fold(t(lang, 'ximport.sheet.guide')) === f);
}

/**
 * Finds the table: on the first sheet (guide sheets skipped) whose top rows hold a header row that
 * `accept`s; otherwise the row that `score`s best (for reporting what is missing). Undefined only
 * for a workbook without any sheet.
 */
export function findTable<F extends string>(
  wb: ExcelJS.Workbook,
  words: HeaderWords<F>,
  accept: (s: HeaderScan<F>) => boolean,
  score: (s: HeaderScan<F>) => number,
): { scan: HeaderScan<F>; accepted: boolean } | undefined {
  const sheets = wb.worksheets.filter((ws) => !isGuideSheet(ws));
  const candidates = sheets.length > 0 ? sheets : wb.worksheets;
  let best: { scan: HeaderScan<F>; score: number } | undefined;
  for (const ws of candidates) {
    const last = Math.min(HEADER_SEARCH_ROWS, Math.max(ws.rowCount, 1));
    for (let row = 1; row <= last; row++) {
      const scan = scanRow(ws, row, words);
      if (accept(scan)) return { scan, accepted: true };
      const s = score(scan);
      if (!best || s > best.score) best = { scan, score: s };
    }
  }
  return best ? { scan: best.scan, accepted: false } : undefined;
}

/**
 * Every table of a workbook: on each sheet (guide sheets skipped), the first header row of its top
 * rows that `accept`s. When none does, `best` is the row that `score`s best (for reporting what is
 * missing). Undefined only for a workbook without any sheet.
 */
export function findTables<F extends string>(
  wb: ExcelJS.Workbook,
  words: HeaderWords<F>,
  accept: (s: HeaderScan<F>) => boolean,
  score: (s: HeaderScan<F>) => number,
): { tables: HeaderScan<F>[]; best: HeaderScan<F>; searched: string[] } | undefined {
  const sheets = wb.worksheets.filter((ws) => !isGuideSheet(ws));
  const candidates = sheets.length > 0 ? sheets : wb.worksheets;
  const tables: HeaderScan<F>[] = [];
  let best: { scan: HeaderScan<F>; score: number } | undefined;
  for (const ws of candidates) {
    const last = Math.min(HEADER_SEARCH_ROWS, Math.max(ws.rowCount, 1));
    for (let row = 1; row <= last; row++) {
      const scan = scanRow(ws, row, words);
      if (accept(scan)) {
        tables.push(scan);
        break;
      }
      const s = score(scan);
      if (!best || s > best.score) best = { scan, score: s };
    }
  }
  const first = tables[0] ?? best?.scan;
  return first ? { tables, best: best?.scan ?? first, searched: candidates.map((ws) => ws.name) } : undefined;
}

/** Reports columns whose header appears twice. */
export function reportDuplicateHeaders<F extends string>(scan: HeaderScan<F>, c: Collector): void {
  for (const d of scan.duplicates) {
    c.add(
      'ximport.header.duplicate',
      { sheet: scan.ws.name, row: scan.row, column: columnLetter(d.second) },
      { header: d.text, first: columnLetter(d.first), second: columnLetter(d.second) },
    );
  }
}

// ── Writing the blank forms ─────────────────────────────────────────────────────────────────────

export type Style = Partial<ExcelJS.Style>;

const FONT_NAME = 'Times New Roman';
const FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 12 };
const FONT_BOLD: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 12, bold: true };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFA6A6A6' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TOP_WRAP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

export const S_TITLE: Style = { font: { name: FONT_NAME, size: 14, bold: true }, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } };
export const S_HEADER: Style = {
  font: FONT_BOLD,
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  border: BORDER,
  numFmt: '@',
};
export const S_TEXT: Style = { font: FONT, alignment: TOP_WRAP, numFmt: '@', border: BORDER };
export const S_NUMBER: Style = { font: FONT, alignment: { vertical: 'top' }, border: BORDER };
export const S_GREY: Style = { font: FONT, alignment: { vertical: 'top' }, border: BORDER, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } } };
export const S_COL_TEXT: Style = { font: FONT, alignment: TOP_WRAP, numFmt: '@' };
export const S_COL_NUMBER: Style = { font: FONT, alignment: { vertical: 'top' } };
export const S_PLAIN: Style = { font: FONT, alignment: TOP_WRAP };
export const S_BOLD: Style = { font: FONT_BOLD, alignment: TOP_WRAP };

/** Rows below the data that keep the drop-down lists and formats, so that rows can be added. */
export const SPARE_ROWS = 300;

/** The one way a value reaches a cell: strings and numbers only, text protected as in the template sheet. */
export function put(cell: ExcelJS.Cell, value: string | number | null, style: Style): void {
  cell.value = value === null || value === '' ? null : typeof value === 'string' ? encodeCellText(value) : value;
  cell.style = style;
}

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** Adds a data validation to a range (exceljs 4.4 implements worksheet.dataValidations but does not declare it). */
export function validate(ws: ExcelJS.Worksheet, range: string, v: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: DataValidations }).dataValidations.add(range, v);
}

/** A reference to a range of another sheet, as formulas write it: 'Hướng dẫn'!$A$5:$A$7. */
export function sheetRange(sheet: string, col: number, from: number, to: number): string {
  const letter = columnLetter(col);
  return `'${sheet.replace(/'/g, "''")}'!$${letter}$${from}:$${letter}$${to}`;
}

export interface FormColumn {
  header: string;
  width: number;
  text: boolean;
}

/**
 * A data sheet: a title over the table in row 1 and the headers in row 2, frozen; returns the first
 * data row.
 */
export function setupForm(wb: ExcelJS.Workbook, name: string, title: string, cols: readonly FormColumn[]): { ws: ExcelJS.Worksheet; first: number } {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0, topLeftCell: 'A3', activeCell: 'A3' }],
    properties: { defaultRowHeight: 18 },
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.style = c.text ? S_COL_TEXT : S_COL_NUMBER;
    put(ws.getCell(2, i + 1), c.header, S_HEADER);
  });
  ws.mergeCells(1, 1, 1, Math.max(cols.length, 1));
  put(ws.getCell(1, 1), title, S_TITLE);
  ws.getRow(1).height = 40;
  ws.getRow(2).height = 32;
  return { ws, first: 3 };
}

/** Rough row height (points) for wrapped text in a column `width` characters wide. */
export function heightFor(text: string, width: number): number {
  const lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil((l.length * 1.1) / width)), 0);
  return Math.max(18, lines * 16);
}

/** A guide sheet written top-down: paragraphs across all columns and small tables. */
export class GuideWriter {
  readonly ws: ExcelJS.Worksheet;
  row = 1;
  private readonly total: number;
  constructor(
    wb: ExcelJS.Workbook,
    readonly lang: Lang,
    private readonly widths: readonly number[],
  ) {
    this.ws = wb.addWorksheet(t(lang, 'ximport.sheet.guide'), {
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    widths.forEach((w, i) => {
      const col = this.ws.getColumn(i + 1);
      col.width = w;
      col.style = S_PLAIN;
    });
    this.total = widths.reduce((a, b) => a + b, 0);
  }

  paragraph(text: string, style: Style = S_PLAIN): void {
    this.ws.mergeCells(this.row, 1, this.row, this.widths.length);
    put(this.ws.getCell(this.row, 1), text, style);
    this.ws.getRow(this.row).height = style === S_TITLE ? 30 : heightFor(text, this.total);
    this.row++;
  }

  skip(): void {
    this.row++;
  }

  /** A table with a header row; returns the rows of the body (first, last). */
  table(headers: readonly string[], rows: readonly (readonly (string | number | null)[])[]): { first: number; last: number } {
    headers.forEach((h, i) => put(this.ws.getCell(this.row, i + 1), h, S_HEADER));
    this.row++;
    const first = this.row;
    for (const r of rows) {
      r.forEach((v, i) => put(this.ws.getCell(this.row, i + 1), v, typeof v === 'number' ? S_NUMBER : S_TEXT));
      this.ws.getRow(this.row).height = Math.max(...r.map((v, i) => heightFor(v === null ? '' : String(v), this.widths[i] ?? 20)));
      this.row++;
    }
    return { first, last: Math.max(first, this.row - 1) };
  }
}

export function newWorkbook(title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ParScore';
  wb.title = title;
  wb.created = new Date();
  return wb;
}
