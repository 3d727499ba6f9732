/**
 * Results of a campaign (step 7): scores, index %, per-area figures, ranking with tie-breaks,
 * classification bands, headline figures, the ISO 9001 summary and period comparison. Commendation
 * candidates (step 9) come from shared/awards and travel inside the results.
 */
export { type AgencyInput, GROUPS, type ResultsInput, type ScoredAgency, computeResults, resultsOf, scoreAgency } from './compute.ts';
export { comparePeriods } from './compare.ts';
export { type DeclaringAgency, headlineFigures } from './indicators.ts';
export { isoSummary } from './iso.ts';
export { type Placed, type RankingKey, bandFor, rankGroup, topBand } from './ranking.ts';
export {
  AgencyResult,
  AgencyTrend,
  AgencyYear,
  AreaResult,
  GroupSummary,
  ISO_STEPS,
  IndicatorFigure,
  IndicatorScope,
  IsoGap,
  IsoScope,
  IsoStepName,
  IsoStepState,
  MessageRef,
  PeriodComparison,
  PeriodRef,
  RESULTS_KIND,
  RankedBy,
  type Results,
  ResultsV1,
  Scope,
  YearDelta,
} from './schema.ts';
