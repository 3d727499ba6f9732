import * as z from 'zod';
import { Code } from '../schema/index.ts';
import type { AgencyStatus, EvidenceRef } from '../schema/index.ts';
import { EvidenceDetailsInput, EvidenceFileInput } from './entry.ts';

/** One item as Home Affairs appraised it, beside the agency's own score. */
export interface AppraisedItemView {
  score: number;
  comment: string | null;
  round: 1 | 2;
  /** The agency's own score of the item (outside the survey). */
  self: number;
}

/**
 * The appraisal received from Home Affairs, as the agency's screen shows it: per item the appraised
 * score and comment, the agency's answers (explanations), the totals appraised vs self (both
 * outside the survey, which the agency does not score), and whether it may still answer.
 */
export interface ReceivedAppraisalView {
  status: z.infer<typeof AgencyStatus>;
  round: 1 | 2;
  /** When Home Affairs last changed it (ISO). */
  updatedAt: string;
  items: Record<string, AppraisedItemView>;
  explanations: Record<string, { text: string; evidence: EvidenceRef[] }>;
  /** Codes of the items with a comment, in the template's order. */
  commented: string[];
  totals: { self: number; appraised: number; max: number };
  /** Why explanations cannot be given or changed now (the round is over, past the deadline…), in the user's words; null while they can. */
  closed: string | null;
  /** The last submission sent (revision and round), null before any. */
  sent: { revision: number; round: 1 | 2 } | null;
}

/** Which of the explanation's documents to keep: their 1-based positions (absent: all of them). */
const Keep = z.array(z.number().int().min(1).max(50)).max(50);

/** Channels of the appraisal round trip on the agency's side (electron/services/agency-appraisal.ts). */
export const appraisalChannels = {
  'appraisal:get': { input: z.strictObject({ agency: Code }), output: z.custom<ReceivedAppraisalView | null>() },
  /** The appraisal file from Home Affairs, as its bytes (picked or dropped). */
  'appraisal:import': { input: z.strictObject({ agency: Code, file: EvidenceFileInput }), output: z.custom<ReceivedAppraisalView>() },
  /** The answer to an item's appraisal: text (null removes the explanation), documents kept, extra documents with their details. */
  'appraisal:explain': {
    input: z.strictObject({
      agency: Code,
      item: Code,
      text: z.string().max(20000).nullable(),
      keep: Keep.optional(),
      add: z.array(z.strictObject({ file: EvidenceFileInput, details: EvidenceDetailsInput })).max(20).default([]),
    }),
    output: z.custom<ReceivedAppraisalView>(),
  },
} as const;
