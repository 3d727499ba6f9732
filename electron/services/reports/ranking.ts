/**
 * The ranking per group (Kết quả xếp hạng Chỉ số CCHC): one sheet per group present with the ranked
 * agencies by rank (total, index with and without the survey, band, how the rank was decided),
 * then the agencies not ranked with the reason. Streamed: its size grows with the number of agencies.
 */
import { type Lang, type MessageKey, t } from '../../../shared/i18n/index.ts';
import type { AgencyResult, RankedBy, Results } from '../../../shared/results/index.ts';
import type { ReportContext } from './kit/context.ts';
import { type ColumnSpec, newStreamingWorkbook, officialSheet, saveWorkbook } from './kit/sheet.ts';
import { agencyNote, areaLabel, boardHeader, breathe, groupLabel, groupsOf, localized, rankedFirst } from './scoreboard.ts';

const RANKED_BY_KEYS: Record<RankedBy, MessageKey> = {
  index: 'rboard.ranked_by.index',
  APPRAISED_SCORE: 'rboard.ranked_by.APPRAISED_SCORE',
  AREA_SCORE: 'rboard.ranked_by.AREA_SCORE',
  SURVEY_SCORE: 'rboard.ranked_by.SURVEY_SCORE',
  SELF_SCORE: 'rboard.ranked_by.SELF_SCORE',
  tie: 'rboard.ranked_by.tie',
};

/** "Cùng chỉ số; xếp theo điểm lĩnh vực 3. Cải cách thủ tục hành chính" and the like. */
export function rankedByText(a: AgencyResult, results: Results, lang: Lang): string | null {
  if (a.rankedBy === null) return null;
  if (a.rankedBy !== 'AREA_SCORE') return t(lang, RANKED_BY_KEYS[a.rankedBy]);
  const codes = results.tieBreaks.flatMap((tb) => (tb.by === 'AREA_SCORE' && tb.area !== undefined ? [tb.area] : []));
  const area = codes
    .map((code) => {
      const own = a.areas.find((ar) => ar.code === code);
      return own ? areaLabel(code, own.title, lang) : code;
    })
    .join(', ');
  return t(lang, RANKED_BY_KEYS.AREA_SCORE, { area });
}

function bandLabel(code: string | null, results: Results, lang: Lang): string | null {
  if (code === null) return null;
  const band = results.bands.find((b) => b.code === code);
  return band ? localized(band.label, lang) : null;
}

function columnsOf(lang: Lang): ColumnSpec[] {
  const h = (key: MessageKey) => t(lang, key);
  return [
    { header: h('rboard.col.rank'), width: 8, kind: 'integer' },
    { header: h('rboard.col.code'), width: 8, kind: 'code' },
    { header: h('rboard.col.agency'), width: 34, kind: 'wrap' },
    { header: h('rboard.col.total'), width: 10, kind: 'number2' },
    { header: h('rboard.col.index'), width: 10, kind: 'percent2' },
    { header: h('rboard.col.index_without_survey'), width: 13, kind: 'percent2' },
    { header: h('rboard.col.band'), width: 8, kind: 'code' },
    { header: h('rboard.col.band_label'), width: 12, kind: 'text' },
    { header: h('rboard.col.ranked_by'), width: 24, kind: 'wrap' },
    { header: h('rboard.col.note'), width: 28, kind: 'wrap' },
  ];
}

export async function writeRanking(ctx: ReportContext, file: string): Promise<void> {
  const { results, lang } = ctx;
  const title = t(lang, 'rboard.ranking.title', { year: String(results.campaign.year) });
  const columns = columnsOf(lang);
  const wb = newStreamingWorkbook(file);
  for (const group of groupsOf(results)) {
    const label = groupLabel(group, lang);
    const sheet = officialSheet(wb, label, boardHeader(ctx, title, t(lang, 'rboard.group_subtitle', { group: label })), columns, { landscape: true });
    const rows = rankedFirst(results, group);
    if (rows.length === 0) sheet.addRow([null, null, t(lang, 'rboard.empty_group')]);
    let n = 0;
    let headed = false;
    for (const a of rows) {
      if (a.rank === null && !headed) {
        sheet.addSectionRow(t(lang, 'rboard.unranked_heading'));
        headed = true;
      }
      sheet.addRow([
        a.rank,
        a.agency.code,
        a.agency.name,
        a.total,
        a.index,
        a.indexWithoutSurvey,
        a.band,
        bandLabel(a.band, results, lang),
        rankedByText(a, results, lang),
        agencyNote(a, lang),
      ]);
      await breathe(++n);
    }
    await sheet.finish(ctx.footer);
  }
  await saveWorkbook(wb, file);
}
