import * as z from 'zod';
import { Code, IsoDate, IsoDateTime, Sha256Hex, Slug } from './common.ts';
import { TemplateRef, VariableName } from './template.ts';

const NonNegative = z.number().finite().nonnegative();

/** The input an item takes, by kind; which kinds a rule accepts is decided by the scoring engine. */
export const ItemInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('binary'), value: z.enum(['yes', 'no']) }),
  z.strictObject({ kind: z.literal('notApplicable') }),
  z.strictObject({ kind: z.literal('percent'), value: NonNegative.max(1000) }),
  z.strictObject({ kind: z.literal('ratio'), numerator: NonNegative, denominator: NonNegative }),
  z.strictObject({ kind: z.literal('count'), value: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('manual'), value: z.number().finite() }),
  z.strictObject({ kind: z.literal('variables'), values: z.record(VariableName, z.number().finite()) }),
]);
export type ItemInput = z.infer<typeof ItemInput>;
export type ItemInputKind = ItemInput['kind'];

/** A reference to a supporting document (tài liệu kiểm chứng); the file itself lives in the workspace by hash. */
export const EvidenceRef = z.strictObject({
  docNo: z.string().trim().min(1).max(120),
  date: IsoDate.optional(),
  issuer: z.string().trim().max(300).optional(),
  title: z.string().trim().max(1000).optional(),
  fileName: z.string().trim().min(1).max(255).optional(),
  size: z.number().int().nonnegative().optional(),
  sha256: Sha256Hex.optional(),
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const ItemEntry = z.strictObject({
  input: ItemInput.optional(),
  /** Self score as computed by the engine when the input was set (kept for reports and audits). */
  selfScore: z.number().finite().nonnegative().nullable().default(null),
  note: z.string().max(10000).optional(),
  /** Giải trình: why evidence is missing or how the score was reached. */
  explanation: z.string().max(20000).optional(),
  evidence: z.array(EvidenceRef).max(200).default([]),
});
export type ItemEntry = z.infer<typeof ItemEntry>;

export const IndicatorValue = z.union([z.number().finite(), z.boolean(), z.string().max(5000), z.null()]);
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const AdjustmentEntry = z.strictObject({ points: NonNegative, note: z.string().max(5000).optional() });
export type AdjustmentEntry = z.infer<typeof AdjustmentEntry>;

export const ASSESSMENT_KIND = 'parscore.assessment';

/** One agency's self-assessment against one template. */
export const AssessmentV1 = z.strictObject({
  kind: z.literal(ASSESSMENT_KIND),
  schemaVersion: z.literal(1),
  agency: Code,
  campaign: Slug.optional(),
  template: TemplateRef,
  revision: z.number().int().nonnegative().default(0),
  items: z.record(Code, ItemEntry).default({}),
  indicators: z.record(Code, IndicatorValue).default({}),
  bonus: z.record(Code, AdjustmentEntry).default({}),
  penalty: z.record(Code, AdjustmentEntry).default({}),
  updatedAt: IsoDateTime,
});

/** The agency's assessment against one of its group's additional templates (the ISO 9001 checklist). */
export const AdditionalAssessment = z.strictObject({
  template: TemplateRef,
  items: z.record(Code, ItemEntry).default({}),
});
export type AdditionalAssessment = z.infer<typeof AdditionalAssessment>;

export type AssessmentV1 = z.infer<typeof AssessmentV1>;

/**
 * Version 2: beside the ranked template's items, figures and adjustments, the agency's assessments
 * against its additional templates, keyed by template id.
 */
export const AssessmentV2 = z
  .strictObject({
    ...AssessmentV1.shape,
    schemaVersion: z.literal(2),
    additional: z.record(Slug, AdditionalAssessment).default({}),
  })
  .refine((a) => Object.entries(a.additional).every(([id, x]) => x.template.id === id && id !== a.template.id), {
    error: 'additional_template_mismatch',
    path: ['additional'],
  });
export type Assessment = z.infer<typeof AssessmentV2>;
export type AssessmentInput = z.input<typeof AssessmentV2>;

export function migrateAssessmentV1(a: AssessmentV1): z.input<typeof AssessmentV2> {
  return { ...a, schemaVersion: 2 };
}
