import type { Issue } from '../util/issue.ts';
import { en } from './en/index.ts';
import { vi } from './vi/index.ts';

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

/** Looks a message up and fills `{name}` placeholders. Unknown keys are shown as-is so nothing is hidden. */
export function t(lang: Lang, key: MessageKey | string, params: Record<string, string | number> = {}): string {
  const cat = catalogues[lang];
  const template = hasMessage(key) ? cat[key] : key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(lang, v) : v;
  });
}

/** 8,5 in Vietnamese, 8.5 in English; at most `maxDecimals` decimals, trailing zeros dropped. */
export function formatNumber(lang: Lang, n: number, maxDecimals = 2): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    maximumFractionDigits: maxDecimals,
    useGrouping: Math.abs(n) >= 10000,
  }).format(n);
}

/** Points with exactly two decimals, as scores are published: "8,50". */
export function formatPoints(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);
}

/** dd/mm/yyyy for Vietnamese, yyyy-mm-dd for English; input is an ISO date or date-time. */
export function formatDate(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
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
  const msg = t(lang, i.code, i.params ?? {});
  return parts.length ? `${parts.join(' · ')}: ${msg}` : msg;
}
