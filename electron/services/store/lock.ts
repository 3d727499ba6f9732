import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { errno, errorDetail, fsyncDir } from './durable-file.ts';
import { parseStrictJson } from '../../../shared/util/strict-json.ts';

export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** A lock file whose content cannot be read yet is given this long to be written before it counts as stale. */
const UNREADABLE_GRACE_MS = 10_000;

/**
 * One writer process per workspace: `.parscore.lock` is created exclusively and holds
 * `{ pid, hostname, startedAt }`. A lock left by a process that is no longer alive on this host is
 * taken over; a lock held by a live process, or by another host (which cannot be checked), is refused.
 */
export class FileLock {
  private released = false;

  private constructor(
    readonly path: string,
    readonly holder: LockHolder,
    private readonly bytes: string,
  ) {}

  /** `dirLabel` names the workspace folder in issues. */
  static async acquire(path: string, dirLabel: string): Promise<FileLock> {
    const holder: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
    const bytes = `${JSON.stringify(holder)}\n`;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        if (await createExclusive(path, bytes)) return new FileLock(path, holder, bytes);
      } catch (e) {
        throw lockError(dirLabel, e);
      }
      const seen = await readLock(path);
      if (seen === null) continue; // released meanwhile: try again
      if (seen.holder) {
        const h = seen.holder;
        if (h.hostname !== hostname() || isAlive(h.pid)) {
          throw new IssueError(issue('store.locked', undefined, { dir: dirLabel, pid: String(h.pid), hostname: h.hostname, startedAt: h.startedAt }));
        }
      } else if (Date.now() - seen.mtimeMs < UNREADABLE_GRACE_MS) {
        throw new IssueError(issue('store.lock_unreadable', undefined, { dir: dirLabel }));
      }
      await takeOver(path, seen.text);
    }
    throw new IssueError(issue('store.lock_unreadable', undefined, { dir: dirLabel }));
  }

  /** Removes the lock file if it is still ours. Safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const seen = await readLock(this.path).catch(() => null);
    if (seen?.text === this.bytes) await unlink(this.path).catch(() => undefined);
  }
}

/**
 * Creates the lock with its content in one step, so that no reader ever sees an empty lock: the
 * content goes to a temp file (O_EXCL, fsynced), which is then hard-linked to the lock name (fails
 * if the lock exists). Where hard links are unsupported, the lock is created with O_EXCL and
 * written. Returns false if a lock already exists.
 */
async function createExclusive(path: string, bytes: string): Promise<boolean> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await writeSynced(tmp, bytes);
  try {
    await link(tmp, path);
  } catch (e) {
    if (errno(e) === 'EEXIST') return false;
    try {
      await writeSynced(path, bytes);
    } catch (e2) {
      if (errno(e2) === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  await fsyncDir(dirname(path));
  return true;
}

async function writeSynced(path: string, bytes: string): Promise<void> {
  const fh = await open(path, 'wx');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** The holder written in a lock file, or null if there is no lock. */
export async function readLockHolder(path: string): Promise<LockHolder | null> {
  return (await readLock(path))?.holder ?? null;
}

async function readLock(path: string): Promise<{ text: string; holder: LockHolder | null; mtimeMs: number } | null> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, mtimeMs] = await Promise.all([readFile(path, 'utf8'), stat(path).then((s) => s.mtimeMs)]);
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw e;
  }
  return { text, holder: parseHolder(text), mtimeMs };
}

function parseHolder(text: string): LockHolder | null {
  try {
    const json = parseStrictJson(text, 'lock');
    if (!json.ok) return null;
    const v = json.value;
    if (typeof v !== 'object' || v === null) return null;
    const r = v as Record<string, unknown>;
    if (typeof r.pid !== 'number' || !Number.isInteger(r.pid) || r.pid <= 0) return null;
    if (typeof r.hostname !== 'string' || typeof r.startedAt !== 'string') return null;
    return { pid: r.pid, hostname: r.hostname, startedAt: r.startedAt };
  } catch {
    return null;
  }
}

/** Whether a process with this id exists on this host (EPERM: it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
}

/**
 * Removes a stale lock without removing a fresh one that another process may have created in the
 * meantime: the lock is renamed to a private name and checked; if it is not the stale one we saw,
 * it is put back.
 */
async function takeOver(path: string, staleText: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (e) {
    if (errno(e) === 'ENOENT') return;
    throw e;
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved !== staleText) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function lockError(dirLabel: string, e: unknown): IssueError {
  const err = new IssueError(issue('store.lock_failed', undefined, { dir: dirLabel, detail: errorDetail(e) }));
  err.cause = e;
  return err;
}
