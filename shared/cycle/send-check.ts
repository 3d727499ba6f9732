/**
 * "Check before sending" (kiểm tra trước khi gửi): what is still missing in an agency's
 * self-assessment before it signs and sends the submission. Pure: the template's items, the saved
 * entries and the declared figures in, one line per gap out, in document order. What the export
 * itself refuses for is added by the service (electron/services/cycle/submission.ts
 * prepareSubmission), so the two never disagree.
 */
import type { IndicatorValue, ItemEntry } from '../schema/assessment.ts';
import type { Indicator, TemplateItem } from '../schema/template.ts';
import { agencyAnswers, isAnswered, lacksEvidence } from '../scoring/progress.ts';

export type SendCheckKind = 'unanswered' | 'no_evidence' | 'figure_missing' | 'refused';

export interface SendCheckGap {
  kind: SendCheckKind;
  /** The item the gap is at (a figure's supported item when it names one); null when none. */
  item: string | null;
  /** The figure's code (figure_missing). */
  figure?: string;
}

type Entries = Readonly<Record<string, Pick<ItemEntry, 'input' | 'evidence' | 'explanation'> | undefined>>;

/**
 * Items the agency must answer that have no answer; answered items with neither a document nor an
 * explanation (an unanswered item is listed once, as unanswered); declared figures not declared.
 */
export function sendCheckGaps(
  items: readonly Pick<TemplateItem, 'code' | 'rule' | 'survey'>[],
  entries: Entries,
  figures: readonly { def: Pick<Indicator, 'code' | 'item'>; value: IndicatorValue }[],
): SendCheckGap[] {
  const gaps: SendCheckGap[] = [];
  for (const i of items) {
    if (!agencyAnswers(i)) continue;
    const e = entries[i.code];
    if (!isAnswered(e)) gaps.push({ kind: 'unanswered', item: i.code });
    else if (lacksEvidence(e)) gaps.push({ kind: 'no_evidence', item: i.code });
  }
  for (const f of figures) if (f.value === null) gaps.push({ kind: 'figure_missing', item: f.def.item ?? null, figure: f.def.code });
  return gaps;
}

/** When a submission was made, dd/mm/yyyy HH:mm in Vietnam's time (UTC+7, no daylight saving), whatever the computer's zone. */
export function sentTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}
