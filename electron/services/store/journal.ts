import { linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { link, open, rename, rm, rmdir, truncate, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { errno, errorDetail, fsyncDir, writeFileDurable } from './durable-file.ts';
import { readOrNull } from './evidence.ts';
import { parseStrictJson } from '../../../shared/util/strict-json.ts';

/** The undo journal of the transaction in progress (at most one per workspace). */
export const JOURNAL_FILE = '.parscore-journal.json';
/** Where the journal keeps hard links to the files it protects (removed with the journal). */
export const JOURNAL_SAVED_DIR = '.parscore-journal.d';

const JournalSchema = z.strictObject({
  kind: z.literal('parscore.journal'),
  schemaVersion: z.literal(1),
  startedAt: z.string(),
  /**
   * Files as they were before the transaction: `saved`, the name of a hard link to the file in
   * JOURNAL_SAVED_DIR; else `data`, its base64 content (where links fail), or null when absent.
   */
  files: z.array(z.strictObject({ path: z.string().min(1), data: z.string().nullable(), saved: z.string().regex(/^[0-9a-f]{12}-\d+$/).optional() })),
  /** Append-only files and their size before the transaction (null: absent). */
  appends: z.array(z.strictObject({ path: z.string().min(1), size: z.number().int().nonnegative().nullable() })),
  /** Folders the transaction creates (removed again if empty). */
  dirs: z.array(z.string().min(1)).default([]),
});
type JournalDoc = z.infer<typeof JournalSchema>;

/**
 * An undo journal for a group of writes that must land together or not at all.
 *
 * Before a file is first changed, its current bytes (or its absence) are added to the journal and
 * the journal is written durably; only then is the file written. Commit = deleting the journal.
 * If anything fails before that, `rollback` puts every recorded file back byte for byte (removing
 * the ones that did not exist and cutting append-only files back to their size); if the process
 * dies, the next writable open finds the journal and rolls back (`recoverJournal`). Rolling back is
 * idempotent, so a crash during a rollback is finished by the next open.
 *
 * Paths are relative to the workspace folder, with `/` separators.
 */
export class Journal {
  private readonly doc: JournalDoc;
  private readonly protectedPaths = new Set<string>();
  private readonly path: string;
  private readonly savedPrefix = randomBytes(6).toString('hex');
  private savedCount = 0;
  private linksFail = false;

  constructor(private readonly dir: string) {
    this.path = join(dir, JOURNAL_FILE);
    this.doc = { kind: 'parscore.journal', schemaVersion: 1, startedAt: new Date().toISOString(), files: [], appends: [], dirs: [] };
  }

  /**
   * Records, with one journal write, files before they are replaced or created (`exists`: whether
   * each is there now; absent ones are recorded without a read), folders about to be created, and
   * append-only files (their size now).
   *
   * A file that exists is kept by a hard link in JOURNAL_SAVED_DIR, not copied into the journal: the
   * store never writes into an existing file (it writes a temp file and renames it over, and
   * rotates backups by renames and links), so the linked bytes stay as they were, and protecting
   * a 6 MB index and its three backups costs four links instead of 34 MB of base64. Where the file
   * system has no hard links, its content goes into the journal as before.
   */
  async protectMany(what: { files?: readonly { rel: string; exists: boolean }[]; dirs?: readonly string[]; appends?: readonly string[] }): Promise<void> {
    let changed = false;
    let linked = false;
    for (const p of what.files ?? []) {
      if (this.protectedPaths.has(p.rel)) continue;
      this.protectedPaths.add(p.rel);
      changed = true;
      if (!p.exists) {
        this.doc.files.push({ path: p.rel, data: null });
        continue;
      }
      const saved = this.linkSaved(p.rel);
      if (saved !== null) {
        this.doc.files.push({ path: p.rel, data: null, saved });
        linked = true;
        continue;
      }
      const bytes = await readOrNull(this.abs(p.rel), p.rel);
      this.doc.files.push({ path: p.rel, data: bytes === null ? null : Buffer.from(bytes).toString('base64') });
    }
    for (const rel of what.dirs ?? []) {
      const key = `dir:${rel}`;
      if (this.protectedPaths.has(key)) continue;
      this.doc.dirs.push(rel);
      this.protectedPaths.add(key);
      changed = true;
    }
    for (const rel of what.appends ?? []) {
      const key = `append:${rel}`;
      if (this.protectedPaths.has(key)) continue;
      this.doc.appends.push({ path: rel, size: sizeOrNull(this.abs(rel), rel) });
      this.protectedPaths.add(key);
      changed = true;
    }
    // The links must be on disk before the journal that names them.
    if (linked) await fsyncDir(join(this.dir, JOURNAL_SAVED_DIR));
    if (changed) await this.save();
  }

  /** A hard link to the file in the saved folder (its name), or null where links are not possible. */
  private linkSaved(rel: string): string | null {
    if (this.linksFail) return null;
    const savedDir = join(this.dir, JOURNAL_SAVED_DIR);
    if (this.savedCount === 0) {
      // Left over by a transaction that ended before its journal was written: nothing refers to it.
      rmSync(savedDir, { recursive: true, force: true });
      mkdirSync(savedDir);
    }
    const name = `${this.savedPrefix}-${this.savedCount++}`;
    try {
      linkSync(this.abs(rel), join(savedDir, name));
      return name;
    } catch (e) {
      if (errno(e) === 'ENOENT') throw new IssueError(issue('store.read_failed', { file: rel }, { detail: errorDetail(e) }));
      this.linksFail = true;
      return null;
    }
  }

  /** Paths of the files recorded so far (for dropping caches after a rollback). */
  touched(): string[] {
    return [...this.doc.files.map((f) => f.path), ...this.doc.appends.map((a) => a.path)];
  }

  /** The writes are complete: the journal goes (nothing was written if nothing was protected). */
  async commit(): Promise<void> {
    if (this.protectedPaths.size === 0) return;
    await removeJournal(this.dir);
  }

  /** Undoes every recorded change, then removes the journal. */
  async rollback(): Promise<void> {
    if (this.protectedPaths.size === 0) return;
    await undo(this.dir, this.doc);
    await removeJournal(this.dir);
  }

  private async save(): Promise<void> {
    await writeFileDurable(this.path, JSON.stringify(this.doc), { backups: 0, label: JOURNAL_FILE });
  }

  private abs(rel: string): string {
    return join(this.dir, ...rel.split('/'));
  }
}

/**
 * Finishes an interrupted transaction (its journal is still there) by rolling it back. Returns the
 * files put back, or null when there was no journal. A journal that cannot be read is refused
 * (`store.journal_unreadable`): the workspace is not opened rather than opened half-changed.
 */
export async function recoverJournal(dir: string): Promise<string[] | null> {
  const bytes = await readOrNull(join(dir, JOURNAL_FILE), JOURNAL_FILE);
  if (bytes === null) {
    // Links made by a transaction that ended before its journal was written, or after its commit.
    await rm(join(dir, JOURNAL_SAVED_DIR), { recursive: true, force: true });
    return null;
  }
  let doc: JournalDoc;
  try {
    const json = parseStrictJson(new TextDecoder().decode(bytes), JOURNAL_FILE);
    if (!json.ok) throw new IssueError(issue('store.journal_unreadable', { file: JOURNAL_FILE }, { detail: json.error[0]?.params?.detail ?? json.error[0]?.code ?? '' }));
    doc = JournalSchema.parse(json.value);
  } catch (e) {
    throw new IssueError(issue('store.journal_unreadable', { file: JOURNAL_FILE }, { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) }));
  }
  await undo(dir, doc);
  await removeJournal(dir);
  return [...doc.files.map((f) => f.path), ...doc.appends.map((a) => a.path)];
}

async function undo(dir: string, doc: JournalDoc): Promise<void> {
  const dirs = new Set<string>();
  try {
    for (const a of doc.appends) {
      const abs = safeJoin(dir, a.path);
      if (a.size === null) await unlink(abs).catch(ignoreMissing);
      else {
        await truncate(abs, a.size).catch(ignoreMissing);
        await syncFile(abs);
      }
      dirs.add(dirname(abs));
    }
    // Backups first and the file itself last, in the reverse order of the rotation.
    for (const f of [...doc.files].reverse()) {
      const abs = safeJoin(dir, f.path);
      if (f.saved !== undefined) await restoreSaved(join(dir, JOURNAL_SAVED_DIR, f.saved), abs);
      else if (f.data === null) await unlink(abs).catch(ignoreMissing);
      else await writeFileDurable(abs, Buffer.from(f.data, 'base64'), { backups: 0, label: f.path });
      dirs.add(dirname(abs));
    }
    for (const d of dirs) await fsyncDir(d).catch(ignoreMissing);
    // Folders created by the transaction, deepest first, if nothing else was put in them.
    for (const rel of [...doc.dirs].reverse()) {
      await rmdir(safeJoin(dir, rel)).catch((e: unknown) => {
        if (errno(e) !== 'ENOENT' && errno(e) !== 'ENOTEMPTY' && errno(e) !== 'EEXIST') throw e;
      });
    }
    if (doc.dirs.length > 0) await fsyncDir(dir);
  } catch (e) {
    if (e instanceof IssueError) throw e;
    throw new IssueError(issue('store.rollback_failed', { file: JOURNAL_FILE }, { detail: errorDetail(e) }));
  }
}

async function removeJournal(dir: string): Promise<void> {
  try {
    await unlink(join(dir, JOURNAL_FILE));
    await fsyncDir(dir);
  } catch (e) {
    if (errno(e) !== 'ENOENT') throw new IssueError(issue('store.write_failed', { file: JOURNAL_FILE }, { detail: errorDetail(e) }));
  }
  // After the journal is gone the links are unreferenced; a leftover is removed at the next open.
  await rm(join(dir, JOURNAL_SAVED_DIR), { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Puts a saved file back over `abs` by a new link renamed into place: the saved link stays, so a
 * rollback interrupted here is simply done again at the next open.
 */
async function restoreSaved(saved: string, abs: string): Promise<void> {
  // Named as the store's temp files are, so that one left by a crash is cleaned at the next open.
  const tmp = join(dirname(abs), `.${basename(abs)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await link(saved, tmp);
  await rename(tmp, abs);
}

function sizeOrNull(abs: string, rel: string): number | null {
  try {
    return statSync(abs).size;
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw new IssueError(issue('store.read_failed', { file: rel }, { detail: errorDetail(e) }));
  }
}

/** A journal path must stay inside the workspace (it is read back from disk). */
function safeJoin(dir: string, rel: string): string {
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) {
    throw new IssueError(issue('store.journal_unreadable', { file: JOURNAL_FILE }, { detail: rel }));
  }
  return join(dir, ...parts);
}

async function syncFile(path: string): Promise<void> {
  let fh;
  try {
    fh = await open(path, 'r+');
  } catch (e) {
    if (errno(e) === 'ENOENT') return;
    throw e;
  }
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function ignoreMissing(e: unknown): void {
  if (errno(e) !== 'ENOENT') throw e;
}
