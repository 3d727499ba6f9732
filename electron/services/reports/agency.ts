/**
 * One agency's self-assessment report: the document the agency prints, signs and files (Báo cáo kết
 * quả tự đánh giá, chấm điểm Chỉ số CCHC). Every item of its template in document order with the
 * declared figures, self score, evidence, explanation, survey score and, once appraised, Home
 * Affairs' score and comment; the bonus and penalty blocks; the totals exactly as results.json has
 * them; a second sheet of the declared figures (số liệu kê khai); then one sheet per additional
 * template of its group (the ISO 9001 checklist, agency-additional.ts). Small: in-memory workbook.
 */
import { formatNumber, type Lang, t } from '../../../shared/i18n/index.ts';
import type { AgencyResult } from '../../../shared/results/schema.ts';
import type { Agency } from '../../../shared/schema/agency.ts';
import type { Appraisal } from '../../../shared/schema/appraisal.ts';
import type { AdjustmentEntry, Assessment } from '../../../shared/schema/assessment.ts';
import type { Campaign, Issuer } from '../../../shared/schema/campaign.ts';
import type { AdjustmentBlock } from '../../../shared/schema/template.ts';
import { type CompiledTemplate, compileTemplate } from '../../../shared/template/compile.ts';
import { writeAdditionalSheets } from './agency-additional.ts';
import type { ReportContext } from './kit/context.ts';
import { type AgencyField, agencyItemColumns, itemRow } from './kit/item-columns.ts';
import { agencyScores, type AgencyScores } from './kit/scores.ts';
import { newWorkbook, type OfficialSheet, officialSheet, type ReportFooter, saveWorkbook } from './kit/sheet.ts';
import { evidenceText, indicatorValue, inputInWords, localized } from './kit/words.ts';

/** The issuer block of an agency's own document: its superior body on the left, itself below. */
export function agencyIssuer(campaign: Campaign, agency: Agency, lang: Lang): Issuer {
  const committee = (name: string): string => t(lang, 'report.agency.committee', { name });
  const upper = (s: string): string => s.toLocaleUpperCase('vi');
  const district = campaign.model === 'three-tier' && agency.group === 'commune' && agency.parent ? campaign.agencies.find((a) => a.code === agency.parent) : undefined;
  return {
    parentBody: district ? upper(committee(district.name)) : campaign.issuer.parentBody,
    body: upper(agency.group === 'department' ? agency.name : committee(agency.name)),
    place: campaign.issuer.place,
    signerTitle: t(lang, 'report.agency.signer'),
    signerName: '',
  };
}

const ITEMS = (lang: Lang) => agencyItemColumns(lang, { survey: true });
const FIELDS = ITEMS('vi').fields;

function row(values: Partial<Record<AgencyField, unknown>>): unknown[] {
  return itemRow(FIELDS, values);
}

function writeItems(
  sheet: OfficialSheet,
  lang: Lang,
  ct: CompiledTemplate,
  scores: AgencyScores,
  assessment: Assessment | null,
  appraisal: Appraisal | null,
  survey: Record<string, number> | null,
): void {
  // Which nodes hold survey items (their survey column is filled).
  const hasSurvey = new Set<number>();
  for (const s of ct.surveyTops) {
    const node = ct.nodes[s];
    if (!node) continue;
    hasSurvey.add(s);
    for (const a of node.ancestors) hasSurvey.add(a);
  }
  for (const node of ct.nodes) {
    const item = node.item;
    const fig = scores.items.get(node.code);
    if (!fig) continue;
    const title = localized(item.title, lang);
    const level = node.depth;
    if (!node.leaf) {
      sheet.addRow(
        row({
          code: node.code,
          title,
          max: item.max,
          self: item.survey ? null : fig.self,
          survey: hasSurvey.has(node.idx) && survey ? fig.survey : null,
          appraised: appraisal && !item.survey ? fig.appraised : null,
        }),
        { total: true, outlineLevel: level },
      );
      continue;
    }
    if (item.survey) {
      const percent = survey?.[node.code];
      sheet.addRow(
        row({
          code: node.code,
          title,
          max: item.max,
          declared: percent !== undefined ? t(lang, 'report.agency.survey_input', { percent: formatNumber(lang, percent) }) : t(lang, 'report.agency.survey_pending'),
          survey: percent !== undefined ? fig.survey : null,
        }),
        { outlineLevel: level },
      );
      continue;
    }
    const entry = assessment?.items[node.code];
    const appraised = appraisal?.items[node.code];
    const explanation2 = appraisal?.explanations[node.code];
    const explanation = [entry?.explanation, explanation2 ? t(lang, 'report.agency.explanation_round2', { text: explanation2.text }) : undefined]
      .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
      .join('\n');
    const evidence = [evidenceText(lang, entry?.evidence), evidenceText(lang, explanation2?.evidence)].filter((s) => s !== '').join('\n');
    sheet.addRow(
      row({
        code: node.code,
        title,
        max: item.max,
        declared: inputInWords(lang, entry?.input),
        self: fig.state === 'notApplicable' ? null : fig.self,
        evidence,
        explanation,
        appraised: appraisal && fig.appraisedState !== 'notApplicable' ? fig.appraised : null,
        comment: appraised?.comment ?? null,
      }),
      { outlineLevel: level },
    );
  }
}

function writeAdjustments(
  sheet: OfficialSheet,
  lang: Lang,
  label: string,
  block: AdjustmentBlock,
  own: Record<string, AdjustmentEntry>,
  appraised: Record<string, AdjustmentEntry> | null,
  selfTotal: number,
  appraisedTotal: number,
): void {
  if (block.items.length === 0) return;
  sheet.addRow(row({ title: label, max: block.cap, self: selfTotal, appraised: appraised ? appraisedTotal : null }), { total: true });
  for (const item of block.items) {
    const mine = own[item.code];
    const theirs = appraised?.[item.code];
    sheet.addRow(
      row({
        code: item.code,
        title: localized(item.title, lang),
        max: item.max,
        declared: mine?.note ?? null,
        self: mine?.points ?? 0,
        appraised: appraised ? (theirs?.points ?? 0) : null,
        comment: theirs?.note ?? null,
      }),
      { outlineLevel: 1 },
    );
  }
}

function writeTotals(sheet: OfficialSheet, lang: Lang, r: AgencyResult): void {
  const final = r.hasAppraisal ? 'appraised' : 'self';
  const label = (k: string): string => t(lang, `report.agency.total.${k}`);
  const opts = { total: true };
  sheet.addRow(row({ title: label('self'), max: r.self.max, self: r.self.score }), opts);
  if (r.hasAppraisal) sheet.addRow(row({ title: label('appraised'), max: r.appraised.max, appraised: r.appraised.score }), opts);
  if (r.survey.max > 0) sheet.addRow(row({ title: label('survey'), max: r.survey.max, survey: r.survey.score }), opts);
  sheet.addRow(row({ title: label('bonus'), [final]: r.bonus }), opts);
  sheet.addRow(row({ title: label('penalty'), [final]: r.penalty }), opts);
  if (r.latePenalty > 0) sheet.addRow(row({ title: label('late'), [final]: r.latePenalty }), opts);
  sheet.addRow(row({ title: label('total'), max: r.max, [final]: r.total }), opts);
  sheet.addRow(row({ title: label('index'), [final]: r.index }), opts);
}

export async function writeAgencyReport(ctx: ReportContext, agencyCode: string, file: string): Promise<void> {
  const { campaign, results, lang } = ctx;
  const ws = ctx.ws;
  if (!ws) throw new Error(t(lang, 'report.need_workspace'));
  const agency = campaign.agencies.find((a) => a.code === agencyCode);
  if (!agency) throw new Error(t(lang, 'report.unknown_agency', { agency: agencyCode }));
  const result = results.agencies.find((r) => r.agency.code === agencyCode) ?? null;
  const ref = result?.template ?? campaign.templates[agency.group];
  const template = ref ? ws.template(ref) : null;
  if (!ref || !template) throw new Error(t(lang, 'report.template_missing', { template: ref ? `${ref.id}@${ref.version}` : agency.group }));
  const ct = compileTemplate(template);
  const assessment = await ws.readAssessment(agency.code);
  const appraisal = await ws.readAppraisal(agency.code);
  const survey = (await ws.readSurvey())?.results[agency.code] ?? null;
  const scores = agencyScores(ct, assessment, appraisal, survey);

  const year = String(results.campaign.year);
  const header = {
    issuer: agencyIssuer(campaign, agency, lang),
    documentNo: t(lang, 'report.agency.documentNo'),
    date: ctx.date,
    title: t(lang, 'report.agency.title', { year }),
    subtitle: agency.name,
    lang,
  };
  const wb = newWorkbook();
  const sheet = officialSheet(wb, t(lang, 'report.agency.sheet'), header, ITEMS(lang).columns);
  writeItems(sheet, lang, ct, scores, assessment, appraisal, survey);
  writeAdjustments(
    sheet,
    lang,
    t(lang, 'report.agency.bonus'),
    template.bonus,
    assessment?.bonus ?? {},
    appraisal?.bonus ?? null,
    scores.selfBonus,
    scores.bonus,
  );
  writeAdjustments(
    sheet,
    lang,
    t(lang, 'report.agency.penalty'),
    template.penalty,
    assessment?.penalty ?? {},
    appraisal?.penalty ?? null,
    scores.selfPenalty,
    scores.penalty,
  );
  if (result) writeTotals(sheet, lang, result);
  const footer: ReportFooter = {
    recipients: [t(lang, 'report.agency.recipient.home_affairs'), t(lang, 'report.kit.keep')],
    signer: { title: t(lang, 'report.agency.signer'), name: '' },
  };
  await sheet.finish(footer);

  // The declared figures (số liệu kê khai).
  const h = (k: string): string => t(lang, `report.agency.ind.${k}`);
  const figures = officialSheet(wb, t(lang, 'report.agency.indicators_sheet'), { ...header, title: t(lang, 'report.agency.indicators_title', { year }) }, [
    { header: h('no'), width: 6, kind: 'integer' },
    { header: h('code'), width: 9, kind: 'code' },
    { header: h('title'), width: 48, kind: 'wrap' },
    { header: h('unit'), width: 12, kind: 'code' },
    { header: h('value'), width: 16, kind: 'text' },
    { header: h('item'), width: 12, kind: 'code' },
  ]);
  template.indicators.forEach((ind, i) => {
    figures.addRow([i + 1, ind.code, localized(ind.title, lang), ind.unit ?? null, indicatorValue(lang, assessment?.indicators[ind.code]), ind.item ?? null]);
  });
  await figures.finish();
  await writeAdditionalSheets(ctx, wb, header, footer, agency, result, assessment, appraisal);
  await saveWorkbook(wb, file);
}
