import * as z from 'zod';
import { AgencyStatus } from './agency.ts';
import { AgencyGroup, Code, IsoDateTime, Slug } from './common.ts';

export const WORKSPACE_KIND = 'parscore.workspace';

export const WorkspaceAgency = z.strictObject({
  code: Code,
  name: z.string().trim().min(1).max(300),
  group: AgencyGroup,
  parent: Code.nullable().default(null),
  status: AgencyStatus.default('not_submitted'),
  /** Template the agency's assessment file uses, once it has one. */
  hasAssessment: z.boolean().default(false),
});
export type WorkspaceAgency = z.infer<typeof WorkspaceAgency>;

/**
 * The small index of a workspace folder. Assessments live in their own files so that saving one
 * item rewrites one agency's file, never the province.
 */
export const WorkspaceIndexV1 = z.strictObject({
  kind: z.literal(WORKSPACE_KIND),
  schemaVersion: z.literal(1),
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(300),
  /** Home Affairs consolidates many agencies; an agency workspace holds its own assessment. */
  role: z.enum(['home-affairs', 'agency']),
  campaign: Slug.nullable().default(null),
  /** For an agency workspace: which agency this is. */
  self: Code.nullable().default(null),
  agencies: z.array(WorkspaceAgency).max(20000).default([]),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type WorkspaceIndexV1 = z.infer<typeof WorkspaceIndexV1>;

/** What Home Affairs knows of an agency's submissions. */
export const SubmissionRecord = z.strictObject({
  revision: z.number().int().positive(),
  round: z.union([z.literal(1), z.literal(2)]),
  receivedAt: IsoDateTime,
  late: z.boolean(),
  /** SHA-256 of the file as received (a re-import of the same file is a no-op). */
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SubmissionRecord = z.infer<typeof SubmissionRecord>;

export const WorkspaceAgencyV2 = z.strictObject({
  ...WorkspaceAgency.shape,
  /** Fingerprint and key pinned at the agency's first import; a different key is refused. */
  pinnedKey: z.strictObject({ publicKey: z.string().max(200), fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).nullable().default(null),
  submission: SubmissionRecord.nullable().default(null),
});
export type WorkspaceAgencyV2 = z.infer<typeof WorkspaceAgencyV2>;

/** Version 2: agencies carry their pinned key and last submission; the workspace its own identity. */
export const WorkspaceIndexV2 = z.strictObject({
  ...WorkspaceIndexV1.shape,
  schemaVersion: z.literal(2),
  agencies: z.array(WorkspaceAgencyV2).max(20000).default([]),
  /** This workspace's signing identity (public part; the private key lives in keys/). */
  identity: z.strictObject({ name: z.string().min(1).max(300), publicKey: z.string().max(200), fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }).nullable().default(null),
});
export type WorkspaceIndex = z.infer<typeof WorkspaceIndexV2>;

export function migrateWorkspaceIndexV1(w: WorkspaceIndexV1): z.input<typeof WorkspaceIndexV2> {
  return { ...w, schemaVersion: 2 };
}
