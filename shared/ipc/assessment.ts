import * as z from 'zod';
import { Code, ItemInput } from '../schema/index.ts';
import type { AgencyGroup, Assessment, Template } from '../schema/index.ts';
import type { ItemScore, ScoreReport } from '../scoring/index.ts';

export interface AgencyAssessmentView {
  agency: { code: string; name: string; group: z.infer<typeof AgencyGroup> };
  template: Template;
  assessment: Assessment | null;
  report: ScoreReport;
  /** Why the self inputs cannot be changed here (received signed file, closed, past the deadline), in the user's language; null when they can. */
  readOnly: { code: string; reason: string } | null;
  /**
   * Past the round's deadline: what a late submission means (the campaign's late rule), offered
   * before the officer goes on entering (`continuing` once they chose to, for this session); null
   * before the deadline.
   */
  late: { consequence: string; continuing?: true } | null;
  /** The deadline of the round the agency is in (agency workspaces), with whole days left: 0 on the day, negative once past. */
  deadline: { phase: 'self' | 'explanation'; day: string; daysLeft: number } | null;
}

export interface ItemUpdate {
  item: ItemScore;
  ancestors: ItemScore[];
  report: ScoreReport;
}

/** Channels of one agency's self-assessment. Outputs are built by the services from validated documents. */
export const assessmentChannels = {
  'assessment:get': { input: z.strictObject({ agency: Code }), output: z.custom<AgencyAssessmentView>() },
  'assessment:setItemInput': {
    input: z.strictObject({ agency: Code, item: Code, input: ItemInput.nullable() }),
    output: z.custom<ItemUpdate>(),
  },
  /** Past the deadline, the officer goes on entering for a late submission (this session only). */
  'assessment:continueLate': { input: z.strictObject({ agency: Code }), output: z.custom<AgencyAssessmentView>() },
} as const;
