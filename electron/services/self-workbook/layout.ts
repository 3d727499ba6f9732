/**
 * The self-assessment workbook's layout, shared by export and import: sheet names, columns (fixed
 * order; headers compared without case, diacritics or a trailing "*"), the words typed in cells and
 * the place of the identity on the guide sheet. Every data sheet has a title in row 1, headers in
 * row 2 and data from row 3.
 */
import { LANGS, type Lang, type MessageKey, t } from '../../../shared/i18n/index.ts';
import { fold } from '../template-xlsx/text.ts';

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_ROW = 3;
/** The guide sheet's first identity row (agency, then campaign): title and guidance above it, nothing merged from it down. */
export const GUIDE_IDENTITY_ROW = 10;

export type SheetKind = 'evidence' | 'figures' | 'adjustments' | 'collectives' | 'individuals';

export interface Column {
  field: string;
  header: MessageKey;
  width: number;
  text: boolean;
}

const col = (field: string, width: number, text = true, header = `sbook.col.${field}`): Column => ({ field, header: header as MessageKey, width, text });

/** A template's sheet: one row per item of the template, in its order. */
export const ITEM_COLUMNS = [
  col('code', 12),
  col('title', 60),
  col('max', 8, false),
  col('rule', 40),
  col('howTo', 36),
  col('value', 14, false),
  col('denominator', 12, false),
  col('selfScore', 10, false),
  col('note', 30),
  col('explanation', 40),
] as const;

export const SHEET_COLUMNS: Record<SheetKind, readonly Column[]> = {
  evidence: [col('template', 18), col('code', 12), col('docNo', 20), col('date', 14), col('issuer', 30), col('docTitle', 50), col('fileName', 30)],
  figures: [col('code', 12), col('title', 60), col('type', 14), col('unit', 12), col('figure', 16, false)],
  adjustments: [col('block', 12), col('code', 12), col('title', 60), col('max', 8, false), col('points', 10, false), col('note', 40)],
  collectives: [col('id', 14), col('name', 40), col('achievements', 60), col('proposedAward', 18), col('note', 30)],
  individuals: [
    col('id', 14),
    col('fullName', 26),
    col('gender', 8),
    col('birthYear', 10, false),
    col('position', 24),
    col('unit', 24, true, 'sbook.col.unit2'),
    col('ratingThisYear', 30),
    col('ratingLastYear', 30),
    col('achievements', 50),
    col('discipline', 24),
    col('initiatives', 10, false),
    col('proposedAward', 18),
    col('note', 30),
  ],
};

export const SHEET_KINDS: readonly SheetKind[] = ['evidence', 'figures', 'adjustments', 'collectives', 'individuals'];

export function sheetName(kind: SheetKind | 'guide', lang: Lang): string {
  return t(lang, `sbook.sheet.${kind}` as MessageKey);
}

/** Which fixed sheet a name is, in either language. */
export function sheetKindOf(name: string): SheetKind | 'guide' | undefined {
  const f = fold(name);
  for (const kind of ['guide', ...SHEET_KINDS] as const) for (const lang of LANGS) if (fold(sheetName(kind, lang)) === f) return kind;
  return undefined;
}

/** A header as compared: folded, without a trailing "*", ":" or "(*)". */
export function headerKey(s: string): string {
  return fold(s)
    .replace(/\(\s*\*\s*\)/g, '')
    .replace(/[*:]+$/u, '')
    .trim();
}

export function headerMatches(c: Column, text: string): boolean {
  const k = headerKey(text);
  return LANGS.some((lang) => headerKey(t(lang, c.header)) === k);
}

/** Words typed in cells, by meaning; the first word of the language is what export writes. */
export const WORDS = {
  yes: 'sbook.word.yes',
  no: 'sbook.word.no',
  na: 'sbook.word.na',
  bonus: 'sbook.word.bonus',
  penalty: 'sbook.word.penalty',
  male: 'awards.gender.male',
  female: 'awards.gender.female',
  excellent: 'awards.rating.excellent',
  good: 'awards.rating.good',
  complete: 'awards.rating.complete',
  incomplete: 'awards.rating.incomplete',
} as const satisfies Record<string, MessageKey>;
export type Word = keyof typeof WORDS;

export function word(w: Word, lang: Lang): string {
  return t(lang, WORDS[w]);
}

const EXTRA: Partial<Record<Word, readonly string[]>> = {
  yes: ['co', 'x', 'true', 'đạt', 'y'],
  no: ['khong', 'false', 'n', 'chưa'],
  na: ['khong ap dung', 'n/a', 'na', 'kad', 'kxd'],
  male: ['m'],
  female: ['nu', 'f'],
  excellent: ['htxsnv'],
  good: ['httnv'],
  complete: ['htnv'],
  incomplete: ['khtnv'],
};

/** The word a cell holds, among `among`, in either language (case and diacritics do not matter). */
export function readWord<W extends Word>(text: string, among: readonly W[]): W | undefined {
  const f = fold(text);
  for (const w of among) {
    if (LANGS.some((lang) => fold(word(w, lang)) === f)) return w;
    if ((EXTRA[w] ?? []).some((x) => fold(x) === f)) return w;
  }
  return undefined;
}

/** Guide sheet: the identity rows (label in column A, value in column B) that survive any re-save. */
export const IDENTITY_KEYS = ['agency', 'campaign'] as const;
export type IdentityKey = (typeof IDENTITY_KEYS)[number];

export function identityLabel(k: IdentityKey, lang: Lang): string {
  return t(lang, `sbook.guide.${k}` as MessageKey);
}

export function identityKeyOf(text: string): IdentityKey | undefined {
  const f = headerKey(text);
  return IDENTITY_KEYS.find((k) => LANGS.some((lang) => headerKey(identityLabel(k, lang)) === f));
}
