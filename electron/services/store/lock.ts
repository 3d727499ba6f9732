import { randomBytes } from 'node:crypto';
import { link, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { errno, errorDetail, fsyncDir } from './durable-file.ts';
import { parseStrictJson } from '../../../shared/util/strict-json.ts';

export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  /** The workspace folder the lock was taken for (real path): a lock naming another folder came with a copy. */
  dir?: string;
  /** The lock file's own inode: a copied lock file has another one. 0 where the file system has none. */
  ino?: number;
}

export interface AcquireOptions {
  /** Take the lock even from a live holder or another computer (the user chose "Open anyway" after the warning). */
  force?: boolean;
}

/** A lock file whose content cannot be read yet is given this long to be written before it counts as stale. */
const UNREADABLE_GRACE_MS = 10_000;

/**
 * One writer process per workspace: `.parscore.lock` is created exclusively and holds
 * `{ pid, hostname, startedAt, dir, ino }`. A lock left by a process that is no longer alive on this
 * host is taken over; so is a lock that came with a copy of the folder (it names another folder and
 * is another file), with a notice that says so. A lock held by a live process, or by another host
 * (which cannot be checked), is refused, unless the user forces it (`force`, after a warning).
 */
export class FileLock {
  private released = false;

  private constructor(
    readonly path: string,
    readonly holder: LockHolder,
    private readonly bytes: string,
    /** What the user should be told about how the lock was taken (a copied folder, a forced open), or null. */
    readonly notice: Issue | null,
  ) {}

  /** `dirLabel` names the workspace folder in issues. */
  static async acquire(path: string, dirLabel: string, opts: AcquireOptions = {}): Promise<FileLock> {
    const here = await realpath(dirname(path)).catch(() => dirname(path));
    let notice: Issue | null = null;
    for (let attempt = 0; attempt < 5; attempt++) {
      let made: { holder: LockHolder; bytes: string } | null;
      try {
        made = await createExclusive(path, { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), dir: here });
      } catch (e) {
        throw lockError(dirLabel, e);
      }
      if (made) return new FileLock(path, made.holder, made.bytes, notice);
      const seen = await readLock(path);
      if (seen === null) continue; // released meanwhile: try again
      if (seen.holder) {
        const h = seen.holder;
        const params = { dir: dirLabel, pid: String(h.pid), hostname: h.hostname, startedAt: h.startedAt, when: localTime(h.startedAt), from: h.dir ?? '' };
        if (isCopy(h, here, seen.ino)) {
          notice = issue('store.lock_copied', undefined, params);
        } else if (h.hostname !== hostname() || isAlive(h.pid)) {
          if (!opts.force) throw new IssueError(issue(h.hostname === hostname() ? 'store.locked' : 'store.locked_elsewhere', undefined, params));
          notice = issue('store.lock_forced', undefined, params);
        }
      } else if (Date.now() - seen.mtimeMs < UNREADABLE_GRACE_MS && !opts.force) {
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
async function createExclusive(path: string, base: LockHolder): Promise<{ holder: LockHolder; bytes: string } | null> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // A hard link keeps the inode, so the temp file's inode is the lock's.
  let made = await writeSynced(tmp, base);
  try {
    await link(tmp, path);
  } catch (e) {
    if (errno(e) === 'EEXIST') return null;
    try {
      made = await writeSynced(path, base);
    } catch (e2) {
      if (errno(e2) === 'EEXIST') return null;
      throw e2;
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  await fsyncDir(dirname(path));
  return made;
}

/** Creates `path` exclusively with the holder and the new file's own inode in it. */
async function writeSynced(path: string, base: LockHolder): Promise<{ holder: LockHolder; bytes: string }> {
  const fh = await open(path, 'wx');
  try {
    const holder = { ...base, ino: (await fh.stat()).ino };
    const bytes = `${JSON.stringify(holder)}\n`;
    await fh.writeFile(bytes);
    await fh.sync();
    return { holder, bytes };
  } finally {
    await fh.close();
  }
}

/**
 * Whether a lock came with a copy of the folder rather than being this folder's own: it names
 * another folder, and it is another file (its inode differs from the one it recorded; where inodes
 * cannot be compared, only on the PC that wrote it, where a path is unambiguous). The same folder
 * reached by another path (a network share mapped under two letters) keeps the lock file's inode.
 */
export function isCopy(h: LockHolder, here: string, ino: number): boolean {
  if (!h.dir || h.dir === here) return false;
  if (h.ino && ino) return h.ino !== ino;
  return h.hostname === hostname();
}

/** The holder written in a lock file, or null if there is no lock. */
export async function readLockHolder(path: string): Promise<LockHolder | null> {
  return (await readLock(path))?.holder ?? null;
}

async function readLock(path: string): Promise<{ text: string; holder: LockHolder | null; mtimeMs: number; ino: number } | null> {
  let text: string;
  let st: { mtimeMs: number; ino: number };
  try {
    [text, st] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw e;
  }
  return { text, holder: parseHolder(text), mtimeMs: st.mtimeMs, ino: st.ino };
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
    const holder: LockHolder = { pid: r.pid, hostname: r.hostname, startedAt: r.startedAt };
    if (typeof r.dir === 'string') holder.dir = r.dir;
    if (typeof r.ino === 'number' && Number.isFinite(r.ino)) holder.ino = r.ino;
    return holder;
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

/** "08/12/2026 09:30" in this PC's time zone (the ISO text as written where it is not a date). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
