/**
 * "TỔNG HỢP SỐ LIỆU CHỦ YẾU VỀ CẢI CÁCH HÀNH CHÍNH": every aggregated declared figure per group of
 * agencies and for the whole province, as numbers (sum, average, or x of y and its percent) and as
 * the phrase a provincial review quotes ("18/21 sở, ban, ngành", "8/8 huyện", "100% xã").
 *
 * Small (one row per figure and scope): an in-memory workbook. Also exports the few helpers the
 * ISO 9001 and commendation reports share with it.
 */
import { type Lang, formatNumber, t } from '../../../shared/i18n/index.ts';
import type { HeadlineResult, IndicatorFigure, IndicatorScope, Results, Scope } from '../../../shared/results/schema.ts';
import type { LocalizedText } from '../../../shared/schema/common.ts';
import { type ReportContext, documentNoOf } from './kit/context.ts';
import { type ColumnSpec, newWorkbook, officialSheet, saveWorkbook } from './kit/sheet.ts';

/** The text of a localized field in the report's language (Vietnamese when no English is given). */
export function pick(lang: Lang, text: LocalizedText): string {
  return lang === 'en' ? (text.en ?? text.vi) : text.vi;
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** I, II, III… as official tables number their sections. */
export function roman(n: number): string {
  let rest = Math.max(1, Math.floor(n));
  let out = '';
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** "Sở, ban, ngành", "UBND cấp xã", "Toàn tỉnh". */
export function scopeLabel(lang: Lang, scope: Scope): string {
  return scope === 'all' ? t(lang, 'rlist.scope.all') : t(lang, `results.group.${scope}`);
}

/** A number with its unit as a sentence has it: "2018 thủ tục", "94,56%". */
function withUnit(lang: Lang, key: 'sum' | 'average', value: number, unit: string | null): string {
  const v = formatNumber(lang, value);
  if (unit === null || unit.trim() === '') return t(lang, `rlist.ind.phrase.${key}_no_unit`, { value: v });
  if (unit.trim() === '%') return key === 'sum' ? `${v}%` : t(lang, 'rlist.ind.phrase.average_percent', { value: v });
  return t(lang, `rlist.ind.phrase.${key}`, { value: v, unit: unit.trim() });
}

/** A SUM or SHARED value with its unit, or "chưa kê khai" when nobody declared it (never 0). */
function valuePhrase(lang: Lang, value: number | null, unit: string | null): string {
  return value === null ? t(lang, 'rlist.ind.phrase.not_declared') : withUnit(lang, 'sum', value, unit);
}

/**
 * The phrase a review quotes for a figure of a scope: "18/21 sở, ban, ngành", "8/8 huyện",
 * "100% xã", "27/31 xã (87,1%)", "2018 thủ tục", "bình quân 94,56%"; "chưa kê khai" when no agency
 * declared it (not 0, not 0/21).
 */
export function figurePhrase(lang: Lang, scope: Scope, f: IndicatorFigure): string {
  switch (f.aggregate) {
    case 'SUM':
      return valuePhrase(lang, f.declared === 0 ? null : f.value, f.unit);
    case 'SHARED': {
      const base = valuePhrase(lang, f.declared === 0 ? null : f.value, f.unit);
      if (f.value === null) return base;
      const notes: string[] = [];
      if (f.tie) notes.push(t(lang, 'rlist.ind.phrase.shared_tie'));
      if (f.dissent.length > 0) notes.push(t(lang, 'rlist.ind.phrase.shared_dissent', { n: String(f.dissent.length) }));
      return notes.length ? `${base} (${notes.join('; ')})` : base;
    }
    case 'AVERAGE':
      return f.value === null ? t(lang, 'rlist.ind.phrase.not_declared') : withUnit(lang, 'average', f.value, f.unit);
    case 'COUNT_YES': {
      if (f.declared === 0) return t(lang, 'rlist.ind.phrase.not_declared');
      const word = t(lang, `rlist.ind.word.${scope}`);
      const params = { yes: f.yes, of: f.of, word };
      // Departments and districts are few and named one by one: "18/21 sở, ban, ngành", "8/8 huyện".
      if (scope === 'department' || scope === 'district') return t(lang, 'rlist.ind.phrase.count', params);
      // Communes (and the whole province) are many: "100% xã", else "27/31 xã (87,1%)".
      if (f.of > 0 && f.yes === f.of) return t(lang, 'rlist.ind.phrase.all_of', params);
      if (f.percent === null) return t(lang, 'rlist.ind.phrase.count', params);
      return t(lang, 'rlist.ind.phrase.count_percent', { ...params, percent: formatNumber(lang, f.percent) });
    }
  }
}

/**
 * A headline's phrase: "2018 thủ tục"; when a part has no value, what the figure leaves out
 * ("1675 thủ tục (chưa tính: UBND cấp xã chưa kê khai)"); "chưa kê khai" when no part has one.
 */
export function headlinePhrase(lang: Lang, h: HeadlineResult): string {
  const base = valuePhrase(lang, h.value, h.unit);
  if (h.value === null || h.complete) return base;
  const missing = h.parts.filter((p) => p.state !== 'ok').map((p) => t(lang, `rlist.ind.part.${p.state}`, { group: t(lang, `results.group.${p.group}`), indicator: p.indicator }));
  return t(lang, 'rlist.ind.phrase.partial', { value: base, missing: missing.join('; ') });
}

function columns(lang: Lang): ColumnSpec[] {
  return [
    { header: t(lang, 'rlist.stt'), width: 6, kind: 'integer' },
    { header: t(lang, 'rlist.code'), width: 8, kind: 'code' },
    { header: t(lang, 'rlist.ind.figure'), width: 50, kind: 'wrap' },
    { header: t(lang, 'rlist.ind.unit'), width: 11, kind: 'wrap' },
    { header: t(lang, 'rlist.ind.aggregate'), width: 11, kind: 'wrap' },
    { header: t(lang, 'rlist.ind.value'), width: 13, kind: 'number2' },
    { header: t(lang, 'rlist.ind.yes'), width: 11, kind: 'integer' },
    { header: t(lang, 'rlist.ind.of'), width: 11, kind: 'integer' },
    { header: t(lang, 'rlist.ind.percent'), width: 10, kind: 'percent2' },
    { header: t(lang, 'rlist.ind.phrase'), width: 26, kind: 'wrap' },
    { header: t(lang, 'rlist.ind.agencies'), width: 11, kind: 'integer' },
    { header: t(lang, 'rlist.ind.declared'), width: 11, kind: 'integer' },
  ];
}

/** One table row of a figure: numbers stay numbers, the cells that do not apply stay empty. */
export function figureRow(lang: Lang, scope: Scope, f: IndicatorFigure, stt: number): unknown[] {
  const value = f.aggregate === 'COUNT_YES' || f.declared === 0 ? null : f.value;
  const yes = f.aggregate === 'COUNT_YES' ? f.yes : null;
  const of = f.aggregate === 'COUNT_YES' ? f.of : null;
  const percent = f.aggregate === 'COUNT_YES' && f.declared > 0 ? f.percent : null;
  return [
    stt,
    f.code,
    pick(lang, f.title),
    f.unit,
    t(lang, `rlist.ind.aggregate.${f.aggregate}`),
    value,
    yes,
    of,
    percent,
    figurePhrase(lang, scope, f),
    f.agencies,
    f.declared,
  ];
}

function sectionTitle(lang: Lang, no: number, s: IndicatorScope): string {
  return t(lang, 'rlist.section_count', { no: roman(no), label: scopeLabel(lang, s.scope), count: s.agencies });
}

/** The campaign's headlines (figures combining groups), each followed by its parts, one per group. */
function headlineRows(lang: Lang, h: HeadlineResult, stt: number): unknown[][] {
  const rows: unknown[][] = [[stt, h.code, pick(lang, h.title), h.unit, t(lang, 'rlist.ind.aggregate.HEADLINE'), h.value, null, null, null, headlinePhrase(lang, h), null, null]];
  for (const p of h.parts) {
    const title = t(lang, 'rlist.ind.part', { group: t(lang, `results.group.${p.group}`), title: p.title ? pick(lang, p.title) : p.indicator });
    const phrase = p.state === 'ok' ? valuePhrase(lang, p.value, h.unit) : t(lang, `rlist.ind.part.${p.state}`, { group: t(lang, `results.group.${p.group}`), indicator: p.indicator });
    rows.push([null, p.indicator, title, h.unit, p.aggregate ? t(lang, `rlist.ind.aggregate.${p.aggregate}`) : null, p.value, null, null, null, phrase, null, null]);
  }
  return rows;
}

/** Codes of the results' issues about declared figures: refused values, ties disagreeing, shared values differing. */
export function isFigureIssue(code: string): boolean {
  return code.startsWith('figure.') || code.startsWith('results.figure_') || code.startsWith('results.headline_');
}

/** One row per figure problem: the agency's code, then the message naming the figure and the value. */
function issueRows(lang: Lang, issues: Results['issues']): unknown[][] {
  return issues.filter((i) => isFigureIssue(i.code)).map((i, n) => [n + 1, i.at?.agency ?? null, t(lang, i.code, i.params ?? {})]);
}

export async function writeIndicators(ctx: ReportContext, file: string): Promise<void> {
  const { lang, results } = ctx;
  const wb = newWorkbook();
  const sheet = officialSheet(
    wb,
    t(lang, 'rlist.ind.sheet'),
    {
      issuer: ctx.campaign.issuer,
      ...documentNoOf(ctx),
      date: ctx.date,
      title: t(lang, 'rlist.ind.title'),
      subtitle: t(lang, 'rlist.ind.subtitle', { year: String(results.campaign.year) }),
      lang,
    },
    columns(lang),
    { landscape: true },
  );
  const headlines = results.headlines;
  if (headlines.length > 0) {
    sheet.addSectionRow(t(lang, 'rlist.ind.headlines', { no: roman(1) }));
    headlines.forEach((h, i) => {
      for (const row of headlineRows(lang, h, i + 1)) sheet.addRow(row);
    });
  }
  const first = headlines.length > 0 ? 2 : 1;
  if (results.indicators.length === 0) sheet.addSectionRow(t(lang, 'rlist.ind.no_scopes'));
  results.indicators.forEach((s, i) => {
    sheet.addSectionRow(sectionTitle(lang, i + first, s));
    if (s.figures.length === 0) {
      sheet.addRow([null, null, t(lang, 'rlist.ind.no_figures')]);
      return;
    }
    s.figures.forEach((f, j) => sheet.addRow(figureRow(lang, s.scope, f, j + 1)));
  });
  // What was left out of the figures above or disagrees, so that nobody quotes them unaware.
  const problems = issueRows(lang, results.issues);
  if (problems.length > 0) {
    sheet.addSectionRow(t(lang, 'rlist.ind.problems', { no: roman(first + results.indicators.length) }));
    for (const row of problems) sheet.addRow(row);
  }
  await sheet.finish(ctx.footer);
  await saveWorkbook(wb, file);
}
