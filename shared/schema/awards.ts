import * as z from 'zod';
import { AgencyGroup, Code, LocalizedText } from './common.ts';
import { Rating } from './nomination.ts';

const TopN = z.partialRecord(AgencyGroup, z.number().int().positive());

/** A campaign's rule for proposing collectives: every condition present must hold. */
export const CollectiveAwardRule = z.strictObject({
  id: Code,
  award: LocalizedText,
  level: z.enum(['province', 'department', 'district', 'commune']),
  /** Classification bands that qualify (e.g. ["A"]). */
  bands: z.array(z.string().min(1)).min(1),
  /** Only the first N of each group (rank ≤ N). */
  topN: TopN.optional(),
  minIndex: z.number().min(0).max(100).optional(),
  /** No penalty points applied this year. */
  noPenalty: z.boolean().default(true),
  /** Years in a row (this one included) in one of `bands`; earlier years come from earlier campaigns. */
  consecutiveYears: z.number().int().min(1).max(10).default(1),
  /** Only collectives the agency nominated (otherwise every ranked agency is considered). */
  requireNomination: z.boolean().default(false),
  /**
   * Awards are exclusive: a collective on the list of an earlier (higher) rule is not proposed for
   * this one, unless this rule can be given in addition to a higher award.
   */
  cumulative: z.boolean().default(false),
  certificateWording: LocalizedText,
});
export type CollectiveAwardRule = z.infer<typeof CollectiveAwardRule>;

/** A campaign's rule for proposing individuals nominated by their agency. */
export const IndividualAwardRule = z.strictObject({
  id: Code,
  award: LocalizedText,
  level: z.enum(['province', 'department', 'district', 'commune']),
  agencyBands: z.array(z.string().min(1)).min(1),
  agencyTopN: TopN.optional(),
  ratingThisYear: z.array(Rating).min(1),
  /** Ratings accepted for last year; absent = last year does not matter. */
  ratingLastYear: z.array(Rating).min(1).optional(),
  noDiscipline: z.boolean().default(true),
  minInitiatives: z.number().int().min(0).default(0),
  capPerAgency: z.number().int().positive(),
  /** As for collectives: a nominee on an earlier rule's list is not proposed for this one unless true. */
  cumulative: z.boolean().default(false),
  certificateWording: LocalizedText,
});
export type IndividualAwardRule = z.infer<typeof IndividualAwardRule>;

/**
 * The commendation rules of a campaign. Within collectives and within individuals the rules are
 * listed highest award first: a subject gets the highest award it qualifies for (see `cumulative`).
 */
export const CommendationRules = z.strictObject({
  collectives: z.array(CollectiveAwardRule).max(20).default([]),
  individuals: z.array(IndividualAwardRule).max(20).default([]),
});
export type CommendationRules = z.infer<typeof CommendationRules>;

/** A decision by the council to include or exclude someone against the rules, with its reason. */
export const AwardOverride = z.strictObject({
  rule: Code,
  /** Agency code for a collective, nomination id for an individual. */
  subject: z.string().min(1).max(100),
  agency: Code,
  action: z.enum(['include', 'exclude']),
  reason: z.string().trim().min(5).max(2000),
  by: z.string().trim().min(1).max(200),
  at: z.iso.datetime({ offset: true }),
});
export type AwardOverride = z.infer<typeof AwardOverride>;

export const AWARD_OVERRIDES_KIND = 'parscore.award-overrides';

/** The council's overrides of a campaign, kept in the Home Affairs workspace (award-overrides.json). */
export const AwardOverridesV1 = z.strictObject({
  kind: z.literal(AWARD_OVERRIDES_KIND),
  schemaVersion: z.literal(1),
  overrides: z.array(AwardOverride).max(2000).default([]),
});
export type AwardOverrides = z.infer<typeof AwardOverridesV1>;
