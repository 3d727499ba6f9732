/**
 * When an agency's self-assessment may not be changed, and why (issue 13 point 8). The self
 * inputs are the agency's own signed statement: in a Home Affairs workspace they arrived in a
 * signed submission and only appraisal fields may change there; in an agency workspace they are
 * closed once Home Affairs sent the final appraisal (appraised_2 or locked), and the window also
 * stops taking them after the deadline of the round (self-assessment, then explanation).
 */
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { endOfDayVietnam } from '../cycle/common.ts';
import type { WorkspaceStore } from '../store/workspace.ts';

export interface LockOptions {
  /** Also closed after the round's deadline (the window's rule; the command line keeps taking late entries). */
  deadline?: boolean;
  now?: number;
}

/** The reason the agency's self-assessment is read-only here, or null when it may be changed. */
export async function selfEntryLock(ws: WorkspaceStore, agency: string, opts: LockOptions = {}): Promise<Issue | null> {
  const at = { agency };
  if (ws.index.role === 'home-affairs') return issue('integrity.received_read_only', at, { agency });
  const self = ws.index.self;
  if (self !== null && self.normalize('NFC') !== agency.normalize('NFC')) return issue('integrity.other_agency', at, { agency, self });
  let appraisal: Awaited<ReturnType<WorkspaceStore['readAppraisal']>>;
  try {
    appraisal = await ws.readAppraisal(agency);
  } catch (e) {
    // An unreadable appraisal file: whether the cycle is closed cannot be told, so nothing is changed (the issue names the file).
    if (e instanceof IssueError && e.issues[0]) return e.issues[0];
    throw e;
  }
  if (appraisal && (appraisal.status === 'appraised_2' || appraisal.status === 'locked')) return issue('integrity.cycle_closed', at, { agency });
  if (opts.deadline) {
    const d = ws.campaign()?.deadlines;
    const deadline = appraisal ? d?.explanation : d?.selfAssessment;
    if (deadline && (opts.now ?? Date.now()) > endOfDayVietnam(deadline)) {
      return issue(appraisal ? 'integrity.past_explanation_deadline' : 'integrity.past_deadline', at, { day: deadline });
    }
  }
  return null;
}

/** Throws the reason as an IssueError when the self-assessment is read-only (nothing is written). */
export async function requireSelfEntryOpen(ws: WorkspaceStore, agency: string, opts: LockOptions = {}): Promise<void> {
  const lock = await selfEntryLock(ws, agency, opts);
  if (lock) throw new IssueError(lock);
}
