/**
 * The item columns of the agency report and of the everything-workbook's detail sheet, for the
 * ranked template (with the survey column) and for an additional template such as the ISO
 * checklist (without it: the room goes to the text columns). One definition, so both sheets stay
 * alike; `itemRow` places values by field, whichever columns the sheet has.
 */
import { type Lang, t } from '../../../../shared/i18n/index.ts';
import type { ColumnSpec } from './sheet.ts';

export type AgencyField = 'code' | 'title' | 'max' | 'declared' | 'self' | 'evidence' | 'explanation' | 'survey' | 'appraised' | 'comment';

/** The agency report's item columns, in order, with the field each holds. */
export function agencyItemColumns(lang: Lang, opts: { survey: boolean }): { fields: AgencyField[]; columns: ColumnSpec[] } {
  const h = (k: string): string => t(lang, `report.agency.col.${k}`);
  const wide = !opts.survey;
  const cols: [AgencyField, ColumnSpec][] = [
    ['code', { header: h('code'), width: 7, kind: 'code' }],
    ['title', { header: h('title'), width: 40, kind: 'wrap' }],
    ['max', { header: h('max'), width: 8, kind: 'number2' }],
    ['declared', { header: h('declared'), width: 16, kind: 'wrap' }],
    ['self', { header: h('self'), width: 9, kind: 'number2' }],
    ['evidence', { header: h('evidence'), width: wide ? 30 : 26, kind: 'wrap' }],
    ['explanation', { header: h('explanation'), width: wide ? 24 : 22, kind: 'wrap' }],
    ...(opts.survey ? ([['survey', { header: h('survey'), width: 8, kind: 'number2' }]] as [AgencyField, ColumnSpec][]) : []),
    ['appraised', { header: h('appraised'), width: 9, kind: 'number2' }],
    ['comment', { header: h('comment'), width: wide ? 24 : 22, kind: 'wrap' }],
  ];
  return { fields: cols.map(([f]) => f), columns: cols.map(([, c]) => c) };
}

/** A row of `fields.length` cells with the given values at their fields' places (a field the sheet lacks is dropped). */
export function itemRow<F extends string>(fields: readonly F[], values: Partial<Record<F, unknown>>): unknown[] {
  return fields.map((f) => (Object.hasOwn(values, f) ? values[f] : null));
}

/** The everything-workbook's detail columns (agency × item). */
export function everythingDetailColumns(lang: Lang, opts: { survey: boolean }): ColumnSpec[] {
  const h = (k: string): string => t(lang, `report.everything.col.${k}`);
  return [
    { header: h('agency_code'), width: 9, kind: 'code' },
    { header: h('agency_name'), width: 26, kind: 'wrap' },
    { header: h('group'), width: 14, kind: 'text' },
    { header: h('item_code'), width: 8, kind: 'code' },
    { header: h('item_title'), width: 40, kind: 'wrap' },
    { header: h('max'), width: 8, kind: 'number2' },
    { header: h('declared'), width: 16, kind: 'wrap' },
    { header: h('self'), width: 9, kind: 'number2' },
    { header: h('appraised'), width: 9, kind: 'number2' },
    ...(opts.survey ? [{ header: h('survey'), width: 9, kind: 'percent2' } as ColumnSpec] : []),
    { header: h('comment'), width: 24, kind: 'wrap' },
    { header: h('explanation'), width: 24, kind: 'wrap' },
    { header: h('explanation2'), width: 24, kind: 'wrap' },
    { header: h('note'), width: 20, kind: 'wrap' },
    { header: h('evidence'), width: 30, kind: 'wrap' },
    { header: h('status'), width: opts.survey ? 16 : 20, kind: 'text' },
  ];
}
