/**
 * The data rows of a streamed sheet, written straight as sheet XML: the very markup exceljs' row
 * commit renders (exceljs 4.4, xlsx/xform/sheet/row-xform.js and cell-xform.js), without its
 * Row, Cell and value objects, the style look-up of each row's fresh style object and one stream
 * write per row. At national scale (10,000 agencies, a million cells) that machinery cost more
 * than the rest of the scoreboard; the bytes written are the same.
 *
 * Only plain values (string, number, boolean, null) are written here: a row holding a hyperlink
 * or a date goes the ordinary way, as does every row when the writer lacks the internals relied
 * upon (`directRows` then returns null).
 */
import ExcelJS from 'exceljs';
import type { CellValue } from './cell.ts';
import type { Style } from './styles.ts';

/** The parts of exceljs' streaming WorksheetWriter this relies on. */
interface WriterInternals {
  readonly stream: { write(chunk: Buffer): unknown };
  _rows: unknown[] | null;
  _rowZero: number;
  startedData: boolean;
  _workbook: { styles: { addStyleModel(style: Partial<ExcelJS.Style>, cellType?: ExcelJS.ValueType): number } };
}

/** Characters exceljs' xmlEncode escapes or drops (DEL and the C0 controls other than tab, LF, CR). */
function needsEscape(c: number): boolean {
  return c === 34 || c === 38 || c === 39 || c === 60 || c === 62 || c === 127 || (c <= 31 && c !== 9 && c !== 10 && c !== 13);
}

/** Text as exceljs' xmlEncode writes it. */
function xmlText(s: string): string {
  let i = 0;
  while (i < s.length && !needsEscape(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!needsEscape(c)) out += s[i];
    else if (c === 34) out += '&quot;';
    else if (c === 38) out += '&amp;';
    else if (c === 39) out += '&apos;';
    else if (c === 60) out += '&lt;';
    else if (c === 62) out += '&gt;';
  }
  return out;
}

/** "A", "B", … "Z", "AA", … */
function columnLetters(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Rendered rows are gathered and handed to the sheet's stream in chunks of at most this many bytes. */
const CHUNK = 64 * 1024;

export interface DirectRows {
  /**
   * Writes row `r` (the sheet's next row) when its values are all plain; false, with nothing
   * written, when the row must go through exceljs.
   */
  write(r: number, values: readonly CellValue[], styles: readonly Style[], height: number | undefined, outlineLevel: number): boolean;
  /** Hands the gathered rows to the stream: before exceljs writes anything more to the sheet. */
  flush(): void;
}

function hasInternals(ws: object): ws is WriterInternals {
  const w = ws as Partial<WriterInternals>;
  return (
    'stream' in ws &&
    Array.isArray(w._rows) &&
    typeof w._rowZero === 'number' &&
    typeof w.startedData === 'boolean' &&
    typeof w._workbook?.styles?.addStyleModel === 'function'
  );
}

/** The direct writer of a streamed sheet's rows, or null when exceljs is not as expected. */
export function directRows(ws: ExcelJS.Worksheet, columns: number): DirectRows | null {
  if (!hasInternals(ws)) return null;
  const w = ws;
  const opens = Array.from({ length: columns }, (_, i) => `<c r="${columnLetters(i + 1)}`);
  const spans = ` spans="1:${columns}" x14ac:dyDescent="0.25"`;
  // exceljs keeps a style's id by the style object, from its first use (whatever the cell's type then).
  const styleIds = new Map<Style, number>();
  /** Per array of column styles: the ` s="…"` of each column, once its style has an id. */
  const attrs = new Map<readonly Style[], Array<string | undefined>>();
  const attrsOf = (styles: readonly Style[]): Array<string | undefined> => {
    let known = attrs.get(styles);
    if (known === undefined) attrs.set(styles, (known = new Array<string | undefined>(columns)));
    return known;
  };
  const styleAttr = (known: Array<string | undefined>, style: Style, i: number, type: ExcelJS.ValueType): string => {
    let id = styleIds.get(style);
    if (id === undefined) {
      id = w._workbook.styles.addStyleModel(style as Partial<ExcelJS.Style>, type);
      styleIds.set(style, id);
    }
    const attr = id ? ` s="${id}"` : '';
    known[i] = attr;
    return attr;
  };
  // Rows are encoded straight into a buffer (no joined string to encode again), a new one per chunk handed over.
  let buf = Buffer.allocUnsafe(CHUNK);
  let used = 0;

  const flush = (): void => {
    if (used === 0) return;
    w.stream.write(buf.subarray(0, used));
    buf = Buffer.allocUnsafe(CHUNK);
    used = 0;
  };

  return {
    write(r, values, styles, height, outlineLevel) {
      // Every earlier row committed, the sheet data open: as exceljs would find it.
      if (!w.startedData || w._rows === null || w._rows.length !== 0 || w._rowZero !== r) return false;
      let any = false;
      for (let i = 0; i < columns; i++) {
        const v = values[i] ?? null;
        if (v !== null && typeof v === 'object') return false;
        if (v !== null) any = true;
      }
      w._rowZero = r + 1;
      // exceljs skips a row with neither a value nor a height.
      if (!any && !height) return true;
      let xml = `<row r="${r}"`;
      if (height) xml += ` ht="${height}" customHeight="1"`;
      xml += spans;
      if (outlineLevel) xml += ` outlineLevel="${outlineLevel}"`;
      xml += '>';
      const known = attrsOf(styles);
      for (let i = 0; i < columns; i++) {
        const v = values[i] ?? null;
        const open = `${opens[i] as string}${r}"`;
        const style = styles[i] as Style;
        if (v === null) {
          const s = known[i] ?? styleAttr(known, style, i, ExcelJS.ValueType.Null);
          if (s) xml += `${open}${s}/>`;
        } else if (typeof v === 'number') {
          xml += `${open}${known[i] ?? styleAttr(known, style, i, ExcelJS.ValueType.Number)}><v>${v}</v></c>`;
        } else if (typeof v === 'string') {
          xml += `${open}${known[i] ?? styleAttr(known, style, i, ExcelJS.ValueType.String)} t="str"><v>${xmlText(v)}</v></c>`;
        } else {
          xml += `${open}${known[i] ?? styleAttr(known, style, i, ExcelJS.ValueType.Boolean)} t="b"><v>${v ? '1' : '0'}</v></c>`;
        }
      }
      xml += '</row>';
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      if (used + xml.length * 3 > buf.length) {
        flush();
        if (xml.length * 3 > buf.length) buf = Buffer.allocUnsafe(xml.length * 3);
      }
      used += buf.write(xml, used, 'utf8');
      return true;
    },
    flush,
  };
}
