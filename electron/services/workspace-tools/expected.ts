import type { AgencyStatus, WorkspaceAgencyV2 } from '../../../shared/schema/index.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { SURVEY_FILE, receivedLabel } from '../store/cycle-docs.ts';
import type { WorkspaceStore } from '../store/workspace.ts';

/*
 * What a Home Affairs workspace must hold, as its own records say: every received submission
 * (the index's submission record) left an assessment and a nominations file; every agency past
 * "submitted" has an appraisal; a survey import left audit entries and survey.json. A document
 * the records name and the disk does not hold is reported, never read as "nothing there".
 */

/** Statuses at which Home Affairs has written the agency's appraisal file. */
const APPRAISED: ReadonlySet<AgencyStatus> = new Set(['appraising', 'appraised_1', 'explained', 'appraised_2', 'locked']);

export type DocKind = 'assessment' | 'nominations' | 'appraisal';

export interface ExpectedDocs {
  assessment: boolean;
  nominations: boolean;
  appraisal: boolean;
}

/**
 * The documents the index says an agency has. In an agency's own workspace its nominations are its
 * own `nominations.json` (optional), never a received copy: none is expected under nominations/.
 */
export function expectedDocs(entry: Readonly<WorkspaceAgencyV2> | undefined, role: 'home-affairs' | 'agency' = 'home-affairs'): ExpectedDocs {
  const received = !!entry?.submission;
  return { assessment: received, nominations: received && role === 'home-affairs', appraisal: !!entry && APPRAISED.has(entry.status) };
}

/** Whether a survey was imported (the audit log keeps one entry per value it changed). */
export async function surveyExpected(ws: WorkspaceStore): Promise<boolean> {
  try {
    const log = await ws.readAudit();
    return log.entries.some((l) => l.entry.field === 'survey');
  } catch {
    // An unreadable audit log is reported by `workspace check`; here it tells nothing.
    return false;
  }
}

/** A document the records name that is not on disk: what it was, and how to get it back. */
export function missingDoc(kind: DocKind | 'survey', file: string, entry?: Readonly<WorkspaceAgencyV2>): Issue {
  if (kind === 'survey') return issue('wsafe.doc_missing_survey', { file: SURVEY_FILE });
  const code = entry?.code ?? '';
  const revision = entry?.submission?.revision ?? 0;
  const received = revision > 0 ? receivedLabel(code, revision) : null;
  return issue(`wsafe.doc_missing_${kind}`, { file, agency: code }, { received: received?.ok ? received.value : '—', revision });
}

/** A document that is there but cannot be read (damaged without a backup, a future version …): the store's own issues follow. */
export function unreadableDoc(file: string, e: unknown, agency?: string): Issue[] {
  const detail = e instanceof IssueError ? e.issues : [issue('store.read_failed', { file }, { detail: String(e) })];
  return [issue('wsafe.doc_unreadable', { file, ...(agency ? { agency } : {}) }), ...detail];
}

/** Marks an issue as a warning carried by results built with `allowMissing` (results.json issues[]). */
export function asWarning(i: Issue): Issue {
  return { ...i, params: { ...(i.params ?? {}), severity: 'warning' } };
}
