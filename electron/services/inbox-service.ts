/**
 * Home Affairs' inbox in the window: the same `importSubmissions` as `parscore import`, fed with
 * the files the user dropped, picked or named by folder, its verdicts turned into rows in the
 * user's language, its progress paced for the window, and a cancel.
 *
 * Cancel: importSubmissions stops before its next file. Each file is all or nothing (files are
 * stored in store transactions; a file is never half-stored): the files checked before the cancel
 * are stored and say so (accepted / replaced …), the others are `cancelled` and nothing of them is
 * stored. The window says exactly that.
 */
import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import type { InboxResult, InboxSource, InboxVerdictKind, InboxVerdictRow } from '../../shared/ipc/inbox.ts';
import { formatIssue, type Lang } from '../../shared/i18n/index.ts';
import { type Issue, IssueError, issue } from '../../shared/util/issue.ts';
import { type AcceptedKey, type ImportInput, type ImportVerdict, importSubmissions } from './cycle/index.ts';
import type { WorkspaceStore } from './store/workspace.ts';

export const SUBMISSION_EXT = '.parscore';

/** What the window sees while the import runs (the handler sends it as `job:progress`). */
export interface InboxProgress {
  phase: 'inbox.job.import' | 'inbox.job.storing';
  done: number;
  total: number;
  /** The file just checked (its name). */
  current: string;
  /** Files checked per second so far. */
  rate: number;
}

export interface InboxRunOptions {
  receivedAt?: string | undefined;
  acceptKeys?: readonly AcceptedKey[] | undefined;
  signal?: AbortSignal;
  /** Called at the first file, the last, and at least every `PROGRESS_MS` in between (also while the last group is stored). */
  onProgress?: (p: InboxProgress) => void;
  /** Worker threads (importSubmissions' default when absent). */
  workers?: number;
  /** The import's clock (tests). */
  now?: string;
}

/** The window is told at least this often (a heartbeat while one file, or the final store, takes longer). */
export const PROGRESS_MS = 150;

/** Staged bytes (the browser mode) a batch, and all batches together, may hold. */
const MAX_BATCH_BYTES = 2 * 1024 * 1024 * 1024;
/** A staged batch not imported within this time is dropped (the window was closed mid-way). */
const STAGE_TTL_MS = 30 * 60 * 1000;

interface Staged {
  files: { name: string; bytes: Uint8Array }[];
  bytes: number;
  touched: number;
}

/** Files sent ahead by the browser mode, by batch id; one process-wide table (one window). */
const staged = new Map<string, Staged>();
/** Running imports by job id. */
const running = new Map<string, AbortController>();

const byName = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

function sweep(now: number): void {
  for (const [id, b] of staged) if (now - b.touched > STAGE_TTL_MS) staged.delete(id);
}

/** Adds files' bytes to a batch (a new one without `batch`); refused past the memory cap. */
export function stageFiles(batch: string | undefined, files: readonly { name: string; bytes: Uint8Array }[]): { batch: string; staged: number } {
  const now = Date.now();
  sweep(now);
  const id = batch ?? randomBytes(12).toString('base64url');
  const b = staged.get(id) ?? (batch === undefined ? { files: [], bytes: 0, touched: now } : null);
  if (!b) throw new IssueError(issue('inbox.batch_gone'));
  const added = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  const total = [...staged.values()].reduce((n, x) => n + x.bytes, 0);
  if (total + added > MAX_BATCH_BYTES) throw new IssueError(issue('inbox.batch_too_large', undefined, { maxMb: MAX_BATCH_BYTES / 1048576 }));
  b.files.push(...files.map((f) => ({ name: f.name.normalize('NFC'), bytes: f.bytes })));
  b.bytes += added;
  b.touched = now;
  staged.set(id, b);
  return { batch: id, staged: b.files.length };
}

export function discardBatch(batch: string): boolean {
  return staged.delete(batch);
}

/** Stops the running import `jobId` before its next file; false when none runs under that id. */
export function cancelImport(jobId: string): boolean {
  const c = running.get(jobId);
  if (!c) return false;
  c.abort();
  return true;
}

type Ref = InboxVerdictRow['ref'];

/** The files a source names, each with how to name it again; a folder is every `.parscore` file directly in it, by name. */
async function inputsOf(source: InboxSource, mode: 'electron' | 'browser'): Promise<{ inputs: ImportInput[]; refs: Ref[] }> {
  if ('batch' in source) {
    const b = staged.get(source.batch);
    if (!b) throw new IssueError(issue('inbox.batch_gone'));
    staged.delete(source.batch); // taken once: memory is given back when the import ends
    return { inputs: b.files.map((f) => ({ file: f.name, bytes: f.bytes })), refs: b.files.map((_, index) => ({ kind: 'batch', index })) };
  }
  if ('paths' in source) {
    // A path from the browser mode's page would let any local page name files to read: only the desktop window gives paths.
    if (mode !== 'electron' || source.paths.some((p) => !isAbsolute(p))) throw new IssueError(issue('shell.file.path_refused', { file: basename(source.paths[0]!) }));
    return { inputs: source.paths.map((p) => ({ file: p, path: p })), refs: source.paths.map((path) => ({ kind: 'path', path })) };
  }
  const folder = source.folder.trim();
  // Said at the folder field (the window puts inbox.folder_* there): no location in front.
  const at = undefined;
  if (!isAbsolute(folder)) throw new IssueError(issue('inbox.folder_not_absolute', at, { dir: folder }));
  const st = await stat(folder).catch(() => null);
  if (!st?.isDirectory()) throw new IssueError(issue('inbox.folder_missing', at, { dir: folder }));
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => null);
  if (!entries) throw new IssueError(issue('inbox.folder_missing', at, { dir: folder }));
  const only = source.only ? new Set(source.only.map((n) => n.normalize('NFC'))) : null;
  const names = entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(SUBMISSION_EXT) && (!only || only.has(e.name.normalize('NFC'))))
    .map((e) => e.name)
    .sort(byName.compare);
  if (names.length === 0) throw new IssueError(issue('inbox.folder_empty', at, { dir: folder }));
  return { inputs: names.map((n) => ({ file: join(folder, n), path: join(folder, n) })), refs: names.map((name) => ({ kind: 'folder', folder, name })) };
}

/** A reason as a sentence of its row: the file and the agency are the row's own columns. */
function reasonText(lang: Lang, i: Issue): string {
  if (!i.at) return formatIssue(lang, i);
  const { file: _f, agency: _a, ...at } = i.at;
  return formatIssue(lang, { ...i, at });
}

function rowOf(lang: Lang, v: ImportVerdict, ref: Ref): InboxVerdictRow {
  const base = { file: basename(v.file), ref, verdict: v.verdict, previousRevision: null, late: false, reasons: [], keyChange: null, keyAccepted: null };
  switch (v.verdict) {
    case 'accepted':
    case 'replaced':
      return { ...base, agency: v.agency, revision: v.revision, previousRevision: v.previousRevision, late: v.late, keyAccepted: v.keyChanged };
    case 'duplicate':
      return { ...base, agency: v.agency, revision: v.revision, reasons: [reasonText(lang, v.reason)] };
    case 'rejected': {
      const mismatch = v.reasons.find((r) => r.code === 'cycle.key_mismatch');
      const p = mismatch?.params ?? {};
      const keyChange =
        mismatch && typeof p.expected === 'string' && typeof p.actual === 'string' ? { agency: String(p.agency ?? v.agency ?? ''), from: p.expected, to: p.actual } : null;
      return { ...base, agency: v.agency, revision: v.revision, reasons: v.reasons.map((r) => reasonText(lang, r)), keyChange };
    }
    case 'cancelled':
      return { ...base, agency: null, revision: null };
  }
}

export class InboxService {
  constructor(
    private readonly ws: WorkspaceStore,
    private readonly lang: Lang,
    private readonly mode: 'electron' | 'browser',
  ) {}

  /** Imports the files of `source`; one row per file, in order. A second import under a running job id is refused. */
  async run(jobId: string, source: InboxSource, opts: InboxRunOptions = {}): Promise<InboxResult> {
    if (running.has(jobId)) throw new IssueError(issue('inbox.job_running'));
    const controller = new AbortController();
    running.set(jobId, controller);
    const onAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onAbort);
    const started = Date.now();
    let last: InboxProgress | null = null;
    let sentAt = 0;
    const send = (p: InboxProgress) => {
      last = p;
      sentAt = Date.now();
      opts.onProgress?.(p);
    };
    const heartbeat = setInterval(() => {
      if (last && Date.now() - sentAt >= PROGRESS_MS) send({ ...last, rate: rateOf(last.done) });
    }, PROGRESS_MS / 3);
    const rateOf = (done: number) => {
      const s = (Date.now() - started) / 1000;
      return s > 0 ? Math.round((done / s) * 10) / 10 : 0;
    };
    try {
      const { inputs, refs } = await inputsOf(source, this.mode);
      send({ phase: 'inbox.job.import', done: 0, total: inputs.length, current: '', rate: 0 });
      const verdicts = await importSubmissions(this.ws, inputs, {
        ...(opts.receivedAt ? { receivedAt: opts.receivedAt } : {}),
        ...(opts.acceptKeys ? { acceptKeys: opts.acceptKeys } : {}),
        ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
        ...(opts.now ? { now: opts.now } : {}),
        signal: controller.signal,
        onProgress: (p) => {
          const phase = p.done === p.total ? 'inbox.job.storing' : 'inbox.job.import';
          const next: InboxProgress = { phase, done: p.done, total: p.total, current: basename(p.file), rate: rateOf(p.done) };
          if (p.done === 1 || p.done === p.total || Date.now() - sentAt >= PROGRESS_MS / 2) send(next);
          else last = next; // the heartbeat sends it if nothing else comes
        },
      });
      const rows = verdicts.map((v, i) => rowOf(this.lang, v, refs[i]!));
      const counts: Record<InboxVerdictKind, number> = { accepted: 0, replaced: 0, duplicate: 0, rejected: 0, cancelled: 0 };
      for (const r of rows) counts[r.verdict]++;
      return {
        verdicts: rows,
        counts,
        cancelled: counts.cancelled > 0,
        receivedAt: opts.receivedAt ?? null,
        deadline: this.ws.campaign()?.deadlines.selfAssessment ?? null,
        seconds: (Date.now() - started) / 1000,
      };
    } finally {
      clearInterval(heartbeat);
      opts.signal?.removeEventListener('abort', onAbort);
      running.delete(jobId);
    }
  }
}
