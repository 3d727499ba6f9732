import type { Issue } from '../util/issue.ts';
import { en } from './en/index.ts';
import { vi } from './vi/index.ts';
import { formatNumber, formatYear } from './numbers.ts';

export { formatNumber, formatPoints, formatYear } from './numbers.ts';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export type MessageKey = keyof typeof vi;

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function isLang(x: unknown): x is Lang {
  return x === 'vi' || x === 'en';
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

/**
 * Number parameters that name a year (or the first and last year of a span): written as they are,
 * never grouped ("năm 2015", not "năm 2.015"). Every other number goes through `formatNumber`.
 */
const YEAR_PARAMS: ReadonlySet<string> = new Set(['year', 'y', 'submissionYear', 'from', 'to']);

/** Looks a message up and fills `{name}` placeholders. Unknown keys are shown as-is so nothing is hidden. */
export function t(lang: Lang, key: MessageKey | string, params: Record<string, string | number> = {}): string {
  const cat = catalogues[lang];
  const template = hasMessage(key) ? cat[key] : key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    if (typeof v !== 'number') return v;
    return YEAR_PARAMS.has(name) && Number.isInteger(v) ? formatYear(v) : formatNumber(lang, v);
  });
}

/** dd/mm/yyyy for Vietnamese, yyyy-mm-dd for English; input is an ISO date or date-time. */
export function formatDate(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** Parameters that name a kind of document or file ("parscore.submission"). */
const KIND_PARAMS = ['kind', 'expected', 'actual'] as const;

/** A kind of document named for people ("hồ sơ tự đánh giá", not "parscore.submission"): its `kind.*` message key, kept as-is when it has none. */
function kindsForPeople(lang: Lang, params: Record<string, string | number>): Record<string, string | number> {
  let out = params;
  for (const name of KIND_PARAMS) {
    const v = params[name];
    if (typeof v === 'string' && hasMessage(`kind.${v}`)) out = { ...out, [name]: t(lang, `kind.${v}`) };
  }
  return out;
}

/** "tệp a.json · mẫu par-so · mục 1.2 · trường max: …" */
export function formatIssue(lang: Lang, i: Issue): string {
  const parts: string[] = [];
  const at = i.at ?? {};
  if (at.file) parts.push(t(lang, 'loc.file', { v: at.file }));
  if (at.sheet) parts.push(t(lang, 'loc.sheet', { v: at.sheet }));
  if (at.row !== undefined) parts.push(t(lang, 'loc.row', { v: String(at.row) }));
  if (at.column) parts.push(t(lang, 'loc.column', { v: at.column }));
  if (at.template) parts.push(t(lang, 'loc.template', { v: at.template }));
  if (at.agency) parts.push(t(lang, 'loc.agency', { v: at.agency }));
  if (at.rule) parts.push(t(lang, 'loc.rule', { v: at.rule }));
  if (at.item) parts.push(t(lang, 'loc.item', { v: at.item }));
  if (at.field) parts.push(t(lang, 'loc.field', { v: at.field }));
  const msg = t(lang, i.code, kindsForPeople(lang, i.params ?? {}));
  return parts.length ? `${parts.join(' · ')}: ${msg}` : msg;
}
