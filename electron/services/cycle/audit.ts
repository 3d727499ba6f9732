import type { AuditEntry, Round } from '../../../shared/schema/index.ts';
import type { AuditLine, AuditLog } from '../store/audit-log.ts';
import type { WorkspaceStore } from '../store/workspace.ts';

export interface AuditFilter {
  agency?: string;
  item?: string;
  /** An additional template's id: only its items' entries; null: only the ranked template's (and status) entries. */
  template?: string | null;
  field?: AuditEntry['field'];
  round?: Round;
  /** From this time on (ISO date-time, inclusive). */
  since?: string;
  /** Up to this time (ISO date-time, inclusive). */
  until?: string;
}

/**
 * The audit log, oldest first, filtered. Lines that are not valid entries are never dropped
 * silently: each comes back as a `store.audit_bad_line` issue with its line number (whatever the
 * filter).
 */
export async function readAudit(ws: WorkspaceStore, filter: AuditFilter = {}): Promise<AuditLog> {
  const log = await ws.readAudit();
  const since = filter.since === undefined ? -Infinity : Date.parse(filter.since);
  const until = filter.until === undefined ? Infinity : Date.parse(filter.until);
  const agency = filter.agency?.normalize('NFC');
  const keep = ({ entry: e }: AuditLine): boolean => {
    if (agency !== undefined && e.agency.normalize('NFC') !== agency) return false;
    if (filter.item !== undefined && e.item !== filter.item) return false;
    if (filter.template !== undefined && (e.template ?? null) !== filter.template) return false;
    if (filter.field !== undefined && e.field !== filter.field) return false;
    if (filter.round !== undefined && e.round !== filter.round) return false;
    const t = Date.parse(e.at);
    return t >= since && t <= until;
  };
  return { entries: log.entries.filter(keep), issues: log.issues, chain: log.chain };
}
