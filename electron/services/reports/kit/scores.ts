/**
 * One agency's per-item scores as the results compute them (shared/results/compute.ts): the self
 * run (the agency's own inputs, survey items left out), and the appraised run (survey results put
 * in, Home Affairs' appraised points overriding the leaves they cover, the appraisal's bonus and
 * penalty once there is an appraisal). Figures are rounded once, from the exact trees.
 */
import type { Appraisal } from '../../../../shared/schema/appraisal.ts';
import type { Assessment, ItemEntry } from '../../../../shared/schema/assessment.ts';
import { scoreAssessmentExact } from '../../../../shared/scoring/assessment.ts';
import { round2 } from '../../../../shared/scoring/rounding.ts';
import type { ExactTree, ItemState } from '../../../../shared/scoring/tree.ts';
import type { CompiledTemplate } from '../../../../shared/template/compile.ts';

export interface ItemFigures {
  /** Self-assessed points outside the survey (a parent: the sum of its non-survey part). */
  self: number;
  /** Appraised points outside the survey (the self score where an item is not appraised). */
  appraised: number;
  /** Survey points within the item (0 outside survey subtrees). */
  survey: number;
  /** State of the item in the self run. */
  state: ItemState;
  /** State in the appraised run (an appraised leaf counts as scored). */
  appraisedState: ItemState;
}

export interface AgencyScores {
  /** By item code. */
  items: Map<string, ItemFigures>;
  /** The agency's own bonus and penalty, after the caps. */
  selfBonus: number;
  selfPenalty: number;
  /** The bonus and penalty that count (the appraisal's once there is one), after the caps. */
  bonus: number;
  penalty: number;
}

/** Survey points under every node (exact): the survey subtrees added to their ancestors. */
function surveyUnder(ct: CompiledTemplate, tree: ExactTree): Float64Array {
  const out = new Float64Array(ct.nodes.length);
  for (const s of ct.surveyTops) {
    const node = ct.nodes[s];
    if (!node) continue;
    // Every node of a survey subtree is wholly survey.
    const stack = [s];
    while (stack.length) {
      const i = stack.pop() as number;
      out[i] = tree.score[i] ?? 0;
      stack.push(...(ct.nodes[i]?.children ?? []));
    }
    for (const a of node.ancestors) out[a] = (out[a] ?? 0) + (tree.score[s] ?? 0);
  }
  return out;
}

/** What the scores read of an assessment: its items and, for a ranked template, its adjustments. */
export type ScoredAssessment = Pick<Assessment, 'items'> & Partial<Pick<Assessment, 'bonus' | 'penalty'>>;
/** What the scores read of an appraisal (an additional template's appraisal has no adjustments). */
export type ScoredAppraisal = Pick<Appraisal, 'items'> & Partial<Pick<Appraisal, 'bonus' | 'penalty'>>;

export function agencyScores(
  ct: CompiledTemplate,
  assessment: ScoredAssessment | null,
  appraisal: ScoredAppraisal | null,
  survey: Record<string, number> | null,
): AgencyScores {
  const isSurvey = (code: string): boolean => {
    const idx = ct.index.get(code);
    return idx !== undefined && (ct.nodes[idx]?.item.survey ?? false);
  };
  const selfItems: Record<string, ItemEntry> = {};
  for (const [code, entry] of Object.entries(assessment?.items ?? {})) if (!isSurvey(code)) selfItems[code] = entry;
  const allItems: Record<string, ItemEntry> = { ...selfItems };
  for (const [code, percent] of Object.entries(survey ?? {})) {
    if (isSurvey(code)) allItems[code] = { input: { kind: 'percent', value: percent }, selfScore: null, evidence: [] };
  }
  const overrides: Record<string, number> = {};
  for (const [code, item] of Object.entries(appraisal?.items ?? {})) if (!isSurvey(code)) overrides[code] = item.score;

  const self = scoreAssessmentExact(ct, { items: selfItems, bonus: assessment?.bonus ?? {}, penalty: assessment?.penalty ?? {} }).exact;
  const run = scoreAssessmentExact(
    ct,
    { items: allItems, bonus: appraisal ? (appraisal.bonus ?? {}) : (assessment?.bonus ?? {}), penalty: appraisal ? (appraisal.penalty ?? {}) : {} },
    { overrides },
  ).exact;
  const selfSurvey = surveyUnder(ct, self);
  const runSurvey = surveyUnder(ct, run);
  const items = new Map<string, ItemFigures>();
  for (const node of ct.nodes) {
    const i = node.idx;
    items.set(node.code, {
      self: round2(Math.max(0, (self.score[i] ?? 0) - (selfSurvey[i] ?? 0))),
      appraised: round2(Math.max(0, (run.score[i] ?? 0) - (runSurvey[i] ?? 0))),
      survey: round2(runSurvey[i] ?? 0),
      state: self.state[i] ?? 'unanswered',
      appraisedState: run.state[i] ?? 'unanswered',
    });
  }
  return { items, selfBonus: round2(self.bonus), selfPenalty: round2(self.penalty), bonus: round2(run.bonus), penalty: round2(run.penalty) };
}
