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
} as const;
