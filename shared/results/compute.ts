/**
 * A campaign's results: per agency the self, appraised and survey scores, bonus and penalty, the
 * total and index, per-area figures, rank within the group and classification band; headline
 * figures and the ISO 9001 summary per group; the commendation candidates.
 *
 * Rounding: every published figure is round2 of an exact value taken from the engine's exact tree
 * (never a sum or ratio of rounded figures), so a total of 159.989 out of 200 publishes the index
 * 79.99, not round2(159.99 / 200 × 100) = 80.
 */
import { comparePeriods } from './compare.ts';
import { type AgencyStanding, type PriorYear, selectCandidates } from '../awards/select.ts';
import type { Agency, AgencyStatus } from '../schema/agency.ts';
import type { Appraisal } from '../schema/appraisal.ts';
import type { Assessment, ItemEntry } from '../schema/assessment.ts';
import type { AwardOverride } from '../schema/awards.ts';
import type { Campaign } from '../schema/campaign.ts';
import type { AgencyGroup } from '../schema/common.ts';
import type { Nomination } from '../schema/nomination.ts';
import { scoreAssessmentExact } from '../scoring/assessment.ts';
import { round2 } from '../scoring/rounding.ts';
import type { ExactTree } from '../scoring/tree.ts';
import type { CompiledTemplate } from '../template/compile.ts';
import { type Issue, issue } from '../util/issue.ts';
import { type TiedScore, checkDeclaredFigures, tiedScores } from './figures.ts';
import { campaignHeadlines } from './headlines.ts';
import { headlineFigures } from './indicators.ts';
import { scoreAdditional } from './additional.ts';
import { isoChecklistSummary, isoSummary } from './iso.ts';
import { type RankingKey, bandFor, rankGroup } from './ranking.ts';
import { type AgencyResult, type AreaResult, type GroupSummary, type IndicatorScope, type IsoChecklistScope, type IsoScope, type MessageRef, RESULTS_KIND, type Results } from './schema.ts';

export interface AgencyInput {
  agency: Agency;
  template: CompiledTemplate;
  /** null: no submission. */
  assessment: Assessment | null;
  appraisal: Appraisal | null;
  /** Survey item code → percent of the item's points, 0..100. */
  survey: Record<string, number> | null;
  submission: { revision: number; receivedAt: string; late: boolean } | null;
  nominations: Nomination[];
  /**
   * The additional templates assigned to the agency's group (campaign.additionalTemplates), compiled;
   * also read for the yes/no figures tied to one of their items (`itemTemplate`).
   */
  additional?: readonly CompiledTemplate[];
}

export interface ResultsInput {
  campaign: Campaign;
  agencies: AgencyInput[];
  generatedAt: string;
  /** Results of earlier campaigns, any order (for consecutive years in commendation rules). */
  history?: Results[];
  /** The emulation council's decisions. */
  overrides?: AwardOverride[];
}

export const GROUPS: readonly AgencyGroup[] = ['department', 'district', 'commune'];

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const ratio100 = (x: number, max: number): number => (max > 0 ? (x / max) * 100 : 0);

/**
 * One agency scored, before ranking: what the ranking, the headline figures and the commendation
 * rules read of it, without its documents (a national consolidation scores each agency as its
 * documents arrive and keeps only this).
 */
export interface ScoredAgency {
  agency: Agency;
  template: CompiledTemplate;
  /** The figures its assessment declares; null without a submission. */
  indicators: Assessment['indicators'] | null;
  nominations: Nomination[];
  result: Omit<AgencyResult, 'rank' | 'rankedBy'>;
  key: RankingKey;
  /** What was found wrong in its documents, located at the agency. */
  issues: Issue[];
  /** Scores of the items its yes/no figures are tied to, by figure code (checked in resultsOf). */
  tied: Record<string, TiedScore>;
}

/** Sum of the survey subtrees under each area, by area node index. */
function surveyByArea(ct: CompiledTemplate, tree: ExactTree): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of ct.surveyTops) {
    const node = ct.nodes[s]!;
    const area = node.ancestors.length > 0 ? node.ancestors[node.ancestors.length - 1]! : s;
    out.set(area, (out.get(area) ?? 0) + tree.score[s]!);
  }
  return out;
}

/** Scores one agency's documents (pure; any order, any thread). */
export function scoreAgency(campaign: Campaign, input: AgencyInput): ScoredAgency {
  const issues: Issue[] = [];
  const { agency, template: ct, assessment: a, appraisal } = input;
  const at = { agency: agency.code };
  const note = (i: Issue): void => {
    issues.push({ ...i, at: { ...i.at, ...at } });
  };
  if (!ct.template.appliesTo.includes(agency.group)) note(issue('results.template_not_for_group', { template: ct.ref.id }));
  for (const [code, ref] of [['results.assessment_template_mismatch', a?.template], ['results.appraisal_template_mismatch', appraisal?.template]] as const) {
    if (ref && (ref.id !== ct.ref.id || ref.version !== ct.ref.version)) {
      note(issue(code, { template: ct.ref.id }, { expected: `${ct.ref.id} v${ct.ref.version}`, actual: `${ref.id} v${ref.version}` }));
    }
  }

  // Survey items are never self-scored: their inputs come from the survey results only.
  const isSurvey = (code: string): boolean => {
    const idx = ct.index.get(code);
    return idx !== undefined && ct.nodes[idx]!.item.survey;
  };
  const selfItems: Record<string, ItemEntry> = {};
  for (const [code, entry] of Object.entries(a?.items ?? {})) if (!isSurvey(code)) selfItems[code] = entry;
  const allItems: Record<string, ItemEntry> = { ...selfItems };
  for (const [code, percent] of Object.entries(input.survey ?? {})) {
    if (!isSurvey(code)) note(issue('results.survey_not_survey_item', { template: ct.ref.id, item: code }));
    else allItems[code] = { input: { kind: 'percent', value: percent }, selfScore: null, evidence: [] };
  }
  const overrides: Record<string, number> = {};
  for (const [code, item] of Object.entries(appraisal?.items ?? {})) {
    if (isSurvey(code)) note(issue('results.appraisal_on_survey_item', { template: ct.ref.id, item: code }));
    else overrides[code] = item.score;
  }

  const self = scoreAssessmentExact(ct, { items: selfItems });
  const run = scoreAssessmentExact(
    ct,
    { items: allItems, bonus: appraisal ? appraisal.bonus : (a?.bonus ?? {}), penalty: appraisal ? appraisal.penalty : {} },
    { overrides },
  );
  // The appraised run reads every input the self run reads, so its issues cover both.
  for (const i of run.issues) note(i);

  const t = run.exact;
  const submitted = a !== null;
  const late = submitted && (input.submission?.late ?? false);
  const latePenalty = late && campaign.late.mode === 'penalty' ? campaign.late.penaltyPoints : 0;
  const total = clamp(t.base + t.bonus - t.penalty - latePenalty, 0, t.max);
  const index = round2(ratio100(total, t.max));

  const surveyIn = surveyByArea(ct, t);
  const selfSurveyIn = surveyByArea(ct, self.exact);
  const areas: AreaResult[] = [];
  const areaPoints = new Map<string, number>();
  for (const r of ct.rootIdx) {
    const node = ct.nodes[r]!;
    const points = t.score[r]!;
    const max = t.effectiveMax[r]!;
    const survey = surveyIn.get(r) ?? 0;
    areas.push({
      code: node.code,
      title: node.item.title,
      max: round2(max),
      self: round2(Math.max(0, self.exact.score[r]! - (selfSurveyIn.get(r) ?? 0))),
      appraised: round2(Math.max(0, points - survey)),
      survey: round2(survey),
      points: round2(points),
      index: max > 0 ? round2(ratio100(points, max)) : null,
    });
    areaPoints.set(node.code, round2(points));
  }

  let unranked: MessageRef | null = null;
  if (!submitted) unranked = { key: 'results.unranked.no_submission', params: {} };
  else if (late && campaign.late.mode === 'not_ranked') unranked = { key: 'results.unranked.late', params: {} };
  const status: AgencyStatus = appraisal?.status ?? (submitted ? 'submitted' : 'not_submitted');

  const result: ScoredAgency['result'] = {
    agency: { code: agency.code, name: agency.name, group: agency.group, parent: agency.parent },
    template: { ...ct.ref },
    status,
    submitted,
    revision: input.submission?.revision ?? a?.revision ?? null,
    receivedAt: input.submission?.receivedAt ?? null,
    late,
    hasAppraisal: appraisal !== null,
    falsifiedEvidence: appraisal?.falsifiedEvidence ?? false,
    self: { score: round2(self.exact.self.score), max: round2(self.exact.self.max) },
    appraised: { score: round2(t.self.score), max: round2(t.self.max) },
    survey: { score: round2(t.survey.score), max: round2(t.survey.max) },
    bonus: round2(t.bonus),
    penalty: round2(t.penalty),
    latePenalty: round2(latePenalty),
    total: round2(total),
    max: round2(t.max),
    index,
    indexWithoutSurvey: round2(ratio100(t.self.score, t.self.max)),
    areas,
    ranked: unranked === null,
    unranked,
    band: submitted ? bandFor(index, campaign.bands) : null,
    additional: (input.additional ?? []).map((xt) => {
      const id = xt.ref.id;
      const exempt = campaign.exemptions.some((e) => e.template === id && e.agency.normalize('NFC') === agency.code.normalize('NFC'));
      const own = a && Object.hasOwn(a.additional, id) ? a.additional[id]! : null;
      const appraised = appraisal && Object.hasOwn(appraisal.additional, id) ? appraisal.additional[id]! : null;
      const scored = scoreAdditional({ template: xt, assessment: own, appraisal: appraised, exempt });
      for (const i of scored.issues) note(i);
      return scored.result;
    }),
  };
  const key: RankingKey = {
    index,
    appraised: result.appraised.score,
    survey: result.survey.score,
    self: result.self.score,
    areas: areaPoints,
  };
  const tied = tiedScores(ct, t, a, appraisal, input.additional);
  return { agency, template: ct, indicators: a ? a.indicators : null, nominations: input.nominations, result, key, issues, tied };
}

/** A group's SHARED figures: each agency declaring another value than the group's, and values tied for most common. */
function sharedIssues(s: IndicatorScope): Issue[] {
  const out: Issue[] = [];
  for (const f of s.figures) {
    if (f.aggregate !== 'SHARED' || f.value === null) continue;
    const names = { code: f.code, title: f.title.vi, titleEn: f.title.en ?? f.title.vi, shared: f.value };
    if (f.tie) out.push(issue('results.figure_shared_tie', { item: f.code }, { ...names, group: s.scope }));
    for (const d of f.dissent) out.push(issue('results.figure_shared_differs', { agency: d.agency, item: f.code, field: 'value' }, { ...names, value: d.value }));
  }
  return out;
}

/** The ISO checklist summary per group present, then 'all', for the first ISO checklist assigned. */
function checklistScopes(campaign: Campaign, scored: readonly ScoredAgency[]): IsoChecklistScope[] {
  const first = scored.flatMap((s) => s.result.additional).find((x) => x.iso);
  if (!first) return [];
  const of = (s: ScoredAgency) => {
    const checklist = s.result.additional.find((x) => x.template.id === first.template.id);
    return checklist ? [{ agency: s.agency, indicators: s.indicators, checklist }] : [];
  };
  const out: IsoChecklistScope[] = [];
  for (const group of GROUPS) {
    const members = scored.filter((s) => s.agency.group === group).flatMap(of);
    if (members.length) out.push(isoChecklistSummary(group, first.template, members, campaign.isoIndicators));
  }
  out.push(isoChecklistSummary('all', first.template, scored.flatMap(of), campaign.isoIndicators));
  return out;
}

/** The latest results per earlier year, as the commendation rules read them. */
function priorYears(history: readonly Results[], year: number): PriorYear[] {
  const latest = new Map<number, Results>();
  for (const r of history) {
    const y = r.campaign.year;
    if (y >= year) continue;
    const prev = latest.get(y);
    if (!prev || Date.parse(prev.generatedAt) <= Date.parse(r.generatedAt)) latest.set(y, r);
  }
  return [...latest.values()].map((r) => ({ year: r.campaign.year, bands: new Map(r.agencies.map((x) => [x.agency.code, x.band])) }));
}

function groupSummary(group: AgencyGroup, rows: readonly AgencyResult[]): GroupSummary {
  const submitted = rows.filter((r) => r.submitted);
  const bands: Record<string, number> = {};
  for (const r of rows) if (r.band !== null) bands[r.band] = (bands[r.band] ?? 0) + 1;
  return {
    group,
    agencies: rows.length,
    submitted: submitted.length,
    ranked: rows.filter((r) => r.ranked).length,
    late: rows.filter((r) => r.late).length,
    averageIndex: submitted.length > 0 ? round2(submitted.reduce((s, r) => s + r.index, 0) / submitted.length) : null,
    bands,
  };
}

export function computeResults(input: ResultsInput): Results {
  return resultsOf(input, input.agencies.map((a) => scoreAgency(input.campaign, a)));
}

/**
 * The results of agencies already scored (`scoreAgency`, in the campaign's order): ranking within
 * each group, group summaries, headline figures, ISO summary, commendation candidates.
 */
export function resultsOf(input: Omit<ResultsInput, 'agencies'>, unchecked: readonly ScoredAgency[]): Results {
  const { campaign } = input;
  const issues: Issue[] = [];
  for (const tb of campaign.tieBreaks) if (tb.by === 'AREA_SCORE' && tb.area === undefined) issues.push(issue('results.tie_break_without_area'));
  for (const s of unchecked) issues.push(...s.issues);
  // Declared figures are checked here, where every path of scoring meets: refused values leave the
  // aggregates below (and the ISO summary) and are listed with the agency's other issues.
  const { agencies: scored, issues: figureIssues } = checkDeclaredFigures(unchecked);
  issues.push(...figureIssues);

  const rows: AgencyResult[] = [];
  const groups: GroupSummary[] = [];
  const indicators: IndicatorScope[] = [];
  const iso: IsoScope[] = [];

  for (const group of GROUPS) {
    const members = scored.filter((s) => s.agency.group === group);
    if (members.length === 0) continue;
    const ranked = members.filter((s) => s.result.ranked);
    const places = rankGroup(
      ranked.map((s) => s.key),
      campaign.tieBreaks,
    );
    const placeOf = new Map(ranked.map((s, i) => [s, places[i]!]));
    const groupRows = members.map((s) => {
      const p = placeOf.get(s);
      return { ...s.result, rank: p?.rank ?? null, rankedBy: p?.rankedBy ?? null };
    });
    groupRows.sort(
      (x, y) =>
        Number(y.ranked) - Number(x.ranked) ||
        (x.rank ?? 0) - (y.rank ?? 0) ||
        Number(y.submitted) - Number(x.submitted) ||
        y.index - x.index ||
        x.agency.code.localeCompare(y.agency.code),
    );
    rows.push(...groupRows);
    groups.push(groupSummary(group, groupRows));
    const figures = headlineFigures(group, members);
    indicators.push(figures);
    issues.push(...sharedIssues(figures));
    if (campaign.isoIndicators) iso.push(isoSummary(group, members, campaign.isoIndicators));
  }
  indicators.push(headlineFigures('all', scored));
  const isoChecklist = checklistScopes(campaign, scored);
  for (const scope of isoChecklist.filter((x) => x.scope === 'all')) {
    for (const d of scope.disagreements) {
      const figure = campaign.isoIndicators?.[d.step] ?? d.step;
      const code = d.declared ? 'results.iso_declared_yes_zero' : 'results.iso_declared_no_full';
      issues.push(issue(code, { agency: d.agency, template: scope.template.id, field: figure }, { figure, score: d.score, max: d.max }));
    }
  }
  if (campaign.isoIndicators) iso.push(isoSummary('all', scored, campaign.isoIndicators));
  const headlines = campaignHeadlines(campaign.headlines, indicators);
  issues.push(...headlines.issues);

  const inputs = new Map(scored.map((a) => [a.agency.code, a]));
  const standings: AgencyStanding[] = rows.map((r) => {
    const src = inputs.get(r.agency.code)!;
    return {
      agency: src.agency,
      submitted: r.submitted,
      ranked: r.ranked,
      rank: r.rank,
      band: r.band,
      index: r.index,
      penalty: r.penalty,
      latePenalty: r.latePenalty,
      falsifiedEvidence: r.falsifiedEvidence,
      nominations: src.nominations,
    };
  });
  const selection = selectCandidates({
    year: campaign.year,
    rules: campaign.commendation,
    agencies: standings,
    history: priorYears(input.history ?? [], campaign.year),
    overrides: input.overrides ?? [],
  });
  issues.push(...selection.issues);

  const results: Results = {
    kind: RESULTS_KIND,
    schemaVersion: 1,
    campaign: { id: campaign.id, year: campaign.year, title: campaign.title, model: campaign.model, period: campaign.period ?? null },
    generatedAt: input.generatedAt,
    bands: campaign.bands,
    tieBreaks: campaign.tieBreaks,
    late: campaign.late,
    agencies: rows,
    groups,
    indicators,
    headlines: headlines.headlines,
    iso: campaign.isoIndicators ? iso : null,
    isoChecklist: isoChecklist.length ? isoChecklist : null,
    commendation: {
      collectives: selection.collectives,
      individuals: selection.individuals,
      excluded: selection.excluded,
      overrides: selection.overrides,
    },
    issues,
    comparison: null,
  };
  // With earlier years at hand, the same document carries the year-over-year comparison.
  const earlier = (input.history ?? []).filter((h) => h.campaign.id !== campaign.id);
  if (earlier.length) results.comparison = comparePeriods([...earlier, results]);
  return results;
}
