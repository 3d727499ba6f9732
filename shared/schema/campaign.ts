import * as z from 'zod';
import { Agency } from './agency.ts';
import { AgencyGroup, Code, IsoDate, LocalizedText, Slug } from './common.ts';
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
export function migrateCampaignV1(c: CampaignV1): z.input<typeof CampaignV2> {
  return { ...c, schemaVersion: 2 };
}

export type CampaignV2 = z.infer<typeof CampaignV2>;

/** An agency that does not apply one of its group's additional templates (e.g. a commune without ISO 9001). */
export const TemplateExemption = z.strictObject({
  agency: Code,
  template: Slug,
  reason: z.string().trim().min(1).max(500).optional(),
});
export type TemplateExemption = z.infer<typeof TemplateExemption>;

/** One group's share of a headline figure: that group's aggregate of the figure (a SUM, or the SHARED value). */
export const HeadlinePart = z.strictObject({ group: AgencyGroup, indicator: Code });
export type HeadlinePart = z.infer<typeof HeadlinePart>;

/**
 * A province-wide figure combining groups, e.g. "administrative procedures across the three levels" =
 * the departments' sum + the district level's shared set + the commune level's shared set.
 */
export const Headline = z.strictObject({
  code: Code,
  title: LocalizedText,
  unit: z.string().trim().min(1).max(40).optional(),
  parts: z.array(HeadlinePart).min(1).max(10),
});
export type Headline = z.infer<typeof Headline>;

/** Version 2 of the issuer: the number and date printed on the reports, when not given at the command. */
export const IssuerV2 = z.strictObject({
  ...Issuer.shape,
  /** e.g. "45/BC-SNV". */
  reportNumber: z.string().trim().min(1).max(60).optional(),
  reportDate: IsoDate.optional(),
});
export type IssuerV2 = z.infer<typeof IssuerV2>;

/**
 * Version 3: a group may be assessed against more than one template. `templates[group]` stays the
 * ranked one (the PAR index); `additionalTemplates[group]` are assessed beside it (the ISO 9001
 * checklist), each agency has one assessment per template unless exempted. Headline figures may
 * combine groups; the issuer carries the reports' number and date.
 */
export const CampaignV3 = z.strictObject({
  ...CampaignV2.shape,
  schemaVersion: z.literal(3),
  issuer: IssuerV2,
  additionalTemplates: z.partialRecord(AgencyGroup, z.array(TemplateRef).max(5)).default({}),
  exemptions: z.array(TemplateExemption).max(40000).default([]),
  headlines: z.array(Headline).max(100).default([]),
});
export type CampaignV3 = z.infer<typeof CampaignV3>;

/** A campaign's unique id: random (a UUID) at creation, or derived for a campaign migrated from version 3. */
export const CampaignUid = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'invalid_slug' }).min(8).max(160);

/**
 * Version 4: the campaign's unique identity. Campaign ids such as `cchc-2024` repeat across
 * provinces; `uid` (random, created with the campaign) together with Home Affairs' key tells one
 * campaign from another. Every submission and appraisal file names both.
 */
export const CampaignV4 = z.strictObject({
  ...CampaignV3.shape,
  schemaVersion: z.literal(4),
  uid: CampaignUid,
});
export type CampaignV4 = z.infer<typeof CampaignV4>;

/** Version 3 of the issuer: "Nơi nhận", the recipients printed under Home Affairs' reports (absent: the usual ones). */
export const IssuerV3 = z.strictObject({
  ...IssuerV2.shape,
  recipients: z.array(z.string().trim().min(1).max(200)).min(1).max(20).optional(),
});
export type IssuerV3 = z.infer<typeof IssuerV3>;

/** Version 5: the issuer names the recipients ("Nơi nhận") of the reports, set with the campaign. */
export const CampaignV5 = z.strictObject({
  ...CampaignV4.shape,
  schemaVersion: z.literal(5),
  issuer: IssuerV3,
});
export type Campaign = z.infer<typeof CampaignV5>;
export type CampaignInput = z.input<typeof CampaignV5>;

export function migrateCampaignV4(c: CampaignV4): z.input<typeof CampaignV5> {
  return { ...c, schemaVersion: 5 };
}

export function migrateCampaignV2(c: CampaignV2): z.input<typeof CampaignV3> {
  return { ...c, schemaVersion: 3 };
}

/**
 * A campaign of version 3 had no uid: it gets one derived from what already told it apart, its id
 * and Home Affairs' key fingerprint (`legacy-<first 32 hex of the fingerprint>-<id>`, or
 * `legacy-<id>` before Home Affairs has a key), so that Home Affairs' workspace and every agency's
 * workspace, migrated apart, agree on the same uid.
 */
export function migrateCampaignV3(c: CampaignV3): z.input<typeof CampaignV4> {
  return { ...c, schemaVersion: 4, uid: legacyCampaignUid(c.id, c.homeAffairs?.fingerprint ?? null) };
}

export function legacyCampaignUid(id: string, homeAffairsFingerprint: string | null): string {
  return homeAffairsFingerprint ? `legacy-${homeAffairsFingerprint.slice(0, 32)}-${id}` : `legacy-${id}`;
}
