import * as z from 'zod';
import { Agency } from './agency.ts';
import { AgencyGroup, IsoDate, LocalizedText, Slug } from './common.ts';
import { CommendationRules } from './awards.ts';
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
export type TieBreakRule = z.infer<typeof TieBreakRule>;

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
export type CampaignV1 = z.infer<typeof CampaignV1>;

/** A public Ed25519 key as exchanged in packages: SPKI DER in base64, and its SHA-256 fingerprint. */
export const PublicKeyInfo = z.strictObject({
  name: z.string().trim().min(1).max(300),
  publicKey: z.string().regex(/^[A-Za-z0-9+/]+=*$/).max(200),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PublicKeyInfo = z.infer<typeof PublicKeyInfo>;

export const LateRule = z.strictObject({
  /** rank_flagged: ranked, marked late; not_ranked: "Không xếp hạng"; penalty: ranked after deducting points. */
  mode: z.enum(['rank_flagged', 'not_ranked', 'penalty']),
  penaltyPoints: z.number().min(0).max(100).default(0),
});

export const DEFAULT_ANSWER_SCALE = { A: 100, B: 60, C: 20, D: 0 } as const;

/**
 * Version 2 adds what the full cycle needs: the period, who appraises communes, what lateness
 * costs, the survey answer scale, the commendation rules and Home Affairs' public key.
 */
export const CampaignV2 = z.strictObject({
  ...CampaignV1.shape,
  schemaVersion: z.literal(2),
  period: z.strictObject({ from: IsoDate, to: IsoDate }).optional(),
  /** Three-tier model: communes appraised by their district's Phòng Nội vụ or by the province. */
  communeAppraiser: z.enum(['province', 'district']).default('province'),
  late: LateRule.default({ mode: 'not_ranked', penaltyPoints: 0 }),
  /** Survey answer letter → percent of the item's points (configurable per campaign). */
  surveyScale: z.record(z.string().regex(/^[A-Z]$/), z.number().min(0).max(100)).default({ ...DEFAULT_ANSWER_SCALE }),
  commendation: CommendationRules.default({ collectives: [], individuals: [] }),
  /** Which declared figures say that an agency built, announced and maintains its ISO 9001 QMS. */
  isoIndicators: z.strictObject({ built: z.string().min(1), announced: z.string().min(1), maintained: z.string().min(1) }).nullable().default(null),
  /** Pinned by agencies at first import; packages from Home Affairs are checked against it. */
  homeAffairs: PublicKeyInfo.nullable().default(null),
});
export type Campaign = z.infer<typeof CampaignV2>;

export function migrateCampaignV1(c: CampaignV1): z.input<typeof CampaignV2> {
  return { ...c, schemaVersion: 2 };
}
