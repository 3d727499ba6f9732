/**
 * The sheets of an agency report for its additional templates (the ISO 9001 checklist): one per
 * template, named after it, with every item as the PAR sheet shows its items (declared figures,
 * self score, evidence with number, date, issuer and title, explanations, appraised score and
 * comment), then the template's totals, percent, ISO band and phase reached as results.json has
 * them. An exempt agency's sheet says so, with the reason, and lists no item.
 */
import { type Lang, t } from '../../../shared/i18n/index.ts';
import type { AdditionalResult, AgencyResult } from '../../../shared/results/schema.ts';
import type { Agency } from '../../../shared/schema/agency.ts';
import type { Appraisal } from '../../../shared/schema/appraisal.ts';
import type { Assessment } from '../../../shared/schema/assessment.ts';
import { compileTemplate } from '../../../shared/template/compile.ts';
import { additionalRefs, additionalScores, bandText, Exemptions, exemptText, phaseText, templateLabel } from './kit/additional.ts';
import type { ReportContext } from './kit/context.ts';
import { type AgencyField, agencyItemColumns, itemRow } from './kit/item-columns.ts';
import { type newWorkbook, type OfficialSheet, officialSheet, type ReportFooter, type ReportHeader } from './kit/sheet.ts';
import { evidenceText, inputInWords, localized } from './kit/words.ts';

type Workbook = ReturnType<typeof newWorkbook>;

/** The PAR sheet's columns without the survey (an additional template has none). */
const ITEMS = (lang: Lang) => agencyItemColumns(lang, { survey: false });
const FIELDS = ITEMS('vi').fields;

function row(values: Partial<Record<AgencyField, unknown>>): unknown[] {
  return itemRow(FIELDS, values);
}

function writeTotals(sheet: OfficialSheet, lang: Lang, r: AdditionalResult, hasAppraisal: boolean): void {
  const opts = { total: true };
  const final = hasAppraisal ? 'appraised' : 'self';
  sheet.addRow(row({ title: t(lang, 'radd.total.self'), max: r.self.max, self: r.self.score }), opts);
  if (hasAppraisal) sheet.addRow(row({ title: t(lang, 'radd.total.appraised'), max: r.appraised.max, appraised: r.appraised.score }), opts);
  if (r.percent !== null) sheet.addRow(row({ title: t(lang, 'radd.total.percent'), [final]: r.percent }), opts);
  const band = bandText(lang, r);
  if (band) sheet.addRow(row({ title: t(lang, 'radd.total.band', { band }) }), opts);
  const phase = phaseText(lang, r);
  if (phase) sheet.addRow(row({ title: t(lang, 'radd.total.phase', { phase }) }), opts);
}

export async function writeAdditionalSheets(
  ctx: ReportContext,
  wb: Workbook,
  header: ReportHeader,
  footer: ReportFooter,
  agency: Agency,
  result: AgencyResult | null,
  assessment: Assessment | null,
  appraisal: Appraisal | null,
): Promise<void> {
  const { campaign, lang } = ctx;
  const ws = ctx.ws;
  if (!ws) throw new Error(t(lang, 'report.need_workspace'));
  const exemptions = new Exemptions(campaign);
  const year = String(ctx.results.campaign.year);
  for (const assigned of additionalRefs(campaign, agency.group)) {
    const res = result?.additional.find((a) => a.template.id === assigned.id) ?? null;
    const ref = res?.template ?? assigned;
    const template = ws.template(ref);
    if (!template) throw new Error(t(lang, 'report.template_missing', { template: `${ref.id}@${ref.version}` }));
    const sheet = officialSheet(wb, t(lang, 'radd.agency.sheet', { id: ref.id }), { ...header, title: t(lang, 'radd.agency.title', { year }) }, ITEMS(lang).columns);
    sheet.addSectionRow(templateLabel(lang, template));
    const exemption = exemptions.of(agency.code, ref.id);
    if (exemption) {
      sheet.addSectionRow(exemptText(lang, exemption));
      await sheet.finish(footer);
      continue;
    }
    const own = assessment?.additional[ref.id];
    if (!own) sheet.addSectionRow(t(lang, assessment ? 'radd.not_assessed' : 'report.state.no_submission'));
    const ct = compileTemplate(template);
    const scores = additionalScores(ct, assessment, appraisal);
    const theirs = appraisal?.additional[ref.id];
    for (const node of ct.nodes) {
      const fig = scores.items.get(node.code);
      if (!fig) continue;
      const title = localized(node.item.title, lang);
      if (!node.leaf) {
        sheet.addRow(row({ code: node.code, title, max: node.item.max, self: own ? fig.self : null, appraised: appraisal ? fig.appraised : null }), { total: true, outlineLevel: node.depth });
        continue;
      }
      const entry = own?.items[node.code];
      const appraised = theirs?.items[node.code];
      const explanation2 = theirs?.explanations[node.code];
      const explanation = [entry?.explanation, explanation2 ? t(lang, 'report.agency.explanation_round2', { text: explanation2.text }) : undefined]
        .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
        .join('\n');
      // Number, date, issuer and title: the checklist's evidence is what an ISO auditor looks up.
      const evidence = [evidenceText(lang, entry?.evidence, true), evidenceText(lang, explanation2?.evidence, true)].filter((s) => s !== '').join('\n');
      sheet.addRow(
        row({
          code: node.code,
          title,
          max: node.item.max,
          declared: inputInWords(lang, entry?.input),
          self: own && fig.state !== 'notApplicable' ? fig.self : null,
          evidence,
          explanation,
          appraised: appraisal && fig.appraisedState !== 'notApplicable' ? fig.appraised : null,
          comment: appraised?.comment ?? null,
        }),
        { outlineLevel: node.depth },
      );
    }
    if (res && res.status === 'assessed') writeTotals(sheet, lang, res, appraisal !== null);
    await sheet.finish(footer);
  }
}
