/**
 * The period comparison (So sánh kết quả qua các năm, for year-over-year and five-year reviews),
 * from `results.comparison`: the years side by side per agency (index, rank, band, and the change
 * between consecutive years), the change of every area's index per group, the multi-year summary
 * per agency (average, best and worst year, years per band) and the group averages per year.
 * Without earlier years a single sheet says so and how to give them. Streamed: its size grows with
 * the number of agencies.
 */
import { type Lang, type MessageKey, t } from '../../../shared/i18n/index.ts';
import { type AgencyTrend, GROUPS, type PeriodComparison, type Results, topBand } from '../../../shared/results/index.ts';
import type { AgencyGroup, LocalizedText } from '../../../shared/schema/common.ts';
import type { ReportContext } from './kit/context.ts';
import { type ColumnSpec, newStreamingWorkbook, officialSheet, saveWorkbook } from './kit/sheet.ts';
import { areaLabel, boardHeader, breathe, groupLabel, groupShortLabel } from './scoreboard.ts';

type Workbook = ReturnType<typeof newStreamingWorkbook>;
type Period = PeriodComparison['periods'][number];

/** The groups of the comparison, in the published order. */
function comparisonGroups(c: PeriodComparison): AgencyGroup[] {
  const present = new Set<AgencyGroup>(c.groups.map((g) => g.group));
  for (const a of c.agencies) present.add(a.group);
  return GROUPS.filter((g) => present.has(g));
}

function trendsOf(c: PeriodComparison, group: AgencyGroup): AgencyTrend[] {
  return c.agencies.filter((a) => a.group === group);
}

function h(lang: Lang, key: MessageKey, params: Record<string, string> = {}): string {
  return t(lang, key, params);
}

// ————————————————————————————————————————— years side by side

async function writeYears(wb: Workbook, ctx: ReportContext, c: PeriodComparison, title: string, subtitle: string): Promise<void> {
  const { lang } = ctx;
  const periods = c.periods;
  const columns: ColumnSpec[] = [
    { header: h(lang, 'rboard.col.tt'), width: 5, kind: 'integer' },
    { header: h(lang, 'rboard.col.code'), width: 8, kind: 'code' },
    { header: h(lang, 'rboard.col.agency'), width: 30, kind: 'wrap' },
  ];
  const levels = columns.map((col) => col.header);
  for (const p of periods) {
    const label = h(lang, 'rboard.comparison.year', { year: String(p.year) });
    columns.push(
      { header: h(lang, 'rboard.col.index'), width: 9, kind: 'percent2' },
      { header: h(lang, 'rboard.col.rank'), width: 8, kind: 'integer' },
      { header: h(lang, 'rboard.col.band'), width: 7, kind: 'code' },
    );
    levels.push(label, label, label);
  }
  for (let i = 1; i < periods.length; i++) {
    const label = h(lang, 'rboard.comparison.change', { from: String(periods[i - 1]!.year), to: String(periods[i]!.year) });
    columns.push(
      { header: h(lang, 'rboard.comparison.delta_index'), width: 10, kind: 'percent2' },
      { header: h(lang, 'rboard.comparison.delta_rank'), width: 10, kind: 'integer' },
    );
    levels.push(label, label);
  }
  columns.push({ header: h(lang, 'rboard.col.note'), width: 30, kind: 'wrap' });
  levels.push(h(lang, 'rboard.col.note'));

  const sheet = officialSheet(wb, h(lang, 'rboard.comparison.sheet.years'), boardHeader(ctx, title, subtitle), columns, { landscape: true, headerLevels: levels });
  let written = 0;
  for (const group of comparisonGroups(c)) {
    sheet.addSectionRow(groupLabel(group, lang));
    const trends = trendsOf(c, group);
    if (trends.length === 0) sheet.addRow([null, null, h(lang, 'rboard.empty_group')]);
    let n = 0;
    for (const a of trends) {
      const row: unknown[] = [++n, a.agency, a.name];
      const notes: string[] = [];
      for (const p of periods) {
        const y = yearOf(a, p);
        if (y?.submitted) row.push(y.index, y.rank, y.band);
        else {
          row.push(null, null, null);
          notes.push(h(lang, y ? 'rboard.comparison.note.no_submission' : 'rboard.comparison.note.absent', { year: String(p.year) }));
        }
      }
      for (let i = 1; i < periods.length; i++) {
        const to = periods[i]!.year;
        const d = a.deltas.find((x) => x.to === to);
        row.push(d?.index ?? null, d?.rank ?? null);
        if (d && d.from !== periods[i - 1]!.year) notes.push(h(lang, 'rboard.comparison.note.gap', { from: String(d.from), to: String(d.to) }));
      }
      row.push(notes.length > 0 ? notes.join('; ') : null);
      sheet.addRow(row);
      await breathe(++written);
    }
  }
  await sheet.finish(ctx.footer);
}

function yearOf(a: AgencyTrend, p: Period): AgencyTrend['years'][number] | undefined {
  return a.years.find((y) => y.campaign === p.campaign && y.year === p.year) ?? a.years.find((y) => y.year === p.year);
}

// ————————————————————————————————————————— per-area index deltas, one sheet per group

/** The group's areas: those of the latest results first (with their titles), then any older code. */
function areasForGroup(results: Results, trends: readonly AgencyTrend[], group: AgencyGroup): { code: string; title: LocalizedText | null }[] {
  const out = new Map<string, { code: string; title: LocalizedText | null }>();
  for (const a of results.agencies) {
    if (a.agency.group !== group) continue;
    for (const ar of a.areas) if (!out.has(ar.code)) out.set(ar.code, { code: ar.code, title: ar.title });
  }
  for (const tr of trends) for (const d of tr.deltas) for (const ar of d.areas) if (!out.has(ar.code)) out.set(ar.code, { code: ar.code, title: null });
  return [...out.values()];
}

async function writeAreaDeltas(wb: Workbook, ctx: ReportContext, c: PeriodComparison, title: string, subtitle: string): Promise<void> {
  const { lang, results } = ctx;
  for (const group of comparisonGroups(c)) {
    const trends = trendsOf(c, group);
    const areas = areasForGroup(results, trends, group);
    const columns: ColumnSpec[] = [
      { header: h(lang, 'rboard.col.tt'), width: 5, kind: 'integer' },
      { header: h(lang, 'rboard.col.code'), width: 8, kind: 'code' },
      { header: h(lang, 'rboard.col.agency'), width: 30, kind: 'wrap' },
      { header: h(lang, 'rboard.comparison.from'), width: 7, kind: 'year' },
      { header: h(lang, 'rboard.comparison.to'), width: 7, kind: 'year' },
      { header: h(lang, 'rboard.comparison.delta_index'), width: 10, kind: 'percent2' },
    ];
    const levels = columns.map((col) => col.header);
    const areaGroup = h(lang, 'rboard.comparison.area_deltas');
    for (const area of areas) {
      columns.push({ header: areaLabel(area.code, area.title, lang), width: 12, kind: 'percent2' });
      levels.push(areaGroup);
    }
    columns.push({ header: h(lang, 'rboard.col.note'), width: 22, kind: 'wrap' });
    levels.push(h(lang, 'rboard.col.note'));

    const label = groupLabel(group, lang);
    const sheet = officialSheet(wb, h(lang, 'rboard.comparison.sheet.areas', { group: groupShortLabel(group, lang) }), boardHeader(ctx, title, `${subtitle}. ${h(lang, 'rboard.group_subtitle', { group: label })}`), columns, {
      landscape: true,
      headerLevels: levels,
    });
    if (trends.length === 0) sheet.addRow([null, null, h(lang, 'rboard.empty_group')]);
    let n = 0;
    for (const a of trends) {
      n++;
      if (a.deltas.length === 0) {
        const row: unknown[] = [n, a.agency, a.name, null, null, null, ...areas.map(() => null), h(lang, 'rboard.comparison.no_delta')];
        sheet.addRow(row);
      }
      for (const d of a.deltas) {
        const byCode = new Map(d.areas.map((x) => [x.code, x.index]));
        sheet.addRow([n, a.agency, a.name, d.from, d.to, d.index, ...areas.map((area) => byCode.get(area.code) ?? null), null]);
      }
      await breathe(n);
    }
    await sheet.finish(ctx.footer);
  }
}

// ————————————————————————————————————————— multi-year summary and group averages

async function writeSummary(wb: Workbook, ctx: ReportContext, c: PeriodComparison, title: string, subtitle: string): Promise<void> {
  const { lang, results } = ctx;
  const top = topBand(results.bands) ?? results.bands[0]?.code ?? 'A';
  // Band codes: the current year's, best first, then any other code found in earlier years.
  const bands = [...results.bands].sort((x, y) => y.minIndex - x.minIndex).map((b) => b.code);
  for (const a of c.agencies) for (const code of Object.keys(a.summary.bandYears)) if (!bands.includes(code)) bands.push(code);

  const best = h(lang, 'rboard.comparison.best');
  const worst = h(lang, 'rboard.comparison.worst');
  const bandYears = h(lang, 'rboard.comparison.band_years');
  const columns: ColumnSpec[] = [
    { header: h(lang, 'rboard.col.tt'), width: 5, kind: 'integer' },
    { header: h(lang, 'rboard.col.code'), width: 8, kind: 'code' },
    { header: h(lang, 'rboard.col.agency'), width: 30, kind: 'wrap' },
    { header: h(lang, 'rboard.comparison.years_with_data'), width: 10, kind: 'integer' },
    { header: h(lang, 'rboard.col.average_index'), width: 11, kind: 'percent2' },
    { header: h(lang, 'rboard.col.year'), width: 7, kind: 'year' },
    { header: h(lang, 'rboard.col.index'), width: 9, kind: 'percent2' },
    { header: h(lang, 'rboard.col.year'), width: 7, kind: 'year' },
    { header: h(lang, 'rboard.col.index'), width: 9, kind: 'percent2' },
    { header: h(lang, 'rboard.comparison.years_in_top', { band: top }), width: 10, kind: 'integer' },
  ];
  const levels = columns.map((col, i) => (i === 5 || i === 6 ? best : i === 7 || i === 8 ? worst : col.header));
  for (const code of bands) {
    columns.push({ header: code, width: 6, kind: 'integer' });
    levels.push(bandYears);
  }

  const sheet = officialSheet(wb, h(lang, 'rboard.comparison.sheet.summary'), boardHeader(ctx, title, subtitle), columns, { landscape: true, headerLevels: levels });
  let written = 0;
  for (const group of comparisonGroups(c)) {
    sheet.addSectionRow(groupLabel(group, lang));
    const trends = trendsOf(c, group);
    if (trends.length === 0) sheet.addRow([null, null, h(lang, 'rboard.empty_group')]);
    let n = 0;
    for (const a of trends) {
      const s = a.summary;
      sheet.addRow([
        ++n,
        a.agency,
        a.name,
        s.years,
        s.averageIndex,
        s.best?.year ?? null,
        s.best?.index ?? null,
        s.worst?.year ?? null,
        s.worst?.index ?? null,
        s.yearsInTopBand,
        ...bands.map((code) => s.bandYears[code] ?? 0),
      ]);
      await breathe(++written);
    }
  }
  await sheet.finish(ctx.footer);

  const groupColumns: ColumnSpec[] = [
    { header: h(lang, 'rboard.col.year'), width: 12, kind: 'year' },
    { header: h(lang, 'rboard.col.agencies'), width: 22, kind: 'integer' },
    { header: h(lang, 'rboard.col.submitted'), width: 22, kind: 'integer' },
    { header: h(lang, 'rboard.col.average_index'), width: 22, kind: 'percent2' },
  ];
  const averages = officialSheet(wb, h(lang, 'rboard.comparison.sheet.groups'), boardHeader(ctx, title, subtitle), groupColumns, { landscape: false });
  for (const g of c.groups) {
    averages.addSectionRow(groupLabel(g.group, lang));
    for (const y of g.years) averages.addRow([y.year, y.agencies, y.submitted, y.averageIndex]);
  }
  await averages.finish(ctx.footer);
}

// ————————————————————————————————————————— no earlier year

async function writeNoComparison(wb: Workbook, ctx: ReportContext, title: string): Promise<void> {
  const { lang, results } = ctx;
  const year = String(results.campaign.year);
  const sheet = officialSheet(
    wb,
    h(lang, 'rboard.comparison.sheet.none'),
    boardHeader(ctx, title, h(lang, 'rboard.comparison.subtitle', { years: year })),
    [
      { header: h(lang, 'rboard.col.tt'), width: 6, kind: 'integer' },
      { header: h(lang, 'rboard.col.content'), width: 58, kind: 'wrap' },
      { header: h(lang, 'rboard.col.how'), width: 40, kind: 'wrap' },
    ],
    { landscape: false },
  );
  sheet.addRow([1, h(lang, 'rboard.comparison.none', { year })]);
  sheet.addRow([2, h(lang, 'rboard.comparison.how'), h(lang, 'rboard.comparison.command')]);
  sheet.addRow([3, h(lang, 'rboard.comparison.how_more')]);
  await sheet.finish(ctx.footer);
}

export async function writeComparison(ctx: ReportContext, file: string): Promise<void> {
  const { lang, results } = ctx;
  const title = h(lang, 'rboard.comparison.title');
  const wb = newStreamingWorkbook(file);
  const c = results.comparison;
  if (c === null || c.periods.length === 0) {
    await writeNoComparison(wb, ctx, title);
  } else {
    const subtitle = h(lang, 'rboard.comparison.subtitle', { years: c.periods.map((p) => String(p.year)).join(', ') });
    await writeYears(wb, ctx, c, title, subtitle);
    await writeAreaDeltas(wb, ctx, c, title, subtitle);
    await writeSummary(wb, ctx, c, title, subtitle);
  }
  await saveWorkbook(wb, file);
}
