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
export type WorkspaceIndex = z.infer<typeof WorkspaceIndexV1>;
