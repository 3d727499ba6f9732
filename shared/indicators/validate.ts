/**
 * Checks one declared figure (số liệu kê khai) against its definition in the template: the same
 * check at entry, at submission export, at import and at consolidation, so that "có" for a yes/no
 * figure or a negative count can never slip into the province's totals.
 */
import type { IndicatorValue } from '../schema/assessment.ts';
import type { Indicator, Template } from '../schema/template.ts';
import { type Issue, type IssueLocation, type Result, fail, issue, ok } from '../util/issue.ts';

/** Where a figure comes from, for the message: agency, file, sheet/row/column as the caller knows them. */
export type FigureLocation = Omit<IssueLocation, 'item'>;

/** The value as the message shows it: text in quotes, a number as a number (grouped, decimal comma in Vietnamese). */
function shown(value: unknown): string | number {
  if (typeof value === 'string') return `“${value.length > 60 ? `${value.slice(0, 60)}…` : value}”`;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? '[…]' : typeof value === 'object' ? '{…}' : String(value);
}

function problem(code: string, def: Indicator, value: unknown, at: FigureLocation, extra: Record<string, string | number> = {}): Issue {
  return issue(code, { ...at, item: def.code, field: 'value' }, { code: def.code, title: def.title.vi, titleEn: def.title.en ?? def.title.vi, value: shown(value), ...extra });
}

/**
 * The value if it fits the figure's type and range; `null` clears a figure (not declared). Numbers
 * must be finite; counts whole and non-negative; yes/no only true or false; text only text.
 */
export function checkFigure(def: Indicator, value: unknown, at: FigureLocation = {}): Result<IndicatorValue> {
  if (value === null) return ok(null);
  switch (def.type) {
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : fail([problem('figure.not_boolean', def, value, at)]);
    case 'text':
      return typeof value === 'string' && value.length <= 5000 ? ok(value) : fail([problem('figure.not_text', def, value, at)]);
    case 'count':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail([problem('figure.not_number', def, value, at)]);
      if (def.type === 'count' && (!Number.isInteger(value) || value < 0)) return fail([problem('figure.not_count', def, value, at)]);
      if (def.min !== undefined && value < def.min) return fail([problem('figure.below_min', def, value, at, { min: def.min })]);
      if (def.max !== undefined && value > def.max) return fail([problem('figure.above_max', def, value, at, { max: def.max })]);
      return ok(value);
    }
  }
}

/**
 * Every declared figure of an assessment against the template: unknown codes and values that do not
 * fit are all reported (not only the first), each naming the agency, the figure and the value.
 */
export function checkFigures(template: Pick<Template, 'indicators'>, values: Readonly<Record<string, unknown>>, at: FigureLocation = {}): Issue[] {
  const defs = new Map(template.indicators.map((d) => [d.code, d]));
  const issues: Issue[] = [];
  for (const [code, value] of Object.entries(values)) {
    const def = defs.get(code);
    if (!def) {
      issues.push(issue('figure.unknown', { ...at, item: code, field: 'code' }, { code, value: shown(value) }));
      continue;
    }
    const r = checkFigure(def, value, at);
    if (!r.ok) issues.push(...r.error);
  }
  return issues;
}

const YES = new Set(['có', 'co', 'yes', 'y', 'x', 'true', 'đúng', 'đã']);
const NO = new Set(['không', 'khong', 'no', 'n', 'false', 'chưa', 'sai']);

/**
 * A figure typed by a person (CLI argument, spreadsheet cell as text): "có"/"không" (and English) for
 * yes/no; numbers the Vietnamese way ("1.675", "82,5") or plainly ("1675", "82.5"); empty clears.
 * The result still goes through `checkFigure`.
 */
export function parseFigureText(def: Indicator, text: string, at: FigureLocation = {}, lang: 'vi' | 'en' = 'vi'): Result<IndicatorValue> {
  const s = text.trim();
  if (s === '') return ok(null);
  if (def.type === 'text') return checkFigure(def, s, at);
  if (def.type === 'boolean') {
    const w = s.toLocaleLowerCase('vi');
    if (YES.has(w)) return ok(true);
    if (NO.has(w)) return ok(false);
    return fail([problem('figure.not_boolean', def, s, at)]);
  }
  const n = parseNumberText(s, lang);
  if (n === null) return fail([problem('figure.not_number', def, s, at)]);
  return checkFigure(def, n, at);
}

/**
 * "1.675" and "1.675,5" (Vietnamese grouping, decimal comma), "82,5", "1675", "82.5", "-3": the number,
 * or null. A single dot followed by exactly three digits is read as grouping (1.675 = 1675), as a
 * Vietnamese clerk writes it. With `lang` "en" (an English sheet) it is the other way round: "1,675"
 * is 1675 and "1.675" is one and a bit; "82,5" (not three digits) still reads 82.5.
 */
export function parseNumberText(text: string, lang: 'vi' | 'en' = 'vi'): number | null {
  const s = text.trim().replace(/\s+/g, '');
  if (!/^-?[0-9][0-9.,]*$/.test(s)) return null;
  let normal: string;
  if (lang === 'en' && /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normal = s.replace(/,/g, '');
  else if (lang === 'en' && /^-?\d+\.\d+$/.test(s)) normal = s;
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+(,\d+)?$/.test(s)) normal = s.replace(',', '.');
  else if (/^-?\d+(\.\d+)?$/.test(s)) normal = s;
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normal = s.replace(/,/g, '');
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}
