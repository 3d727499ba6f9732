import {
  type AgencyGroup,
  type AgencyStatus,
  type Appraisal,
  APPRAISAL_KIND,
  type AuditEntry,
  type Campaign,
  type Round,
  type Template,
  type WorkspaceAgencyV2,
} from '../../../shared/schema/index.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { type PackageLimits, readPackage } from '../packages/container.ts';
import { sha256Hex } from '../store/evidence.ts';
import type { PreparedDocument } from '../store/prepared.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { implausibleDate } from '../../../shared/schema/plausible-dates.ts';
import { type DateProblem, dateProblem, startOfDayVietnam, vietnamDate } from '../../../shared/util/date.ts';
import { auditWho, compiledFor, isLate, refuse, requireCampaign, requireRole, sameKey, templateFor, timestamp } from './common.ts';
import { type InspectContext, type InspectPassed, type Inspected, contentDigest } from './inspect.ts';
import { WorkerPool } from '../workers/pool.ts';

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
  /** Additional templates the agency applies but entered nothing for (e.g. ["iso-9001"]: not self-assessed against ISO 9001). */
  additionalMissing: string[];
  /** The agency's key was replaced by this file's (accepted explicitly, `acceptKeys`): the fingerprints before and after. */
  keyChanged: { from: string; to: string } | null;
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

/**
 * A file to import: its bytes, how to read them, or its path on disk (read when its turn comes, so
 * that memory stays flat; a path is read by the worker thread that checks it).
 */
export type ImportInput = { file: string; bytes: Uint8Array } | { file: string; read: () => Promise<Uint8Array> } | { file: string; path: string };

/** A changed agency key accepted by Home Affairs: the agency's code and the new key's full fingerprint (64 hex digits). */
export interface AcceptedKey {
  agency: string;
  fingerprint: string;
}

export interface ImportOptions {
  /** The import's clock (ISO date-time; default now): the audit log's time, and the receipt time when `receivedAt` is not given. */
  now?: string;
  /**
   * The date the files were received (yyyy-mm-dd, a day in Vietnam, e.g. the date of the e-mail
   * they came with; default: the import's time). Lateness is judged on it against the campaign's
   * deadlines; it is kept as the submission's `receivedAt` (the start of that day in Vietnam) and
   * written to the audit log. It must be a real day, not after the import's day.
   */
  receivedAt?: string;
  /**
   * New keys Home Affairs accepts for agencies whose key changed (a new computer, a lost key),
   * after checking the fingerprint with the agency in person: a file of that agency signed with
   * exactly that key is taken as if signed with the recorded key, and the new key is recorded in
   * its place, with an audit entry. Without it a changed key is refused (`cycle.key_mismatch`).
   */
  acceptKeys?: readonly AcceptedKey[];
  /** Called after each file. */
  onProgress?: (p: ImportProgress) => void;
  /** Checked before each file. */
  signal?: AbortSignal;
  /** Package limits (defaults: the container's). */
  limits?: Partial<PackageLimits>;
  /** Worker threads checking files (default: one per core for 32 files or more, none below; 0: all on this thread). */
  workers?: number;
}

/**
 * Files stored per commit, and the bytes they may hold: one journal write and one index write per
 * group. The index is rewritten whole (about 60 ms at 10,000 agencies), so fewer, larger groups
 * keep a national import's index writes to about ten; the byte cap bounds the memory they hold.
 */
const GROUP_FILES = 1000;
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
 * (`cycle.import_write_failed`) and the others are kept. A rejected file changes nothing. A
 * round-1 file received after the deadline (end of the day in Vietnam time; received: on
 * `receivedAt` when given, else at the import's time) is accepted and flagged late.
 * Progress is reported as each file is checked. Cancelling (signal) stops before the next file:
 * the files checked before it are stored, the rest are `cancelled`.
 *
 * Throws an IssueError only for the workspace itself (not Home Affairs, no campaign, no identity)
 * and for a `receivedAt` that cannot be used (`cycle.received_format`, `cycle.received_not_a_day`,
 * `cycle.received_future`), before anything is read or stored.
 */
export async function importSubmissions(ws: WorkspaceStore, files: readonly ImportInput[], opts: ImportOptions = {}): Promise<ImportVerdict[]> {
  requireRole(ws, 'home-affairs');
  const campaign = requireCampaign(ws);
  const now = timestamp(opts.now);
  const declared = opts.receivedAt ?? null;
  if (declared !== null) checkReceivedDate(declared, now);
  const env: Env = {
    campaign,
    who: auditWho(ws),
    now,
    receivedAt: declared === null ? now : startOfDayVietnam(declared),
    declared,
    batch: new Map(),
    limits: opts.limits ?? {},
    entries: new Map(ws.index.agencies.map((a) => [a.code.normalize('NFC'), a])),
    keyOwners: new Map(ws.index.agencies.flatMap((a) => (a.pinnedKey ? [[a.pinnedKey.fingerprint, a.code] as const] : []))),
    acceptKeys: new Map((opts.acceptKeys ?? []).map((k) => [k.agency.normalize('NFC'), k.fingerprint.toLowerCase()])),
  };
  const pool = WorkerPool.create(
    { campaign, now, limits: env.limits, templates: resolveTemplates(ws, campaign), additional: resolveAdditional(ws, campaign) },
    opts.workers ?? WorkerPool.sizeFor(files.length),
  );
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

  // Files are read and checked ahead (on the worker threads), decided here one by one in order.
  const ahead = new Map<number, Promise<Inspection>>();
  let launched = 0;
  const launch = (): void => {
    while (launched < files.length && ahead.size < pool.capacity && !opts.signal?.aborted) {
      const k = launched++;
      const task = inspectInput(files[k]!, pool);
      task.catch(() => undefined); // awaited in turn below
      ahead.set(k, task);
    }
  };
  try {
    for (const [i, f] of files.entries()) {
      if (opts.signal?.aborted) {
        verdicts[i] = { file: f.file, sha256: 'bytes' in f ? sha256Hex(f.bytes) : null, verdict: 'cancelled' };
        continue;
      }
      launch();
      const inspection = await ahead.get(i)!;
      ahead.delete(i);
      launch();
      const checked = inspection.kind === 'unreadable' ? readFailed(f.file) : await decide(ws, f.file, inspection.bytes, inspection.result, env);
      if ('verdict' in checked) verdicts[i] = checked;
      else {
        group.push({ ...checked, index: i });
        groupBytes += checked.bytes.byteLength;
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
  } finally {
    await Promise.allSettled(ahead.values());
    await pool.close();
  }
  return verdicts.map((v, i) => v ?? { file: files[i]!.file, sha256: null, verdict: 'cancelled' });
}

type Inspection = { kind: 'unreadable' } | { kind: 'inspected'; result: Inspected; bytes: Uint8Array };

async function inspectInput(f: ImportInput, pool: WorkerPool): Promise<Inspection> {
  if ('path' in f) {
    const r = await pool.inspectFile(f.file, f.path);
    return r ? { kind: 'inspected', ...r } : { kind: 'unreadable' };
  }
  const bytes = 'bytes' in f ? f.bytes : await readInput(f);
  if (!bytes) return { kind: 'unreadable' };
  const r = await pool.inspect(f.file, bytes);
  return { kind: 'inspected', ...r };
}

/** The campaign's template of each group, or the issues that say why it cannot be used. */
function resolveTemplates(ws: WorkspaceStore, campaign: Campaign): InspectContext['templates'] {
  const out: InspectContext['templates'] = {};
  for (const group of new Set(campaign.agencies.map((a) => a.group))) {
    const sample = campaign.agencies.find((a) => a.group === group)!;
    try {
      const template = templateFor(ws, campaign, sample);
      compiledFor(ws, template); // the template checks
      out[group] = { template };
    } catch (e) {
      if (!(e instanceof IssueError)) throw e;
      out[group] = { issues: e.issues }; // located at each file's agency by inspectSubmission
    }
  }
  return out;
}

/** Each group's additional templates that can be used (checked); one that cannot is left out and refused where used. */
function resolveAdditional(ws: WorkspaceStore, campaign: Campaign): InspectContext['additional'] {
  const out: NonNullable<InspectContext['additional']> = {};
  for (const [group, refs] of Object.entries(campaign.additionalTemplates) as [AgencyGroup, Campaign['additionalTemplates'][AgencyGroup]][]) {
    const byId: Record<string, Template> = {};
    for (const ref of refs ?? []) {
      try {
        const t = ws.template(ref);
        if (!t) continue;
        compiledFor(ws, t); // the template checks
        byId[ref.id] = t;
      } catch (e) {
        if (!(e instanceof IssueError)) throw e;
      }
    }
    out[group] = byId;
  }
  return out;
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
  /** When the files were received (ISO date-time): the declared day's start in Vietnam, else `now`. */
  receivedAt: string;
  /** The received date given by the caller (yyyy-mm-dd), or null. */
  declared: string | null;
  /** Agencies stored (or about to be) by this call: revision, content digest, file. */
  batch: Map<string, { revision: number; digest: string; file: string }>;
  limits: Partial<PackageLimits>;
  /** The index's agencies by NFC code, as they will be once the files checked so far are stored. */
  entries: Map<string, WorkspaceAgencyV2>;
  /** Pinned key fingerprint → agency code, likewise. */
  keyOwners: Map<string, string>;
  /** Agency (NFC code) → the new key fingerprint Home Affairs accepts for it. */
  acceptKeys: Map<string, string>;
}

/** A file that passed every check, waiting for its group's commit. */
interface Pending {
  index: number;
  file: string;
  bytes: Uint8Array;
  inspected: InspectPassed & { assessment: PreparedDocument; nominations: PreparedDocument };
  /** The agency's index entry before this file. */
  entry: WorkspaceAgencyV2;
  stored: StoredVerdict;
}

/** The workspace's checks of an inspected file, in order; a verdict when it is not to be stored, else what to store. */
async function decide(ws: WorkspaceStore, file: string, bytes: Uint8Array, inspected: Inspected, env: Env): Promise<ImportVerdict | Omit<Pending, 'index'>> {
  const { sha256 } = inspected;
  const reject = (reasons: Issue[]): RejectedVerdict => ({ file, sha256, verdict: 'rejected', agency: inspected.agency, revision: inspected.revision, reasons });
  if (!inspected.ok) return reject(inspected.reasons);
  const at = { file, agency: inspected.agency };
  const code = inspected.agency.normalize('NFC');
  const entry = env.entries.get(code);
  if (!entry) return reject([issue('cycle.unknown_agency', { ...at, field: 'agency' }, { agency: inspected.agency })]);

  const signer = inspected.signer;
  const keyChanged = entry.pinnedKey && !sameKey(entry.pinnedKey, signer) ? { from: entry.pinnedKey.fingerprint, to: signer.fingerprint } : null;
  if (keyChanged && env.acceptKeys.get(code) !== signer.fingerprint) {
    return reject([issue('cycle.key_mismatch', at, { expected: keyChanged.from, actual: keyChanged.to, agency: entry.code })]);
  }
  if (!entry.pinnedKey || keyChanged) {
    const owner = env.keyOwners.get(signer.fingerprint);
    if (owner !== undefined && owner !== entry.code) return reject([issue('cycle.key_of_other_agency', at, { other: owner, fingerprint: signer.fingerprint })]);
  }

  const { digest, revision } = inspected;
  const earlier = env.batch.get(entry.code);
  if (earlier) {
    if (earlier.digest === digest) return duplicate(file, sha256, inspected.agency, revision, earlier.file);
    if (revision <= earlier.revision) {
      return reject([issue('cycle.batch_duplicate_agency', at, { revision, other: earlier.file, otherRevision: earlier.revision })]);
    }
  }
  const prev = entry.submission;
  if (prev && !earlier) {
    if (revision === prev.revision && (sha256 === prev.fileSha256 || (await storedDigest(ws, entry.code, prev.revision, env.limits)) === digest)) {
      return duplicate(file, sha256, inspected.agency, revision, null);
    }
    if (revision < prev.revision) return reject([issue('cycle.replayed_revision', { ...at, field: 'revision' }, { revision, stored: prev.revision })]);
    if (revision === prev.revision) return reject([issue('cycle.revision_conflict', { ...at, field: 'revision' }, { revision })]);
  }

  const statusProblem = roundProblem(entry, inspected.round);
  if (statusProblem) return reject([{ ...statusProblem, at: { ...at, field: 'round' } }]);
  if (inspected.content.length > 0) return reject(inspected.content);
  const { assessment, nominations } = inspected;
  if (!assessment || !nominations) throw new Error('inspectSubmission passed a file without its documents');

  const { campaign } = env;
  const status: AgencyStatus = inspected.round === 1 ? 'submitted' : 'explained';
  const late = inspected.round === 1 ? isLate(campaign.deadlines.selfAssessment, env.receivedAt) : (prev?.late ?? false);
  const stored: StoredVerdict = {
    file,
    sha256,
    verdict: prev ? 'replaced' : 'accepted',
    agency: entry.code,
    revision,
    round: inspected.round,
    previousRevision: prev?.revision ?? null,
    status,
    late,
    explanationLate: inspected.round === 2 && isLate(campaign.deadlines.explanation, env.receivedAt),
    additionalMissing: inspected.additionalMissing,
    keyChanged,
  };
  // Later files of this call see this one as stored (a failed commit turns them into rejections).
  const pinned = { publicKey: signer.publicKey, fingerprint: signer.fingerprint };
  env.entries.set(code, { ...entry, status, pinnedKey: pinned, submission: { revision, round: inspected.round, receivedAt: env.receivedAt, late, fileSha256: sha256 } });
  if (keyChanged) env.keyOwners.delete(keyChanged.from);
  env.keyOwners.set(signer.fingerprint, entry.code);
  env.batch.set(entry.code, { revision, digest, file });
  return { file, bytes, inspected: { ...inspected, assessment, nominations }, entry, stored };
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
      if (!(e instanceof IssueError)) throw e;
      const { agency, revision, sha256 } = p.inspected;
      out.push([p.index, { file: p.file, sha256, verdict: 'rejected', agency, revision, reasons: [issue('cycle.import_write_failed', { file: p.file, agency }), ...e.issues] }]);
    }
  }
  return out;
}

/** The digest of the file held for an agency's revision (null if it is gone or unreadable). */
async function storedDigest(ws: WorkspaceStore, agency: string, revision: number, limits: Partial<PackageLimits>): Promise<string | null> {
  const bytes = await ws.readReceived(agency, revision).catch(() => null);
  if (!bytes) return null;
  const pkg = await readPackage(bytes, 'received', { limits });
  return pkg.ok ? contentDigest(pkg.value) : null;
}

function duplicate(file: string, sha256: string, agency: string, revision: number, sameAs: string | null): DuplicateVerdict {
  const reason = sameAs
    ? issue('cycle.duplicate_in_batch', { file, agency }, { revision, other: sameAs })
    : issue('cycle.duplicate', { file, agency }, { revision });
  return { file, sha256, verdict: 'duplicate', agency, revision, reason };
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
      const { inspected: x, entry, stored, file } = p;
      await tx.putReceived(entry.code, x.revision, p.bytes);
      await tx.writePrepared(x.nominations);
      if (x.round === 2) {
        await tx.updateAppraisal(entry.code, (a) => ({
          ...(a ?? freshAppraisal(campaign, entry.code, entry.group, x.revision, now)),
          status: stored.status,
          round: 2,
          revision: x.revision,
          explanations: x.explanations,
          additional: withAdditionalExplanations(campaign, entry.group, a?.additional ?? {}, x.additionalExplanations),
          updatedAt: now,
        }));
      }
      await tx.writePrepared(x.assessment);
      const before = status.get(entry.code) ?? entry.status;
      const why = `${file} (r${x.revision})`.slice(0, 5000);
      if (before !== stored.status) {
        await tx.appendAudit([{ at: now, who: env.who, agency: entry.code, field: 'status', item: null, old: before, new: stored.status, round: x.round, reason: why }]);
      }
      // A received date the clerk gave (not the import's clock) is recorded, with the one it follows.
      if (env.declared !== null) {
        const old = entry.submission ? vietnamDate(entry.submission.receivedAt) : null;
        await tx.appendAudit([{ at: now, who: env.who, agency: entry.code, field: 'received', item: null, old, new: env.declared, round: x.round, reason: why }]);
      }
      // A key replaced by Home Affairs' decision is on the record: which key, for which, from which file.
      if (stored.keyChanged) {
        await tx.appendAudit([{ at: now, who: env.who, agency: entry.code, field: 'key', item: null, old: stored.keyChanged.from, new: stored.keyChanged.to, round: x.round, reason: why }]);
      }
      status.set(entry.code, stored.status);
      patches.set(entry.code, {
        status: stored.status,
        pinnedKey: { publicKey: x.signer.publicKey, fingerprint: x.signer.fingerprint },
        submission: { revision: x.revision, round: x.round, receivedAt: env.receivedAt, late: stored.late, fileSha256: x.sha256 },
      });
    }
    tx.updateIndex((d) => ({ ...d, agencies: d.agencies.map((x) => (patches.has(x.code) ? { ...x, ...patches.get(x.code) } : x)) }));
  });
}

const RECEIVED_DATE_ISSUES: Record<DateProblem, string> = {
  format: 'cycle.received_format',
  not_a_day: 'cycle.received_not_a_day',
  future: 'cycle.received_future',
};

/** A received date the caller gave: a real day (yyyy-mm-dd), not after the import's day in Vietnam. */
function checkReceivedDate(date: string, now: string): void {
  const today = vietnamDate(now);
  const problem = dateProblem(date, today);
  if (problem) refuse(RECEIVED_DATE_ISSUES[problem], undefined, { value: date, today });
  const implausible = implausibleDate(date, { field: 'receivedAt' }, now);
  if (implausible) throw new IssueError(implausible);
}

/** The appraisal a round-2 file starts when the agency has none yet (its template: the campaign's for its group). */
function freshAppraisal(campaign: Campaign, agency: string, group: AgencyGroup, revision: number, now: string): Appraisal {
  const template = campaign.templates[group];
  if (!template) throw new IssueError(issue('cycle.template_missing', { agency }, { id: group, version: 0 }));
  return {
    kind: APPRAISAL_KIND,
    schemaVersion: 2,
    additional: {},
    agency,
    campaign: campaign.id,
    template: { ...template },
    status: 'explained',
    revision,
    round: 2,
    items: {},
    bonus: {},
    penalty: {},
    explanations: {},
    falsifiedEvidence: false,
    updatedAt: now,
  };
}

/**
 * The appraisal's additional parts with the round-2 explanations received: each template's
 * explanations replaced by the ones in the file (as the ranked template's are), a part started for
 * a template that had none yet.
 */
function withAdditionalExplanations(campaign: Campaign, group: AgencyGroup, current: Appraisal['additional'], received: Record<string, Appraisal['explanations']>): Appraisal['additional'] {
  const out: Appraisal['additional'] = {};
  for (const [id, part] of Object.entries(current)) out[id] = { ...part, explanations: {} };
  for (const [id, explanations] of Object.entries(received)) {
    const ref = out[id]?.template ?? campaign.additionalTemplates[group]?.find((r) => r.id === id);
    if (!ref) continue; // the content check refused templates not assigned to the group
    out[id] = { template: { ...ref }, items: out[id]?.items ?? {}, explanations };
  }
  return out;
}
