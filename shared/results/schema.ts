import * as z from 'zod';
import { Commendation } from '../awards/schema.ts';
import { AgencyStatus } from '../schema/agency.ts';
import { ClassificationBand, LateRule, TieBreakRule } from '../schema/campaign.ts';
import { AgencyGroup, Code, IsoDate, IsoDateTime, LocalizedText, Slug } from '../schema/common.ts';
import { TemplateRef } from '../schema/template.ts';

export const RESULTS_KIND = 'parscore.results';

const Figure = z.number().finite();
const Count = z.number().int().nonnegative();

/** A message key and its parameters (rendered by the UI and the reports). */
export const MessageRef = z.strictObject({
  key: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type MessageRef = z.infer<typeof MessageRef>;

/** A problem met while computing the results (shared/util/issue.ts as data). */
export const IssueData = z.strictObject({
  code: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  at: z
    .strictObject({
      file: z.string().optional(),
      template: z.string().optional(),
      item: z.string().optional(),
      field: z.string().optional(),
      sheet: z.string().optional(),
      row: z.number().optional(),
      column: z.string().optional(),
      agency: z.string().optional(),
    })
    .optional(),
});

export const ScorePair = z.strictObject({ score: Figure, max: Figure });

/** One area (lĩnh vực, a root item) of an agency's result. */
export const AreaResult = z.strictObject({
  code: Code,
  title: LocalizedText,
  /** The area's maximum once "not applicable" items are taken out. */
  max: Figure,
  /** Self-assessed points outside the survey. */
  self: Figure,
  /** Appraised points outside the survey (the self score where an item is not appraised). */
  appraised: Figure,
  survey: Figure,
  /** appraised + survey. */
  points: Figure,
  /** points ÷ max × 100; null for an area that is wholly not applicable. */
  index: Figure.nullable(),
});
export type AreaResult = z.infer<typeof AreaResult>;

/** What settled an agency's place among those with the same index: 'index' when no other has it. */
export const RankedBy = z.enum(['index', 'APPRAISED_SCORE', 'AREA_SCORE', 'SURVEY_SCORE', 'SELF_SCORE', 'tie']);
export type RankedBy = z.infer<typeof RankedBy>;

// Additional templates (the ISO 9001 checklist beside the PAR index): scored, never ranked.

/** ISO checklist result bands (brief C.4), highest floor first; labels in the catalogue (results.iso_band.<code>). */
export const ISO_BANDS = [
  { code: 'good', min: 85 },
  { code: 'pass', min: 70 },
  { code: 'remedy', min: 50 },
  { code: 'fail', min: 0 },
] as const;
export const IsoBand = z.enum(['good', 'pass', 'remedy', 'fail']);
export type IsoBand = z.infer<typeof IsoBand>;
/** The ladder of phases reached (labels results.iso_phase.<code>); 'report' items are scored but no step. */
export const ISO_PHASES = ['build', 'apply', 'announce', 'maintain', 'improve'] as const;
export const IsoPhase = z.enum(ISO_PHASES);
export type IsoPhase = z.infer<typeof IsoPhase>;
/** Main clauses of TCVN ISO 9001:2008 the checklist items cite. */
export const ISO_CLAUSES = ['4', '5', '6', '7', '8'] as const;

export const AdditionalResult = z.strictObject({
  template: TemplateRef,
  /** exempt: the campaign marks the agency as not applying the template. */
  status: z.enum(['assessed', 'not_assessed', 'exempt']),
  /** The template is an ISO checklist (its items carry ISO phases): band, phase and clauses apply. */
  iso: z.boolean(),
  self: ScorePair,
  /** The self score where an item is not appraised. */
  appraised: ScorePair,
  /** appraised ÷ max × 100; null unless assessed. */
  percent: Figure.nullable(),
  /** ISO band code (ISO checklist only). */
  band: IsoBand.nullable(),
  /** The last phase met with every earlier phase met (a phase is met at half its points or more). */
  phase: IsoPhase.nullable(),
  phases: z.array(z.strictObject({ phase: IsoPhase, score: Figure, max: Figure, met: z.boolean() })),
  /** Points ÷ max per main ISO clause the items cite. */
  clauses: z.array(z.strictObject({ clause: z.string(), score: Figure, max: Figure, percent: Figure.nullable() })),
});
export type AdditionalResult = z.infer<typeof AdditionalResult>;

export const AgencyResult = z.strictObject({
  agency: z.strictObject({ code: Code, name: z.string(), group: AgencyGroup, parent: Code.nullable() }),
  template: TemplateRef,
  status: AgencyStatus,
  submitted: z.boolean(),
  revision: z.number().int().nonnegative().nullable(),
  receivedAt: z.string().nullable(),
  late: z.boolean(),
  /** Home Affairs has appraised the agency (else appraised = self). */
  hasAppraisal: z.boolean(),
  falsifiedEvidence: z.boolean(),
  /** Self-assessed score outside the survey, and its max. */
  self: ScorePair,
  /** Appraised score outside the survey, and its max. */
  appraised: ScorePair,
  survey: ScorePair,
  /** After the template's cap. */
  bonus: Figure,
  /** After the template's cap. */
  penalty: Figure,
  /** Deducted for a late submission when the campaign says so. */
  latePenalty: Figure,
  /** clamp(appraised + survey + bonus − penalty − late penalty, 0, max). */
  total: Figure,
  max: Figure,
  /** total ÷ max × 100, rounded once to 2 decimals. */
  index: Figure,
  /** appraised ÷ appraised max × 100: comparable where the survey is not run. */
  indexWithoutSurvey: Figure,
  areas: z.array(AreaResult),
  ranked: z.boolean(),
  /** Standard competition ranking within the group (1, 2, 2, 4); null when not ranked. */
  rank: z.number().int().positive().nullable(),
  rankedBy: RankedBy.nullable(),
  /** Why the agency is not ranked. */
  unranked: MessageRef.nullable(),
  /** Classification band code; null without a submission or when no band is reached. */
  band: z.string().nullable(),
  /** One per additional template assigned to the agency's group, in the campaign's order. */
  additional: z.array(AdditionalResult).default([]),
});
export type AgencyResult = z.infer<typeof AgencyResult>;

export const GroupSummary = z.strictObject({
  group: AgencyGroup,
  agencies: Count,
  submitted: Count,
  ranked: Count,
  late: Count,
  /** Mean index of the agencies that submitted; null when none did. */
  averageIndex: Figure.nullable(),
  /** Band code → number of agencies. */
  bands: z.record(z.string(), Count),
});
export type GroupSummary = z.infer<typeof GroupSummary>;

export const Scope = z.union([z.literal('all'), AgencyGroup]);
export type Scope = z.infer<typeof Scope>;

const FigureBase = {
  code: Code,
  title: LocalizedText,
  unit: z.string().nullable(),
  /** Agencies of the scope whose template has this figure (submitted or not). */
  agencies: Count,
  /** How many of them declared a value that fits the figure (0: "chưa kê khai"). */
  declared: Count,
  /** Values refused (wrong type, out of range): left out of the figure, each listed in `issues`. */
  refused: Count.default(0),
};

/** An agency of the group declaring another value than the group's shared one. */
export const SharedDissent = z.strictObject({ agency: Code, name: z.string(), value: Figure });
export type SharedDissent = z.infer<typeof SharedDissent>;

/** A headline figure across the agencies of a scope. */
export const IndicatorFigure = z.discriminatedUnion('aggregate', [
  /** Null when nobody declared ("chưa kê khai", not 0). */
  z.strictObject({ ...FigureBase, aggregate: z.literal('SUM'), value: Figure.nullable() }),
  /** Mean over the agencies that declared a value; null when none did. */
  z.strictObject({ ...FigureBase, aggregate: z.literal('AVERAGE'), value: Figure.nullable() }),
  /** "yes/of" as a review quotes it ("18/21 sở, ban, ngành"), and its percent; percent null when nobody declared. */
  z.strictObject({ ...FigureBase, aggregate: z.literal('COUNT_YES'), yes: Count, of: Count, percent: Figure.nullable() }),
  /**
   * One value for the whole group (the procedure set every commune applies): the value most of the
   * group's agencies declared; `tie` when several values were declared equally often (the smallest
   * is taken); the agencies declaring another value in `dissent`. Null when nobody declared. Only
   * per group: the province combines groups through the campaign's headlines.
   */
  z.strictObject({ ...FigureBase, aggregate: z.literal('SHARED'), value: Figure.nullable(), tie: z.boolean(), dissent: z.array(SharedDissent) }),
]);
export type IndicatorFigure = z.infer<typeof IndicatorFigure>;

export const IndicatorScope = z.strictObject({ scope: Scope, agencies: Count, figures: z.array(IndicatorFigure) });
export type IndicatorScope = z.infer<typeof IndicatorScope>;

/**
 * One group's part of a headline: its figure's aggregate (SUM → the group's sum, SHARED → the
 * shared value, COUNT_YES → the agencies answering yes). `state` says why a part adds nothing:
 * nobody of the group declared (not_declared), the group's templates have no such figure
 * (no_figure), or the figure is an average or text (not_additive).
 */
export const HeadlinePartResult = z.strictObject({
  group: AgencyGroup,
  indicator: Code,
  title: LocalizedText.nullable(),
  aggregate: z.enum(['SUM', 'COUNT_YES', 'AVERAGE', 'SHARED']).nullable(),
  value: Figure.nullable(),
  state: z.enum(['ok', 'not_declared', 'no_figure', 'not_additive']),
});
export type HeadlinePartResult = z.infer<typeof HeadlinePartResult>;

/** A province-wide figure combining groups (campaign.headlines): the sum of the parts that have a value. */
export const HeadlineResult = z.strictObject({
  code: Code,
  title: LocalizedText,
  unit: z.string().nullable(),
  /** Sum of the parts with a value; null when none has one ("chưa kê khai"). */
  value: Figure.nullable(),
  /** Every part has a value (else `value` is partial: the parts not 'ok' are missing from it). */
  complete: z.boolean(),
  parts: z.array(HeadlinePartResult),
});
export type HeadlineResult = z.infer<typeof HeadlineResult>;

export const ISO_STEPS = ['built', 'announced', 'maintained'] as const;
export const IsoStepName = z.enum(ISO_STEPS);
export type IsoStepName = z.infer<typeof IsoStepName>;
export const IsoStepState = z.enum(['yes', 'no', 'not_declared', 'no_submission']);
export type IsoStepState = z.infer<typeof IsoStepState>;

const StepCount = z.strictObject({ count: Count, percent: Figure.nullable() });

export const IsoGap = z.strictObject({
  agency: Code,
  name: z.string(),
  group: AgencyGroup,
  built: IsoStepState,
  announced: IsoStepState,
  maintained: IsoStepState,
  /** The steps not declared as done. */
  missing: z.array(IsoStepName).min(1),
});
export type IsoGap = z.infer<typeof IsoGap>;

/** ISO 9001 application in a scope: how many built, announced and maintain their QMS, and who does not. */
export const IsoScope = z.strictObject({
  scope: Scope,
  agencies: Count,
  built: StepCount,
  announced: StepCount,
  maintained: StepCount,
  /** Agencies with all three steps declared done. */
  complete: StepCount,
  missing: z.array(IsoGap),
});
export type IsoScope = z.infer<typeof IsoScope>;

/** An agency's declared ISO figure contradicting its checklist's phase score. */
export const IsoDisagreement = z.strictObject({
  agency: Code,
  name: z.string(),
  group: AgencyGroup,
  step: IsoStepName,
  phase: IsoPhase,
  declared: z.boolean(),
  score: Figure,
  max: Figure,
});
export type IsoDisagreement = z.infer<typeof IsoDisagreement>;

/** The ISO 9001 checklist assessments of a scope. */
export const IsoChecklistScope = z.strictObject({
  scope: Scope,
  template: TemplateRef,
  /** Agencies assigned the checklist and not exempt. */
  applying: Count,
  exempt: Count,
  assessed: Count,
  /** Mean checklist percent of the assessed; null when none. */
  averagePercent: Figure.nullable(),
  /** Band code → agencies. */
  bands: z.record(z.string(), Count),
  /** Phase code (or 'none') → agencies whose phase reached it is. */
  phases: z.record(z.string(), Count),
  /** Mean per-clause percent over the assessed agencies. */
  clauses: z.array(z.strictObject({ clause: z.string(), averagePercent: Figure.nullable() })),
  agencies: z.array(
    z.strictObject({ agency: Code, name: z.string(), group: AgencyGroup, status: AdditionalResult.shape.status, percent: Figure.nullable(), band: IsoBand.nullable(), phase: IsoPhase.nullable() }),
  ),
  disagreements: z.array(IsoDisagreement),
});
export type IsoChecklistScope = z.infer<typeof IsoChecklistScope>;

/** results.json: a campaign's published results (kind 'parscore.results'). */
export const ResultsV1 = z.strictObject({
  kind: z.literal(RESULTS_KIND),
  schemaVersion: z.literal(1),
  campaign: z.strictObject({
    id: Slug,
    year: z.number().int(),
    title: LocalizedText,
    model: z.enum(['three-tier', 'two-tier']),
    period: z.strictObject({ from: IsoDate, to: IsoDate }).nullable(),
  }),
  generatedAt: IsoDateTime,
  bands: z.array(ClassificationBand),
  tieBreaks: z.array(TieBreakRule),
  late: LateRule,
  /** By group (departments, districts, communes), then rank; unranked agencies after the ranked. */
  agencies: z.array(AgencyResult),
  groups: z.array(GroupSummary),
  /** Per group present, then 'all'. */
  indicators: z.array(IndicatorScope),
  /** The campaign's headline figures combining groups, in the campaign's order. */
  headlines: z.array(HeadlineResult).default([]),
  /** Null when the campaign names no ISO figures. */
  iso: z.array(IsoScope).nullable(),
  /** The ISO 9001 checklist per group present, then 'all'; null when no group is assigned one. */
  isoChecklist: z.array(IsoChecklistScope).nullable().default(null),
  commendation: Commendation,
  issues: z.array(IssueData),
  /** Year over year and multi-year summary, when earlier years' results were given. */
  get comparison() {
    return PeriodComparison.nullable();
  },
});
export type Results = z.infer<typeof ResultsV1>;

// Period comparison (year over year, five-year review).

export const PeriodRef = z.strictObject({ campaign: Slug, year: z.number().int(), title: LocalizedText });

export const AgencyYear = z.strictObject({
  year: z.number().int(),
  campaign: Slug,
  group: AgencyGroup,
  submitted: z.boolean(),
  index: Figure,
  rank: z.number().int().positive().nullable(),
  band: z.string().nullable(),
  areas: z.array(z.strictObject({ code: Code, index: Figure.nullable() })),
});
export type AgencyYear = z.infer<typeof AgencyYear>;

export const YearDelta = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  /** Index points gained (negative: lost). */
  index: Figure,
  /** Places gained (earlier rank − later rank); null unless ranked both times. */
  rank: z.number().int().nullable(),
  band: z.strictObject({ from: z.string().nullable(), to: z.string().nullable() }),
  /** Per area present both times (and applicable both times). */
  areas: z.array(z.strictObject({ code: Code, index: Figure })),
});
export type YearDelta = z.infer<typeof YearDelta>;

export const AgencyTrend = z.strictObject({
  agency: Code,
  /** Name and group as of the latest period the agency appears in. */
  name: z.string(),
  group: AgencyGroup,
  years: z.array(AgencyYear),
  deltas: z.array(YearDelta),
  summary: z.strictObject({
    /** Periods with a submission. */
    years: Count,
    averageIndex: Figure.nullable(),
    best: z.strictObject({ year: z.number().int(), index: Figure }).nullable(),
    worst: z.strictObject({ year: z.number().int(), index: Figure }).nullable(),
    /** Band code → number of periods in it. */
    bandYears: z.record(z.string(), Count),
    /** Periods in the period's highest band (band A). */
    yearsInTopBand: Count,
  }),
});
export type AgencyTrend = z.infer<typeof AgencyTrend>;

export const PeriodComparison = z.strictObject({
  periods: z.array(PeriodRef),
  agencies: z.array(AgencyTrend),
  groups: z.array(
    z.strictObject({
      group: AgencyGroup,
      years: z.array(z.strictObject({ year: z.number().int(), agencies: Count, submitted: Count, averageIndex: Figure.nullable() })),
    }),
  ),
});
export type PeriodComparison = z.infer<typeof PeriodComparison>;
