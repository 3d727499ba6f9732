/**
 * The scoring engine: rule types → leaf scores (rules.ts), the exact tree with N/A re-basing and the
 * bonus/penalty caps (tree.ts), and the published report, rounded once (report.ts, rounding.ts).
 * Compile a template once with `compileTemplate` (shared/template) and score against it.
 */
export {
  type AdjustmentBlockName,
  APPRAISED_EXPLAIN_KEY,
  type ItemChange,
  type ScoreOptions,
  type ScoringInput,
  scoreAssessment,
  scoreAssessmentExact,
  scoreItemInput,
  setAdjustment,
  setItemInput,
} from './assessment.ts';
export { FORMULA_FUNCTIONS, type FormulaAst, type FormulaFunction, evaluateFormula, formulaVariables, parseFormula } from './formula.ts';
export { type ItemScore, type ScorePart, type ScoreReport } from './report.ts';
export { NOISE, leq, lt, nearlyEqual, round2 } from './rounding.ts';
export { type Explain, type LeafValue, acceptedInputKinds } from './rules.ts';
export type { ExactTree, ItemState } from './tree.ts';
