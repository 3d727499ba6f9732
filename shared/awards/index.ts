/**
 * Commendation candidates (step 9): rules are configuration; every candidate carries the conditions
 * it satisfies and every excluded nominee the first condition it fails.
 */
export { formatReason } from './format.ts';
export { Candidate, CandidateKind, Commendation, Exclusion, OverrideMark, Reason } from './schema.ts';
export { type AgencyStanding, type PriorYear, type Selection, type SelectionInput, selectCandidates } from './select.ts';
