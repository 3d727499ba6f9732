import type { AdjustmentEntry, Assessment, ItemEntry, ItemInput } from '../schema/assessment.ts';
import type { CompiledTemplate } from '../template/compile.ts';
import { type Issue, type Result, fail, issue, ok } from '../util/issue.ts';
import { type ItemScore, type ScoreReport, buildReport } from './report.ts';
import { leq, round2 } from './rounding.ts';
import { type LeafValue, scoreLeaf } from './rules.ts';
import { type ExactTree, type LeafSlot, scoreTree } from './tree.ts';

/** The parts of an assessment that scoring reads. */
export interface ScoringInput {
  items: Assessment['items'];
  bonus?: Assessment['bonus'];
  penalty?: Assessment['penalty'];
}

export type AdjustmentBlockName = 'bonus' | 'penalty';

/** Options of a scoring run. */
export interface ScoreOptions {
  /**
   * Points that replace leaves' computed scores, by leaf code: the appraised scores (điểm thẩm
   * định). Each must lie within 0..the leaf's max, else it is an issue naming the item and the leaf
   * keeps its computed score. An overridden leaf counts as scored, even one the input marked "not
   * applicable" or left unanswered.
   */
  overrides?: Record<string, number>;
}

/** The explanation of an overridden leaf (a message of the results catalogue). */
export const APPRAISED_EXPLAIN_KEY = 'results.explain.appraised';

/**
 * Scores a whole assessment. Never throws on user data: entries for unknown items, inputs on parent
 * items, inputs a rule refuses and invalid adjustments become issues, and such items score as
 * unanswered (such adjustments as 0).
 */
export function scoreAssessment(ct: CompiledTemplate, a: ScoringInput, opts: ScoreOptions = {}): { report: ScoreReport; issues: Issue[] } {
  const { exact, issues } = scoreAssessmentExact(ct, a, opts);
  return { report: buildReport(ct, exact), issues };
}

/**
 * The exact (unrounded) tree behind `scoreAssessment`, for code that derives further published
 * figures (results: totals with a late penalty, indexes) and must round each of them once, with
 * `round2`, from exact values.
 */
export function scoreAssessmentExact(ct: CompiledTemplate, a: ScoringInput, opts: ScoreOptions = {}): { exact: ExactTree; issues: Issue[] } {
  const issues: Issue[] = [];
  const slots: LeafSlot[] = new Array<LeafSlot>(ct.nodes.length);
  const items = a.items ?? {};
  // Known items in document order (issues then read like the form), unknown codes after.
  for (const node of ct.nodes) {
    if (!Object.hasOwn(items, node.code)) continue;
    const input = items[node.code]?.input;
    if (input === undefined || input === null) continue;
    if (!node.leaf) {
      issues.push(issue('scoring.not_a_leaf', { template: ct.ref.id, item: node.code, field: 'input' }));
      continue;
    }
    const r = scoreLeaf(ct.ref.id, node, input);
    if (r.ok) slots[node.idx] = r.value;
    else {
      slots[node.idx] = 'invalid';
      issues.push(...r.error);
    }
  }
  for (const code in items) {
    if (Object.hasOwn(items, code) && !ct.index.has(code)) {
      issues.push(issue('scoring.unknown_item', { template: ct.ref.id, item: code, field: 'code' }));
    }
  }
  if (opts.overrides) applyOverrides(ct, opts.overrides, slots, issues);
  const bonusSum = sumAdjustments(ct, 'bonus', a.bonus ?? {}, issues);
  const penaltySum = sumAdjustments(ct, 'penalty', a.penalty ?? {}, issues);
  return { exact: scoreTree(ct, slots, bonusSum, penaltySum), issues };
}

function applyOverrides(ct: CompiledTemplate, overrides: Record<string, number>, slots: LeafSlot[], issues: Issue[]): void {
  const known: [number, string][] = [];
  for (const code of Object.keys(overrides)) {
    const idx = ct.index.get(code);
    if (idx === undefined) issues.push(issue('scoring.unknown_item', { template: ct.ref.id, item: code, field: 'override' }));
    else known.push([idx, code]);
  }
  known.sort((x, y) => x[0] - y[0]); // issues in document order
  for (const [idx, code] of known) {
    const node = ct.nodes[idx]!;
    const at = { template: ct.ref.id, item: code, field: 'override' };
    const v: unknown = overrides[code];
    if (!node.leaf) issues.push(issue('scoring.not_a_leaf', at));
    else if (typeof v !== 'number' || !Number.isFinite(v)) issues.push(issue('scoring.invalid_number', at));
    else if (v < 0) issues.push(issue('scoring.below_zero', at, { value: v }));
    else if (!leq(v, node.item.max)) issues.push(issue('scoring.above_max', at, { value: v, max: node.item.max }));
    else slots[idx] = { score: Math.min(v, node.item.max), notApplicable: false, explain: { key: APPRAISED_EXPLAIN_KEY, params: { points: v } } };
  }
}

function sumAdjustments(ct: CompiledTemplate, block: AdjustmentBlockName, entries: Record<string, AdjustmentEntry>, issues: Issue[]): number {
  let sum = 0;
  for (const code of Object.keys(entries)) {
    const problem = checkAdjustment(ct, block, code, entries[code]?.points);
    if (problem) issues.push(problem);
    else sum += entries[code]!.points;
  }
  return sum;
}

function checkAdjustment(ct: CompiledTemplate, block: AdjustmentBlockName, code: string, points: unknown): Issue | null {
  const at = { template: ct.ref.id, item: code, field: 'points' };
  const def = ct.adjustments[block].get(code);
  if (!def) return issue(`scoring.unknown_${block}`, { ...at, field: 'code' });
  if (typeof points !== 'number' || !Number.isFinite(points) || points < 0) return issue('scoring.invalid_number', at);
  if (!leq(points, def.max)) return issue(`scoring.${block}_above_max`, at, { points, max: def.max });
  return null;
}

/** Scores one input for one leaf, exactly (unrounded); for previews and imports. */
export function scoreItemInput(ct: CompiledTemplate, code: string, input: ItemInput): Result<LeafValue> {
  const idx = ct.index.get(code);
  if (idx === undefined) return fail([issue('scoring.unknown_item', { template: ct.ref.id, item: code, field: 'code' })]);
  const node = ct.nodes[idx]!;
  if (!node.leaf) return fail([issue('scoring.not_a_leaf', { template: ct.ref.id, item: code, field: 'input' })]);
  return scoreLeaf(ct.ref.id, node, input);
}

export interface ItemChange {
  /** A new assessment; the one given is never modified. */
  assessment: Assessment;
  item: ItemScore;
  /** The item's ancestors, parent first, area last. */
  ancestors: ItemScore[];
  report: ScoreReport;
  /** Problems elsewhere in the assessment (entries stored earlier that no longer score). */
  issues: Issue[];
}

/**
 * Sets (or, with null, clears) one leaf's input, as the UI does on every edit. The new entry's
 * `selfScore` is the leaf's published score, or null when unanswered or not applicable. On an invalid
 * input, returns the issues and nothing changes.
 */
export function setItemInput(ct: CompiledTemplate, assessment: Assessment, code: string, input: ItemInput | null): Result<ItemChange> {
  const idx = ct.index.get(code);
  if (idx === undefined) return fail([issue('scoring.unknown_item', { template: ct.ref.id, item: code, field: 'code' })]);
  const node = ct.nodes[idx]!;
  if (!node.leaf) return fail([issue('scoring.not_a_leaf', { template: ct.ref.id, item: code, field: 'input' })]);
  let selfScore: number | null = null;
  if (input !== null) {
    const r = scoreLeaf(ct.ref.id, node, input);
    if (!r.ok) return fail(r.error);
    selfScore = r.value.score === null ? null : round2(r.value.score);
  }
  const prev: ItemEntry | undefined = Object.hasOwn(assessment.items, code) ? assessment.items[code] : undefined;
  const entry: ItemEntry = { ...(prev ?? { evidence: [] }), selfScore };
  if (input === null) delete entry.input;
  else entry.input = input;
  const next: Assessment = { ...assessment, items: { ...assessment.items, [code]: entry } };
  const { report, issues } = scoreAssessment(ct, next);
  return ok({
    assessment: next,
    item: report.items[code]!,
    ancestors: node.ancestors.map((a) => report.items[ct.nodes[a]!.code]!),
    report,
    issues,
  });
}

/**
 * Sets (or, with null, removes) one bonus or penalty entry. Points above the adjustment item's max, or
 * an unknown code, are refused with issues and nothing changes.
 */
export function setAdjustment(
  ct: CompiledTemplate,
  assessment: Assessment,
  block: AdjustmentBlockName,
  code: string,
  points: number | null,
): Result<{ assessment: Assessment; report: ScoreReport; issues: Issue[] }> {
  const entries = assessment[block];
  let updated: Record<string, AdjustmentEntry>;
  if (points === null) {
    if (!ct.adjustments[block].has(code)) {
      return fail([issue(`scoring.unknown_${block}`, { template: ct.ref.id, item: code, field: 'code' })]);
    }
    updated = { ...entries };
    delete updated[code];
  } else {
    const problem = checkAdjustment(ct, block, code, points);
    if (problem) return fail([problem]);
    const prev = Object.hasOwn(entries, code) ? entries[code] : undefined;
    updated = { ...entries, [code]: { ...prev, points } };
  }
  const next: Assessment = { ...assessment, [block]: updated };
  const { report, issues } = scoreAssessment(ct, next);
  return ok({ assessment: next, report, issues });
}
