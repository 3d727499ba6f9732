/**
 * The one gate for every cell value of every report (docs: engineering anchors §7).
 *
 * Whatever the data holds (user text from assessments, file names, audit details), a report cell
 * only ever receives a string, a finite number, a boolean, a Date or null: never an object, so
 * neither a formula, a hyperlink nor rich text can come from data. Text that a spreadsheet could
 * read as a formula when edited or re-saved as CSV gets a leading apostrophe (OWASP, ASVS 1.2.10).
 */

import { stripUnsafe } from '../../../../shared/util/text-safety.ts';

export type CellValue = string | number | boolean | Date | null;

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;
/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME = 31;

/** Characters XML 1.0 cannot hold (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** First characters that make a spreadsheet treat text as a formula (or a formula continuation). */
const FORMULA_START = /^[=+\-@\t\r\n]/;
const ELLIPSIS = '…';

/** Cuts `s` to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return s.slice(0, end);
}

/**
 * The string rule: XML-safe, NFC, line breaks as LF (a raw CR reads back as LF from the XML
 * anyway, and Excel breaks lines at LF), neutralised, at most 32,767 characters.
 */
export function cleanText(s: string): string {
  // Bidi overrides/isolates and C1 controls go too: nothing in a cell may reorder or hide text.
  let out = stripUnsafe(s.replace(NOT_XML, '')).replace(/\r\n?/g, '\n').normalize('NFC');
  if (FORMULA_START.test(out)) out = `'${out}`;
  if (out.length > MAX_CELL_CHARS) out = cut(out, MAX_CELL_CHARS - ELLIPSIS.length) + ELLIPSIS;
  return out;
}

function stringOf(v: unknown): string {
  try {
    return String(v);
  } catch {
    // Object.create(null) and objects whose toString throws.
    return '';
  }
}

export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v;
  return cleanText(stringOf(v));
}

/** A hyperlink the kit made itself (data can never produce one: see `isKitHyperlink`). */
export interface HyperlinkValue {
  readonly text: string;
  readonly hyperlink: string;
}

const kitHyperlinks = new WeakSet<object>();
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * A hyperlink cell when `url` is an http(s) or mailto address, else the plain (cleaned) text.
 * Only objects made here are written as hyperlinks by `officialSheet.addRow`.
 */
export function hyperlinkCell(text: string, url: string): { text: string; hyperlink: string } | string {
  const label = cleanText(text);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return label;
  }
  if (!LINK_PROTOCOLS.has(parsed.protocol)) return label;
  const link: HyperlinkValue = Object.freeze({ text: label === '' ? cleanText(parsed.href) : label, hyperlink: parsed.href });
  kitHyperlinks.add(link);
  return link;
}

/** True only for a value returned by `hyperlinkCell` (not for a look-alike object from data). */
export function isKitHyperlink(v: unknown): v is HyperlinkValue {
  return typeof v === 'object' && v !== null && kitHyperlinks.has(v);
}

const SHEET_NAME_SUBST: Record<string, string> = { '[': '(', ']': ')', '/': '-', '\\': '-', ':': ' ', '*': ' ', '?': ' ' };

function trimSheetName(s: string): string {
  return s.replace(/^[\s']+|[\s']+$/g, '');
}

/**
 * A legal, unique sheet name: at most 31 characters, none of [ ] : * ? / \, no apostrophe at
 * either end (and none inside: exceljs writes print-title names without escaping them), not
 * empty, not Excel's reserved "History", unique (case-insensitively) within `taken`; the result
 * is added to `taken`.
 */
export function safeSheetName(name: string, taken: Set<string>): string {
  let base = stringOf(name)
    .replace(NOT_XML, '')
    .normalize('NFC')
    .replace(/[[\]/\\:*?]/g, (c) => SHEET_NAME_SUBST[c] ?? ' ')
    .replace(/\s+/g, ' ');
  base = trimSheetName(base).replace(/'/g, '’');
  base = trimSheetName(cut(base, MAX_SHEET_NAME));
  if (base === '') base = 'Sheet';
  const used = new Set([...taken].map((n) => n.toLocaleLowerCase('vi')));
  used.add('history');
  let result = base;
  for (let n = 2; used.has(result.toLocaleLowerCase('vi')); n++) {
    const suffix = ` (${n})`;
    result = trimSheetName(cut(base, MAX_SHEET_NAME - suffix.length)) + suffix;
  }
  taken.add(result);
  return result;
}
