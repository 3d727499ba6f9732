/**
 * The one workbook to audit from: every agency × item with what the agency declared, scored,
 * explained and attached, what Home Affairs appraised and commented; every evidence file; the
 * results figures per group; the audit log; and per additional template (the ISO 9001 checklist)
 * its agency × item sheet and its results sheet (everything-additional.ts). Streaming: the
 * agencies' documents are read one agency at a time and every row is committed as it is produced,
 * so 10,000 agencies never sit in memory.
 * The store is read twice (once for the item sheet, once for the evidence sheet), and once more per
 * additional template for its item sheet: the streaming writer can only write one sheet at a time
 * without buffering the others in memory.
 */
import { rm } from 'node:fs/promises';
import { formatDate, formatIssue, hasMessage, type Lang, t } from '../../../shared/i18n/index.ts';
import { GROUPS } from '../../../shared/results/compute.ts';
import type { AgencyResult } from '../../../shared/results/schema.ts';
import type { Agency } from '../../../shared/schema/agency.ts';
import type { AuditEntry } from '../../../shared/schema/appraisal.ts';
import type { EvidenceRef } from '../../../shared/schema/assessment.ts';
import type { AgencyGroup } from '../../../shared/schema/common.ts';
import type { Template } from '../../../shared/schema/template.ts';
import { type CompiledTemplate, compileTemplate } from '../../../shared/template/compile.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { type ReportContext, documentNoOf } from './kit/context.ts';
import { ContinuedTable, tick } from './kit/continued.ts';
import { allAdditionalRefs, Exemptions } from './kit/additional.ts';
import { type AdditionalSheetInput, writeAdditionalDetail, writeAdditionalResults } from './everything-additional.ts';
import { agencyScores } from './kit/scores.ts';
import { everythingDetailColumns } from './kit/item-columns.ts';
import { newStreamingWorkbook, officialSheet, type ReportHeader, saveWorkbook } from './kit/sheet.ts';
import { evidenceText, inputInWords, localized } from './kit/words.ts';

/** What the report reads from the workspace. */
type Documents = Pick<WorkspaceStore, 'template' | 'readAssessment' | 'readAppraisal' | 'readSurvey' | 'readAudit'>;

/** Data rows per sheet before a continuation sheet is opened (Excel holds 1,048,576 rows). */
export const ROWS_PER_SHEET = 1_000_000;

export interface EverythingOptions {
  rowsPerSheet?: number;
}

type Workbook = ReturnType<typeof newStreamingWorkbook>;

/** Calendar date of an evidence document as a Date cell (UTC midnight, no time zone shift). */
function isoDateCell(iso: string | undefined): Date | string | null {
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d;
}

function groupLabel(lang: Lang, group: AgencyGroup): string {
  return t(lang, `results.group.${group}`);
}

/** The campaign's agencies, departments first, then districts, then communes (the campaign's order within). */
function agenciesInOrder(agencies: readonly Agency[]): Agency[] {
  const rank = (g: AgencyGroup): number => GROUPS.indexOf(g);
  return agencies.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a.group) - rank(y.a.group) || x.i - y.i).map(({ a }) => a);
}

class Templates {
  private readonly cache = new Map<string, CompiledTemplate | null>();
  constructor(
    private readonly docs: Documents,
    private readonly ctx: ReportContext,
    private readonly results: ReadonlyMap<string, AgencyResult>,
  ) {}
  for(agency: Agency): CompiledTemplate | null {
    const ref = this.results.get(agency.code)?.template ?? this.ctx.campaign.templates[agency.group];
    if (!ref) return null;
    const key = `${ref.id}@${ref.version}`;
    if (!this.cache.has(key)) {
      const tpl: Template | null = this.docs.template(ref);
      this.cache.set(key, tpl ? compileTemplate(tpl) : null);
    }
    return this.cache.get(key) ?? null;
  }
}

async function writeDetail(
  wb: Workbook,
  ctx: ReportContext,
  docs: Documents,
  header: ReportHeader,
  agencies: readonly Agency[],
  templates: Templates,
  survey: Record<string, Record<string, number>>,
  limit: number,
): Promise<void> {
  const { lang } = ctx;
  const year = String(ctx.results.campaign.year);
  const table = new ContinuedTable(
    () =>
      officialSheet(wb, t(lang, 'report.everything.detail_sheet'), { ...header, title: t(lang, 'report.everything.detail_title', { year }) }, everythingDetailColumns(lang, { survey: true })),
    limit,
  );
  for (const agency of agencies) {
    const ct = templates.for(agency);
    if (!ct) continue;
    const assessment = await docs.readAssessment(agency.code);
    const appraisal = await docs.readAppraisal(agency.code);
    const mySurvey = survey[agency.code] ?? null;
    const scores = agencyScores(ct, assessment, appraisal, mySurvey);
    const group = groupLabel(lang, agency.group);
    for (const node of ct.nodes) {
      const item = node.item;
      const fig = scores.items.get(node.code);
      const entry = assessment?.items[node.code];
      const appraised = appraisal?.items[node.code];
      const explanation2 = appraisal?.explanations[node.code];
      let status: string;
      if (!assessment) status = t(lang, 'report.state.no_submission');
      else if (appraised) status = t(lang, 'report.state.appraised', { round: String(appraised.round) });
      else if (item.survey) status = t(lang, 'report.state.survey');
      else status = t(lang, `report.state.${fig?.state ?? 'unanswered'}`);
      const evidence = [evidenceText(lang, entry?.evidence, true), evidenceText(lang, explanation2?.evidence, true)].filter((s) => s !== '').join('\n');
      const self = assessment && !item.survey && fig && fig.state !== 'notApplicable' ? fig.self : null;
      const appraisedScore = appraisal && !item.survey && fig && fig.appraisedState !== 'notApplicable' ? fig.appraised : null;
      await table.add([
        agency.code,
        agency.name,
        group,
        node.code,
        localized(item.title, lang),
        item.max,
        inputInWords(lang, entry?.input),
        self,
        appraisedScore,
        item.survey ? (mySurvey?.[node.code] ?? null) : null,
        appraised?.comment ?? null,
        entry?.explanation ?? null,
        explanation2?.text ?? null,
        entry?.note ?? null,
        evidence,
        status,
      ]);
    }
    // Let the zip and file streams drain between agencies.
    await tick();
  }
  await table.finish();
}

async function writeEvidence(
  wb: Workbook,
  ctx: ReportContext,
  docs: Documents,
  header: ReportHeader,
  agencies: readonly Agency[],
  limit: number,
): Promise<void> {
  const { lang } = ctx;
  const h = (k: string): string => t(lang, `report.everything.col.${k}`);
  const year = String(ctx.results.campaign.year);
  const table = new ContinuedTable(
    () =>
      officialSheet(wb, t(lang, 'report.everything.evidence_sheet'), { ...header, title: t(lang, 'report.everything.evidence_title', { year }) }, [
        { header: h('agency_code'), width: 9, kind: 'code' },
        { header: h('agency_name'), width: 26, kind: 'wrap' },
        { header: h('item_code'), width: 8, kind: 'code' },
        { header: h('doc_no'), width: 16, kind: 'wrap' },
        { header: h('doc_date'), width: 11, kind: 'date' },
        { header: h('doc_issuer'), width: 20, kind: 'wrap' },
        { header: h('doc_title'), width: 36, kind: 'wrap' },
        { header: h('file_name'), width: 22, kind: 'wrap' },
        { header: h('file_size'), width: 11, kind: 'integer' },
        { header: h('sha256'), width: 30, kind: 'wrap' },
        { header: h('source'), width: 14, kind: 'text' },
      ]),
    limit,
  );
  const add = (agency: Agency, item: string, ref: EvidenceRef, source: string): Promise<void> =>
    table.add([agency.code, agency.name, item, ref.docNo, isoDateCell(ref.date), ref.issuer ?? null, ref.title ?? null, ref.fileName ?? null, ref.size ?? null, ref.sha256 ?? null, source]);
  const fromSelf = t(lang, 'report.everything.source.self');
  const fromExplanation = t(lang, 'report.everything.source.explanation');
  for (const agency of agencies) {
    const assessment = await docs.readAssessment(agency.code);
    const appraisal = await docs.readAppraisal(agency.code);
    for (const [code, entry] of Object.entries(assessment?.items ?? {})) {
      for (const ref of entry.evidence ?? []) await add(agency, code, ref, fromSelf);
    }
    for (const [code, explanation] of Object.entries(appraisal?.explanations ?? {})) {
      for (const ref of explanation.evidence ?? []) await add(agency, code, ref, fromExplanation);
    }
    // The additional templates' (ISO checklist's) evidence, its items named "iso-9001/A1" as the audit log names them.
    for (const [id, part] of Object.entries(assessment?.additional ?? {})) {
      for (const [code, entry] of Object.entries(part.items)) for (const ref of entry.evidence ?? []) await add(agency, `${id}/${code}`, ref, fromSelf);
    }
    for (const [id, part] of Object.entries(appraisal?.additional ?? {})) {
      for (const [code, explanation] of Object.entries(part.explanations)) for (const ref of explanation.evidence ?? []) await add(agency, `${id}/${code}`, ref, fromExplanation);
    }
    await tick();
  }
  await table.finish();
}

async function writeSummaries(wb: Workbook, ctx: ReportContext, header: ReportHeader): Promise<void> {
  const { lang, results } = ctx;
  const h = (k: string): string => t(lang, `report.everything.col.${k}`);
  const bands = new Map(results.bands.map((b) => [b.code, `${b.code} (${localized(b.label, lang)})`]));
  for (const group of GROUPS) {
    const rows = results.agencies.filter((r) => r.agency.group === group);
    if (rows.length === 0) continue;
    const sheet = officialSheet(
      wb,
      groupLabel(lang, group),
      { ...header, title: t(lang, 'report.everything.summary_title', { year: String(results.campaign.year) }), subtitle: groupLabel(lang, group) },
      [
        { header: h('agency_code'), width: 9, kind: 'code' },
        { header: h('agency_name'), width: 30, kind: 'wrap' },
        { header: h('status_cycle'), width: 16, kind: 'wrap' },
        { header: h('late'), width: 8, kind: 'code' },
        { header: h('self_total'), width: 10, kind: 'number2' },
        { header: h('appraised_total'), width: 10, kind: 'number2' },
        { header: h('survey_total'), width: 9, kind: 'number2' },
        { header: h('bonus'), width: 8, kind: 'number2' },
        { header: h('penalty'), width: 8, kind: 'number2' },
        { header: h('late_penalty'), width: 9, kind: 'number2' },
        { header: h('total'), width: 9, kind: 'number2' },
        { header: h('total_max'), width: 9, kind: 'number2' },
        { header: h('index'), width: 9, kind: 'percent2' },
        { header: h('index_without_survey'), width: 11, kind: 'percent2' },
        { header: h('rank'), width: 8, kind: 'integer' },
        { header: h('band'), width: 14, kind: 'wrap' },
        { header: h('remarks'), width: 30, kind: 'wrap' },
      ],
    );
    for (const r of rows) {
      const remarks = [r.unranked ? t(lang, r.unranked.key, r.unranked.params) : null, r.falsifiedEvidence ? t(lang, 'report.everything.falsified') : null]
        .filter((s): s is string => s !== null)
        .join('\n');
      sheet.addRow([
        r.agency.code,
        r.agency.name,
        t(lang, `app.status.${r.status}`),
        r.late ? t(lang, 'report.input.yes') : null,
        r.submitted ? r.self.score : null,
        r.submitted ? r.appraised.score : null,
        r.submitted ? r.survey.score : null,
        r.bonus,
        r.penalty,
        r.latePenalty,
        r.total,
        r.max,
        r.index,
        r.indexWithoutSurvey,
        r.rank,
        r.band ? (bands.get(r.band) ?? r.band) : null,
        remarks,
      ]);
    }
    await sheet.finish();
  }
}

function auditValue(lang: Lang, field: AuditEntry['field'], v: AuditEntry['old']): string | number | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return t(lang, v ? 'report.input.yes' : 'report.input.no');
  if (typeof v === 'string' && field === 'status' && hasMessage(`app.status.${v}`)) return t(lang, `app.status.${v}`);
  if (typeof v === 'string' && field === 'received') return formatDate(lang, v);
  if (typeof v === 'string' && field === 'award' && hasMessage(`awardsui.audit.${v}`)) return t(lang, `awardsui.audit.${v}`);
  return v;
}

async function writeAudit(wb: Workbook, ctx: ReportContext, docs: Documents, header: ReportHeader, limit: number): Promise<void> {
  const { lang } = ctx;
  const log = await docs.readAudit();
  const h = (k: string): string => t(lang, `report.everything.col.${k}`);
  const table = new ContinuedTable(
    () =>
      officialSheet(wb, t(lang, 'report.everything.audit_sheet'), { ...header, title: t(lang, 'report.everything.audit_title') }, [
        { header: h('line'), width: 7, kind: 'integer' },
        { header: h('at'), width: 22, kind: 'text' },
        { header: h('who'), width: 22, kind: 'wrap' },
        { header: h('agency_code'), width: 9, kind: 'code' },
        { header: h('field'), width: 18, kind: 'wrap' },
        { header: h('item_code'), width: 8, kind: 'code' },
        { header: h('old'), width: 14, kind: 'wrap' },
        { header: h('new'), width: 14, kind: 'wrap' },
        { header: h('round'), width: 6, kind: 'integer' },
        { header: h('reason'), width: 40, kind: 'wrap' },
      ]),
    limit,
  );
  for (const { line, entry } of log.entries) {
    await table.add([
      line,
      entry.at,
      entry.who.name,
      entry.agency,
      t(lang, `report.audit.field.${entry.field}`),
      entry.template && entry.item ? `${entry.template}/${entry.item}` : entry.subject && entry.item ? `${entry.item}: ${entry.subject}` : entry.item,
      auditValue(lang, entry.field, entry.old),
      auditValue(lang, entry.field, entry.new),
      entry.round,
      entry.reason,
    ]);
  }
  for (const issue of log.issues) {
    await table.add([issue.at?.row ?? null, null, null, issue.at?.agency ?? null, t(lang, 'report.audit.bad_line'), null, null, null, null, formatIssue(lang, issue)]);
  }
  await table.finish();
}

export async function writeEverything(ctx: ReportContext, file: string): Promise<void> {
  return writeEverythingWith(ctx, file);
}

/** `writeEverything` with a smaller sheet size (tests of the continuation sheets). */
export async function writeEverythingWith(ctx: ReportContext, file: string, opts: EverythingOptions = {}): Promise<void> {
  const { campaign, lang } = ctx;
  const docs: Documents | undefined = ctx.ws;
  if (!docs) throw new Error(t(lang, 'report.need_workspace'));
  const limit = Math.max(1, opts.rowsPerSheet ?? ROWS_PER_SHEET);
  const results = new Map(ctx.results.agencies.map((r) => [r.agency.code, r]));
  const agencies = agenciesInOrder(campaign.agencies);
  const templates = new Templates(docs, ctx, results);
  const survey = (await docs.readSurvey())?.results ?? {};
  const header: ReportHeader = { issuer: campaign.issuer, ...documentNoOf(ctx), date: ctx.date, title: '', subtitle: localized(ctx.results.campaign.title, lang), lang };

  // The additional templates (the ISO 9001 checklist): an item sheet and a results sheet each.
  const exemptions = new Exemptions(campaign);
  const additional: AdditionalSheetInput[] = allAdditionalRefs(campaign, GROUPS).map((ref) => {
    const template = docs.template(ref);
    if (!template) throw new Error(t(lang, 'report.template_missing', { template: `${ref.id}@${ref.version}` }));
    return { ctx, header, agencies, ref, template, exemptions };
  });

  const wb = newStreamingWorkbook(file);
  try {
    await writeDetail(wb, ctx, docs, header, agencies, templates, survey, limit);
    for (const part of additional) await writeAdditionalDetail(wb, part, docs, limit);
    await writeEvidence(wb, ctx, docs, header, agencies, limit);
    await writeSummaries(wb, ctx, header);
    for (const part of additional) await writeAdditionalResults(wb, part, results);
    await writeAudit(wb, ctx, docs, header, limit);
  } catch (e) {
    // Close the half-written file and remove it: no truncated workbook is left looking complete.
    await saveWorkbook(wb, file).catch(() => undefined);
    await rm(file, { force: true });
    throw e;
  }
  await saveWorkbook(wb, file);
}
