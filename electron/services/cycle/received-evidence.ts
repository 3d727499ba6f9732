import type { WorkspaceStore } from '../store/workspace.ts';
import { evidenceEntry, refuse } from './common.ts';
import { openSubmission } from './submission.ts';

/**
 * At Home Affairs: an evidence file an agency submitted, read from the signed files kept in
 * `received/` (newest revision first), checked again (signature, hashes) as it is read. Evidence
 * is not copied out of the received files on import: they are the record, and a province's
 * evidence is not stored twice. Null when no received file of the agency carries it; throws an
 * IssueError (`store.agency_unknown`) for an agency the workspace does not list.
 */
export async function readSubmittedEvidence(ws: WorkspaceStore, agency: string, sha256: string): Promise<Uint8Array | null> {
  const code = agency.normalize('NFC');
  const entry = ws.index.agencies.find((a) => a.code.normalize('NFC') === code);
  if (!entry) refuse('store.agency_unknown', { agency });
  for (let revision = entry.submission?.revision ?? 0; revision >= 1; revision--) {
    const bytes = await ws.readReceived(entry.code, revision);
    if (!bytes) continue;
    const opened = await openSubmission(bytes, `received/${entry.code}-r${revision}.parscore`);
    if (!opened.ok) continue; // a damaged copy: an older revision may still carry the file
    const data = opened.value.opened.files.get(evidenceEntry(sha256));
    if (data) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  return null;
}

