import * as z from 'zod';
import { AgencyGroup, AgencyStatus, Code, ItemInput } from '../schema/index.ts';
import type { Assessment, Template } from '../schema/index.ts';
import type { ItemScore, ScoreReport } from '../scoring/index.ts';

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
    }),
  ),
  /** Files repaired from backup since the workspace was opened, already in the user's language. */
  notices: z.array(z.string()),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export interface AgencyAssessmentView {
  agency: { code: string; name: string; group: z.infer<typeof AgencyGroup> };
  template: Template;
  assessment: Assessment | null;
  report: ScoreReport;
}

export interface ItemUpdate {
  item: ItemScore;
  ancestors: ItemScore[];
  report: ScoreReport;
}

/**
 * The one IPC contract: channel → input schema (validated in main) and output type. The preload
 * exposes exactly one method per channel; nothing else crosses the bridge.
 */
export const contract = {
  'workspace:summary': { input: z.strictObject({}), output: WorkspaceSummary },
  'assessment:get': { input: z.strictObject({ agency: Code }), output: z.custom<AgencyAssessmentView>() },
  'assessment:setItemInput': {
    input: z.strictObject({ agency: Code, item: Code, input: ItemInput.nullable() }),
    output: z.custom<ItemUpdate>(),
  },
} as const;

export type Channel = keyof typeof contract;
export type ChannelInput<C extends Channel> = z.input<(typeof contract)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof contract)[C]['output']>;

/** What crosses IPC: never a thrown error (Electron keeps only its message). */
export type IpcResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string; issues?: string[] } };

/** The bridge's method name for a channel: 'assessment:setItemInput' → 'assessmentSetItemInput'. */
export const METHOD_NAMES = {
  'workspace:summary': 'workspaceSummary',
  'assessment:get': 'assessmentGet',
  'assessment:setItemInput': 'assessmentSetItemInput',
} as const satisfies Record<Channel, string>;

export type ParscoreApi = {
  [C in Channel as (typeof METHOD_NAMES)[C]]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
};
