import { randomBytes } from 'node:crypto';
import { copyFile, link, lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { KeyedQueue } from './queue.ts';

/** How many previous versions of a file are kept: `<name>.bak1` (newest) … `<name>.bak3`. */
export const BACKUP_COUNT = 3;

export function backupPath(file: string, n: number): string {
  return `${file}.bak${n}`;
}

/** Temp files written next to their target: `.<name>.<pid>.<12 hex>.tmp`. */
export const TEMP_FILE_PATTERN = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;

export interface DurableWriteOptions {
  /** Previous versions to keep as `<name>.bak1…N` (default 3; 0 keeps none). */
  backups?: number;
  /** How the file is named in issues (default: the path). */
  label?: string;
}

const writers = new KeyedQueue();

function pathKey(path: string): string {
  const abs = resolve(path);
  return process.platform === 'win32' || process.platform === 'darwin' ? abs.toLowerCase() : abs;
}

/**
 * Runs `task` while holding this process's writer slot for `path`: every durable write to the same
 * file is queued behind it. Inside the task, write with `writeFileDurableNow` (not
 * `writeFileDurable`, which would wait for the task itself).
 */
export function withFileLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  return writers.run(pathKey(path), task);
}

/**
 * Replaces `path` with `data` atomically and durably: a uniquely named temp file in the same folder
 * is written and fsynced, the current file becomes `<name>.bak1` (older backups shift up to
 * `.bak3`), the temp file is renamed over the target and the folder is fsynced. Writes to one path
 * from this process are serialised in call order, so a later write never lands before an earlier
 * one. Throws `IssueError`: `store.write_failed` (the previous file is intact), or, if only the
 * final folder fsync fails, `store.sync_failed` (the new content is in place but not confirmed).
 */
export function writeFileDurable(path: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  return withFileLock(path, () => writeFileDurableNow(path, data, options));
}

/** `writeFileDurable` without queueing: only call it inside `withFileLock` for the same path. */
export async function writeFileDurableNow(path: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const target = resolve(path);
  const dir = dirname(target);
  const backups = options.backups ?? BACKUP_COUNT;
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeAndSync(tmp, data, 'wx');
    try {
      // Best effort: a backup that cannot be rotated (e.g. held open by another program on
      // Windows) must not cost the user the save itself; the backups are merely older then.
      if (backups > 0) await rotateBackups(target, backups).catch(ignore);
      await renameRetrying(tmp, target);
    } catch (e) {
      await unlink(tmp).catch(ignore);
      throw e;
    }
  } catch (e) {
    throw ioIssue('store.write_failed', options.label ?? path, e);
  }
  try {
    await fsyncDir(dir);
  } catch (e) {
    // The new content is in place, but the OS could not confirm it reached the disk.
    throw ioIssue('store.sync_failed', options.label ?? path, e);
  }
}

/**
 * Creates a new file with `data` (fails with `EEXIST` if it exists; the Node error is thrown as is
 * so callers can pick another name), fsyncs it and its folder.
 */
export async function writeNewFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  await writeAndSync(path, data, 'wx');
  await fsyncDir(dirname(resolve(path)));
}

/** Renames a file and makes the rename durable (fsyncs the folder of the destination). */
export async function renameDurable(from: string, to: string): Promise<void> {
  await renameRetrying(from, to);
  await fsyncDir(dirname(resolve(to)));
  if (dirname(resolve(from)) !== dirname(resolve(to))) await fsyncDir(dirname(resolve(from)));
}

/** fsyncs a folder so that renames and new names in it survive a power cut. A no-op where the OS cannot (Windows). */
export async function fsyncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
  } catch (e) {
    if (isIgnorableDirSyncError(e)) return;
    throw e;
  }
  try {
    await fh.sync();
  } catch (e) {
    if (!isIgnorableDirSyncError(e)) throw e;
  } finally {
    await fh.close();
  }
}

async function writeAndSync(path: string, data: string | Uint8Array, flags: string): Promise<void> {
  const fh = await open(path, flags);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(ignore);
    await unlink(path).catch(ignore);
    throw e;
  }
  await fh.close();
}

/** bak(N-1) → bakN … bak1 → bak2 (renames), then bak1 = a hard link to the current file (a copy where links fail). */
async function rotateBackups(target: string, count: number): Promise<void> {
  if (!(await pathExists(target))) return;
  await unlink(backupPath(target, count)).catch(ignoreMissing);
  for (let n = count - 1; n >= 1; n--) {
    await renameRetrying(backupPath(target, n), backupPath(target, n + 1)).catch(ignoreMissing);
  }
  const bak1 = backupPath(target, 1);
  await unlink(bak1).catch(ignoreMissing);
  try {
    await link(target, bak1);
  } catch {
    // FAT/exFAT, some network shares and sync folders have no hard links: copy, durably.
    await copyFile(target, bak1);
    const fh = await open(bak1, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }
}

const RETRYABLE_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** Windows refuses a rename while an antivirus or indexer holds the file open; retry for about a second. */
async function renameRetrying(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      if (process.platform !== 'win32' || attempt >= 10 || !RETRYABLE_RENAME.has(errno(e))) throw e;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
}

/** Whether something is at `path` (without following a link); errors other than "not there" propagate. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (e) {
    if (errno(e) === 'ENOENT') return false;
    throw e;
  }
}

function isIgnorableDirSyncError(e: unknown): boolean {
  const code = errno(e);
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL';
}

export function errno(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : '';
}

/** A short, language-neutral description of an I/O error for the `{detail}` of a message. */
export function errorDetail(e: unknown): string {
  if (e instanceof IssueError) return String(e.issues[0]?.params?.detail ?? e.message);
  return errno(e) || (e instanceof Error ? e.message : String(e));
}

function ioIssue(code: string, label: string, e: unknown): IssueError {
  if (e instanceof IssueError) return e;
  const err = new IssueError(issue(code, { file: label }, { detail: errorDetail(e) }));
  err.cause = e;
  return err;
}

function ignore(): void {}

function ignoreMissing(e: unknown): void {
  if (errno(e) !== 'ENOENT') throw e;
}
