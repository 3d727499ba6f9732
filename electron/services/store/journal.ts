import { open, rmdir, truncate, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { BACKUP_COUNT, backupPath, errno, errorDetail, fsyncDir, writeFileDurable } from './durable-file.ts';
import { readOrNull } from './evidence.ts';

/** The undo journal of the transaction in progress (at most one per workspace). */
export const JOURNAL_FILE = '.parscore-journal.json';

const JournalSchema = z.strictObject({
  kind: z.literal('parscore.journal'),
  schemaVersion: z.literal(1),
  startedAt: z.string(),
  /** Files as they were before the transaction: base64 content, or null when absent. */
  files: z.array(z.strictObject({ path: z.string().min(1), data: z.string().nullable() })),
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

  constructor(private readonly dir: string) {
    this.path = join(dir, JOURNAL_FILE);
    this.doc = { kind: 'parscore.journal', schemaVersion: 1, startedAt: new Date().toISOString(), files: [], appends: [], dirs: [] };
  }

  /** Records a file (and, with `backups`, its rotating `.bak1…3`) before it is replaced or created. */
  async protectFile(rel: string, opts: { backups?: boolean } = {}): Promise<void> {
    const paths = [rel];
    if (opts.backups) for (let n = 1; n <= BACKUP_COUNT; n++) paths.push(backupPath(rel, n));
    let changed = false;
    for (const p of paths) {
      if (this.protectedPaths.has(p)) continue;
      const bytes = await readOrNull(this.abs(p), p);
      this.doc.files.push({ path: p, data: bytes === null ? null : Buffer.from(bytes).toString('base64') });
      this.protectedPaths.add(p);
      changed = true;
    }
    if (changed) await this.save();
  }

  /**
   * Records many files at once, with one journal write: `exists` says whether each is there now
   * (absent ones are recorded as such without a read), and `dirs` the folders about to be created.
   */
  async protectMany(paths: readonly { rel: string; exists: boolean }[], dirs: readonly string[] = []): Promise<void> {
    let changed = false;
    for (const p of paths) {
      if (this.protectedPaths.has(p.rel)) continue;
      const bytes = p.exists ? await readOrNull(this.abs(p.rel), p.rel) : null;
      this.doc.files.push({ path: p.rel, data: bytes === null ? null : Buffer.from(bytes).toString('base64') });
      this.protectedPaths.add(p.rel);
      changed = true;
    }
    for (const rel of dirs) {
      const key = `dir:${rel}`;
      if (this.protectedPaths.has(key)) continue;
      this.doc.dirs.push(rel);
      this.protectedPaths.add(key);
      changed = true;
    }
    if (changed) await this.save();
  }

  /** Records an append-only file's size before entries are appended to it. */
  async protectAppend(rel: string): Promise<void> {
    const key = `append:${rel}`;
    if (this.protectedPaths.has(key)) return;
    let size: number | null = null;
    try {
      const fh = await open(this.abs(rel), 'r');
      try {
        size = (await fh.stat()).size;
      } finally {
        await fh.close();
      }
    } catch (e) {
      if (errno(e) !== 'ENOENT') throw new IssueError(issue('store.read_failed', { file: rel }, { detail: errorDetail(e) }));
    }
    this.doc.appends.push({ path: rel, size });
    this.protectedPaths.add(key);
    await this.save();
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
  if (bytes === null) return null;
  let doc: JournalDoc;
  try {
    doc = JournalSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
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
      if (f.data === null) await unlink(abs).catch(ignoreMissing);
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
    if (errno(e) === 'ENOENT') return;
    throw new IssueError(issue('store.write_failed', { file: JOURNAL_FILE }, { detail: errorDetail(e) }));
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
