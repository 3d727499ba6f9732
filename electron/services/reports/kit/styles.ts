/**
 * The reports' cell styles. Each distinct style is ONE frozen object shared by every cell that
 * uses it: exceljs caches styles by object identity (exceljs#2041: a fresh object per cell is
 * about 6× slower), and freezing makes any accidental mutation by a caller fail loudly.
 */
import type ExcelJS from 'exceljs';

export type Style = Readonly<Partial<ExcelJS.Style>>;

/**
 * The column kinds of a report table (see sheet.ts). Numbers stay numbers; their format groups
 * thousands (Excel and LibreOffice show "1.675" or "1,675" by the reader's locale), except `year`
 * (a year or a birth year is a name, "2015", never "2.015"). Percents and indexes never reach
 * 1,000, so `percent2` keeps its plain two decimals.
 */
export type ColumnKind = 'text' | 'wrap' | 'code' | 'number2' | 'integer' | 'year' | 'percent2' | 'date';

export const FONT_NAME = 'Times New Roman';
export const BODY_SIZE = 12;
export const HEADER_BLOCK_SIZE = 13;
export const TITLE_SIZE = 14;
export const RECIPIENT_SIZE = 11;

export const NUM_FMT: Readonly<Record<ColumnKind, string | undefined>> = Object.freeze({
  text: undefined,
  wrap: undefined,
  code: undefined,
  number2: '#,##0.00',
  integer: '#,##0',
  year: '0',
  percent2: '0.00',
  date: 'dd/mm/yyyy',
});

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

function style(s: Partial<ExcelJS.Style>): Style {
  return deepFreeze(s);
}

type FontOpts = { size?: number; bold?: boolean; italic?: boolean; underline?: boolean };
function font(o: FontOpts = {}): Partial<ExcelJS.Font> {
  const f: Partial<ExcelJS.Font> = { name: FONT_NAME, size: o.size ?? BODY_SIZE, color: { argb: 'FF000000' } };
  if (o.bold) f.bold = true;
  if (o.italic) f.italic = true;
  if (o.underline) f.underline = true;
  return f;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const LIGHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

const CENTRE: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

// The NĐ 30/2020 header block.
export const S_BLOCK_PLAIN = style({ font: font({ size: HEADER_BLOCK_SIZE }), alignment: CENTRE });
export const S_BLOCK_BOLD = style({ font: font({ size: HEADER_BLOCK_SIZE, bold: true }), alignment: CENTRE });
/** The motto: bold with its line underneath. */
export const S_BLOCK_MOTTO = style({ font: font({ size: HEADER_BLOCK_SIZE, bold: true, underline: true }), alignment: CENTRE });
export const S_BLOCK_ITALIC = style({ font: font({ size: HEADER_BLOCK_SIZE, italic: true }), alignment: CENTRE });
export const S_TITLE = style({ font: font({ size: TITLE_SIZE, bold: true }), alignment: CENTRE });
export const S_SUBTITLE = style({ font: font({ size: HEADER_BLOCK_SIZE, italic: true }), alignment: CENTRE });

/** Column headers: bold, centred, wrapped, bordered, grey. */
export const S_COLUMN_HEADER = style({ font: font({ bold: true }), alignment: CENTRE, border: BORDER, fill: GREY });

/** A section row (a group of data rows): bold text across the table. */
export const S_SECTION = style({
  font: font({ bold: true }),
  alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
  border: BORDER,
  fill: LIGHT,
});

function dataStyle(kind: ColumnKind, bold: boolean): Style {
  const f = font({ bold });
  const numFmt = NUM_FMT[kind];
  switch (kind) {
    case 'text':
      return style({ font: f, alignment: { horizontal: 'left', vertical: 'top' }, border: BORDER });
    case 'wrap':
      return style({ font: f, alignment: { horizontal: 'left', vertical: 'top', wrapText: true }, border: BORDER });
    case 'code':
      return style({ font: f, alignment: { horizontal: 'center', vertical: 'top', wrapText: true }, border: BORDER });
    case 'date':
      return style({ font: f, alignment: { horizontal: 'center', vertical: 'top' }, border: BORDER, numFmt });
    default:
      return style({ font: f, alignment: { horizontal: 'right', vertical: 'top' }, border: BORDER, numFmt });
  }
}

const KINDS: readonly ColumnKind[] = ['text', 'wrap', 'code', 'number2', 'integer', 'year', 'percent2', 'date'];
const DATA = new Map<string, Style>(KINDS.flatMap((k) => [[`${k}`, dataStyle(k, false)] as const, [`${k}!`, dataStyle(k, true)] as const]));

/** The shared style of a data cell of `kind` (bold on total rows). */
export function cellStyle(kind: ColumnKind, total = false): Style {
  const s = DATA.get(total ? `${kind}!` : kind);
  if (!s) throw new Error(`unknown column kind: ${String(kind)}`);
  return s;
}

// The signature block.
export const S_SIGN_LEFT_HEAD = style({ font: font({ bold: true, italic: true }), alignment: { horizontal: 'left', vertical: 'top' } });
export const S_SIGN_LEFT = style({ font: font({ size: RECIPIENT_SIZE }), alignment: { horizontal: 'left', vertical: 'top' } });
export const S_SIGN_RIGHT_BOLD = style({ font: font({ size: 13, bold: true }), alignment: { horizontal: 'center', vertical: 'top' } });
export const S_SIGN_RIGHT = style({ font: font({ size: 13 }), alignment: { horizontal: 'center', vertical: 'top' } });
