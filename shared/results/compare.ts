/**
 * Year-over-year and multi-year (five-year review) comparison of published results. Agencies are
 * matched by code; deltas are between an agency's consecutive appearances (so a year it was missing
 * shows as a gap in `from`/`to`).
 */
import { round2 } from '../scoring/rounding.ts';
import { GROUPS } from './compute.ts';
import { topBand } from './ranking.ts';
import type { AgencyTrend, AgencyYear, PeriodComparison, Results, YearDelta } from './schema.ts';

function delta(a: AgencyYear, b: AgencyYear): YearDelta {
  const before = new Map(a.areas.map((x) => [x.code, x.index]));
  const areas: YearDelta['areas'] = [];
  for (const x of b.areas) {
    const prev = before.get(x.code);
    if (prev !== undefined && prev !== null && x.index !== null) areas.push({ code: x.code, index: round2(x.index - prev) });
  }
  return {
    from: a.year,
    to: b.year,
    index: round2(b.index - a.index),
    rank: a.rank !== null && b.rank !== null ? a.rank - b.rank : null,
    band: { from: a.band, to: b.band },
    areas,
  };
}

/** Compares campaigns' results, sorted by year (then by when they were generated). */
export function comparePeriods(results: readonly Results[]): PeriodComparison {
  const sorted = [...results].sort((a, b) => a.campaign.year - b.campaign.year || Date.parse(a.generatedAt) - Date.parse(b.generatedAt));
  const trends = new Map<string, { name: string; group: AgencyTrend['group']; years: AgencyYear[]; inTop: number }>();
  for (const r of sorted) {
    const top = topBand(r.bands);
    for (const x of r.agencies) {
      const entry: AgencyYear = {
        year: r.campaign.year,
        campaign: r.campaign.id,
        group: x.agency.group,
        submitted: x.submitted,
        index: x.index,
        rank: x.rank,
        band: x.band,
        areas: x.areas.map((ar) => ({ code: ar.code, index: ar.index })),
      };
      const t = trends.get(x.agency.code) ?? { name: x.agency.name, group: x.agency.group, years: [], inTop: 0 };
      t.name = x.agency.name;
      t.group = x.agency.group;
      t.years.push(entry);
      if (x.band !== null && x.band === top) t.inTop++;
      trends.set(x.agency.code, t);
    }
  }

  const agencies: AgencyTrend[] = [];
  for (const [code, t] of trends) {
    const withData = t.years.filter((y) => y.submitted);
    const bandYears: Record<string, number> = {};
    for (const y of t.years) if (y.band !== null) bandYears[y.band] = (bandYears[y.band] ?? 0) + 1;
    let best: { year: number; index: number } | null = null;
    let worst: { year: number; index: number } | null = null;
    for (const y of withData) {
      if (best === null || y.index > best.index) best = { year: y.year, index: y.index };
      if (worst === null || y.index < worst.index) worst = { year: y.year, index: y.index };
    }
    const deltas: YearDelta[] = [];
    for (let i = 1; i < withData.length; i++) deltas.push(delta(withData[i - 1]!, withData[i]!));
    agencies.push({
      agency: code,
      name: t.name,
      group: t.group,
      years: t.years,
      deltas,
      summary: {
        years: withData.length,
        averageIndex: withData.length > 0 ? round2(withData.reduce((s, y) => s + y.index, 0) / withData.length) : null,
        best,
        worst,
        bandYears,
        yearsInTopBand: t.inTop,
      },
    });
  }
  const order = new Map(GROUPS.map((g, i) => [g, i]));
  agencies.sort((a, b) => order.get(a.group)! - order.get(b.group)! || a.agency.localeCompare(b.agency));

  const groups: PeriodComparison['groups'] = [];
  for (const group of GROUPS) {
    const years = sorted.flatMap((r) => {
      const summary = r.groups.find((g) => g.group === group);
      return summary ? [{ year: r.campaign.year, agencies: summary.agencies, submitted: summary.submitted, averageIndex: summary.averageIndex }] : [];
    });
    if (years.length > 0) groups.push({ group, years });
  }

  return {
    periods: sorted.map((r) => ({ campaign: r.campaign.id, year: r.campaign.year, title: r.campaign.title })),
    agencies,
    groups,
  };
}
