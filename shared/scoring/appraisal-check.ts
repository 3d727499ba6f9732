import type { AgencyStatus } from '../schema/agency.ts';
import type { Appraisal } from '../schema/appraisal.ts';
import type { AdjustmentEntry } from '../schema/assessment.ts';
import type { TemplateRef } from '../schema/template.ts';
import type { CompiledTemplate } from '../template/compile.ts';
import { type Issue, type IssueLocation, issue } from '../util/issue.ts';
import { type AdjustmentBlockName, scoreAssessment } from './assessment.ts';
import { leq } from './rounding.ts';

/**
 * The statuses an appraisal file can carry: Home Affairs exports one only once a round is appraised
 * (see exportAppraisal). A file saying `submitted` or `explained` was not made by ParScore.
 */
export const APPRAISAL_FILE_STATUSES: readonly AgencyStatus[] = ['appraised_1', 'appraised_2', 'locked'];

/** The round an appraisal file of each status is at (a locked file may close either round). */
const ROUND_OF_STATUS: Partial<Record<AgencyStatus, 1 | 2>> = { appraised_1: 1, appraised_2: 2 };

export interface AppraisalContentContext {
  /** The campaign's template of the agency's group, compiled. */
  ct: CompiledTemplate;
  /** The additional templates the agency applies, compiled, by id (parts of others are refused by the caller). */
  additional: ReadonlyMap<string, CompiledTemplate>;
}

const sameRef = (a: TemplateRef, b: TemplateRef): boolean => a.id === b.id && a.version === b.version;

/**
 * The block's total within the template's cap: the same check Home Affairs makes when an
 * adjustment is set, so a file can never carry more than could be entered.
 */
export function adjustmentCapProblem(ct: CompiledTemplate, block: AdjustmentBlockName, entries: Record<string, AdjustmentEntry>, at: IssueLocation): Issue | null {
  const cap = ct.template[block].cap;
  const total = Object.values(entries).reduce((sum, e) => sum + e.points, 0);
  return leq(total, cap) ? null : issue('cycle.adjustment_above_cap', at, { block, total, cap });
}

/**
 * Appraised scores checked as the scoring engine checks them when it applies them (the same
 * `scoreAssessment` that checks a submission's inputs at Home Affairs): known items, leaves only,
 * finite numbers within 0..the item's max; no appraised score on a survey item (the survey scores
 * it). Issues name the item and the field (`<base>.items.<code>.score`).
 */
function checkScores(ct: CompiledTemplate, items: Appraisal['items'], base: string, where: (x: IssueLocation) => IssueLocation, out: Issue[]): void {
  const overrides: Record<string, number> = {};
  for (const [code, e] of Object.entries(items)) overrides[code] = e.score;
  for (const i of scoreAssessment(ct, { items: {} }, { overrides }).issues) {
    const code = i.at?.item ?? '';
    out.push({ ...i, at: where({ template: ct.ref.id, item: code, field: `${base}.items.${code}.score` }) });
  }
  for (const code of Object.keys(items)) {
    if (ct.byCode.get(code)?.survey) out.push(issue('cycle.survey_item', where({ template: ct.ref.id, item: code, field: `${base}.items.${code}.score` }), { item: code }));
  }
}

function checkExplanations(ct: CompiledTemplate, explanations: Appraisal['explanations'], base: string, where: (x: IssueLocation) => IssueLocation, out: Issue[]): void {
  for (const code of Object.keys(explanations)) {
    if (!ct.byCode.has(code)) out.push(issue('cycle.explanation_unknown_item', where({ template: ct.ref.id, item: code, field: `${base}.${code}` }), { item: code }));
  }
}

/**
 * What an agency requires of an appraisal file's content, as strictly as Home Affairs checks a
 * submission: a status an appraisal file can carry; every appraised score on a known leaf of the
 * template, a finite number within 0..its max, none on survey items; bonus and penalty codes of the
 * template, each within its max and each block within its cap; explanations on known items; the
 * same for each additional template's part the context holds in the same version (parts of
 * templates not applied, or of another version, are the caller's to refuse). Issues are located at
 * `at` (the file and the agency) plus the item and field.
 */
export function checkAppraisalContent(a: Appraisal, ctx: AppraisalContentContext, at: IssueLocation): Issue[] {
  const { ct } = ctx;
  const where = (x: IssueLocation): IssueLocation => ({ ...at, ...x });
  const out: Issue[] = [];
  if (!APPRAISAL_FILE_STATUSES.includes(a.status)) out.push(issue('cycle.appraisal_file_status', where({ field: 'appraisal.status' }), { status: a.status }));
  // The round goes with the status (round 1 appraised → round 1; round 2 appraised → round 2), and no score is of a later round than the file.
  const round = ROUND_OF_STATUS[a.status];
  if (round !== undefined && a.round !== round) out.push(issue('cycle.appraisal_file_round', where({ field: 'appraisal.round' }), { round: a.round, status: a.status, expected: round }));
  const later = (items: Appraisal['items'], base: string, template?: string): void => {
    for (const [code, e] of Object.entries(items)) {
      if (e.round > a.round) out.push(issue('cycle.appraisal_item_round', where({ ...(template ? { template } : {}), item: code, field: `${base}.items.${code}.round` }), { round: e.round, fileRound: a.round }));
    }
  };
  later(a.items, 'appraisal');
  for (const [id, part] of Object.entries(a.additional)) later(part.items, `appraisal.additional.${id}`, id);
  if (!sameRef(a.template, ct.ref)) return out; // the caller names the template; checking against another would be noise
  checkScores(ct, a.items, 'appraisal', where, out);
  // Adjustments: codes and per-entry max through the scoring engine, then the block caps.
  for (const block of ['bonus', 'penalty'] as const) {
    for (const i of scoreAssessment(ct, { items: {}, [block]: a[block] }).issues) {
      const code = i.at?.item ?? '';
      out.push({ ...i, at: where({ template: ct.ref.id, item: code, field: `appraisal.${block}.${code}.points` }) });
    }
    const problem = adjustmentCapProblem(ct, block, a[block], where({ template: ct.ref.id, field: `appraisal.${block}` }));
    if (problem) out.push(problem);
  }
  checkExplanations(ct, a.explanations, 'appraisal.explanations', where, out);
  for (const [id, part] of Object.entries(a.additional)) {
    const act = ctx.additional.get(id);
    if (!act || !sameRef(part.template, act.ref)) continue;
    checkScores(act, part.items, `appraisal.additional.${id}`, where, out);
    checkExplanations(act, part.explanations, `appraisal.additional.${id}.explanations`, where, out);
  }
  return out;
}
