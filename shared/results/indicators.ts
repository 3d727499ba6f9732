/**
 * Headline figures across agencies (số liệu kê khai tổng hợp): the figures a review quotes as "18/21 sở, ban, ngành", "8/8 huyện", "100% xã".
 */
import type { Agency } from '../schema/agency.ts';
import type { Assessment, IndicatorValue } from '../schema/assessment.ts';
import type { Indicator } from '../schema/template.ts';
import { round2 } from '../scoring/rounding.ts';
import type { CompiledTemplate } from '../template/compile.ts';
import type { IndicatorFigure, IndicatorScope, Scope } from './schema.ts';

/** What the aggregation reads of one agency. */
export interface DeclaringAgency {
  agency: Agency;
  template: CompiledTemplate;
  /** The figures its assessment declares; null without a submission. */
  indicators: Assessment['indicators'] | null;
}

const codes = new WeakMap<CompiledTemplate, ReadonlySet<string>>();
function codesOf(ct: CompiledTemplate): ReadonlySet<string> {
  let set = codes.get(ct);
  if (!set) {
    set = new Set(ct.template.indicators.map((i) => i.code));
    codes.set(ct, set);
  }
  return set;
}

export const percentOf = (x: number, of: number): number | null => (of > 0 ? round2((x / of) * 100) : null);

export function declared(a: DeclaringAgency, code: string): IndicatorValue | undefined {
  const values = a.indicators;
  return values && Object.hasOwn(values, code) ? values[code] : undefined;
}

/**
 * Every aggregated figure of the templates the scope's agencies use, in template order (the same code
 * in two templates is one figure, titled as the first template has it). Text figures (NONE) are not
 * aggregated. Only numbers count for SUM and AVERAGE, only true/false for COUNT_YES.
 */
export function headlineFigures(scope: Scope, agencies: readonly DeclaringAgency[]): IndicatorScope {
  const defs = new Map<string, Indicator>();
  for (const a of agencies) for (const ind of a.template.template.indicators) if (ind.aggregate !== 'NONE' && !defs.has(ind.code)) defs.set(ind.code, ind);
  const figures: IndicatorFigure[] = [];
  for (const def of defs.values()) {
    const holders = agencies.filter((a) => codesOf(a.template).has(def.code));
    const base = { code: def.code, title: def.title, unit: def.unit ?? null, agencies: holders.length };
    if (def.aggregate === 'COUNT_YES') {
      let yes = 0;
      let count = 0;
      for (const a of holders) {
        const v = declared(a, def.code);
        if (typeof v !== 'boolean') continue;
        count++;
        if (v) yes++;
      }
      figures.push({ ...base, aggregate: 'COUNT_YES', declared: count, yes, of: holders.length, percent: percentOf(yes, holders.length) });
      continue;
    }
    let sum = 0;
    let count = 0;
    for (const a of holders) {
      const v = declared(a, def.code);
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      sum += v;
      count++;
    }
    if (def.aggregate === 'SUM') figures.push({ ...base, aggregate: 'SUM', declared: count, value: round2(sum) });
    else figures.push({ ...base, aggregate: 'AVERAGE', declared: count, value: count > 0 ? round2(sum / count) : null });
  }
  return { scope, agencies: agencies.length, figures };
}
