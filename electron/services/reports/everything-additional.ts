/**
 * The everything workbook's sheets for each additional template (the ISO 9001 checklist): the
 * agency × item table, as the PAR item sheet has it without the survey column, and the results per
 * agency (totals, percent, ISO band, phase reached) as results.json has them. An exempt agency has
 * one row saying so, with the reason. The item table reads each agency's documents once more, one
 * agency at a time, and commits every row as it is produced (the PAR sheet's reasoning).
 */
import { t } from '../../../shared/i18n/index.ts';
import type { AgencyResult } from '../../../shared/results/schema.ts';
import type { Agency } from '../../../shared/schema/agency.ts';
import type { Template, TemplateRef } from '../../../shared/schema/template.ts';
import { compileTemplate } from '../../../shared/template/compile.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { additionalScores, applies, bandText, type Exemptions, exemptText, phaseText, templateLabel } from './kit/additional.ts';
import type { ReportContext } from './kit/context.ts';
import { everythingDetailColumns } from './kit/item-columns.ts';
import { ContinuedTable, tick } from './kit/continued.ts';
import { type newStreamingWorkbook, officialSheet, type ReportHeader } from './kit/sheet.ts';
import { evidenceText, inputInWords, localized } from './kit/words.ts';

type Documents = Pick<WorkspaceStore, 'readAssessment' | 'readAppraisal'>;
type Workbook = ReturnType<typeof newStreamingWorkbook>;

export interface AdditionalSheetInput {
  ctx: ReportContext;
  header: ReportHeader;
  /** The campaign's agencies in the workbook's order. */
  agencies: readonly Agency[];
  ref: TemplateRef;
  template: Template;
  exemptions: Exemptions;
}

export async function writeAdditionalDetail(wb: Workbook, input: AdditionalSheetInput, docs: Documents, limit: number): Promise<void> {
  const { ctx, header, ref, template, exemptions } = input;
  const { lang, campaign } = ctx;
  const ct = compileTemplate(template);
  const year = String(ctx.results.campaign.year);
  const table = new ContinuedTable(
    () =>
      officialSheet(
        wb,
        t(lang, 'radd.everything.detail_sheet', { id: ref.id }),
        { ...header, title: t(lang, 'radd.everything.detail_title', { year }), subtitle: templateLabel(lang, template) },
        everythingDetailColumns(lang, { survey: false }),
      ),
    limit,
  );
  const exemptLabel = t(lang, 'radd.exempt');
  const noSubmission = t(lang, 'report.state.no_submission');
  for (const agency of input.agencies) {
    if (!applies(campaign, agency, ref)) continue;
    const group = t(lang, `results.group.${agency.group}`);
    const exemption = exemptions.of(agency.code, ref.id);
    if (exemption) {
      await table.add([agency.code, agency.name, group, null, exemptText(lang, exemption), null, null, null, null, null, null, null, null, null, exemptLabel]);
      continue;
    }
    const assessment = await docs.readAssessment(agency.code);
    const appraisal = await docs.readAppraisal(agency.code);
    const own = assessment?.additional[ref.id];
    const theirs = appraisal?.additional[ref.id];
    const scores = additionalScores(ct, assessment, appraisal);
    for (const node of ct.nodes) {
      const fig = scores.items.get(node.code);
      const entry = own?.items[node.code];
      const appraised = theirs?.items[node.code];
      const explanation2 = theirs?.explanations[node.code];
      let status: string;
      if (!assessment) status = noSubmission;
      else if (appraised) status = t(lang, 'report.state.appraised', { round: String(appraised.round) });
      else status = t(lang, `report.state.${fig?.state ?? 'unanswered'}`);
      const evidence = [evidenceText(lang, entry?.evidence, true), evidenceText(lang, explanation2?.evidence, true)].filter((s) => s !== '').join('\n');
      await table.add([
        agency.code,
        agency.name,
        group,
        node.code,
        localized(node.item.title, lang),
        node.item.max,
        inputInWords(lang, entry?.input),
        own && fig && fig.state !== 'notApplicable' ? fig.self : null,
        appraisal && fig && fig.appraisedState !== 'notApplicable' ? fig.appraised : null,
        appraised?.comment ?? null,
        entry?.explanation ?? null,
        explanation2?.text ?? null,
        entry?.note ?? null,
        evidence,
        status,
      ]);
    }
    await tick();
  }
  await table.finish();
}

/** Results per agency on the template (from results.json; no document is read). */
export async function writeAdditionalResults(wb: Workbook, input: AdditionalSheetInput, results: ReadonlyMap<string, AgencyResult>): Promise<void> {
  const { ctx, header, ref, template, exemptions } = input;
  const { lang, campaign } = ctx;
  const h = (k: string): string => t(lang, `radd.col.${k}`);
  const e = (k: string): string => t(lang, `report.everything.col.${k}`);
  const sheet = officialSheet(
    wb,
    t(lang, 'radd.everything.results_sheet', { id: ref.id }),
    { ...header, title: t(lang, 'radd.everything.results_title', { year: String(ctx.results.campaign.year) }), subtitle: templateLabel(lang, template) },
    [
      { header: e('agency_code'), width: 9, kind: 'code' },
      { header: e('agency_name'), width: 30, kind: 'wrap' },
      { header: e('group'), width: 14, kind: 'text' },
      { header: h('status'), width: 22, kind: 'wrap' },
      { header: h('self_total'), width: 10, kind: 'number2' },
      { header: h('appraised_total'), width: 10, kind: 'number2' },
      { header: h('max'), width: 9, kind: 'number2' },
      { header: h('percent'), width: 9, kind: 'percent2' },
      { header: h('band'), width: 18, kind: 'wrap' },
      { header: h('phase'), width: 24, kind: 'wrap' },
      { header: h('remarks'), width: 30, kind: 'wrap' },
    ],
  );
  for (const agency of input.agencies) {
    if (!applies(campaign, agency, ref)) continue;
    const group = t(lang, `results.group.${agency.group}`);
    const exemption = exemptions.of(agency.code, ref.id);
    const r = results.get(agency.code)?.additional.find((a) => a.template.id === ref.id);
    if (exemption || r?.status === 'exempt') {
      sheet.addRow([agency.code, agency.name, group, t(lang, 'radd.exempt'), null, null, null, null, null, null, exemption?.reason ?? null]);
      continue;
    }
    if (!r || r.status !== 'assessed') {
      sheet.addRow([agency.code, agency.name, group, t(lang, 'results.additional_status.not_assessed'), null, null, r?.self.max ?? null]);
      continue;
    }
    sheet.addRow([agency.code, agency.name, group, t(lang, 'results.additional_status.assessed'), r.self.score, r.appraised.score, r.appraised.max, r.percent, bandText(lang, r), phaseText(lang, r), null]);
  }
  await sheet.finish();
}
