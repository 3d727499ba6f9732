/**
 * What the results dashboard shows, built once from stored results: the ranking rows, per group the
 * band counts and the area averages, the figure cards worded as the province reports them, the
 * ISO 9001 summary. Pure (no disk): the service caches it per results file and language.
 */
import type { AgencyAreasView, GroupView, HeadlineCard, IsoScopeView, IsoStepView, RankingRow, ResultsView, TrendPoint } from '../../../shared/ipc/results.ts';
import { type Lang, formatIssue, formatNumber, t } from '../../../shared/i18n/index.ts';
import type { IsoScope, Results, Scope } from '../../../shared/results/schema.ts';
import type { AgencyGroup } from '../../../shared/schema/common.ts';
import { figurePhrase, headlinePhrase, pick } from '../reports/indicators.ts';

export type Base = Omit<ResultsView, 'file' | 'stale' | 'lastChange' | 'trend'>;

const MAX_WARNINGS = 200;
const round2 = (n: number) => Math.round(n * 100) / 100;

function groupViews(r: Results): GroupView[] {
  return r.groups.map((g) => {
    const sums = new Map<string, { title: Results['agencies'][number]['areas'][number]['title']; sum: number; n: number }>();
    for (const a of r.agencies) {
      if (a.agency.group !== g.group || !a.submitted) continue;
      for (const area of a.areas) {
        const s = sums.get(area.code) ?? { title: area.title, sum: 0, n: 0 };
        if (area.index !== null) {
          s.sum += area.index;
          s.n++;
        }
        sums.set(area.code, s);
      }
    }
    return {
      group: g.group,
      agencies: g.agencies,
      submitted: g.submitted,
      ranked: g.ranked,
      late: g.late,
      averageIndex: g.averageIndex,
      bands: r.bands.map((b) => ({ code: b.code, count: g.bands[b.code] ?? 0 })),
      areas: [...sums].map(([code, s]) => ({ code, title: s.title, average: s.n ? round2(s.sum / s.n) : null })),
    };
  });
}

function rowsOf(r: Results, lang: Lang): RankingRow[] {
  return r.agencies.map((a) => ({
    code: a.agency.code,
    name: a.agency.name,
    group: a.agency.group,
    index: a.index,
    rank: a.rank,
    band: a.band,
    late: a.late,
    submitted: a.submitted,
    unranked: a.unranked ? t(lang, a.unranked.key, a.unranked.params) : null,
    survey: a.survey.score,
    surveyMax: a.survey.max,
  }));
}

/** "18/21 sở, ban, ngành" for a step of ISO 9001 application (as the review counts them). */
function stepPhrase(lang: Lang, scope: Scope, count: number, of: number, percent: number | null): string {
  const word = t(lang, `rlist.ind.word.${scope}`);
  if (scope === 'department' || scope === 'district') return t(lang, 'rlist.ind.phrase.count', { yes: count, of, word });
  if (of > 0 && count === of) return t(lang, 'rlist.ind.phrase.all_of', { yes: count, of, word });
  if (percent === null) return t(lang, 'rlist.ind.phrase.count', { yes: count, of, word });
  return t(lang, 'rlist.ind.phrase.count_percent', { yes: count, of, word, percent: formatNumber(lang, percent) });
}

function isoViews(r: Results, lang: Lang): IsoScopeView[] | null {
  if (!r.iso) return null;
  const inScope = (s: Scope) => r.agencies.filter((a) => s === 'all' || a.agency.group === s).map((a) => a.agency.code);
  return r.iso.map((s: IsoScope) => {
    const all = inScope(s.scope);
    const step = (name: 'built' | 'announced' | 'maintained' | 'complete'): IsoStepView => {
      const lacking = new Set(s.missing.filter((m) => (name === 'complete' ? true : m.missing.includes(name))).map((m) => m.agency));
      const c = s[name];
      return { count: c.count, of: s.agencies, percent: c.percent, phrase: stepPhrase(lang, s.scope, c.count, s.agencies, c.percent), codes: all.filter((code) => !lacking.has(code)) };
    };
    return { scope: s.scope, agencies: s.agencies, built: step('built'), announced: step('announced'), maintained: step('maintained'), complete: step('complete') };
  });
}

const scopeName = (lang: Lang, s: Scope) => t(lang, `results.group.${s}`);

function cards(r: Results, lang: Lang, iso: IsoScopeView[] | null): HeadlineCard[] {
  const out: HeadlineCard[] = [];
  // ISO 9001 first: the figure every provincial review quotes ("18/21 sở, ban, ngành" have built, announced and maintain their QMS).
  for (const s of iso ?? []) {
    if (s.scope === 'all') continue;
    out.push({
      key: `iso:${s.scope}:complete`,
      title: t(lang, 'resultsui.card.iso_complete'),
      scope: s.scope,
      phrase: s.complete.phrase,
      filter: { group: s.scope, codes: s.complete.codes, label: `${scopeName(lang, s.scope)} · ${t(lang, 'resultsui.card.iso_complete')}` },
    });
  }
  for (const h of r.headlines) out.push({ key: `headline:${h.code}`, title: pick(lang, h.title), scope: 'all', phrase: headlinePhrase(lang, h), filter: null });
  for (const sc of r.indicators) {
    if (sc.scope === 'all') continue;
    for (const f of sc.figures) {
      if (f.aggregate !== 'COUNT_YES') continue;
      out.push({ key: `figure:${sc.scope}:${f.code}`, title: pick(lang, f.title), scope: sc.scope, phrase: figurePhrase(lang, sc.scope, f), filter: null });
    }
  }
  return out;
}

/** The dashboard's figures from the results (the file, staleness and trend are the service's). */
export function dashboardBase(r: Results, lang: Lang): Base {
  const iso = isoViews(r, lang);
  return {
    generatedAt: r.generatedAt,
    campaign: { id: r.campaign.id, year: r.campaign.year, title: pick(lang, r.campaign.title) },
    bands: r.bands.map((b) => ({ code: b.code, label: pick(lang, b.label), minIndex: b.minIndex })),
    groups: groupViews(r),
    rows: rowsOf(r, lang),
    cards: cards(r, lang, iso),
    iso,
    // Said with the agency and item they concern; thousands of them at a national scale: the first few hundred, and how many in all.
    warnings: r.issues.slice(0, MAX_WARNINGS).map((i) => formatIssue(lang, { code: i.code, ...(i.at ? { at: i.at } : {}), ...(i.params ? { params: i.params } : {}) })),
    warningCount: r.issues.length,
  };
}

/** What the trend needs of one year's results (kept beside an earlier year's file, built from the current one). */
export interface TrendSource {
  year: number;
  groups: { group: AgencyGroup; averageIndex: number | null; submitted: number; agencies: number }[];
}

export const trendSource = (r: Pick<Results, 'campaign' | 'groups'>): TrendSource => ({
  year: r.campaign.year,
  groups: r.groups.map((g) => ({ group: g.group, averageIndex: g.averageIndex, submitted: g.submitted, agencies: g.agencies })),
});

/** One point of the trend per year (earlier years, then this one). */
export function trendOf(earlier: readonly TrendSource[], current: TrendSource): TrendPoint[] {
  if (earlier.length === 0) return [];
  const point = (r: TrendSource, isCurrent: boolean): TrendPoint => ({ year: r.year, current: isCurrent, groups: r.groups });
  return [...earlier.filter((e) => e.year !== current.year).map((e) => point(e, false)), point(current, true)].sort((a, b) => a.year - b.year);
}

/**
 * The dashboard of one language, ready to send, and each agency's area indexes (in its group's
 * area order): stored beside results.json at consolidation, so that the dashboard opens without
 * reading the results (tens of MB at 10,000 agencies).
 */
export interface DashboardCache {
  kind: 'parscore.dashboard-cache';
  lang: Lang;
  base: Base;
  areas: Record<string, (number | null)[]>;
}

export function dashboardCache(r: Results, lang: Lang): DashboardCache {
  const base = dashboardBase(r, lang);
  const order = new Map(base.groups.map((g) => [g.group, g.areas.map((a) => a.code)]));
  const areas: Record<string, (number | null)[]> = {};
  for (const a of r.agencies) {
    const idx = new Map(a.areas.map((x) => [x.code, x.index]));
    areas[a.agency.code] = (order.get(a.agency.group) ?? []).map((c) => idx.get(c) ?? null);
  }
  return { kind: 'parscore.dashboard-cache', lang, base, areas };
}

/** An agency's areas against its group's averages. */
export function agencyAreas(c: DashboardCache, code: string, lang: Lang): AgencyAreasView | null {
  const row = c.base.rows.find((x) => x.code === code);
  const g = row && c.base.groups.find((x) => x.group === row.group);
  if (!row || !g) return null;
  const idx = c.areas[code] ?? [];
  return { code, name: row.name, group: row.group, index: row.index, areas: g.areas.map((a, i) => ({ code: a.code, title: pick(lang, a.title), index: idx[i] ?? null, groupAverage: a.average })) };
}
