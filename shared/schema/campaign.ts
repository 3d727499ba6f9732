import * as z from 'zod';
import { Agency } from './agency.ts';
import { AgencyGroup, IsoDate, LocalizedText, Slug } from './common.ts';
import { TemplateRef } from './template.ts';

export const ClassificationBand = z.strictObject({
  code: z.string().trim().min(1).max(10),
  label: LocalizedText,
  /** Lowest index % (rounded to 2 decimals) that reaches the band. */
  minIndex: z.number().finite().min(0).max(100),
});
export type ClassificationBand = z.infer<typeof ClassificationBand>;

export const TieBreak = z.enum(['APPRAISED_SCORE', 'AREA_SCORE', 'SURVEY_SCORE', 'SELF_SCORE']);
export const TieBreakRule = z.strictObject({ by: TieBreak, area: z.string().optional() });

export const Issuer = z.strictObject({
  /** e.g. "UBND TỈNH MINH SƠN". */
  parentBody: z.string().trim().min(1).max(200),
  /** e.g. "SỞ NỘI VỤ". */
  body: z.string().trim().min(1).max(200),
  /** e.g. "Minh Sơn" (place in "Minh Sơn, ngày … tháng … năm …"). */
  place: z.string().trim().min(1).max(100),
  signerTitle: z.string().trim().min(1).max(200),
  signerName: z.string().trim().min(1).max(200),
});
export type Issuer = z.infer<typeof Issuer>;

export const Deadlines = z.strictObject({
  selfAssessment: IsoDate.optional(),
  explanation: IsoDate.optional(),
  appraisal1: IsoDate.optional(),
  appraisal2: IsoDate.optional(),
});

export const CAMPAIGN_KIND = 'parscore.campaign';

/**
 * The year's scoring campaign as Home Affairs sets it up. Commendation rules, keys and survey
 * settings join in later schema versions.
 */
export const CampaignV1 = z.strictObject({
  kind: z.literal(CAMPAIGN_KIND),
  schemaVersion: z.literal(1),
  id: Slug,
  title: LocalizedText,
  year: z.number().int().min(2000).max(2100),
  /** three-tier: departments, districts, communes (to 2025); two-tier: departments and communes. */
  model: z.enum(['three-tier', 'two-tier']),
  templates: z.partialRecord(AgencyGroup, TemplateRef),
  agencies: z.array(Agency).max(20000),
  deadlines: Deadlines.default({}),
  bands: z.array(ClassificationBand).min(1).max(10),
  tieBreaks: z.array(TieBreakRule).max(5).default([]),
  issuer: Issuer,
});
export type Campaign = z.infer<typeof CampaignV1>;
