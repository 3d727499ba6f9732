import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { AwardOverridesDoc, type TemplateRef, type WorkspaceAgencyV2 } from '../../../shared/schema/index.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { OVERRIDES_FILE } from '../consolidate.ts';
import { loadIdentity } from '../packages/keys.ts';
import { AUDIT_FILE, EVIDENCE_DIR, NOMINATIONS_FILE, SURVEY_FILE, receivedLabel } from '../store/cycle-docs.ts';
import { sha256Hex } from '../store/evidence.ts';
import { ValidatedJsonFile } from '../store/json-store.ts';
import { WORKSPACE_FILE, WorkspaceStore } from '../store/workspace.ts';
import { expectedDocs, missingDoc, surveyExpected } from './expected.ts';

/** One problem of a workspace: the file, what is wrong (the store's own issues), and what to do. */
export interface CheckProblem {
  file: string;
  issues: Issue[];
  fix: Issue;
}

export interface CheckReport {
  dir: string;
  /** Files (documents, received files, evidence, keys, the log) looked at. */
  files: number;
  problems: CheckProblem[];
  /** Worth knowing, nothing broken (an audit log older than its chain). */
  notes: CheckProblem[];
}

const SHA_NAME = /^[0-9a-f]{64}$/;

/** What to do about a damaged or missing file, by where it lives. */
function fixFor(file: string, entry?: Readonly<WorkspaceAgencyV2>): Issue {
  if ((file.startsWith('assessments/') || file.startsWith('nominations/')) && entry?.submission) {
    const received = receivedLabel(entry.code, entry.submission.revision);
    return issue('wsafe.fix.reimport', undefined, { received: received.ok ? received.value : '—' });
  }
  if (file === SURVEY_FILE) return issue('wsafe.fix.survey');
  if (file.startsWith('keys/')) return issue('wsafe.fix.keys');
  if (file === AUDIT_FILE) return issue('wsafe.fix.audit');
  if (file.startsWith('received/')) return issue('wsafe.fix.received');
  if (file.startsWith(`${EVIDENCE_DIR}/`)) return issue('wsafe.fix.evidence');
  return issue('wsafe.fix.restore');
}

/**
 * Verifies every file of a workspace without changing any (opened read-only: nothing is repaired):
 * the index, the campaign and its templates, each agency's assessment, appraisal and nominations
 * (present when the records say so, and readable), the survey, each received submission file
 * against the SHA-256 recorded at import, the evidence files against their names, the signing
 * keys (readable, the pair matching, the key the index records) and the audit log (every line an
 * entry, the hash chain unbroken).
 */
export async function checkWorkspace(dir: string): Promise<CheckReport> {
  const report: CheckReport = { dir, files: 0, problems: [], notes: [] };
  const problem = (file: string, issues: Issue[], entry?: Readonly<WorkspaceAgencyV2>) => report.problems.push({ file, issues, fix: fixFor(file, entry) });
  const issuesOf = (e: unknown, file: string): Issue[] => (e instanceof IssueError ? e.issues : [issue('store.read_failed', { file }, { detail: String(e) })]);
  let ws: WorkspaceStore;
  report.files++;
  try {
    ws = await WorkspaceStore.openReadOnly(dir);
  } catch (e) {
    problem(WORKSPACE_FILE, issuesOf(e, WORKSPACE_FILE));
    return report;
  }
  try {
    /** Reads one document; a read that throws is a problem; returns whether it is there. */
    const read = async (file: string, fn: () => Promise<unknown>, entry?: Readonly<WorkspaceAgencyV2>): Promise<boolean | null> => {
      report.files++;
      try {
        return (await fn()) !== null;
      } catch (e) {
        problem(file, issuesOf(e, file), entry);
        return null;
      }
    };
    for (const r of ws.recoveries()) problem(relative(ws.dir, r.file).split(sep).join('/') || r.file, r.issues);
    // Campaign and templates were read at open.
    report.files += 1 + ws.templates().length;
    for (const issues of ws.damaged()) problem(issues[0]?.at?.file ?? 'campaign.json', issues);
    let campaign = null;
    try {
      campaign = ws.campaign();
    } catch {
      // reported above
    }
    if (campaign) {
      const refs: TemplateRef[] = [...Object.values(campaign.templates), ...Object.values(campaign.additionalTemplates).flat()].filter((r): r is TemplateRef => !!r);
      for (const ref of refs) {
        const file = `templates/${ref.id}@${ref.version}.json`;
        let t = null;
        try {
          t = ws.template(ref);
        } catch {
          continue; // damaged: reported above
        }
        if (!t && !report.problems.some((p) => p.file === file)) problem(file, [issue('wsafe.check.template_missing', { file }, { id: `${ref.id}@${ref.version}` })]);
      }
    }

    // Each agency's documents: those the records name must be there, those there must be readable.
    const byCode = new Map(ws.index.agencies.map((a) => [a.code.normalize('NFC'), a]));
    const codes = new Set([...byCode.keys(), ...(await ws.assessmentCodes()), ...(await ws.agenciesWithDocs('appraisals')), ...(await ws.agenciesWithDocs('nominations'))]);
    for (const code of [...codes].sort()) {
      const entry = byCode.get(code);
      const expected = expectedDocs(entry, ws.index.role);
      const docs = [
        ['assessment', () => ws.readAssessment(code)],
        ['appraisal', () => ws.readAppraisal(code)],
        ['nominations', () => ws.readAgencyNominations(code)],
      ] as const;
      for (const [kind, fn] of docs) {
        const file = ws.docLocation(kind, code).label;
        const there = await read(file, fn, entry);
        if (there === false && expected[kind]) problem(file, [missingDoc(kind, file, entry)], entry);
      }
      if (entry?.submission) {
        const label = receivedLabel(code, entry.submission.revision);
        if (!label.ok) continue;
        report.files++;
        try {
          const bytes = await ws.readReceived(code, entry.submission.revision);
          if (bytes === null) problem(label.value, [issue('wsafe.check.received_missing', { file: label.value, agency: code }, { revision: entry.submission.revision })], entry);
          else if (sha256Hex(bytes) !== entry.submission.fileSha256) {
            problem(label.value, [issue('wsafe.check.received_changed', { file: label.value, agency: code }, { actual: sha256Hex(bytes), expected: entry.submission.fileSha256 })], entry);
          }
        } catch (e) {
          problem(label.value, issuesOf(e, label.value), entry);
        }
      }
    }

    const survey = await read(SURVEY_FILE, () => ws.readSurvey());
    if (survey === false && (await surveyExpected(ws))) problem(SURVEY_FILE, [missingDoc('survey', SURVEY_FILE)]);
    await read(NOMINATIONS_FILE, () => ws.readNominations());
    // Read here without repairing (the store has no read-only reader of it).
    await read(OVERRIDES_FILE, () => new ValidatedJsonFile(join(ws.dir, OVERRIDES_FILE), AwardOverridesDoc, { label: OVERRIDES_FILE, readOnly: true }).read());

    // Evidence files are named by their SHA-256: the content must match the name.
    let blobs: string[] = [];
    try {
      blobs = (await readdir(join(ws.dir, EVIDENCE_DIR))).filter((n) => SHA_NAME.test(n));
    } catch {
      // no evidence folder
    }
    for (const sha of blobs.sort()) await read(`${EVIDENCE_DIR}/${sha}`, () => ws.readEvidence(sha));

    // Keys: readable, the pair matching, and the key the index records.
    report.files += 2;
    try {
      const id = await loadIdentity(ws.dir);
      const recorded = ws.index.identity;
      if (recorded && !id) problem('keys/identity.key', [issue('wsafe.check.keys_missing', { file: 'keys/identity.key' }, { fingerprint: recorded.fingerprint })]);
      else if (recorded && id && id.fingerprint !== recorded.fingerprint) {
        problem('keys/identity.json', [issue('wsafe.check.keys_other', { file: 'keys/identity.json' }, { actual: id.fingerprint, expected: recorded.fingerprint })]);
      }
    } catch (e) {
      const issues = issuesOf(e, 'keys/').map((i) => (i.at?.file ? { ...i, at: { ...i.at, file: relative(ws.dir, i.at.file).split(sep).join('/') } } : i));
      problem(issues[0]?.at?.file ?? 'keys/', issues);
    }

    // The audit log: every line an entry, the chain unbroken.
    report.files++;
    try {
      const log = await ws.readAudit();
      for (const i of [...log.issues, ...log.chain.breaks].sort((a, b) => (a.at?.row ?? 0) - (b.at?.row ?? 0))) problem(AUDIT_FILE, [i]);
      if (log.chain.unchained > 0) report.notes.push({ file: AUDIT_FILE, issues: [issue('wsafe.check.audit_older', { file: AUDIT_FILE }, { n: log.chain.unchained })], fix: issue('wsafe.fix.older_log') });
    } catch (e) {
      problem(AUDIT_FILE, issuesOf(e, AUDIT_FILE));
    }
  } finally {
    await ws.close();
  }
  return report;
}
