import {
  type Agency,
  type AgencyStatus,
  type Appraisal,
  APPRAISAL_KIND,
  type AuditEntry,
  type Campaign,
  type Round,
  type Submission,
  type WorkspaceAgencyV2,
} from '../../../shared/schema/index.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { type OpenedPackage, type PackageLimits, readPackage } from '../packages/container.ts';
import { NOMINATIONS_KIND } from '../store/cycle-docs.ts';
import { sha256Hex } from '../store/evidence.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { auditWho, compiledFor, evidenceEntry, isLate, requireCampaign, requireRole, sameKey, templateFor, timestamp } from './common.ts';
import { checkSubmissionContent, openSubmission } from './submission.ts';

interface VerdictBase {
  /** The file as the caller named it. */
  file: string;
  /** SHA-256 of the file's bytes. */
  sha256: string;
}

/** Stored: a first submission (`accepted`) or a newer revision than the one held (`replaced`). */
export interface StoredVerdict extends VerdictBase {
  verdict: 'accepted' | 'replaced';
  agency: string;
  revision: number;
  round: Round;
  /** The revision it replaced (null for `accepted`). */
  previousRevision: number | null;
  /** The agency's status after the import (`submitted` or `explained`). */
  status: AgencyStatus;
  /** Self-assessment received after its deadline (kept from round 1 for a round-2 submission). */
  late: boolean;
  /** Round 2 only: explanations received after the explanation deadline. */
  explanationLate: boolean;
}

/** The same file (same agency, revision and bytes) as one already stored: ignored, nothing changes. */
export interface DuplicateVerdict extends VerdictBase {
  verdict: 'duplicate';
  agency: string;
  revision: number;
  reason: Issue;
}

/** Refused, with every reason found; nothing changed in the workspace. */
export interface RejectedVerdict extends VerdictBase {
  verdict: 'rejected';
  /** What the file claims, when it could be read that far. */
  agency: string | null;
  revision: number | null;
  reasons: Issue[];
}

/** Not looked at: the import was cancelled before this file (or before this file was written). */
export interface CancelledVerdict extends VerdictBase {
  verdict: 'cancelled';
}

export type ImportVerdict = StoredVerdict | DuplicateVerdict | RejectedVerdict | CancelledVerdict;

export interface ImportProgress {
  /** Files done so far (this one included). */
  done: number;
  total: number;
  /** The file just done. */
  file: string;
}

export interface ImportOptions {
  /** Receipt time (ISO date-time; default now), compared with the deadlines in Vietnam time. */
  now?: string;
  /** Called after each file. */
  onProgress?: (p: ImportProgress) => void;
  /** Checked before each file and before a file's changes are committed. */
  signal?: AbortSignal;
  /** Package limits (defaults: the container's). */
  limits?: Partial<PackageLimits>;
}

/**
 * Imports submission files at Home Affairs, one verdict per file, in the order given.
 *
 * A file is refused (`rejected`, with every reason) when: the container fails (bad signature,
 * tampered, truncated, not a zip, zip bomb, unsafe or duplicate entries, unsigned, oversize); the
 * document fails its schema; an evidence file it lists is missing, altered or unlisted; it belongs to
 * another campaign (`cycle.other_campaign`) or an agency the campaign does not list
 * (`cycle.unknown_agency`); its key is not the one pinned at the agency's first import
 * (`cycle.key_mismatch`) or is pinned to another agency (`cycle.key_of_other_agency`); its revision
 * is older than the one held (`cycle.replayed_revision`) or equal with other content
 * (`cycle.revision_conflict`); the agency is locked or its status does not take this round
 * (`cycle.round1_closed`, `cycle.round2_not_open`, `cycle.round2_closed`); its content fails the
 * checks of `checkSubmissionContent` (template, inputs the scoring engine refuses, scores above
 * max …).
 *
 * The same file as the one held is a `duplicate` (nothing changes): same agency and revision, and the
 * same bytes or the same signed content (signer and manifest). The same agency twice in one
 * call: files are taken in the order given; a later file of that agency is imported only if it is a
 * newer revision than the earlier one (`replaced`); an identical copy is a `duplicate`; anything
 * else is rejected with `cycle.batch_duplicate_agency`.
 *
 * A file is applied all or nothing (one store transaction): evidence files, the received file
 * (`received/<agency>-r<revision>.parscore`), the nominations, the explanations (round 2, into the
 * appraisal), the assessment, an audit entry for the status change, then the index (pinned key,
 * submission record, status `submitted` for round 1, `explained` for round 2). A rejected file
 * changes nothing. After the deadline (end of the day in Vietnam time) a round-1 file is accepted
 * and flagged late. Cancelling (signal) between files, or before a file is committed, leaves
 * nothing of that file; the files not done are `cancelled`.
 *
 * Throws an IssueError only for the workspace itself (not Home Affairs, no campaign, no identity).
 */
export async function importSubmissions(
  ws: WorkspaceStore,
  files: readonly { file: string; bytes: Uint8Array }[],
  opts: ImportOptions = {},
): Promise<ImportVerdict[]> {
  requireRole(ws, 'home-affairs');
  const campaign = requireCampaign(ws);
  const who = auditWho(ws);
  const now = timestamp(opts.now);
  const batch = new Map<string, { revision: number; digest: string; file: string }>();
  const verdicts: ImportVerdict[] = [];
  for (const [i, f] of files.entries()) {
    const sha256 = sha256Hex(f.bytes);
    if (opts.signal?.aborted) {
      verdicts.push({ file: f.file, sha256, verdict: 'cancelled' });
      continue;
    }
    const verdict = await importOne(ws, f, sha256, { campaign, who, now, batch, signal: opts.signal, limits: opts.limits ?? {} });
    verdicts.push(verdict);
    if (verdict.verdict !== 'cancelled') opts.onProgress?.({ done: i + 1, total: files.length, file: f.file });
  }
  return verdicts;
}

interface Env {
  campaign: Campaign;
  who: AuditEntry['who'];
  now: string;
  /** Agencies stored by this call: revision, content digest, file. */
  batch: Map<string, { revision: number; digest: string; file: string }>;
  signal: AbortSignal | undefined;
  limits: Partial<PackageLimits>;
}

class Cancelled extends Error {}

async function importOne(ws: WorkspaceStore, f: { file: string; bytes: Uint8Array }, sha256: string, env: Env): Promise<ImportVerdict> {
  const { file } = f;
  const reject = (reasons: Issue[], s?: Submission): RejectedVerdict => ({
    file,
    sha256,
    verdict: 'rejected',
    agency: s?.agency ?? null,
    revision: s?.revision ?? null,
    reasons,
  });

  const opened = await openSubmission(f.bytes, file, { limits: env.limits });
  if (!opened.ok) return reject(opened.error);
  const { submission: s, opened: pkg } = opened.value;
  const at = { file, agency: s.agency };
  const { campaign } = env;

  if (s.campaign !== campaign.id) return reject([issue('cycle.other_campaign', { ...at, field: 'campaign' }, { expected: campaign.id, actual: s.campaign })], s);
  const code = s.agency.normalize('NFC');
  const agency = campaign.agencies.find((a) => a.code.normalize('NFC') === code);
  const entry = ws.index.agencies.find((a) => a.code.normalize('NFC') === code);
  if (!agency || !entry) return reject([issue('cycle.unknown_agency', { ...at, field: 'agency' }, { agency: s.agency })], s);

  const signer = pkg.signer;
  if (entry.pinnedKey && !sameKey(entry.pinnedKey, signer)) {
    return reject([issue('cycle.key_mismatch', at, { expected: entry.pinnedKey.fingerprint, actual: signer.fingerprint })], s);
  }
  if (!entry.pinnedKey) {
    const owner = ws.index.agencies.find((a) => a.code !== entry.code && a.pinnedKey?.fingerprint === signer.fingerprint);
    if (owner) return reject([issue('cycle.key_of_other_agency', at, { other: owner.code, fingerprint: signer.fingerprint })], s);
  }

  const digest = contentDigest(pkg);
  const earlier = env.batch.get(entry.code);
  if (earlier) {
    if (earlier.digest === digest) return duplicate(file, sha256, s, earlier.file);
    if (s.revision <= earlier.revision) {
      return reject([issue('cycle.batch_duplicate_agency', at, { revision: s.revision, other: earlier.file, otherRevision: earlier.revision })], s);
    }
  }
  const prev = entry.submission;
  if (prev) {
    if (s.revision === prev.revision && (sha256 === prev.fileSha256 || (await storedDigest(ws, entry.code, prev.revision, env.limits)) === digest)) {
      return duplicate(file, sha256, s, null);
    }
    if (s.revision < prev.revision) return reject([issue('cycle.replayed_revision', { ...at, field: 'revision' }, { revision: s.revision, stored: prev.revision })], s);
    if (s.revision === prev.revision) return reject([issue('cycle.revision_conflict', { ...at, field: 'revision' }, { revision: s.revision })], s);
  }

  const statusProblem = roundProblem(entry, s.round);
  if (statusProblem) return reject([{ ...statusProblem, at: { ...at, field: 'round' } }], s);

  let content: Issue[];
  try {
    const ct = compiledFor(ws, templateFor(ws, campaign, agency));
    content = checkSubmissionContent(s, { campaign, agency, ct }, { file });
  } catch (e) {
    // The workspace's template is missing or does not pass the template checks.
    if (e instanceof IssueError) return reject(e.issues.map((i) => ({ ...i, at: { ...at, ...i.at } })), s);
    throw e;
  }
  if (content.length > 0) return reject(content, s);

  if (env.signal?.aborted) return { file, sha256, verdict: 'cancelled' };
  try {
    const stored = await apply(ws, f, sha256, s, signer, entry, agency, pkg.files, env);
    env.batch.set(entry.code, { revision: s.revision, digest, file });
    return stored;
  } catch (e) {
    if (e instanceof Cancelled) return { file, sha256, verdict: 'cancelled' };
    if (e instanceof IssueError) return reject([issue('cycle.import_write_failed', at), ...e.issues], s);
    throw e;
  }
}

/**
 * What the signature vouches for: the signer and the manifest (every entry's path, size and hash).
 * Two files with the same digest carry the same signed content, even if their zip wrapping differs
 * in bytes the signature does not cover (e.g. the "version made by" of a header).
 */
function contentDigest(pkg: OpenedPackage): string {
  return sha256Hex(JSON.stringify({ signer: pkg.signer.fingerprint, manifest: pkg.manifest }));
}

/** The digest of the file held for an agency's revision (null if it is gone or unreadable). */
async function storedDigest(ws: WorkspaceStore, agency: string, revision: number, limits: Partial<PackageLimits>): Promise<string | null> {
  const bytes = await ws.readReceived(agency, revision).catch(() => null);
  if (!bytes) return null;
  const pkg = await readPackage(bytes, 'received', { limits });
  return pkg.ok ? contentDigest(pkg.value) : null;
}

function duplicate(file: string, sha256: string, s: Submission, sameAs: string | null): DuplicateVerdict {
  const reason = sameAs
    ? issue('cycle.duplicate_in_batch', { file, agency: s.agency }, { revision: s.revision, other: sameAs })
    : issue('cycle.duplicate', { file, agency: s.agency }, { revision: s.revision });
  return { file, sha256, verdict: 'duplicate', agency: s.agency, revision: s.revision, reason };
}

/** Which rounds an agency's status takes: round 1 until appraisal starts, round 2 after round 1 is appraised. */
function roundProblem(entry: WorkspaceAgencyV2, round: Round): Issue | null {
  const status = entry.status;
  if (status === 'locked') return issue('cycle.agency_locked', undefined, { agency: entry.code });
  if (round === 1) {
    return status === 'not_submitted' || status === 'submitted' ? null : issue('cycle.round1_closed', undefined, { status });
  }
  if (status === 'appraised_1' || status === 'explained') return null;
  if (status === 'appraised_2') return issue('cycle.round2_closed', undefined, { status });
  return issue('cycle.round2_not_open', undefined, { status });
}

async function apply(
  ws: WorkspaceStore,
  f: { file: string; bytes: Uint8Array },
  sha256: string,
  s: Submission,
  signer: { publicKey: string; fingerprint: string },
  entry: WorkspaceAgencyV2,
  agency: Agency,
  files: ReadonlyMap<string, Uint8Array>,
  env: Env,
): Promise<StoredVerdict> {
  const { campaign, now } = env;
  const prev = entry.submission;
  const status: AgencyStatus = s.round === 1 ? 'submitted' : 'explained';
  const late = s.round === 1 ? isLate(campaign.deadlines.selfAssessment, now) : (prev?.late ?? false);
  const explanationLate = s.round === 2 && isLate(campaign.deadlines.explanation, now);
  await ws.transaction(async (tx) => {
    for (const e of s.evidence) {
      const data = files.get(evidenceEntry(e.sha256));
      if (data) await tx.putEvidence(data);
    }
    await tx.putReceived(entry.code, s.revision, f.bytes);
    await tx.writeAgencyNominations({
      kind: NOMINATIONS_KIND,
      schemaVersion: 1,
      agency: entry.code,
      campaign: campaign.id,
      nominations: s.nominations,
      updatedAt: now,
    });
    if (s.round === 2) {
      await tx.updateAppraisal(entry.code, (a) => ({
        ...(a ?? freshAppraisal(campaign, agency, s, now)),
        status,
        round: 2,
        revision: s.revision,
        explanations: s.explanations,
        updatedAt: now,
      }));
    }
    await tx.writeAssessment({ ...s.assessment, agency: entry.code, campaign: campaign.id, revision: s.revision });
    if (entry.status !== status) {
      await tx.appendAudit([
        {
          at: now,
          who: env.who,
          agency: entry.code,
          field: 'status',
          item: null,
          old: entry.status,
          new: status,
          round: s.round,
          reason: `${f.file} (r${s.revision})`.slice(0, 5000),
        },
      ]);
    }
    // Last chance to cancel: everything above is undone.
    if (env.signal?.aborted) throw new Cancelled();
    tx.updateIndex((d) => ({
      ...d,
      agencies: d.agencies.map((x) =>
        x.code === entry.code
          ? {
              ...x,
              status,
              pinnedKey: { publicKey: signer.publicKey, fingerprint: signer.fingerprint },
              submission: { revision: s.revision, round: s.round, receivedAt: now, late, fileSha256: sha256 },
            }
          : x,
      ),
    }));
  });
  return {
    file: f.file,
    sha256,
    verdict: prev ? 'replaced' : 'accepted',
    agency: entry.code,
    revision: s.revision,
    round: s.round,
    previousRevision: prev?.revision ?? null,
    status,
    late,
    explanationLate,
  };
}

function freshAppraisal(campaign: Campaign, agency: Agency, s: Submission, now: string): Appraisal {
  return {
    kind: APPRAISAL_KIND,
    schemaVersion: 1,
    agency: agency.code,
    campaign: campaign.id,
    template: { ...s.assessment.template },
    status: 'explained',
    revision: s.revision,
    round: 2,
    items: {},
    bonus: {},
    penalty: {},
    explanations: {},
    falsifiedEvidence: false,
    updatedAt: now,
  };
}
