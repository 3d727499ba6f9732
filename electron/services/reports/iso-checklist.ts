/**
 * The ISO 9001 checklist sheets of "Tổng hợp áp dụng ISO 9001": per group and province the agencies
 * applying and assessed, the mean checklist percent, agencies per result band and per phase reached,
 * the mean compliance per ISO clause; the list of agencies; the disagreements between the declared
 * ISO figures and the checklist.
 */
import { type Lang, t } from '../../../shared/i18n/index.ts';
import { ISO_BANDS, ISO_CLAUSES, ISO_PHASES, type IsoChecklistScope } from '../../../shared/results/schema.ts';
import type { ReportContext } from './kit/context.ts';
import { type ColumnSpec, type ReportHeader, type newStreamingWorkbook, officialSheet } from './kit/sheet.ts';

type StreamingWorkbook = ReturnType<typeof newStreamingWorkbook>;
import { roman, scopeLabel } from './indicators.ts';

const PHASES = [...ISO_PHASES, 'none'] as const;

function summaryColumns(lang: Lang): { columns: ColumnSpec[]; levels: string[] } {
  const columns: ColumnSpec[] = [
    { header: t(lang, 'rlist.stt'), width: 6, kind: 'integer' },
    { header: t(lang, 'rlist.iso.scope'), width: 18, kind: 'wrap' },
    { header: t(lang, 'rlist.isoc.applying'), width: 11, kind: 'integer' },
    { header: t(lang, 'rlist.isoc.assessed'), width: 11, kind: 'integer' },
    { header: t(lang, 'rlist.isoc.average'), width: 11, kind: 'percent2' },
  ];
  const levels = columns.map((c) => c.header);
  const add = (group: string, header: string, kind: ColumnSpec['kind']) => {
    columns.push({ header, width: 9, kind });
    levels.push(group);
  };
  for (const b of ISO_BANDS) add(t(lang, 'rlist.isoc.bands'), t(lang, `results.iso_band.${b.code}`), 'integer');
  for (const p of PHASES) add(t(lang, 'rlist.isoc.phases'), t(lang, `results.iso_phase.${p}`), 'integer');
  for (const c of ISO_CLAUSES) add(t(lang, 'rlist.isoc.clauses'), t(lang, 'rlist.isoc.clause', { clause: c }), 'percent2');
  return { columns, levels };
}

function summaryRow(lang: Lang, no: number | null, s: IsoChecklistScope): unknown[] {
  return [
    no,
    scopeLabel(lang, s.scope),
    s.applying,
    s.assessed,
    s.averagePercent,
    ...ISO_BANDS.map((b) => s.bands[b.code] ?? 0),
    ...PHASES.map((p) => s.phases[p] ?? 0),
    ...ISO_CLAUSES.map((c) => s.clauses.find((x) => x.clause === c)?.averagePercent ?? null),
  ];
}

export async function writeChecklistSheets(ctx: ReportContext, wb: StreamingWorkbook, header: (title: string) => ReportHeader, scopes: readonly IsoChecklistScope[]): Promise<void> {
  const { lang } = ctx;
  const { columns, levels } = summaryColumns(lang);
  const summary = officialSheet(wb, t(lang, 'rlist.isoc.sheet.summary'), header(t(lang, 'rlist.isoc.title')), columns, { landscape: true, headerLevels: levels });
  const groups = scopes.filter((s) => s.scope !== 'all');
  groups.forEach((s, i) => summary.addRow(summaryRow(lang, i + 1, s)));
  for (const s of scopes.filter((x) => x.scope === 'all')) summary.addRow(summaryRow(lang, null, s), { total: true });
  await summary.finish(ctx.footer);

  const list = officialSheet(
    wb,
    t(lang, 'rlist.isoc.sheet.agencies'),
    header(t(lang, 'rlist.isoc.agencies_title')),
    [
      { header: t(lang, 'rlist.stt'), width: 6, kind: 'integer' },
      { header: t(lang, 'rlist.code'), width: 10, kind: 'code' },
      { header: t(lang, 'rlist.agency_name'), width: 40, kind: 'wrap' },
      { header: t(lang, 'rlist.isoc.percent'), width: 12, kind: 'percent2' },
      { header: t(lang, 'rlist.isoc.band'), width: 18, kind: 'wrap' },
      { header: t(lang, 'rlist.isoc.phase'), width: 22, kind: 'wrap' },
    ],
    { landscape: true },
  );
  const listed = groups.length > 0 ? groups : scopes;
  listed.forEach((s, i) => {
    list.addSectionRow(t(lang, 'rlist.section_count', { no: roman(i + 1), label: scopeLabel(lang, s.scope), count: String(s.agencies.length) }));
    s.agencies.forEach((a, j) => {
      const status = a.status === 'assessed' ? null : t(lang, `results.additional_status.${a.status}`);
      list.addRow([j + 1, a.agency, a.name, a.percent, status ?? (a.band ? t(lang, `results.iso_band.${a.band}`) : null), status ?? t(lang, `results.iso_phase.${a.phase ?? 'none'}`)]);
    });
  });
  await list.finish(ctx.footer);

  const diff = officialSheet(
    wb,
    t(lang, 'rlist.isoc.sheet.disagreements'),
    header(t(lang, 'rlist.isoc.disagreements_title')),
    [
      { header: t(lang, 'rlist.stt'), width: 6, kind: 'integer' },
      { header: t(lang, 'rlist.code'), width: 10, kind: 'code' },
      { header: t(lang, 'rlist.agency_name'), width: 36, kind: 'wrap' },
      { header: t(lang, 'rlist.isoc.step'), width: 20, kind: 'wrap' },
      { header: t(lang, 'rlist.isoc.declared'), width: 12, kind: 'wrap' },
      { header: t(lang, 'rlist.isoc.phase_points'), width: 16, kind: 'code' },
    ],
    { landscape: true },
  );
  const found = scopes.find((s) => s.scope === 'all')?.disagreements ?? [];
  if (found.length === 0) diff.addRow([null, null, t(lang, 'rlist.isoc.no_disagreements')]);
  found.forEach((d, i) =>
    diff.addRow([i + 1, d.agency, d.name, t(lang, `rlist.iso.step.${d.step}`), t(lang, d.declared ? 'rlist.isoc.yes' : 'rlist.isoc.no'), `${String(d.score).replace('.', ',')}/${String(d.max).replace('.', ',')}`]),
  );
  await diff.finish(ctx.footer);
}
