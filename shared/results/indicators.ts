/**
 * Headline figures across agencies (số liệu kê khai tổng hợp): the figures a review quotes as "18/21 sở, ban, ngành", "8/8 huyện", "100% xã".
 */
import type { Agency } from '../schema/agency.ts';
import type { Assessment, IndicatorValue } from '../schema/assessment.ts';
import type { Indicator } from '../schema/template.ts';
import { round2 } from '../scoring/rounding.ts';
import type { CompiledTemplate } from '../template/compile.ts';
import type { IndicatorFigure, IndicatorScope, Scope, SharedDissent } from './schema.ts';

/** What the aggregation reads of one agency. */
export interface DeclaringAgency {
  agency: Agency;
  template: CompiledTemplate;
  /** The figures its assessment declares; null without a submission. */
  indicators: Assessment['indicators'] | null;
  /** Codes of the values refused at consolidation (checkDeclaredFigures), left out of `indicators`. */
  refused?: readonly string[];
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

const numberOf = (a: DeclaringAgency, code: string): number | null => {
  const v = declared(a, code);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/**
 * The group's shared value: the one most of its agencies declared; on a tie the smallest (said
 * so); every agency declaring another value listed.
 */
function sharedOf(holders: readonly DeclaringAgency[], code: string): { value: number | null; tie: boolean; dissent: SharedDissent[]; declared: number } {
  const counts = new Map<number, number>();
  for (const a of holders) {
    const v = numberOf(a, code);
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let value: number | null = null;
  let best = 0;
  let tie = false;
  for (const [v, n] of [...counts].sort((x, y) => x[0] - y[0])) {
    if (n > best) {
      value = v;
      best = n;
      tie = false;
    } else if (n === best) tie = true;
  }
  const dissent: SharedDissent[] = [];
  for (const a of holders) {
    const v = numberOf(a, code);
    if (v !== null && v !== value) dissent.push({ agency: a.agency.code, name: a.agency.name, value: v });
  }
  let declaredCount = 0;
  for (const n of counts.values()) declaredCount += n;
  return { value: value === null ? null : round2(value), tie, dissent, declared: declaredCount };
}

/**
 * Every aggregated figure of the templates the scope's agencies use, in template order (the same code
 * in two templates is one figure, titled as the first template has it). Text figures (NONE) are not
 * aggregated. Only numbers count for SUM, AVERAGE and SHARED, only true/false for COUNT_YES. A figure
 * nobody declared has no value (null: "chưa kê khai"), never 0. A SHARED figure is one value per
 * group, so the province ('all') has none of its own: the campaign's headlines combine the groups.
 */
export function headlineFigures(scope: Scope, agencies: readonly DeclaringAgency[]): IndicatorScope {
  const defs = new Map<string, Indicator>();
  const shared = new Set<string>();
  for (const a of agencies) {
    for (const ind of a.template.template.indicators) {
      if (ind.aggregate === 'SHARED') shared.add(ind.code);
      if (ind.aggregate !== 'NONE' && !defs.has(ind.code)) defs.set(ind.code, ind);
    }
  }
  const figures: IndicatorFigure[] = [];
  for (const def of defs.values()) {
    if (scope === 'all' && shared.has(def.code)) continue;
    const holders = agencies.filter((a) => codesOf(a.template).has(def.code));
    const refused = holders.filter((a) => a.refused?.includes(def.code)).length;
    const base = { code: def.code, title: def.title, unit: def.unit ?? null, agencies: holders.length, refused };
    if (def.aggregate === 'COUNT_YES') {
      let yes = 0;
      let count = 0;
      for (const a of holders) {
        const v = declared(a, def.code);
        if (typeof v !== 'boolean') continue;
        count++;
        if (v) yes++;
      }
      figures.push({ ...base, aggregate: 'COUNT_YES', declared: count, yes, of: holders.length, percent: count > 0 ? percentOf(yes, holders.length) : null });
      continue;
    }
    if (def.aggregate === 'SHARED') {
      const s = sharedOf(holders, def.code);
      figures.push({ ...base, aggregate: 'SHARED', declared: s.declared, value: s.value, tie: s.tie, dissent: s.dissent });
      continue;
    }
    let sum = 0;
    let count = 0;
    for (const a of holders) {
      const v = numberOf(a, def.code);
      if (v === null) continue;
      sum += v;
      count++;
    }
    const value = count > 0 ? round2(def.aggregate === 'SUM' ? sum : sum / count) : null;
    figures.push({ ...base, aggregate: def.aggregate === 'SUM' ? 'SUM' : 'AVERAGE', declared: count, value });
  }
  return { scope, agencies: agencies.length, figures };
}
