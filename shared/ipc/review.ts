import * as z from 'zod';
import { AgencyStatus, Code, Sha256Hex } from '../schema/index.ts';
import type { AgencyGroup, EvidenceRef, LocalizedText } from '../schema/index.ts';
import { TemplateChoice } from './assessment.ts';

/** Home Affairs' verdict on one item as the appraisal screen shows it. */
export interface ReviewItem {
  score: number;
  comment: string | null;
  round: 1 | 2;
}

/** One bonus or penalty entry of the template: its max, what the agency claimed, what Home Affairs grants. */
export interface ReviewAdjustmentRow {
  code: string;
  title: LocalizedText;
  max: number;
  /** The agency's own claim (its self-assessment), null when none. */
  self: number | null;
  /** Home Affairs' points, null when not set. */
  points: number | null;
  note: string | null;
}

export interface ReviewAdjustmentBlock {
  /** The most the block may add (bonus) or take off (penalty) in all. */
  cap: number;
  total: number;
  items: ReviewAdjustmentRow[];
}

/** A move of the agency's status the service allows from where it is, and whether it needs a reason. */
export interface ReviewMove {
  to: z.infer<typeof AgencyStatus>;
  reason: boolean;
}

/**
 * Home Affairs' appraisal of one agency's criteria set (electron/services/review-service.ts): the
 * appraised scores and comments, the agency's round-2 explanations, what changed since round 1,
 * the totals, the bonus and penalty (ranked set only), the falsified-evidence mark, the moves.
 */
export interface ReviewView {
  agency: { code: string; name: string; group: AgencyGroup };
  /** The shown additional template's id (ISO 9001); null for the ranked one. */
  set: string | null;
  status: z.infer<typeof AgencyStatus>;
  /** The round scores are given in now; null when the status takes none. */
  round: 1 | 2 | null;
  /** Why scores, comments, bonus and penalty cannot be changed now, in words; null when they can. */
  closed: string | null;
  /** Locked (chốt): nothing changes any more. */
  locked: boolean;
  revision: number | null;
  items: Record<string, ReviewItem>;
  /** The agency's input per item, in words ("Có", "95/100 (95,00%)"), for the items it answered. */
  inputs: Record<string, string>;
  explanations: Record<string, { text: string; evidence: EvidenceRef[] }>;
  /** Items whose self input, documents or explanation differ from the last round-1 submission, in the template's order. */
  changed: string[];
  totals: {
    self: { score: number; max: number };
    appraised: { score: number; max: number };
    /** null until the survey is imported (and for an additional set, which has none). */
    survey: { score: number; max: number } | null;
    bonus: number;
    penalty: number;
    total: number;
    max: number;
  };
  /** The ranked set only; null for an additional one. */
  adjustments: { bonus: ReviewAdjustmentBlock; penalty: ReviewAdjustmentBlock } | null;
  falsified: boolean;
  moves: ReviewMove[];
  /** The appraisal file can be exported (a round is appraised). */
  exportable: boolean;
}

/** A signed file the window wrote: saved (Electron's dialog) or its bytes for the browser to download. */
export interface ReviewFile {
  fileName: string;
  savedTo: string | null;
  /** Browser mode: the bytes (base64). */
  base64: string | null;
}

export interface ReviewExportAll {
  folder: string;
  written: { agency: string; file: string }[];
  /** Appraised agencies that could not be exported, with the reason in words. */
  failed: { agency: string; reason: string }[];
}

const Reason = z.string().max(5000).optional();

/** Channels of Home Affairs' appraisal of an agency (electron/services/review-service.ts). Not `appraisal:*`: that is the agency's side. */
export const reviewChannels = {
  'review:get': { input: z.strictObject({ agency: Code, template: TemplateChoice }), output: z.custom<ReviewView>() },
  /** An item's appraised score (null removes it) and comment ('' removes it). */
  'review:setScore': {
    input: z.strictObject({ agency: Code, template: TemplateChoice, item: Code, score: z.number().finite().nullable(), comment: z.string().max(5000).optional(), round: z.union([z.literal(1), z.literal(2)]) }),
    output: z.custom<ReviewView & { saved: boolean }>(),
  },
  'review:setAdjustment': {
    input: z.strictObject({ agency: Code, block: z.enum(['bonus', 'penalty']), code: Code, points: z.number().finite().nullable(), note: z.string().max(5000).optional() }),
    output: z.custom<ReviewView & { saved: boolean }>(),
  },
  'review:setStatus': { input: z.strictObject({ agency: Code, status: AgencyStatus, reason: Reason }), output: z.custom<ReviewView>() },
  'review:setFalsified': { input: z.strictObject({ agency: Code, value: z.boolean(), reason: z.string().max(5000) }), output: z.custom<ReviewView>() },
  /** The agency's appraisal file, signed (Electron: the save dialog; browser: the bytes). */
  'review:export': { input: z.strictObject({ agency: Code }), output: z.custom<ReviewFile>() },
  /** Every agency appraised in round 1, one signed file each, into a folder; existing files only with `overwrite`. */
  'review:exportAll': { input: z.strictObject({ folder: z.string().min(1).max(4096), overwrite: z.boolean().default(false), jobId: z.string().min(1).max(100) }), output: z.custom<ReviewExportAll>() },
  /** A document the agency sent, read from its signed files: opened (Electron) or its bytes (browser). */
  'review:evidence': { input: z.strictObject({ agency: Code, sha256: Sha256Hex, fileName: z.string().max(255).optional() }), output: z.custom<ReviewFile & { opened: boolean }>() },
} as const;
