import * as z from 'zod';
import { Code } from './common.ts';
import { BIRTH_YEARS } from './plausible-dates.ts';

/** Annual personal rating (xếp loại chất lượng) of a civil servant, best first. */
export const RATINGS = ['excellent', 'good', 'complete', 'incomplete'] as const;
export const Rating = z.enum(RATINGS); // HTXSNV, HTTNV, HTNV, KHTNV
export type Rating = z.infer<typeof Rating>;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** A collective the agency proposes for commendation (usually the agency itself or one of its units). */
export const CollectiveNomination = z.strictObject({
  kind: z.literal('collective'),
  id: Code,
  name: Text(300),
  achievements: Text(5000),
  /** Id of the campaign's award rule the agency proposes (e.g. "bk-tap-the"). */
  proposedAward: Code,
  note: z.string().max(2000).optional(),
});

/** A person the agency proposes: the columns of the provincial nomination list. */
export const IndividualNomination = z.strictObject({
  kind: z.literal('individual'),
  id: Code,
  fullName: Text(200),
  gender: z.enum(['male', 'female']),
  birthYear: z.number().int().min(BIRTH_YEARS.earliest).max(BIRTH_YEARS.latest),
  position: Text(300),
  unit: Text(300),
  ratingThisYear: Rating,
  ratingLastYear: Rating.nullable(),
  achievements: Text(5000),
  /** Disciplinary measure this year, or null. */
  discipline: z.string().trim().min(1).max(500).nullable(),
  initiatives: z.number().int().min(0).max(50).default(0),
  proposedAward: Code,
  note: z.string().max(2000).optional(),
});

export const Nomination = z.discriminatedUnion('kind', [CollectiveNomination, IndividualNomination]);
export type Nomination = z.infer<typeof Nomination>;
export type CollectiveNomination = z.infer<typeof CollectiveNomination>;
export type IndividualNomination = z.infer<typeof IndividualNomination>;
