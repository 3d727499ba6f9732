import * as z from 'zod';
import { AuditEntry } from './appraisal.ts';
import { Sha256Hex } from './common.ts';

/*
 * A line of audit.jsonl as stored. Version 1 was the bare AuditEntry (no `schemaVersion`).
 * Version 2 chains the log: `prev` is the SHA-256 (hex) of the previous line's bytes as stored
 * (UTF-8, without its line break), or of AUDIT_GENESIS for the first line of a log. Editing,
 * removing or reordering a line breaks the chain at the next line. A version-1 log is chained from
 * its first new line on (the older lines stay as they were: "not chained").
 */
export const AUDIT_GENESIS = 'parscore.audit.genesis';

export const AuditLineV1 = AuditEntry;
export const AuditLineV2 = z.strictObject({
  schemaVersion: z.literal(2),
  ...AuditEntry.shape,
  prev: Sha256Hex,
});
export type AuditLineV2 = z.infer<typeof AuditLineV2>;
export const AUDIT_LINE_VERSION = 2;

/** A version-1 line read as version 2 has no link: `prev` null says "not chained (older log)". */
export function migrateAuditLineV1(e: AuditEntry): Omit<AuditLineV2, 'prev'> & { prev: null } {
  return { schemaVersion: 2, ...e, prev: null };
}
