import { close, closeSync, copyFileSync, existsSync, fsync, fsyncSync, linkSync, open, openSync, readdirSync, renameSync, unlinkSync, write } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { BACKUP_COUNT, backupPath, errorDetail, fsyncDir } from './durable-file.ts';
import type { Journal } from './journal.ts';

/** A whole-file write waiting for its transaction's commit. */
export interface StagedFile {
  /** Path relative to the workspace, `/`-separated (also how the file is named in issues). */
  label: string;
  data: string | Uint8Array;
  /** Rotating backups to keep (`.bak1…`), as the file's own writes keep them. */
  backups: number;
}

/** Files written and fsynced at once: enough for the file system to group the fsyncs into few journal commits. */
const IO_CONCURRENCY = 32;

/**
 * Writes a transaction's staged files in one go, durably: the undo journal records every file the
 * commit replaces (and its backups) and every folder it creates, in one journal write; then each
 * file is written to a temp file and fsynced, many at once (the file system groups concurrent
 * fsyncs), backups are rotated and the temp files renamed over their targets, and each
 * folder is fsynced once. The caller then writes the index and commits the journal.
 *
 * One journal write and one folder fsync per commit instead of per file is what lets an import of
 * thousands of files run at disk speed; the all-or-nothing guarantee is the journal's, as before.
 */
export async function writeStaged(
  dir: string,
  journal: Journal,
  files: readonly StagedFile[],
  /** What else the commit changes after these files (the index, the audit log), protected in the same journal write. */
  also: { files: readonly string[]; appends: readonly string[] } = { files: [], appends: [] },
): Promise<void> {
  const abs = (label: string) => join(dir, ...label.split('/'));
  // Which names exist, one listing per folder instead of a failed read per absent file.
  const folders = [...new Set(files.map((f) => dirname(f.label)))];
  const present = new Map<string, Set<string>>();
  const created: string[] = [];
  for (const folder of folders) {
    try {
      present.set(folder, new Set(readdirSync(abs(folder))));
    } catch {
      present.set(folder, new Set());
      created.push(folder);
    }
  }
  const exists = (label: string) => present.get(dirname(label))?.has(basename(label)) ?? false;
  const protectedPaths: { rel: string; exists: boolean }[] = [];
  for (const f of files) {
    protectedPaths.push({ rel: f.label, exists: exists(f.label) });
    for (let n = 1; n <= f.backups; n++) protectedPaths.push({ rel: backupPath(f.label, n), exists: exists(backupPath(f.label, n)) });
  }
  for (const rel of also.files) protectedPaths.push({ rel, exists: existsSync(abs(rel)) });
  await journal.protectMany({ files: protectedPaths, dirs: created.filter((d) => d !== '.'), appends: also.appends });
  if (files.length === 0) return;

  for (const folder of created) {
    try {
      await mkdir(abs(folder), { recursive: true });
    } catch (e) {
      throw new IssueError(issue('store.write_failed', { file: folder }, { detail: errorDetail(e) }));
    }
  }

  // 1. Every file to a temp file next to its target, fsynced: many in flight at once, so that the
  //    file system groups the fsyncs and the caller's thread stays free meanwhile.
  const temps: { f: StagedFile; tmp: string }[] = files.map((f) => {
    const target = abs(f.label);
    return { f, tmp: join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`) };
  });
  const failed = (label: string, e: unknown) => new IssueError(issue('store.write_failed', { file: label }, { detail: errorDetail(e) }));
  let next = 0;
  let failure: IssueError | null = null;
  const worker = async (): Promise<void> => {
    while (next < temps.length && failure === null) {
      const t = temps[next++]!;
      try {
        // The callback API: a fraction of the FileHandle API's cost per call, and nothing here
        // blocks this thread (creating a file can wait on the file system's journal while other
        // files are being fsynced).
        const fd = await call<number>((cb) => open(t.tmp, 'wx', cb));
        try {
          const bytes = typeof t.f.data === 'string' ? Buffer.from(t.f.data) : t.f.data;
          for (let at = 0; at < bytes.byteLength; ) at += await call<number>((cb) => write(fd, bytes, at, bytes.byteLength - at, null, cb));
          await call<void>((cb) => fsync(fd, cb));
        } finally {
          await call<void>((cb) => close(fd, cb));
        }
      } catch (e) {
        failure ??= failed(t.f.label, e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IO_CONCURRENCY, temps.length) }, worker));
  if (failure !== null) {
    await Promise.all(temps.map((t) => unlink(t.tmp).catch(() => undefined)));
    throw failure;
  }

  // 3. Backups rotated, temp files renamed over their targets (the journal undoes any of it).
  for (const [i, t] of temps.entries()) {
    const target = abs(t.f.label);
    try {
      if (t.f.backups > 0 && exists(t.f.label)) rotate(target, Math.min(t.f.backups, BACKUP_COUNT));
      renameSync(t.tmp, target);
    } catch (e) {
      for (const rest of temps.slice(i)) unlinkQuietly(rest.tmp);
      throw failed(t.f.label, e);
    }
  }
  for (const folder of folders) {
    try {
      await fsyncDir(abs(folder));
    } catch (e) {
      throw new IssueError(issue('store.sync_failed', { file: folder }, { detail: errorDetail(e) }));
    }
  }
}

/** bak(N-1) → bakN … bak1 → bak2, then bak1 = a hard link to the current file (a copy where links fail), as `writeFileDurable` does. */
function rotate(target: string, count: number): void {
  unlinkQuietly(backupPath(target, count));
  for (let n = count - 1; n >= 1; n--) {
    try {
      renameSync(backupPath(target, n), backupPath(target, n + 1));
    } catch {
      // that backup did not exist
    }
  }
  const bak1 = backupPath(target, 1);
  unlinkQuietly(bak1);
  try {
    linkSync(target, bak1);
  } catch {
    copyFileSync(target, bak1);
    const fd = openSync(bak1, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already
  }
}

/** A callback-style fs call as a promise. */
function call<T>(f: (cb: (e: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => f((e, value) => (e ? reject(e) : resolve(value as T))));
}
