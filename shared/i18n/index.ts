import type { Issue } from '../util/issue.ts';
import { escapeUnsafe } from '../util/text-safety.ts';
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

/** Parameters that hold a calendar date (yyyy-mm-dd): shown dd/mm/yyyy in Vietnamese. */
const DATE_PARAMS: ReadonlySet<string> = new Set(['day', 'earliest', 'latest']);

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

/** Characters of one value shown in a message (a name, a path, a typed value); longer ones end in "…". */
export const MAX_SHOWN_CHARS = 120;

/** A value cut to MAX_SHOWN_CHARS characters (whole code points), ending in "…" when cut. */
export function clip(s: string, max = MAX_SHOWN_CHARS): string {
  if (s.length <= max) return s;
  const points = Array.from(s);
  return points.length <= max ? s : `${points.slice(0, max - 1).join('')}…`;
}

/**
 * The parameters as shown: long texts clipped, and `detail` as a plain-language reason
 * (`reason.<code>`, filled with the issue's own numbers). A detail that is no reason code is a
 * library's words and is never put in the sentence (see shared/util/reason.ts).
 */
function paramsForPeople(lang: Lang, params: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? (DATE_PARAMS.has(k) ? formatDate(lang, v) : clip(escapeUnsafe(v))) : v;
  const detail = params.detail;
  if (typeof detail === 'string') out.detail = t(lang, hasMessage(`reason.${detail}`) ? `reason.${detail}` : 'reason.other', out);
  return out;
}

/** "tệp a.json · mẫu par-so · mục 1.2 · trường max: …" */
export function formatIssue(lang: Lang, issue: Issue): string {
  const parts: string[] = [];
  const i: Issue = { ...issue, at: Object.fromEntries(Object.entries(issue.at ?? {}).map(([k, v]) => [k, typeof v === 'string' ? clip(escapeUnsafe(v)) : v])) };
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
  const msg = t(lang, i.code, kindsForPeople(lang, paramsForPeople(lang, i.params ?? {})));
  return parts.length ? `${parts.join(' · ')}: ${msg}` : msg;
}
