import * as z from 'zod';
import { AgencyGroup, Code, IsoDate, LocalizedText, Points, Slug } from './common.ts';

/** A variable name usable in FORMULA expressions. */
export const VariableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'invalid_variable' }).max(40);

/** A score band: a value at or above `min` (percent) earns `points`. Bands are listed from the highest `min` down. */
export const Band = z.strictObject({ min: z.number().finite().nonnegative(), points: Points });
export type Band = z.infer<typeof Band>;

export const FormulaVariable = z.strictObject({
  name: VariableName,
  label: LocalizedText,
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
});
export type FormulaVariable = z.infer<typeof FormulaVariable>;

/**
 * How a leaf item turns its input into points. The parameters live with the rule type so that a
 * rule can only carry the parameters it understands.
 */
export const Rule = z.discriminatedUnion('type', [
  /** Có → max, Không → 0. */
  z.strictObject({ type: z.literal('BINARY') }),
  /** The input percent (or numerator/denominator) earns the points of the first band it reaches. */
  z.strictObject({ type: z.literal('PERCENT_BANDS'), bands: z.array(Band).min(1).max(20) }),
  /** max × numerator ÷ denominator; `zeroDenominator` says what a 0 denominator means (nothing to do). */
  z.strictObject({
    type: z.literal('RATIO'),
    zeroDenominator: z.enum(['FULL', 'ZERO', 'NOT_APPLICABLE']).default('FULL'),
  }),
  /** max − perCount × count, never below 0. */
  z.strictObject({ type: z.literal('COUNT_DEDUCT'), perCount: z.number().finite().positive() }),
  /** The scorer enters the points, 0..max, optionally in steps (e.g. 0.25). */
  z.strictObject({ type: z.literal('MANUAL'), step: z.number().finite().positive().optional() }),
  /** max × survey result percent ÷ 100; filled from the sociological survey, never self-scored. */
  z.strictObject({ type: z.literal('SURVEY') }),
  /** A safe arithmetic expression over the variables declared here; the result is clamped to 0..max. */
  z.strictObject({
    type: z.literal('FORMULA'),
    expression: z.string().trim().min(1).max(500),
    variables: z.array(FormulaVariable).min(1).max(20),
  }),
]);
export type Rule = z.infer<typeof Rule>;
export type RuleType = Rule['type'];
export const RULE_TYPES = ['BINARY', 'PERCENT_BANDS', 'RATIO', 'COUNT_DEDUCT', 'MANUAL', 'SURVEY', 'FORMULA'] as const satisfies readonly RuleType[];

export const IsoPhase = z.enum(['build', 'apply', 'announce', 'maintain', 'improve', 'report']);
export type IsoPhase = z.infer<typeof IsoPhase>;

/**
 * One node of the criteria tree (area → criterion → sub-criterion → …), stored flat in document
 * order with a parent code, exactly as a province types its decision into a sheet.
 */
export const TemplateItem = z.strictObject({
  code: Code,
  parent: Code.nullable(),
  title: LocalizedText,
  max: Points,
  /** Leaves carry a rule; parents never do (their score is the sum of their children). */
  rule: Rule.optional(),
  /** "Cách tính điểm" as printed in the decision, for people; the rule is what the engine uses. */
  scoringGuide: LocalizedText.optional(),
  /** "Tài liệu kiểm chứng" expected for this item. */
  evidenceHint: LocalizedText.optional(),
  /** Scored by the sociological survey (ĐTXHH), not by self-assessment. */
  survey: z.boolean().default(false),
  /** "Không áp dụng" may be chosen; the item's max then leaves its parent's max (re-basing). */
  notApplicableAllowed: z.boolean().default(false),
  /** ISO 9001:2008 clauses an item maps to (ISO checklist templates). */
  isoClauses: z.array(z.string().regex(/^[4-8](\.\d+)*$/)).optional(),
  isoPhase: IsoPhase.optional(),
});
export type TemplateItem = z.infer<typeof TemplateItem>;
export type TemplateItemInput = z.input<typeof TemplateItem>;

/** Declared figures (số liệu kê khai) and how they aggregate across agencies. */
export const IndicatorTypeV1 = z.enum(['number', 'boolean', 'text']);
export const IndicatorAggregateV1 = z.enum(['SUM', 'COUNT_YES', 'AVERAGE', 'NONE']);
export const IndicatorV1 = z.strictObject({
  code: Code,
  title: LocalizedText,
  type: IndicatorTypeV1,
  unit: z.string().trim().min(1).max(40).optional(),
  /** SUM and AVERAGE for numbers, COUNT_YES ("x/y" coverage) for yes/no, NONE for text. */
  aggregate: IndicatorAggregateV1,
  /** Item this figure supports, when there is one. */
  item: Code.optional(),
});

/**
 * Version 2 of a declared figure: `count` (a non-negative whole number: documents, procedures), an
 * optional range for numbers, SHARED ("one value for the whole group": the procedure set every
 * commune applies is one number, not a sum over communes), and the item it must agree with may sit
 * in another template of the agency (the ISO 9001 checklist).
 */
export const IndicatorType = z.enum(['number', 'count', 'boolean', 'text']);
export type IndicatorType = z.infer<typeof IndicatorType>;
export const IndicatorAggregate = z.enum(['SUM', 'COUNT_YES', 'AVERAGE', 'SHARED', 'NONE']);
export type IndicatorAggregate = z.infer<typeof IndicatorAggregate>;
export const Indicator = z.strictObject({
  ...IndicatorV1.shape,
  type: IndicatorType,
  /** SUM and AVERAGE for numbers and counts, COUNT_YES for yes/no, SHARED for one value per group, NONE for text. */
  aggregate: IndicatorAggregate,
  /** Lowest and highest value accepted (numbers and counts). */
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  /** Template (id) holding `item`, when it is not this one (e.g. the ISO 9001 checklist). */
  itemTemplate: Slug.optional(),
});
export type Indicator = z.infer<typeof Indicator>;

export const AdjustmentItem = z.strictObject({ code: Code, title: LocalizedText, max: Points });
export type AdjustmentItem = z.infer<typeof AdjustmentItem>;
export const AdjustmentBlock = z.strictObject({ cap: Points, items: z.array(AdjustmentItem).max(100) });
export type AdjustmentBlock = z.infer<typeof AdjustmentBlock>;

export const LegalBasis = z.strictObject({
  decisionNo: z.string().trim().min(1).max(120),
  date: IsoDate,
  issuer: z.string().trim().min(1).max(200),
});

export const TEMPLATE_KIND = 'parscore.template';

export const TemplateV1 = z.strictObject({
  kind: z.literal(TEMPLATE_KIND),
  schemaVersion: z.literal(1),
  id: Slug,
  version: z.number().int().positive(),
  title: LocalizedText,
  legalBasis: LegalBasis,
  /** A built-in sample that a province must replace with its own decision. */
  sample: z.boolean(),
  sources: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
  appliesTo: z.array(AgencyGroup).min(1),
  /** The declared total (e.g. 100); the roots must add up to it. */
  maxPoints: Points,
  items: z.array(TemplateItem).min(1).max(2000),
  indicators: z.array(IndicatorV1).max(500).default([]),
  bonus: AdjustmentBlock,
  penalty: AdjustmentBlock,
});
export type TemplateV1 = z.infer<typeof TemplateV1>;

/** Version 2: declared figures of version 2 (counts, ranges, SHARED, ties to another template's item). */
export const TemplateV2 = z.strictObject({
  ...TemplateV1.shape,
  schemaVersion: z.literal(2),
  indicators: z.array(Indicator).max(500).default([]),
});
export type Template = z.infer<typeof TemplateV2>;
export type TemplateInput = z.input<typeof TemplateV2>;

export function migrateTemplateV1(t: TemplateV1): z.input<typeof TemplateV2> {
  return { ...t, schemaVersion: 2 };
}
export interface TemplateRef {
  id: string;
  version: number;
}
export const TemplateRef = z.strictObject({ id: Slug, version: z.number().int().positive() });
