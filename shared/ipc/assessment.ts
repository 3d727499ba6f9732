import * as z from 'zod';
import { Code, ItemInput } from '../schema/index.ts';
import type { AgencyGroup, Assessment, ItemEntry, Template } from '../schema/index.ts';
import type { ItemScore, ScoreReport } from '../scoring/index.ts';

/** One criteria set of the agency (the ranked PAR template, an additional one such as ISO 9001), for the navigation between them. */
export interface CriteriaSet {
  /** The template's id; `ranked` marks the PAR index template. */
  id: string;
  ranked: boolean;
  title: { vi: string; en?: string | undefined };
  /** Items the agency must answer, and how many are answered; null when exempted. */
  progress: { answered: number; total: number } | null;
  /** Why the agency does not apply this set (campaign exemptions), in the user's language; null when it applies. */
  exempted: string | null;
}

export interface AgencyAssessmentView {
  agency: { code: string; name: string; group: z.infer<typeof AgencyGroup> };
  template: Template;
  /** The shown template's id when it is an additional one (e.g. "iso-9001"); null for the ranked template. */
  additional: string | null;
  /** Every criteria set of the agency, the ranked one first. */
  sets: CriteriaSet[];
  assessment: Assessment | null;
  /** The shown template's item entries (the ranked items, or the additional template's block). */
  entries: Record<string, ItemEntry>;
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

/** Which criteria set: an additional template's id (e.g. "iso-9001"); absent = the ranked template. */
export const TemplateChoice = Code.optional();

/** Channels of one agency's self-assessment. Outputs are built by the services from validated documents. */
export const assessmentChannels = {
  'assessment:get': { input: z.strictObject({ agency: Code, template: TemplateChoice }), output: z.custom<AgencyAssessmentView>() },
  'assessment:setItemInput': {
    input: z.strictObject({ agency: Code, item: Code, input: ItemInput.nullable(), template: TemplateChoice }),
    output: z.custom<ItemUpdate>(),
  },
  /** Past the deadline, the officer goes on entering for a late submission (this session only). */
  'assessment:continueLate': { input: z.strictObject({ agency: Code }), output: z.custom<AgencyAssessmentView>() },
} as const;
