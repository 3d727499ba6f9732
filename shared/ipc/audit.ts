import * as z from 'zod';
import type { WrittenReport } from './report.ts';

/** One audit log entry in words: what changed, from → to, who, when (dd/mm/yyyy hh:mm, Vietnam time). */
export interface AuditRow {
  /** The line of audit.jsonl (stable key). */
  line: number;
  at: string;
  when: string;
  who: string;
  agency: string;
  agencyName: string;
  /** What changed ("Điểm thẩm định mục 1.2", "Khen thưởng bk-tap-the: S08"). */
  what: string;
  from: string;
  to: string;
  round: number | null;
  reason: string;
}

export interface AuditView {
  rows: AuditRow[];
  /** Entries in the log before filtering. */
  total: number;
  /** What the filters offer: the agencies and people the log names. */
  agencies: { code: string; name: string }[];
  people: string[];
  /** Lines that are not valid entries, or a broken hash chain, in words (never dropped silently). */
  problems: string[];
}

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The filters; a date range is by whole days (Vietnam time), both ends included. */
export const AuditFilterInput = z.strictObject({
  agency: z.string().max(40).optional(),
  item: z.string().max(40).optional(),
  person: z.string().max(300).optional(),
  round: z.union([z.literal(1), z.literal(2)]).optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type AuditFilterInput = z.infer<typeof AuditFilterInput>;

/** Channels of the audit log view (electron/services/audit-service.ts). */
export const auditChannels = {
  'audit:list': { input: AuditFilterInput, output: z.custom<AuditView>() },
  /** The filtered rows as CSV (UTF-8 with BOM, as Excel opens it). */
  'audit:export': { input: AuditFilterInput, output: z.custom<WrittenReport>() },
} as const;
