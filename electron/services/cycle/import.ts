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
import type { CompiledTemplate } from '../../../shared/template/compile.ts';
import { auditWho, compiledFor, isLate, requireCampaign, requireRole, sameKey, templateFor, timestamp } from './common.ts';
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
export interface RejectedVerdict extends Omit<VerdictBase, 'sha256'> {
  verdict: 'rejected';
  /** Null when the file could not be read. */
  sha256: string | null;
  /** What the file claims, when it could be read that far. */
  agency: string | null;
  revision: number | null;
  reasons: Issue[];
}

/** Not stored: the import was cancelled before this file was committed. */
export interface CancelledVerdict extends Omit<VerdictBase, 'sha256'> {
  verdict: 'cancelled';
  /** Null when the file was not read. */
  sha256: string | null;
}

export type ImportVerdict = StoredVerdict | DuplicateVerdict | RejectedVerdict | CancelledVerdict;

export interface ImportProgress {
  /** Files done so far (this one included). */
  done: number;
  total: number;
  /** The file just done. */
  file: string;
}

/** A file to import: its bytes, or how to read them (read when its turn comes, so that memory stays flat). */
export type ImportInput = { file: string; bytes: Uint8Array } | { file: string; read: () => Promise<Uint8Array> };

export interface ImportOptions {
  /** Receipt time (ISO date-time; default now), compared with the deadlines in Vietnam time. */
  now?: string;
  /** Called after each file. */
  onProgress?: (p: ImportProgress) => void;
  /** Checked before each file. */
  signal?: AbortSignal;
  /** Package limits (defaults: the container's). */
  limits?: Partial<PackageLimits>;
}

/** Files stored per commit, and the bytes they may hold: one journal write and one index write per group. */
const GROUP_FILES = 500;
const GROUP_BYTES = 64 * 1024 * 1024;

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
 * What a file stores: the received file as it came (`received/<agency>-r<revision>.parscore`,
 * which also keeps its evidence files: read them with `readSubmittedEvidence`), the nominations,
 * the explanations (round 2, into the appraisal), the assessment, an audit entry for the status
 * change, and the index (pinned key, submission record, status `submitted` for round 1,
 * `explained` for round 2). Accepted files are committed in groups (one store transaction each):
 * a group lands whole or not at all, and a file is never half-stored; if a group cannot be written,
 * its files are written one by one, so that one file that cannot be written is rejected
 * (`cycle.import_write_failed`) and the others are kept. A rejected file changes nothing. After
 * the deadline (end of the day in Vietnam time) a round-1 file is accepted and flagged late.
 * Progress is reported as each file is checked. Cancelling (signal) stops before the next file:
 * the files checked before it are stored, the rest are `cancelled`.
 *
 * Throws an IssueError only for the workspace itself (not Home Affairs, no campaign, no identity).
 */
export async function importSubmissions(ws: WorkspaceStore, files: readonly ImportInput[], opts: ImportOptions = {}): Promise<ImportVerdict[]> {
  requireRole(ws, 'home-affairs');
  const campaign = requireCampaign(ws);
  const env: Env = {
    campaign,
    who: auditWho(ws),
    now: timestamp(opts.now),
    batch: new Map(),
    signal: opts.signal,
    limits: opts.limits ?? {},
    agencies: new Map(campaign.agencies.map((a) => [a.code.normalize('NFC'), a])),
    entries: new Map(ws.index.agencies.map((a) => [a.code.normalize('NFC'), a])),
    keyOwners: new Map(ws.index.agencies.flatMap((a) => (a.pinnedKey ? [[a.pinnedKey.fingerprint, a.code] as const] : []))),
    ct: new Map(),
  };
  const verdicts: (ImportVerdict | null)[] = [];
  let group: Pending[] = [];
  let groupBytes = 0;
  // A group is written while the next one is checked: the disk and the processor work at once.
  let writing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    const pending = group;
    group = [];
    groupBytes = 0;
    const previous = writing;
    writing = (async () => {
      await previous;
      if (pending.length === 0) return;
      for (const [k, v] of await commitGroup(ws, pending, env)) verdicts[k] = v;
    })();
    return writing;
  };

  for (const [i, f] of files.entries()) {
    if (opts.signal?.aborted) {
      verdicts[i] = { file: f.file, sha256: 'bytes' in f ? sha256Hex(f.bytes) : null, verdict: 'cancelled' };
      continue;
    }
    const bytes = 'bytes' in f ? f.bytes : await readInput(f);
    const sha256 = bytes ? sha256Hex(bytes) : null;
    const checked = bytes && sha256 ? await checkOne(ws, { file: f.file, bytes }, sha256, env) : readFailed(f.file);
    if ('verdict' in checked) verdicts[i] = checked;
    else {
      group.push({ ...checked, index: i });
      groupBytes += checked.f.bytes.byteLength;
    }
    opts.onProgress?.({ done: i + 1, total: files.length, file: f.file });
    if (group.length >= GROUP_FILES || groupBytes >= GROUP_BYTES) {
      // At most one group waits to be written behind the one being written (memory stays bounded).
      await writing;
      void flush().catch(() => undefined); // awaited below, through `writing`
    }
  }
  // Files checked before a cancel are kept: the cancel stops the reading, not what was done.
  await flush();
  await writing;
  return verdicts.map((v, i) => v ?? { file: files[i]!.file, sha256: null, verdict: 'cancelled' });
}

async function readInput(f: { file: string; read: () => Promise<Uint8Array> }): Promise<Uint8Array | null> {
  try {
    return await f.read();
  } catch {
    return null;
  }
}

function readFailed(file: string): RejectedVerdict {
  return { file, sha256: null, verdict: 'rejected', agency: null, revision: null, reasons: [issue('cycle.import_read_failed', { file })] };
}

interface Env {
  campaign: Campaign;
  who: AuditEntry['who'];
  now: string;
  /** Agencies stored (or about to be) by this call: revision, content digest, file. */
  batch: Map<string, { revision: number; digest: string; file: string }>;
  signal: AbortSignal | undefined;
  limits: Partial<PackageLimits>;
  /** The campaign's agencies by NFC code. */
  agencies: Map<string, Agency>;
  /** The index's agencies by NFC code, as they will be once the files checked so far are stored. */
  entries: Map<string, WorkspaceAgencyV2>;
  /** Pinned key fingerprint → agency code, likewise. */
  keyOwners: Map<string, string>;
  /** Compiled template per group. */
  ct: Map<string, CompiledTemplate>;
}

/** A file that passed every check, waiting for its group's commit. */
interface Pending {
  index: number;
  f: { file: string; bytes: Uint8Array };
  sha256: string;
  s: Submission;
  signer: { publicKey: string; fingerprint: string };
  /** The agency's index entry before this file. */
  entry: WorkspaceAgencyV2;
  agency: Agency;
  digest: string;
  stored: StoredVerdict;
}

/** Every check of one file; a verdict when it is not to be stored, else what to store. */
async function checkOne(ws: WorkspaceStore, f: { file: string; bytes: Uint8Array }, sha256: string, env: Env): Promise<ImportVerdict | Omit<Pending, 'index'>> {
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
  const agency = env.agencies.get(code);
  const entry = env.entries.get(code);
  if (!agency || !entry) return reject([issue('cycle.unknown_agency', { ...at, field: 'agency' }, { agency: s.agency })], s);

  const signer = pkg.signer;
  if (entry.pinnedKey && !sameKey(entry.pinnedKey, signer)) {
    return reject([issue('cycle.key_mismatch', at, { expected: entry.pinnedKey.fingerprint, actual: signer.fingerprint })], s);
  }
  if (!entry.pinnedKey) {
    const owner = env.keyOwners.get(signer.fingerprint);
    if (owner !== undefined && owner !== entry.code) return reject([issue('cycle.key_of_other_agency', at, { other: owner, fingerprint: signer.fingerprint })], s);
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
  if (prev && !earlier) {
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
    let ct = env.ct.get(agency.group);
    if (!ct) {
      ct = compiledFor(ws, templateFor(ws, campaign, agency));
      env.ct.set(agency.group, ct);
    }
    content = checkSubmissionContent(s, { campaign, agency, ct }, { file });
  } catch (e) {
    // The workspace's template is missing or does not pass the template checks.
    if (e instanceof IssueError) return reject(e.issues.map((i) => ({ ...i, at: { ...at, ...i.at } })), s);
    throw e;
  }
  if (content.length > 0) return reject(content, s);

  const status: AgencyStatus = s.round === 1 ? 'submitted' : 'explained';
  const late = s.round === 1 ? isLate(campaign.deadlines.selfAssessment, env.now) : (prev?.late ?? false);
  const stored: StoredVerdict = {
    file,
    sha256,
    verdict: prev ? 'replaced' : 'accepted',
    agency: entry.code,
    revision: s.revision,
    round: s.round,
    previousRevision: prev?.revision ?? null,
    status,
    late,
    explanationLate: s.round === 2 && isLate(campaign.deadlines.explanation, env.now),
  };
  // Later files of this call see this one as stored (a failed commit turns them into rejections).
  const pinned = { publicKey: signer.publicKey, fingerprint: signer.fingerprint };
  env.entries.set(code, { ...entry, status, pinnedKey: pinned, submission: { revision: s.revision, round: s.round, receivedAt: env.now, late, fileSha256: sha256 } });
  env.keyOwners.set(signer.fingerprint, entry.code);
  env.batch.set(entry.code, { revision: s.revision, digest, file });
  return { f, sha256, s, signer: pinned, entry, agency, digest, stored };
}

/**
 * Stores a group of checked files in one transaction; if it cannot be written, each file in its
 * own, so that only the file at fault is rejected. Cancelling before the commit drops the group.
 */
async function commitGroup(ws: WorkspaceStore, group: readonly Pending[], env: Env): Promise<[number, ImportVerdict][]> {
  try {
    await apply(ws, group, env);
    return group.map((p) => [p.index, p.stored]);
  } catch (e) {
    if (!(e instanceof IssueError)) throw e;
  }
  const out: [number, ImportVerdict][] = [];
  for (const p of group) {
    try {
      await apply(ws, [p], env);
      out.push([p.index, p.stored]);
    } catch (e) {
      if (e instanceof IssueError) {
        out.push([p.index, { file: p.f.file, sha256: p.sha256, verdict: 'rejected', agency: p.s.agency, revision: p.s.revision, reasons: [issue('cycle.import_write_failed', { file: p.f.file, agency: p.s.agency }), ...e.issues] }]);
      } else throw e;
    }
  }
  return out;
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

/** Stores checked files in one transaction (see `importSubmissions` for what each file stores). */
async function apply(ws: WorkspaceStore, group: readonly Pending[], env: Env): Promise<void> {
  const { campaign, now } = env;
  const patches = new Map<string, Partial<WorkspaceAgencyV2>>();
  await ws.transaction(async (tx) => {
      // Within a group, an agency's later file sees the status its earlier file leaves.
      const status = new Map<string, AgencyStatus>();
      for (const p of group) {
        const { s, entry, agency, stored, f } = p;
        await tx.putReceived(entry.code, s.revision, f.bytes);
        await tx.writeAgencyNominations({ kind: NOMINATIONS_KIND, schemaVersion: 1, agency: entry.code, campaign: campaign.id, nominations: s.nominations, updatedAt: now });
        if (s.round === 2) {
          await tx.updateAppraisal(entry.code, (a) => ({
            ...(a ?? freshAppraisal(campaign, agency, s, now)),
            status: stored.status,
            round: 2,
            revision: s.revision,
            explanations: s.explanations,
            updatedAt: now,
          }));
        }
        await tx.writeAssessment({ ...s.assessment, agency: entry.code, campaign: campaign.id, revision: s.revision });
        const before = status.get(entry.code) ?? entry.status;
        if (before !== stored.status) {
          await tx.appendAudit([
            { at: now, who: env.who, agency: entry.code, field: 'status', item: null, old: before, new: stored.status, round: s.round, reason: `${f.file} (r${s.revision})`.slice(0, 5000) },
          ]);
        }
        status.set(entry.code, stored.status);
        patches.set(entry.code, {
          status: stored.status,
          pinnedKey: p.signer,
          submission: { revision: s.revision, round: s.round, receivedAt: now, late: stored.late, fileSha256: p.sha256 },
        });
      }
      tx.updateIndex((d) => ({ ...d, agencies: d.agencies.map((x) => (patches.has(x.code) ? { ...x, ...patches.get(x.code) } : x)) }));
  });
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
