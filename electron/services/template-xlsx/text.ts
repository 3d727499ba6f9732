/**
 * Text helpers for the template sheet: normalisation, matching of words typed by people, and the
 * number syntax (both 1,5 and 1.5).
 */
import type { Lang } from '../../../shared/i18n/index.ts';

/** Unicode NFC, as Vietnamese text must be stored (typed text may arrive decomposed). */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * The form used to compare words and headers: NFC, lower case, Vietnamese diacritics removed
 * (đ → d), runs of white space collapsed. "Cho phép KAD" and "cho phep  kad" compare equal.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0\u2007\u202f]+/g, ' ')
    .trim();
}

/** An unsigned decimal with a comma or a point, optionally with an exponent. */
export const UNUMBER = String.raw`(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?`;
/** A decimal with an optional sign. */
export const SNUMBER = String.raw`[+-]?${UNUMBER}`;
const NUMBER_RE = new RegExp(`^${SNUMBER}$`);

/**
 * Reads a number as people type it: "1,5", "1.5", " 2 ", "-0,25", "1e-3". Thousands separators are
 * not accepted (in Vietnamese "1.000" means one thousand, in English it means one), so a string
 * with more than one separator is not a number. Spaces inside are ignored.
 */
export function parseNumberText(s: string): number | null {
  const compact = s.replace(/[\s\u00a0\u2007\u202f]+/g, '');
  if (!NUMBER_RE.test(compact)) return null;
  const n = Number(compact.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/**
 * Writes a number so that parseNumberText gives back exactly the same double: the shortest
 * round-trip form of JavaScript, with a decimal comma in Vietnamese.
 */
export function formatNumberText(n: number, lang: Lang): string {
  const s = String(n);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** Splits a list typed in one cell on semicolons and line breaks; empty parts are dropped. */
export function splitList(s: string): string[] {
  return s
    .split(/[;\n\r]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let out = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    x = Math.floor((x - 1) / 26);
  }
  return out;
}
