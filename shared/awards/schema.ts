import * as z from 'zod';
import { AwardOverride, CollectiveAwardRule } from '../schema/awards.ts';
import { AgencyGroup, Code, IsoDateTime, LocalizedText } from '../schema/common.ts';

/** Why a subject qualifies or not: a message key of the awards catalogue and its parameters. */
export const Reason = z.strictObject({
  key: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Reason = z.infer<typeof Reason>;

/** The council's decision that put a subject in or took it out against the rules. */
export const OverrideMark = z.strictObject({
  action: z.enum(['include', 'exclude']),
  reason: z.string().min(1),
  by: z.string().min(1),
  at: IsoDateTime,
});
export type OverrideMark = z.infer<typeof OverrideMark>;

export const CandidateKind = z.enum(['collective', 'individual']);
export type CandidateKind = z.infer<typeof CandidateKind>;

/**
 * One row of the list of proposed commendations (danh sách đề nghị khen thưởng), with every
 * condition of the rule it satisfies.
 */
export const Candidate = z.strictObject({
  /** STT: 1, 2, … within the rule's list. */
  stt: z.number().int().positive(),
  kind: CandidateKind,
  rule: Code,
  /** Agency code for a collective proposed as the agency itself, nomination id otherwise. */
  subject: z.string().min(1),
  agency: Code,
  agencyName: z.string(),
  group: AgencyGroup,
  /** Họ và tên / Tên tập thể. */
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  birthYear: z.number().int().nullable(),
  position: z.string().nullable(),
  /** Đơn vị công tác (the agency for a collective proposed as itself). */
  unit: z.string(),
  agencyIndex: z.number(),
  agencyRank: z.number().int().positive().nullable(),
  agencyBand: z.string().nullable(),
  achievements: z.string().nullable(),
  /** Hình thức đề nghị: the rule's award text. */
  proposedAward: LocalizedText,
  level: CollectiveAwardRule.shape.level,
  /** Nội dung ghi trên Bằng khen / Giấy khen, with {year} filled in. */
  certificateWording: LocalizedText,
  note: z.string().nullable(),
  satisfied: z.array(Reason),
  /** Set when the council's decision, not the rule, put the subject on the list. */
  override: OverrideMark.nullable(),
  /** For a subject put on the list by an override: the first condition of the rule it does not meet. */
  unmet: Reason.nullable(),
});
export type Candidate = z.infer<typeof Candidate>;

/** A nominee or nominated collective left out, with the first condition it fails. */
export const Exclusion = z.strictObject({
  kind: CandidateKind,
  /** The rule it was proposed for (possibly an id the campaign does not have). */
  rule: z.string().min(1),
  subject: z.string().min(1),
  agency: Code,
  agencyName: z.string(),
  group: AgencyGroup,
  name: z.string(),
  reason: Reason,
  override: OverrideMark.nullable(),
});
export type Exclusion = z.infer<typeof Exclusion>;

export const Commendation = z.strictObject({
  collectives: z.array(Candidate),
  individuals: z.array(Candidate),
  excluded: z.array(Exclusion),
  /** The council's decisions that were applied, as recorded. */
  overrides: z.array(AwardOverride),
});
export type Commendation = z.infer<typeof Commendation>;
