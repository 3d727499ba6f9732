import * as z from 'zod';
import { AgencyGroup, AgencyStatus, Code } from '../schema/index.ts';

/** Totals of one agency as the overview shows them. */
export const AgencyScoreSummary = z.strictObject({
  total: z.number(),
  max: z.number(),
  index: z.number(),
  self: z.number(),
  selfMax: z.number(),
  answered: z.number().int(),
  leafCount: z.number().int(),
});
export type AgencyScoreSummary = z.infer<typeof AgencyScoreSummary>;

export const WorkspaceSummary = z.strictObject({
  name: z.string(),
  role: z.enum(['home-affairs', 'agency']),
  campaign: z.strictObject({ id: z.string(), title: z.string(), year: z.number().int() }).nullable(),
  agencies: z.array(
    z.strictObject({
      code: Code,
      name: z.string(),
      group: AgencyGroup,
      parent: z.string().nullable(),
      status: AgencyStatus,
      score: AgencyScoreSummary.nullable(),
      /** The agency's file could not be read (damaged, no good backup): what is wrong and what to do, in the user's language. */
      problem: z.strictObject({ message: z.string(), action: z.string() }).nullable(),
    }),
  ),
  /** Files repaired from backup since the workspace was opened, already in the user's language. */
  notices: z.array(z.string()),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

/** Channels of the open workspace as a whole. */
export const workspaceChannels = {
  'workspace:summary': { input: z.strictObject({}), output: WorkspaceSummary },
  /** Opens another workspace folder (File › Recent workspaces) in place of the current one. */
  /** `force`: take the lock from another holder, after the window's warning (store.locked_elsewhere). */
  'workspace:open': { input: z.strictObject({ path: z.string().min(1).max(4096), force: z.boolean().optional() }), output: WorkspaceSummary },
} as const;
