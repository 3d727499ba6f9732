/**
 * "TỔNG HỢP TÌNH HÌNH ÁP DỤNG HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG THEO TIÊU CHUẨN TCVN ISO 9001:2008":
 * per group and for the whole province, how many agencies built, announced and maintain their QMS
 * (count, "x/y", %), then every agency short of a step, with the state of each step ("Không",
 * "Chưa kê khai", "Chưa nộp kết quả tự đánh giá").
 *
 * The list of agencies grows with the province: streamed.
 */
import { type Lang, formatNumber, t } from '../../../shared/i18n/index.ts';
import { ISO_STEPS, type IsoGap, type IsoScope, type IsoStepName } from '../../../shared/results/schema.ts';
import { type ReportContext, documentNoOf } from './kit/context.ts';
import { type ColumnSpec, type ReportHeader, newStreamingWorkbook, officialSheet, saveWorkbook } from './kit/sheet.ts';
import { roman, scopeLabel } from './indicators.ts';
import { writeChecklistSheets } from './iso-checklist.ts';

const MEASURES = [...ISO_STEPS, 'complete'] as const;

function summaryColumns(lang: Lang): { columns: ColumnSpec[]; levels: string[] } {
  const columns: ColumnSpec[] = [
    { header: t(lang, 'rlist.stt'), width: 6, kind: 'integer' },
    { header: t(lang, 'rlist.iso.scope'), width: 24, kind: 'wrap' },
    { header: t(lang, 'rlist.iso.agencies'), width: 12, kind: 'integer' },
  ];
  const levels = columns.map((c) => c.header);
  for (const m of MEASURES) {
    const group = t(lang, `rlist.iso.step.${m}`);
    columns.push(
      { header: t(lang, 'rlist.iso.count'), width: 10, kind: 'integer' },
      { header: t(lang, 'rlist.iso.ratio'), width: 10, kind: 'code' },
      { header: t(lang, 'rlist.iso.percent'), width: 10, kind: 'percent2' },
    );
    levels.push(group, group, group);
  }
  return { columns, levels };
}

function summaryRow(lang: Lang, no: number, s: IsoScope): unknown[] {
  const row: unknown[] = [no, scopeLabel(lang, s.scope), s.agencies];
  for (const m of MEASURES) {
    const step = s[m];
    row.push(step.count, `${formatNumber(lang, step.count)}/${formatNumber(lang, s.agencies)}`, step.percent);
  }
  return row;
}

function gapColumns(lang: Lang): ColumnSpec[] {
  return [
    { header: t(lang, 'rlist.stt'), width: 6, kind: 'integer' },
    { header: t(lang, 'rlist.code'), width: 10, kind: 'code' },
    { header: t(lang, 'rlist.agency_name'), width: 40, kind: 'wrap' },
    ...ISO_STEPS.map((s): ColumnSpec => ({ header: t(lang, `rlist.iso.step.${s}`), width: 20, kind: 'wrap' })),
    { header: t(lang, 'rlist.iso.missing'), width: 26, kind: 'wrap' },
  ];
}

function gapRow(lang: Lang, no: number, g: IsoGap): unknown[] {
  const missing = g.missing.map((s: IsoStepName) => t(lang, `rlist.iso.step.${s}`)).join('; ');
  return [no, g.agency, g.name, ...ISO_STEPS.map((s) => t(lang, `results.iso_state.${g[s]}`)), missing];
}

export async function writeIsoSummary(ctx: ReportContext, file: string): Promise<void> {
  const { lang, results } = ctx;
  const year = String(results.campaign.year);
  const header = (title: string): ReportHeader => ({
    issuer: ctx.campaign.issuer,
    ...documentNoOf(ctx),
    date: ctx.date,
    title,
    subtitle: t(lang, 'rlist.iso.subtitle', { year }),
    lang,
  });
  const wb = newStreamingWorkbook(file);
  const { columns, levels } = summaryColumns(lang);
  const summary = officialSheet(wb, t(lang, 'rlist.iso.sheet.summary'), header(t(lang, 'rlist.iso.title')), columns, { landscape: true, headerLevels: levels });

  if (results.iso === null) {
    // The campaign names no ISO figures: one sheet that says so.
    summary.addSectionRow(t(lang, 'rlist.iso.not_configured'));
    await summary.finish(ctx.footer);
    if (results.isoChecklist) await writeChecklistSheets(ctx, wb, header, results.isoChecklist);
    await saveWorkbook(wb, file);
    return;
  }

  const groups = results.iso.filter((s) => s.scope !== 'all');
  const all = results.iso.filter((s) => s.scope === 'all');
  groups.forEach((s, i) => summary.addRow(summaryRow(lang, i + 1, s)));
  for (const s of all) summary.addRow([null, ...summaryRow(lang, 0, s).slice(1)], { total: true });
  await summary.finish(ctx.footer);

  const gaps = officialSheet(wb, t(lang, 'rlist.iso.sheet.gaps'), header(t(lang, 'rlist.iso.gaps_title')), gapColumns(lang), { landscape: true });
  // Per group (the province scope repeats the groups' agencies); the province alone when no group is given.
  const scopes = groups.length > 0 ? groups : all;
  scopes.forEach((s, i) => {
    gaps.addSectionRow(t(lang, 'rlist.section_count', { no: roman(i + 1), label: scopeLabel(lang, s.scope), count: s.agencies }));
    if (s.agencies === 0) gaps.addRow([null, null, t(lang, 'rlist.iso.no_agencies')]);
    else if (s.missing.length === 0) gaps.addRow([null, null, t(lang, 'rlist.iso.no_gaps')]);
    else s.missing.forEach((g, j) => gaps.addRow(gapRow(lang, j + 1, g)));
  });
  await gaps.finish(ctx.footer);
  // The checklist assessments (when a group is assigned the ISO 9001 checklist), after the declared figures.
  if (results.isoChecklist) await writeChecklistSheets(ctx, wb, header, results.isoChecklist);
  await saveWorkbook(wb, file);
}
