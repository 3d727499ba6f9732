import * as z from 'zod';
import { AgencyStatus } from './agency.ts';
import { AdjustmentEntry, EvidenceRef } from './assessment.ts';
import { Code, IsoDateTime, Slug } from './common.ts';
import { TemplateRef } from './template.ts';

export const Round = z.union([z.literal(1), z.literal(2)]);
export type Round = z.infer<typeof Round>;

/** Home Affairs' verdict on one item: the appraised points (an item left out keeps the self score). */
export const AppraisedItem = z.strictObject({
  score: z.number().finite().nonnegative(),
  comment: z.string().max(5000).optional(),
  round: Round,
});
export type AppraisedItem = z.infer<typeof AppraisedItem>;

/** The agency's answer to an appraisal comment in the explanation round (giải trình). */
export const ItemExplanation = z.strictObject({
  text: z.string().trim().min(1).max(20000),
  evidence: z.array(EvidenceRef).max(50).default([]),
});
export type ItemExplanation = z.infer<typeof ItemExplanation>;

export const APPRAISAL_KIND = 'parscore.appraisal';

/** Home Affairs' appraisal of one agency (thẩm định), kept beside its assessment. */
export const AppraisalV1 = z.strictObject({
  kind: z.literal(APPRAISAL_KIND),
  schemaVersion: z.literal(1),
  agency: Code,
  campaign: Slug,
  template: TemplateRef,
  status: AgencyStatus,
  /** The submission revision this appraisal is based on. */
  revision: z.number().int().nonnegative(),
  round: Round,
  items: z.record(Code, AppraisedItem).default({}),
  bonus: z.record(Code, AdjustmentEntry).default({}),
  penalty: z.record(Code, AdjustmentEntry).default({}),
  /** Explanations received from the agency, by item. */
  explanations: z.record(Code, ItemExplanation).default({}),
  /** Evidence found falsified at appraisal: disqualifies the agency from commendation. */
  falsifiedEvidence: z.boolean().default(false),
  updatedAt: IsoDateTime,
});
export type AppraisalV1 = z.infer<typeof AppraisalV1>;

/** Home Affairs' appraisal of an agency's assessment against one additional template. */
export const AdditionalAppraisal = z.strictObject({
  template: TemplateRef,
  items: z.record(Code, AppraisedItem).default({}),
  explanations: z.record(Code, ItemExplanation).default({}),
});
export type AdditionalAppraisal = z.infer<typeof AdditionalAppraisal>;

/** Version 2: the appraisal of each additional template (keyed by template id) beside the ranked one. */
export const AppraisalV2 = z.strictObject({
  ...AppraisalV1.shape,
  schemaVersion: z.literal(2),
  additional: z.record(Slug, AdditionalAppraisal).default({}),
});
export type Appraisal = z.infer<typeof AppraisalV2>;

export function migrateAppraisalV1(a: AppraisalV1): z.input<typeof AppraisalV2> {
  return { ...a, schemaVersion: 2 };
}

export const AUDIT_KIND = 'parscore.audit';

/** One change of a score or status, as the audit log keeps it (append-only). */
export const AuditEntry = z.strictObject({
  at: IsoDateTime,
  /** Workspace identity: name and key fingerprint. */
  who: z.strictObject({ name: z.string().min(1).max(300), fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }),
  agency: Code,
  /**
   * `received`: the date a submission was received, as Home Affairs gave it at import (yyyy-mm-dd);
   * `key`: an agency's signing key replaced by Home Affairs' decision (old and new fingerprints).
   * `award`: the emulation council's decision on a commendation (item = the rule, `subject` = who;
   * new = include / exclude, null when the decision was withdrawn).
   * All three added later: older logs simply have none.
   */
  field: z.enum(['appraised', 'bonus', 'penalty', 'status', 'survey', 'falsified', 'received', 'key', 'award']),
  item: z.string().max(40).nullable(),
  /** The additional template (id) the item belongs to; absent for the ranked template (and in logs written before). */
  template: Slug.optional(),
  /** `award` entries: the nominee (nomination id) or collective (agency code) the decision is about. */
  subject: z.string().min(1).max(100).optional(),
  old: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  new: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  round: Round.nullable(),
  reason: z.string().max(5000).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
