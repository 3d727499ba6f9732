import * as z from 'zod';
import { ItemExplanation, AppraisalV1, AppraisalV2, Round } from './appraisal.ts';
import { AssessmentV1, AssessmentV2 } from './assessment.ts';
import { CampaignUid, PublicKeyInfo } from './campaign.ts';
import { Code, IsoDateTime, Sha256Hex, Slug } from './common.ts';
import { Nomination } from './nomination.ts';

/*
 * Files that travel between machines. Each is a zip container (exchange format 2, see
 * electron/services/packages/container.ts) holding `manifest.json` (signer, campaign, SHA-256 of
 * every other entry) and the payload document below, plus embedded evidence files under
 * `evidence/<sha256>`; the Ed25519 signature over every other byte of the file is its zip comment.
 */

export const PACKAGE_KINDS = ['parscore.campaign-package', 'parscore.submission', 'parscore.appraisal-package'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

export const ManifestEntry = z.strictObject({
  path: z.string().min(1).max(300),
  size: z.number().int().nonnegative(),
  sha256: Sha256Hex,
});
export const ManifestV1 = z.strictObject({
  kind: z.literal('parscore.manifest'),
  schemaVersion: z.literal(1),
  packageKind: z.enum(PACKAGE_KINDS),
  createdAt: IsoDateTime,
  entries: z.array(ManifestEntry).min(1).max(10000),
});
export type ManifestV1 = z.infer<typeof ManifestV1>;

/** Hex SHA-256 of a public key's SPKI DER. */
export const KeyFingerprint = z.string().regex(/^[0-9a-f]{64}$/);

/** The campaign a file belongs to: its id, its random uid and Home Affairs' key (fingerprint). */
export const CampaignBinding = z.strictObject({
  id: Slug,
  uid: CampaignUid,
  homeAffairs: KeyFingerprint,
});
export type CampaignBinding = z.infer<typeof CampaignBinding>;

/**
 * Version 2 (exchange format 2): the signature covers the whole file, so the manifest carries the
 * signer (its key must be the one in the signature) and the campaign the file belongs to. Version 1
 * files are not read (no release carried them).
 */
export const ManifestV2 = z.strictObject({
  kind: z.literal('parscore.manifest'),
  schemaVersion: z.literal(2),
  packageKind: z.enum(PACKAGE_KINDS),
  createdAt: IsoDateTime,
  signer: PublicKeyInfo,
  campaign: CampaignBinding,
  entries: z.array(ManifestEntry).min(1).max(10000),
});
export type Manifest = z.infer<typeof ManifestV2>;


/** An evidence file carried in a package. */
export const EvidenceFile = z.strictObject({
  sha256: Sha256Hex,
  fileName: z.string().trim().min(1).max(255),
  size: z.number().int().nonnegative(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const SUBMISSION_KIND = 'parscore.submission';

/** Agency → Home Affairs: one per agency per round (submission.json inside the container). */
export const SubmissionV1 = z.strictObject({
  kind: z.literal(SUBMISSION_KIND),
  schemaVersion: z.literal(1),
  campaign: Slug,
  agency: Code,
  /** Increases with every file the agency sends; an older revision never replaces a newer one. */
  revision: z.number().int().positive(),
  /** 1: self-assessment; 2: answers to the round-1 appraisal (explanations, extra evidence). */
  round: Round,
  createdAt: IsoDateTime,
  signer: z.strictObject({ name: z.string().trim().min(1).max(200), position: z.string().trim().min(1).max(200) }),
  assessment: AssessmentV1,
  nominations: z.array(Nomination).max(200).default([]),
  explanations: z.record(Code, ItemExplanation).default({}),
  evidence: z.array(EvidenceFile).max(5000).default([]),
});
export type SubmissionV1 = z.infer<typeof SubmissionV1>;

/** Version 2: the assessment of version 2 (with the additional templates) and their round-2 explanations. */
export const SubmissionV2 = z.strictObject({
  ...SubmissionV1.shape,
  schemaVersion: z.literal(2),
  assessment: AssessmentV2,
  /** Round-2 explanations of additional templates' items: template id → item code → explanation. */
  additionalExplanations: z.record(Slug, z.record(Code, ItemExplanation)).default({}),
});
export type Submission = z.infer<typeof SubmissionV2>;

export function migrateSubmissionV1(s: SubmissionV1): z.input<typeof SubmissionV2> {
  return { ...s, schemaVersion: 2, assessment: { ...s.assessment, schemaVersion: 2 } };
}

export const APPRAISAL_PACKAGE_KIND = 'parscore.appraisal-package';

/** Home Affairs → agency: the round's appraisal, for the agency to read and explain. */
export const AppraisalPackageV1 = z.strictObject({
  kind: z.literal(APPRAISAL_PACKAGE_KIND),
  schemaVersion: z.literal(1),
  campaign: Slug,
  agency: Code,
  createdAt: IsoDateTime,
  appraisal: AppraisalV1,
});
export type AppraisalPackageV1 = z.infer<typeof AppraisalPackageV1>;

/** Version 2: carries an appraisal of version 2. */
export const AppraisalPackageV2 = z.strictObject({
  ...AppraisalPackageV1.shape,
  schemaVersion: z.literal(2),
  appraisal: AppraisalV2,
});
export type AppraisalPackage = z.infer<typeof AppraisalPackageV2>;

export function migrateAppraisalPackageV1(p: AppraisalPackageV1): z.input<typeof AppraisalPackageV2> {
  return { ...p, schemaVersion: 2, appraisal: { ...p.appraisal, schemaVersion: 2 } };
}

export const CAMPAIGN_PACKAGE_KIND = 'parscore.campaign-package';

/** Home Affairs → agencies: the campaign and the templates it uses. */
export const CampaignPackageV1 = z.strictObject({
  kind: z.literal(CAMPAIGN_PACKAGE_KIND),
  schemaVersion: z.literal(1),
  createdAt: IsoDateTime,
  /** Validated separately with CampaignDoc / TemplateDoc (they carry their own versions). */
  campaign: z.unknown(),
  templates: z.array(z.unknown()).min(1).max(20),
});
export type CampaignPackage = z.infer<typeof CampaignPackageV1>;
