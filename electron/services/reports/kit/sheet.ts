/**
 * An official report sheet laid out per Nghị định 30/2020/NĐ-CP (domain brief §(b)5): the
 * issuer / national-title header block, the title, the table with its header row(s) repeated on
 * every page, and the "Nơi nhận" / signature block. Works the same on the in-memory `Workbook`
 * (small single-agency reports) and on the streaming `WorkbookWriter` (anything that grows with
 * the number of agencies): every row is committed as soon as it is written, merges are declared
 * before their rows are committed, and no row is kept around.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Issuer } from '../../../../shared/schema/campaign.ts';
import { type Lang, t } from '../../../../shared/i18n/index.ts';
import { type CellValue, cleanText, isKitHyperlink, safeSheetName, toCellValue } from './cell.ts';
import { reportNotice } from './notice.ts';
import { type DirectRows, directRows } from './rowxml.ts';
import {
  cellStyle,
  type ColumnKind,
  S_BLOCK_BOLD,
  S_BLOCK_ITALIC,
  S_BLOCK_MOTTO,
  S_BLOCK_PLAIN,
  S_COLUMN_HEADER,
  S_SECTION,
  S_SIGN_LEFT,
  S_SIGN_LEFT_HEAD,
  S_SIGN_RIGHT,
  S_SIGN_RIGHT_BOLD,
  S_SUBTITLE,
  S_TITLE,
  type Style,
} from './styles.ts';

export type { ColumnKind } from './styles.ts';

export interface ColumnSpec {
  header: string;
  width: number;
  kind: ColumnKind;
}

export interface ReportHeader {
  issuer: Issuer;
  documentNo?: string;
  date: Date;
  title: string;
  subtitle?: string;
  lang: Lang;
}

export interface ReportFooter {
  recipients: string[];
  signer: { capacity?: string; title: string; name: string };
}

export interface OfficialSheet {
  /** One data row; values go through `toCellValue` (or are a `hyperlinkCell`). */
  addRow(values: unknown[], opts?: { total?: boolean; outlineLevel?: number }): void;
  /** A bold row across the whole table (a group of rows). */
  addSectionRow(text: string): void;
  /** Rows added below the header (data and section rows). */
  readonly rowCount: number;
  /** Writes the signature block and, when streaming, commits the sheet. */
  finish(footer?: ReportFooter): Promise<void>;
}

type AnyWorkbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

/** Landscape by default once the columns are wider than this (in character units). */
export const LANDSCAPE_WIDTH = 110;
const CM = 1 / 2.54;
const SIGNING_SPACE_ROWS = 4;
const RECIPIENT_DASH = '–';
/** Points per line of 12 pt Times New Roman. */
export const LINE_HEIGHT = 15.75;
/** Distinct texts remembered per column (with their line counts) before starting afresh. */
const TEXT_CACHE = 4096;

const takenNames = new WeakMap<object, Set<string>>();
const streamFiles = new WeakMap<object, string>();

function isStreaming(wb: AnyWorkbook): boolean {
  return wb instanceof ExcelJS.stream.xlsx.WorkbookWriter;
}

function namesOf(wb: AnyWorkbook): Set<string> {
  let names = takenNames.get(wb);
  if (!names) {
    names = new Set<string>();
    const existing: unknown = (wb as { worksheets?: unknown }).worksheets;
    if (Array.isArray(existing)) {
      for (const w of existing as ExcelJS.Worksheet[]) names.add(w.name);
    }
    takenNames.set(wb, names);
  }
  return names;
}

/**
 * Lines a text needs in a cell `width` units wide, wrapped at spaces as a spreadsheet does
 * (`factor`: the font's average character width in column units). An estimate: rows are sized
 * from it because neither Excel nor LibreOffice grows rows for wrapped text on opening a file.
 */
export function lines(text: string, width: number, factor: number): number {
  const perLine = Math.max(1, Math.floor(width / factor));
  // Fits on one line: what the loop below finds, without splitting.
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let count = 0;
  for (const para of text.split('\n')) {
    let used = 0;
    let paraLines = 1;
    for (const word of para.split(' ')) {
      const len = word.length;
      if (used === 0) {
        used = len;
      } else if (used + 1 + len <= perLine) {
        used += 1 + len;
        continue;
      } else {
        paraLines++;
        used = len;
      }
      // A word longer than a line breaks over several.
      if (used > perLine) {
        paraLines += Math.ceil(used / perLine) - 1;
        used = used % perLine || perLine;
      }
    }
    count += paraLines;
  }
  return count;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Minh Sơn, ngày 05 tháng 02 năm 2025" (NĐ 30/2020: days below 10 and months below 3 take a leading zero). */
export function placeDate(lang: Lang, place: string, date: Date): string {
  return t(lang, 'report.kit.placeDate', {
    place,
    d: pad2(date.getDate()),
    m: pad2(date.getMonth() + 1),
    y: String(date.getFullYear()),
  });
}

/** The column split of the two header blocks: the left block takes about 40 % of the width. */
function splitColumns(columns: readonly ColumnSpec[]): number {
  const n = columns.length;
  if (n < 2) return n;
  const total = columns.reduce((s, c) => s + c.width, 0);
  let best = 1;
  let bestGap = Infinity;
  let acc = 0;
  for (let i = 1; i < n; i++) {
    acc += columns[i - 1]?.width ?? 0;
    const gap = Math.abs(acc - total * 0.4);
    if (gap < bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  return best;
}

export function officialSheet(
  wb: AnyWorkbook,
  name: string,
  header: ReportHeader,
  columns: ColumnSpec[],
  opts: { landscape?: boolean; headerLevels?: string[] } = {},
): OfficialSheet {
  if (columns.length === 0) throw new Error('officialSheet: no columns');
  if (opts.headerLevels && opts.headerLevels.length !== columns.length) {
    throw new Error('officialSheet: headerLevels must give one label per column');
  }
  const lang = header.lang;
  const n = columns.length;
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);
  const split = splitColumns(columns);
  const leftWidth = columns.slice(0, Math.max(1, split)).reduce((s, c) => s + c.width, 0);
  const rightWidth = Math.max(1, totalWidth - leftWidth);
  const landscape = opts.landscape ?? totalWidth > LANDSCAPE_WIDTH;

  // Row numbers of the layout.
  const titleRow = 5;
  const subtitleRow = header.subtitle ? 6 : 0;
  const notice = reportNotice();
  const firstHeaderRow = (subtitleRow || titleRow) + (notice ? 1 : 0) + 2;
  const levels = opts.headerLevels;
  const lastHeaderRow = firstHeaderRow + (levels ? 1 : 0);

  const streaming = isStreaming(wb);
  const ws = wb.addWorksheet(safeSheetName(name, namesOf(wb)), {
    properties: { outlineProperties: { summaryBelow: false, summaryRight: false } },
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 1.5 * CM, header: 0.8 * CM, footer: 0.8 * CM },
      printTitlesRow: `${firstHeaderRow}:${lastHeaderRow}`,
    },
    headerFooter: { oddFooter: `&C&"${'Times New Roman'},Regular"&12${t(lang, 'report.kit.pageFooter')}` },
    views: [{ state: 'frozen', xSplit: 0, ySplit: lastHeaderRow, topLeftCell: `A${lastHeaderRow + 1}`, activeCell: `A${lastHeaderRow + 1}` }],
  });
  // exceljs leaves out a column whose width equals its default (9): nudge it so it is written.
  ws.columns = columns.map((c) => ({ width: c.width === 9 ? 9.01 : c.width }));

  let next = 1;
  let dataRows = 0;
  let finished = false;
  let direct: DirectRows | null = null;

  /** Writes `cells` (column → value and style) on the next row; `merges` are [fromCol, toCol] pairs of that row. */
  const writeRow = (
    cells: ReadonlyArray<readonly [col: number, value: unknown, style: Style]>,
    merges: ReadonlyArray<readonly [number, number]> = [],
    height?: number,
    commit = true,
  ): ExcelJS.Row => {
    direct?.flush();
    const r = next++;
    const row = ws.getRow(r);
    for (const [col, value, style] of cells) {
      const cell = row.getCell(col);
      cell.value = isKitHyperlink(value) ? { text: value.text, hyperlink: value.hyperlink } : toCellValue(value);
      cell.style = style as Partial<ExcelJS.Style>;
    }
    // Merged after the values: exceljs hands a value written to a merged cell on to its master,
    // and the merged cells take the master's (shared) style.
    for (const [from, to] of merges) if (to > from) ws.mergeCells(r, from, r, to);
    if (height !== undefined) row.height = height;
    if (commit) row.commit();
    return row;
  };

  /** A left block (columns 1..split) and a right block (split+1..n) on one row. */
  const blockRow = (left: string | null, leftStyle: Style, right: string | null, rightStyle: Style, factor: number, lineHeight: number): void => {
    if (n < 2) {
      writeRow([[1, left ?? right, left !== null ? leftStyle : rightStyle]]);
      return;
    }
    const need = Math.max(left ? lines(left, leftWidth, factor) : 1, right ? lines(right, rightWidth, factor) : 1);
    writeRow(
      [
        [1, left, leftStyle],
        [split + 1, right, rightStyle],
      ],
      [
        [1, split],
        [split + 1, n],
      ],
      need > 1 ? need * lineHeight : undefined,
    );
  };

  // Rows 1–3: issuer on the left, national title, motto and place/date on the right.
  const issuer = header.issuer;
  blockRow(issuer.parentBody.toLocaleUpperCase('vi'), S_BLOCK_PLAIN, t(lang, 'report.kit.nationalTitle'), S_BLOCK_BOLD, 1.3, 17);
  blockRow(issuer.body.toLocaleUpperCase('vi'), S_BLOCK_BOLD, t(lang, 'report.kit.motto'), S_BLOCK_MOTTO, 1.3, 17);
  blockRow(
    t(lang, 'report.kit.documentNo', { no: header.documentNo ?? t(lang, 'report.kit.documentNoBlank') }),
    S_BLOCK_PLAIN,
    placeDate(lang, issuer.place, header.date),
    S_BLOCK_ITALIC,
    1.15,
    17,
  );
  writeRow([]);
  // Title (and subtitle), merged across the table.
  const title = cleanText(header.title);
  writeRow([[1, title, S_TITLE]], [[1, n]], Math.max(1, lines(title, totalWidth, 1.35)) * 20);
  if (header.subtitle) {
    const sub = cleanText(header.subtitle);
    writeRow([[1, sub, S_SUBTITLE]], [[1, n]], Math.max(1, lines(sub, totalWidth, 1.2)) * 18);
  }
  // Results built on missing documents say so where the reader looks first.
  if (notice) writeRow([[1, cleanText(notice), S_SECTION]], [[1, n]], Math.max(1, lines(notice, totalWidth, 1.2)) * 18);
  writeRow([]);

  // Column headers: an optional group row, then one header per column.
  const headerHeight = (texts: ReadonlyArray<readonly [string, number]>): number =>
    Math.max(1, ...texts.map(([text, width]) => lines(text, width, 1.15))) * 16 + 4;
  if (levels) {
    const groupCells: Array<readonly [number, unknown, Style]> = [];
    const groupMerges: Array<readonly [number, number]> = [];
    const vertical: number[] = [];
    const widths: Array<readonly [string, number]> = [];
    for (let i = 0; i < n; ) {
      const label = levels[i] ?? '';
      const own = columns[i]?.header ?? '';
      if (label === '' || label === own) {
        vertical.push(i + 1);
        groupCells.push([i + 1, own, S_COLUMN_HEADER]);
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && levels[j] === label && levels[j] !== columns[j]?.header) j++;
      for (let k = i; k < j; k++) groupCells.push([k + 1, k === i ? label : null, S_COLUMN_HEADER]);
      groupMerges.push([i + 1, j]);
      widths.push([label, columns.slice(i, j).reduce((s, c) => s + c.width, 0)]);
      i = j;
    }
    const groupRowNo = next;
    // The group row stays uncommitted until the vertical merges reaching into the next row are declared.
    const groupRow = writeRow(groupCells, groupMerges, headerHeight(widths), false);
    for (const col of vertical) ws.mergeCells(groupRowNo, col, groupRowNo + 1, col);
    // The cells under a vertical merge are left alone (they already belong to the group row's cell).
    writeRow(
      columns.flatMap((c, i) => (vertical.includes(i + 1) ? [] : [[i + 1, c.header, S_COLUMN_HEADER] as const])),
      [],
      headerHeight(columns.filter((_, i) => !vertical.includes(i + 1)).map((c) => [c.header, c.width] as const)),
      false,
    );
    groupRow.commit();
    ws.getRow(groupRowNo + 1).commit();
  } else {
    writeRow(
      columns.map((c, i) => [i + 1, c.header, S_COLUMN_HEADER] as const),
      [],
      headerHeight(columns.map((c) => [c.header, c.width] as const)),
    );
  }

  // Data rows of a streamed sheet are written straight as XML (kit/rowxml.ts) when they can be.
  direct = streaming ? directRows(ws, n) : null;
  const dataStyles = columns.map((c) => cellStyle(c.kind, false));
  const totalStyles = columns.map((c) => cellStyle(c.kind, true));
  const measured = columns.map((c) => c.kind === 'wrap' || c.kind === 'code');
  /** One row's cleaned values (reused from row to row). */
  const cells: CellValue[] = new Array<CellValue>(n).fill(null);
  // Tables repeat names and labels row after row (an agency's name on each of its area rows).
  const seen = columns.map(() => new Map<string, readonly [string, number]>());
  /** A text cell's value and the lines it needs in column `i` (1 outside the wrapped columns). */
  const cleaned = (i: number, raw: string, total: boolean): readonly [string, number] => {
    const column = columns[i] as ColumnSpec;
    if (total) {
      const text = cleanText(raw);
      return [text, measured[i] && text !== '' ? lines(text, column.width, 0.9) : 1];
    }
    const cache = seen[i] as Map<string, readonly [string, number]>;
    let hit = cache.get(raw);
    if (hit === undefined) {
      const text = cleanText(raw);
      hit = [text, measured[i] && text !== '' ? lines(text, column.width, 0.8) : 1];
      if (cache.size >= TEXT_CACHE) cache.clear();
      cache.set(raw, hit);
    }
    return hit;
  };

  const assertOpen = (): void => {
    if (finished) throw new Error('officialSheet: the sheet is finished');
  };

  return {
    addRow(values, rowOpts = {}) {
      assertOpen();
      if (values.length > n) throw new Error(`officialSheet: ${values.length} values for ${n} columns`);
      const total = rowOpts.total === true;
      const styles = total ? totalStyles : dataStyles;
      // Neither Excel nor LibreOffice reliably grows a row for wrapped text on opening a file, so
      // the row gets the height its longest wrapped cell needs (an estimate from the column width).
      let need = 1;
      let plain = direct !== null;
      for (let i = 0; i < n; i++) {
        const raw = values[i] ?? null;
        if (typeof raw === 'string') {
          const [text, count] = cleaned(i, raw, total);
          cells[i] = text;
          if (count > need) need = count;
        } else if (isKitHyperlink(raw)) {
          plain = false;
        } else {
          const v = toCellValue(raw);
          cells[i] = v;
          // Anything else written as text (an object from data) is measured as text too.
          if (typeof v === 'string' && v !== '' && measured[i]) need = Math.max(need, lines(v, (columns[i] as ColumnSpec).width, total ? 0.9 : 0.8));
        }
      }
      const height = need > 1 ? need * LINE_HEIGHT + 2 : undefined;
      const level = rowOpts.outlineLevel !== undefined && rowOpts.outlineLevel > 0 ? Math.min(7, Math.floor(rowOpts.outlineLevel)) : 0;
      if (plain && direct?.write(next, cells, styles, height, level)) {
        next++;
        dataRows++;
        return;
      }
      const row = writeRow(
        columns.map((_, i) => [i + 1, values[i] ?? null, styles[i] as Style] as const),
        [],
        height,
        false,
      );
      if (rowOpts.outlineLevel !== undefined && rowOpts.outlineLevel > 0) {
        row.outlineLevel = level;
        // exceljs marks a row "collapsed" unless the sheet's outline depth exceeds its level;
        // these groups are open.
        Object.defineProperty(row, 'collapsed', { value: false });
        if (!streaming && level > (ws.properties.outlineLevelRow ?? 0)) ws.properties.outlineLevelRow = level;
      }
      row.commit();
      dataRows++;
    },
    addSectionRow(text) {
      assertOpen();
      const value = cleanText(text);
      const cells = columns.map((_, i) => [i + 1, i === 0 ? value : null, S_SECTION] as const);
      const need = lines(value, totalWidth, 1.1);
      writeRow(cells, [[1, n]], need > 1 ? need * 16 : undefined);
      dataRows++;
    },
    get rowCount() {
      return dataRows;
    },
    async finish(footer) {
      if (finished) return;
      finished = true;
      if (footer) {
        writeRow([]);
        const left: Array<readonly [string, Style]> = [[t(lang, 'report.kit.recipients'), S_SIGN_LEFT_HEAD]];
        // "– …;" per recipient, the last ending with a full stop. An en dash, not a hyphen: a cell
        // starting with "-" would be taken as a formula once edited or saved as CSV.
        footer.recipients.forEach((r, i) => {
          const last = i === footer.recipients.length - 1;
          left.push([`${RECIPIENT_DASH} ${r.trim().replace(/[;.,]+$/, '')}${last ? '.' : ';'}`, S_SIGN_LEFT]);
        });
        const right: Array<readonly [string | null, Style]> = [];
        if (footer.signer.capacity) right.push([footer.signer.capacity, S_SIGN_RIGHT_BOLD]);
        right.push([footer.signer.title, S_SIGN_RIGHT_BOLD]);
        for (let i = 0; i < SIGNING_SPACE_ROWS; i++) right.push([null, S_SIGN_RIGHT]);
        right.push([footer.signer.name, S_SIGN_RIGHT_BOLD]);
        const count = Math.max(left.length, right.length);
        for (let i = 0; i < count; i++) {
          const l = left[i];
          const r = right[i];
          if (n < 2) {
            writeRow([[1, l?.[0] ?? r?.[0] ?? null, l?.[1] ?? r?.[1] ?? S_SIGN_LEFT]]);
            continue;
          }
          writeRow(
            [
              [1, l?.[0] ?? null, l?.[1] ?? S_SIGN_LEFT],
              [split + 1, r?.[0] ?? null, r?.[1] ?? S_SIGN_RIGHT],
            ],
            [
              [1, split],
              [split + 1, n],
            ],
          );
        }
      }
      direct?.flush();
      if (streaming) await (ws as unknown as { commit(): Promise<void> | void }).commit();
    },
  };
}

/** A streaming workbook writing to `file` (styles on, no shared strings: report text is mostly unique). */
export function newStreamingWorkbook(file: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'ParScore';
  wb.created = new Date();
  streamFiles.set(wb, file);
  return wb;
}

/** A new in-memory workbook for a small report. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ParScore';
  wb.created = new Date();
  return wb;
}

/**
 * Writes the workbook to `file`. The in-memory workbook goes to a temporary file first and is then
 * renamed, so that a failed export never leaves half a file; the streaming writer is committed
 * (and moved if `file` is not where it was opened).
 */
export async function saveWorkbook(wb: AnyWorkbook, file: string): Promise<void> {
  if (isStreaming(wb)) {
    await (wb as ExcelJS.stream.xlsx.WorkbookWriter).commit();
    const opened = streamFiles.get(wb);
    if (opened !== undefined && opened !== file) await rename(opened, file);
    return;
  }
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const data = await wb.xlsx.writeBuffer();
    await writeFile(tmp, new Uint8Array(data as ArrayBuffer));
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
