/**
 * The per-area analysis (Phân tích kết quả theo lĩnh vực): per group, for every area of the group's
 * template, the average, lowest and highest area index (with the agencies) and how many agencies
 * are below the threshold; then the list of those agencies, area by area. Only agencies that
 * submitted a self-assessment count, and an area that is wholly not applicable to an agency
 * (index null) is left out for it. Streamed: the list grows with the number of agencies.
 */
import { type Lang, type MessageKey, t } from '../../../shared/i18n/index.ts';
import type { AgencyResult, AreaResult } from '../../../shared/results/index.ts';
import { round2 } from '../../../shared/scoring/rounding.ts';
import type { ReportContext } from './kit/context.ts';
import { type ColumnSpec, type OfficialSheet, newStreamingWorkbook, officialSheet, saveWorkbook } from './kit/sheet.ts';
import { areaLabel, areasOf, boardHeader, breathe, groupLabel, groupsOf, localized } from './scoreboard.ts';

export const DEFAULT_AREA_THRESHOLD = 70;
/** Agencies named in a "lowest" / "highest" cell before "and N more". */
const NAMED = 2;

export interface Extreme {
  index: number;
  agencies: string[];
  count: number;
}

export interface AreaStats {
  code: string;
  /** Agencies with a figure for the area. */
  count: number;
  average: number | null;
  /** The lowest index, the first agencies that have it (at most a few) and how many have it. */
  min: Extreme | null;
  max: Extreme | null;
  below: number;
}

type Scored = { agency: AgencyResult; area: AreaResult & { index: number } };

function hasIndex(ar: AreaResult): ar is AreaResult & { index: number } {
  return ar.index !== null;
}

/** Keeps the extreme index and the first agencies that reach it (not a list as long as the group). */
function extreme(e: Extreme | null, index: number, name: string, better: (x: number, y: number) => boolean): Extreme {
  if (e === null || better(index, e.index)) return { index, agencies: [name], count: 1 };
  if (index === e.index) {
    e.count++;
    if (e.agencies.length < NAMED) e.agencies.push(name);
  }
  return e;
}

/** One pass over a group's agencies: the statistics of every area. */
export function areaStats(agencies: readonly AgencyResult[], codes: readonly string[], threshold: number): AreaStats[] {
  const acc = new Map(codes.map((code) => [code, { code, count: 0, sum: 0, below: 0, min: null as Extreme | null, max: null as Extreme | null }]));
  for (const a of agencies) {
    if (!a.submitted) continue;
    for (const ar of a.areas) {
      const s = acc.get(ar.code);
      if (!s || !hasIndex(ar)) continue;
      s.count++;
      s.sum += ar.index;
      if (ar.index < threshold) s.below++;
      s.min = extreme(s.min, ar.index, a.agency.name, (x, y) => x < y);
      s.max = extreme(s.max, ar.index, a.agency.name, (x, y) => x > y);
    }
  }
  return [...acc.values()].map((s) => ({ code: s.code, count: s.count, average: s.count > 0 ? round2(s.sum / s.count) : null, min: s.min, max: s.max, below: s.below }));
}

function names(e: Extreme, lang: Lang): string {
  const list = e.agencies.join('; ');
  return e.count > e.agencies.length ? t(lang, 'rboard.areas.more', { names: list, count: e.count - e.agencies.length }) : list;
}

function summaryLayout(lang: Lang): { columns: ColumnSpec[]; levels: string[] } {
  const h = (key: MessageKey) => t(lang, key);
  const columns: ColumnSpec[] = [
    { header: h('rboard.col.code'), width: 6, kind: 'code' },
    { header: h('rboard.col.area'), width: 46, kind: 'wrap' },
    { header: h('rboard.col.agencies'), width: 11, kind: 'integer' },
    { header: h('rboard.col.average_index'), width: 11, kind: 'percent2' },
    { header: h('rboard.col.index'), width: 9, kind: 'percent2' },
    { header: h('rboard.col.agency'), width: 34, kind: 'wrap' },
    { header: h('rboard.col.index'), width: 9, kind: 'percent2' },
    { header: h('rboard.col.agency'), width: 34, kind: 'wrap' },
    { header: h('rboard.areas.below_count'), width: 10, kind: 'integer' },
  ];
  const lowest = h('rboard.areas.lowest');
  const highest = h('rboard.areas.highest');
  const levels = columns.map((c, i) => (i === 4 || i === 5 ? lowest : i === 6 || i === 7 ? highest : c.header));
  return { columns, levels };
}

function listColumns(lang: Lang): ColumnSpec[] {
  const h = (key: MessageKey) => t(lang, key);
  return [
    { header: h('rboard.col.tt'), width: 5, kind: 'integer' },
    { header: h('rboard.col.code'), width: 8, kind: 'code' },
    { header: h('rboard.col.agency'), width: 36, kind: 'wrap' },
    { header: h('rboard.col.area'), width: 8, kind: 'code' },
    { header: h('rboard.col.points'), width: 10, kind: 'number2' },
    { header: h('rboard.col.max'), width: 10, kind: 'number2' },
    { header: h('rboard.col.index'), width: 10, kind: 'percent2' },
  ];
}

function checkThreshold(threshold: number, lang: Lang): number {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) throw new RangeError(t(lang, 'rboard.areas.bad_threshold', { v: String(threshold) }));
  return threshold;
}

async function writeBelowList(sheet: OfficialSheet, ctx: ReportContext, threshold: number): Promise<void> {
  const { results, lang } = ctx;
  let written = 0;
  for (const group of groupsOf(results)) {
    sheet.addSectionRow(groupLabel(group, lang));
    const members = results.agencies.filter((a) => a.agency.group === group && a.submitted);
    let n = 0;
    for (const area of areasOf(results.agencies.filter((a) => a.agency.group === group))) {
      const below: Scored[] = [];
      for (const a of members) {
        const ar = a.areas.find((x) => x.code === area.code);
        if (ar && hasIndex(ar) && ar.index < threshold) below.push({ agency: a, area: ar });
      }
      if (below.length === 0) continue;
      below.sort((x, y) => x.area.index - y.area.index || x.agency.agency.code.localeCompare(y.agency.agency.code));
      sheet.addSectionRow(areaLabel(area.code, area.title, lang));
      for (const { agency, area: ar } of below) {
        sheet.addRow([++n, agency.agency.code, agency.agency.name, ar.code, ar.points, ar.max, ar.index]);
        await breathe(++written);
      }
    }
    if (n === 0) sheet.addRow([null, null, t(lang, 'rboard.areas.none_below')]);
  }
}

export async function writeAreaAnalysis(ctx: ReportContext, file: string, opts: { threshold?: number } = {}): Promise<void> {
  const { results, lang } = ctx;
  const threshold = checkThreshold(opts.threshold ?? DEFAULT_AREA_THRESHOLD, lang);
  const title = t(lang, 'rboard.areas.title');
  const subtitle = t(lang, 'rboard.areas.subtitle', { year: String(results.campaign.year), threshold });
  const wb = newStreamingWorkbook(file);

  const { columns, levels } = summaryLayout(lang);
  const summary = officialSheet(wb, t(lang, 'rboard.areas.sheet.summary'), boardHeader(ctx, title, subtitle), columns, { landscape: true, headerLevels: levels });
  for (const group of groupsOf(results)) {
    summary.addSectionRow(groupLabel(group, lang));
    const members = results.agencies.filter((a) => a.agency.group === group);
    const areas = areasOf(members);
    if (areas.length === 0) summary.addRow([null, t(lang, 'rboard.empty_group')]);
    const stats = areaStats(members, areas.map((a) => a.code), threshold);
    areas.forEach((area, i) => {
      const s = stats[i]!;
      summary.addRow([
        area.code,
        localized(area.title, lang),
        s.count,
        s.average,
        s.min?.index ?? null,
        s.min ? names(s.min, lang) : t(lang, 'rboard.areas.no_data'),
        s.max?.index ?? null,
        s.max ? names(s.max, lang) : t(lang, 'rboard.areas.no_data'),
        s.below,
      ]);
    });
  }
  await summary.finish(ctx.footer);

  const list = officialSheet(wb, t(lang, 'rboard.areas.sheet.below', { threshold }), boardHeader(ctx, title, subtitle), listColumns(lang), { landscape: false });
  await writeBelowList(list, ctx, threshold);
  await list.finish(ctx.footer);
  await saveWorkbook(wb, file);
}
