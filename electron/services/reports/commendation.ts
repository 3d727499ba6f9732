/**
 * "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG THÀNH TÍCH TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM …" (domain
 * brief §(d)6), attached to Home Affairs' submission (tờ trình):
 * - "Tập thể" and "Cá nhân": the brief's thirteen columns, a section per award (rule); the note
 *   names the conditions met and marks the council's inclusions with their reason;
 * - "Không đủ điều kiện": every nominee left out, with the rule and the reason;
 * - the council's decisions (rule, subject, action, reason, by, at).
 *
 * The lists grow with the province: streamed.
 */
import { briefReason, formatReason } from '../../../shared/awards/format.ts';
import type { Candidate, CandidateKind, Exclusion, OverrideMark } from '../../../shared/awards/schema.ts';
import { type Lang, formatDate, t } from '../../../shared/i18n/index.ts';
import type { Results } from '../../../shared/results/schema.ts';
import type { AwardOverride } from '../../../shared/schema/awards.ts';
import type { Campaign } from '../../../shared/schema/campaign.ts';
import type { ReportContext } from './kit/context.ts';
import { type ColumnSpec, type OfficialSheet, type ReportHeader, newStreamingWorkbook, officialSheet, saveWorkbook } from './kit/sheet.ts';
import { pick, roman, scopeLabel } from './indicators.ts';

/** An award (rule) of the campaign, or one only the data names. */
interface RuleInfo {
  id: string;
  kind: CandidateKind;
  award: string;
}

/** The rules of `kind` in the campaign's order, then any rule only the rows name (first seen first). */
function rulesOf(lang: Lang, campaign: Campaign, kind: CandidateKind, named: ReadonlyArray<{ rule: string; award?: string }>): RuleInfo[] {
  const configured = kind === 'collective' ? campaign.commendation.collectives : campaign.commendation.individuals;
  const out: RuleInfo[] = configured.map((r) => ({ id: r.id, kind, award: pick(lang, r.award) }));
  const seen = new Set(out.map((r) => r.id));
  for (const n of named) {
    if (seen.has(n.rule)) continue;
    seen.add(n.rule);
    out.push({ id: n.rule, kind, award: n.award ?? n.rule });
  }
  return out;
}

function ruleLabel(lang: Lang, campaign: Campaign, rule: string): string {
  const r = [...campaign.commendation.collectives, ...campaign.commendation.individuals].find((x) => x.id === rule);
  return r ? t(lang, 'rlist.award.rule_label', { award: pick(lang, r.award), rule }) : rule;
}

function bandText(lang: Lang, results: Results, code: string): string {
  const band = results.bands.find((b) => b.code === code);
  return band ? t(lang, 'rlist.award.band_label', { code, label: pick(lang, band.label) }) : code;
}

/** "Hạng 1 / Loại A (Xuất sắc)". */
function rankBand(lang: Lang, results: Results, c: Candidate): string {
  const rank = c.agencyRank === null ? null : String(c.agencyRank);
  const band = c.agencyBand === null ? null : bandText(lang, results, c.agencyBand);
  if (rank !== null && band !== null) return t(lang, 'rlist.award.rank_band', { rank, band });
  if (rank !== null) return t(lang, 'rlist.award.rank_only', { rank });
  if (band !== null) return t(lang, 'rlist.award.unranked_band', { band });
  return t(lang, 'rlist.award.unranked');
}

function when(lang: Lang, o: OverrideMark | AwardOverride): string {
  return formatDate(lang, o.at);
}

/**
 * Ghi chú: the nominating agency's own note first (as written), then the conditions met, then the
 * council's inclusion with its reason and the condition of the rule it overrides.
 */
function noteOf(lang: Lang, c: Candidate): string {
  const parts: string[] = [];
  if (c.note !== null && c.note.trim() !== '') parts.push(c.note);
  if (c.satisfied.length > 0) parts.push(t(lang, 'rlist.award.note.met', { list: c.satisfied.map((r) => briefReason(lang, r)).join('; ') }));
  if (c.override) {
    parts.push(t(lang, 'rlist.award.note.override_in', { by: c.override.by, at: when(lang, c.override), reason: c.override.reason }));
    if (c.unmet) parts.push(t(lang, 'rlist.award.note.unmet', { reason: formatReason(lang, c.unmet) }));
  }
  return parts.join('\n');
}

function listColumns(lang: Lang, kind: CandidateKind): ColumnSpec[] {
  return [
    { header: t(lang, 'rlist.stt'), width: 5, kind: 'integer' },
    { header: t(lang, kind === 'collective' ? 'rlist.award.col.collective_name' : 'rlist.award.col.individual_name'), width: 20, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.gender'), width: 7, kind: 'code' },
    { header: t(lang, 'rlist.award.col.birth_year'), width: 7, kind: 'year' },
    { header: t(lang, 'rlist.award.col.position'), width: 13, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.unit'), width: 18, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.index'), width: 10, kind: 'percent2' },
    { header: t(lang, 'rlist.award.col.rank_band'), width: 13, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.achievements'), width: 34, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.award'), width: 16, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.level'), width: 8, kind: 'code' },
    { header: t(lang, 'rlist.award.col.wording'), width: 22, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.note'), width: 30, kind: 'wrap' },
  ];
}

function candidateRow(lang: Lang, results: Results, c: Candidate): unknown[] {
  return [
    c.stt,
    c.name,
    c.gender === null ? null : t(lang, `awards.gender.${c.gender}`),
    c.birthYear,
    c.position,
    c.unit,
    c.agencyIndex,
    rankBand(lang, results, c),
    c.achievements,
    pick(lang, c.proposedAward),
    t(lang, `awards.level.${c.level}`),
    pick(lang, c.certificateWording),
    noteOf(lang, c),
  ];
}

/** One sheet of proposals (collectives or individuals), a section per award. */
function writeCandidates(sheet: OfficialSheet, lang: Lang, campaign: Campaign, results: Results, kind: CandidateKind, rows: readonly Candidate[]): void {
  const rules = rulesOf(lang, campaign, kind, rows.map((c) => ({ rule: c.rule, award: pick(lang, c.proposedAward) })));
  if (rules.length === 0) {
    sheet.addSectionRow(t(lang, 'rlist.award.no_candidates'));
    return;
  }
  rules.forEach((rule, i) => {
    const mine = rows.filter((c) => c.rule === rule.id);
    sheet.addSectionRow(
      t(lang, 'rlist.award.rule_section', { no: roman(i + 1), award: rule.award, count: mine.length, kind: t(lang, `rlist.award.kind_count.${kind}`) }),
    );
    if (mine.length === 0) sheet.addRow([null, t(lang, 'rlist.award.no_candidates')]);
    for (const c of mine) sheet.addRow(candidateRow(lang, results, c));
  });
}

function excludedColumns(lang: Lang): ColumnSpec[] {
  return [
    { header: t(lang, 'rlist.stt'), width: 5, kind: 'integer' },
    { header: t(lang, 'rlist.award.col.kind'), width: 10, kind: 'code' },
    { header: t(lang, 'rlist.award.col.subject_name'), width: 24, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.agency'), width: 24, kind: 'wrap' },
    { header: t(lang, 'rlist.group'), width: 14, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.rule'), width: 24, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.reason'), width: 42, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.note'), width: 20, kind: 'wrap' },
  ];
}

function writeExcluded(sheet: OfficialSheet, lang: Lang, campaign: Campaign, excluded: readonly Exclusion[]): void {
  if (excluded.length === 0) {
    sheet.addSectionRow(t(lang, 'rlist.award.no_excluded'));
    return;
  }
  const kinds: CandidateKind[] = ['collective', 'individual'];
  let no = 0;
  for (const kind of kinds) {
    const ofKind = excluded.filter((e) => e.kind === kind);
    for (const rule of rulesOf(lang, campaign, kind, ofKind)) {
      const mine = ofKind.filter((e) => e.rule === rule.id);
      if (mine.length === 0) continue;
      no++;
      sheet.addSectionRow(
        t(lang, 'rlist.award.rule_section', { no: roman(no), award: rule.award, count: mine.length, kind: t(lang, `rlist.award.kind_count.${kind}`) }),
      );
      mine.forEach((e, j) =>
        sheet.addRow([
          j + 1,
          t(lang, `awards.kind.${e.kind}`),
          e.name,
          e.agencyName,
          scopeLabel(lang, e.group),
          ruleLabel(lang, campaign, e.rule),
          formatReason(lang, e.reason),
          e.override ? t(lang, 'rlist.award.note.override_out', { by: e.override.by, at: when(lang, e.override) }) : null,
        ]),
      );
    }
  }
}

function overrideColumns(lang: Lang): ColumnSpec[] {
  return [
    { header: t(lang, 'rlist.stt'), width: 5, kind: 'integer' },
    { header: t(lang, 'rlist.award.col.rule'), width: 24, kind: 'wrap' },
    { header: t(lang, 'rlist.code'), width: 12, kind: 'code' },
    { header: t(lang, 'rlist.award.col.subject_name'), width: 24, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.agency'), width: 24, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.action'), width: 16, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.override_reason'), width: 40, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.by'), width: 18, kind: 'wrap' },
    { header: t(lang, 'rlist.award.col.at'), width: 12, kind: 'date' },
  ];
}

/** A calendar date of an ISO date-time as written (no time-zone shift), for a date cell. */
function dateOf(iso: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

function writeOverrides(sheet: OfficialSheet, lang: Lang, campaign: Campaign, results: Results): void {
  const c = results.commendation;
  if (c.overrides.length === 0) {
    sheet.addSectionRow(t(lang, 'rlist.award.no_overrides'));
    return;
  }
  const names = new Map<string, string>();
  for (const x of [...c.collectives, ...c.individuals, ...c.excluded]) names.set(`${x.rule}\u0000${x.subject}`, x.name);
  const agencies = new Map(results.agencies.map((a) => [a.agency.code, a.agency.name]));
  c.overrides.forEach((o, i) =>
    sheet.addRow([
      i + 1,
      ruleLabel(lang, campaign, o.rule),
      o.subject,
      names.get(`${o.rule}\u0000${o.subject}`) ?? agencies.get(o.subject) ?? null,
      agencies.get(o.agency) ?? o.agency,
      t(lang, `awards.override.${o.action}`),
      o.reason,
      o.by,
      dateOf(o.at),
    ]),
  );
}

export async function writeCommendation(ctx: ReportContext, file: string): Promise<void> {
  const { lang, results, campaign } = ctx;
  const year = String(results.campaign.year);
  const header = (title: string): ReportHeader => ({
    issuer: campaign.issuer,
    documentNo: ctx.documentNo ?? t(lang, 'rlist.award.document_no'),
    date: ctx.date,
    title,
    subtitle: t(lang, 'rlist.award.subtitle', { submissionYear: String(ctx.date.getFullYear()) }),
    lang,
  });
  const c = results.commendation;
  const wb = newStreamingWorkbook(file);

  const title = t(lang, 'rlist.award.title', { year });
  for (const kind of ['collective', 'individual'] as const) {
    const sheetKey = kind === 'collective' ? 'rlist.award.sheet.collectives' : 'rlist.award.sheet.individuals';
    const sheet = officialSheet(wb, t(lang, sheetKey), header(title), listColumns(lang, kind), { landscape: true });
    writeCandidates(sheet, lang, campaign, results, kind, kind === 'collective' ? c.collectives : c.individuals);
    await sheet.finish(ctx.footer);
  }

  const excluded = officialSheet(wb, t(lang, 'rlist.award.sheet.excluded'), header(t(lang, 'rlist.award.excluded_title', { year })), excludedColumns(lang), {
    landscape: true,
  });
  writeExcluded(excluded, lang, campaign, c.excluded);
  await excluded.finish(ctx.footer);

  const overrides = officialSheet(wb, t(lang, 'rlist.award.sheet.overrides'), header(t(lang, 'rlist.award.overrides_title', { year })), overrideColumns(lang), {
    landscape: true,
  });
  writeOverrides(overrides, lang, campaign, results);
  await overrides.finish(ctx.footer);

  await saveWorkbook(wb, file);
}
