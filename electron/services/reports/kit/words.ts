/**
 * How the reports put stored data into words: an item's input ("Có", "95/100 (95,00%)", "2 lần",
 * "d766 = 85"), evidence references ("238/QĐ-SNV, ngày 23/09/2024, Sở Nội vụ") and declared figures.
 * Plain strings: they still go through `toCellValue` when written.
 */
import { formatDate, formatNumber, formatPoints, type Lang, t } from '../../../../shared/i18n/index.ts';
import type { EvidenceRef, IndicatorValue, ItemInput } from '../../../../shared/schema/assessment.ts';
import type { LocalizedText } from '../../../../shared/schema/common.ts';

/** The text in the report's language (Vietnamese when there is no English). */
export function localized(text: LocalizedText, lang: Lang): string {
  return lang === 'en' && text.en ? text.en : text.vi;
}

/** An item's input as the agency declared it; '' when there is none. */
export function inputInWords(lang: Lang, input: ItemInput | undefined): string {
  if (!input) return '';
  switch (input.kind) {
    case 'binary':
      return t(lang, input.value === 'yes' ? 'report.input.yes' : 'report.input.no');
    case 'notApplicable':
      return t(lang, 'report.input.not_applicable');
    case 'percent':
      return t(lang, 'report.input.percent', { value: formatNumber(lang, input.value) });
    case 'ratio':
      return input.denominator > 0
        ? t(lang, 'report.input.ratio', {
            numerator: formatNumber(lang, input.numerator),
            denominator: formatNumber(lang, input.denominator),
            percent: formatPoints(lang, (input.numerator / input.denominator) * 100),
          })
        : t(lang, 'report.input.ratio_zero', { numerator: formatNumber(lang, input.numerator), denominator: formatNumber(lang, input.denominator) });
    case 'count':
      return t(lang, 'report.input.count', { count: formatNumber(lang, input.value) });
    case 'manual':
      return t(lang, 'report.input.manual', { points: formatNumber(lang, input.value) });
    case 'variables':
      return Object.entries(input.values)
        .map(([name, value]) => t(lang, 'report.input.variable', { name, value: formatNumber(lang, value, 4) }))
        .join('; ');
  }
}

/** One evidence reference: number, date and issuer (and the title when asked). */
export function evidenceRefText(lang: Lang, ref: EvidenceRef, withTitle = false): string {
  const parts = [ref.docNo];
  if (ref.date) parts.push(t(lang, 'report.evidence.date', { date: formatDate(lang, ref.date) }));
  if (ref.issuer) parts.push(ref.issuer);
  if (withTitle && ref.title) parts.push(ref.title);
  return parts.join(', ');
}

/** Several references, one per line. */
export function evidenceText(lang: Lang, refs: readonly EvidenceRef[] | undefined, withTitle = false): string {
  return (refs ?? []).map((r) => evidenceRefText(lang, r, withTitle)).join('\n');
}

/** A declared figure: numbers stay numbers (for the cell), yes/no and text become words. */
export function indicatorValue(lang: Lang, v: IndicatorValue | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return t(lang, v ? 'report.input.yes' : 'report.input.no');
  return v;
}
