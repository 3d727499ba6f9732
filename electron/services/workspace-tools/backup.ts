import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, open, readFile, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { BACKUP_KIND, BACKUP_MANIFEST, type BackupManifest, BackupManifestV1 } from '../../../shared/schema/index.ts';
import { type Issue, IssueError, type Result, fail, issue, ok } from '../../../shared/util/issue.ts';
import { errorDetail, fsyncDir, renameDurable } from '../store/durable-file.ts';
import { sha256Hex } from '../store/evidence.ts';
import { FileLock } from '../store/lock.ts';
import { LOCK_FILE, WORKSPACE_FILE, WorkspaceStore } from '../store/workspace.ts';

/*
 * A workspace backup is one zip file: `parscore-backup.json` (every file's path, size and SHA-256)
 * and the workspace's files as they are, byte for byte. It is taken under the workspace lock, so
 * no command writes while it is read; a restore goes into an empty or new folder and checks every
 * file against the manifest before writing any.
 */

/** Fixed entry time: the backup's content, not its zip headers, says when it was taken. */
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

/** Every regular file of the workspace (the lock aside), relative, with '/' separators, sorted. */
async function workspaceFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const name of (await readdir(d)).sort()) {
      const p = join(d, name);
      const s = await lstat(p);
      if (s.isDirectory()) await walk(p);
      else if (s.isFile() && !(d === root && (name === LOCK_FILE || name.startsWith(`${LOCK_FILE}.stale-`)))) out.push(relative(root, p).split(sep).join('/'));
    }
  };
  await walk(root);
  return out;
}

export interface BackupSummary {
  file: string;
  files: number;
  sha256: string;
}

/** Writes a backup of the workspace `dir` to `out` (a new file), holding the workspace lock meanwhile. */
export async function backupWorkspace(dir: string, out: string, now = new Date().toISOString()): Promise<Result<BackupSummary>> {
  const abs = resolve(dir);
  const target = resolve(out);
  if (!relative(abs, target).startsWith('..')) return fail([issue('wsafe.backup.out_inside', { file: out })]);
  if (await stat(target).then(() => true, () => false)) return fail([issue('wsafe.backup.out_exists', { file: out })]);
  // Opened read-only first: a folder that is no workspace is refused by the store's own words.
  const ws = await WorkspaceStore.openReadOnly(abs);
  const identity = { id: ws.index.id, name: ws.index.name };
  await ws.close();
  const lock = await FileLock.acquire(join(abs, LOCK_FILE), abs);
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  try {
    const zip = new yazl.ZipFile();
    const files: BackupManifest['files'] = [];
    const contents: [string, Buffer][] = [];
    for (const path of await workspaceFiles(abs)) {
      const data = await readFile(join(abs, ...path.split('/')));
      files.push({ path, size: data.byteLength, sha256: sha256Hex(data) });
      contents.push([path, data]);
    }
    const manifest: BackupManifest = { kind: BACKUP_KIND, schemaVersion: 1, createdAt: now, workspace: identity, files };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), BACKUP_MANIFEST, { mtime: ZIP_MTIME });
    for (const [path, data] of contents) zip.addBuffer(data, path, { mtime: ZIP_MTIME });
    await mkdir(dirname(target), { recursive: true });
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(partial, { flags: 'wx' }));
    const fh = await open(partial, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await renameDurable(partial, target);
    return ok({ file: out, files: files.length, sha256: sha256Hex(await readFile(target)) });
  } catch (e) {
    await rm(partial, { force: true });
    if (e instanceof IssueError) throw e;
    throw new IssueError(issue('store.write_failed', { file: out }, { detail: errorDetail(e) }));
  } finally {
    await lock.release();
  }
}

/** A path from a backup that stays inside the folder it is restored into. */
function safePath(name: string): boolean {
  if (name.length === 0 || name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\0')) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

async function readEntries(file: string, label: string): Promise<Result<Map<string, Buffer>>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: true });
  } catch (e) {
    return fail([issue('wsafe.restore.not_backup', { file: label }, { detail: errorDetail(e) })]);
  }
  const out = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      if (!safePath(entry.fileName)) return fail([issue('wsafe.restore.entry_unsafe', { file: label }, { name: entry.fileName })]);
      const chunks: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
      out.set(entry.fileName, Buffer.concat(chunks));
    }
  } catch (e) {
    return fail([issue('wsafe.restore.not_backup', { file: label }, { detail: errorDetail(e) })]);
  } finally {
    zip.close();
  }
  return ok(out);
}

/**
 * Restores a backup into `dir` (empty or new). Every file is checked against the manifest first
 * (present, not damaged, nothing extra); a backup with any problem writes nothing.
 */
export async function restoreWorkspace(file: string, dir: string, label = file): Promise<Result<{ dir: string; files: number }>> {
  const abs = resolve(dir);
  const read = await readEntries(file, label);
  if (!read.ok) return read;
  const entries = read.value;
  const rawManifest = entries.get(BACKUP_MANIFEST);
  if (!rawManifest) return fail([issue('wsafe.restore.no_manifest', { file: label })]);
  let manifest: BackupManifest;
  try {
    const parsed = BackupManifestV1.safeParse(JSON.parse(rawManifest.toString('utf8')));
    if (!parsed.success) return fail([issue('wsafe.restore.not_backup', { file: label }, { detail: `${BACKUP_MANIFEST}: ${parsed.error.issues[0]?.path.join('.') ?? ''}` })]);
    manifest = parsed.data;
  } catch (e) {
    return fail([issue('wsafe.restore.not_backup', { file: label }, { detail: `${BACKUP_MANIFEST}: ${errorDetail(e)}` })]);
  }
  const problems: Issue[] = [];
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const data = entries.get(f.path);
    if (!safePath(f.path)) problems.push(issue('wsafe.restore.entry_unsafe', { file: label }, { name: f.path }));
    else if (!data) problems.push(issue('wsafe.restore.entry_missing', { file: label }, { name: f.path }));
    else if (data.byteLength !== f.size || sha256Hex(data) !== f.sha256) problems.push(issue('wsafe.restore.entry_damaged', { file: label }, { name: f.path }));
  }
  for (const name of entries.keys()) if (name !== BACKUP_MANIFEST && !listed.has(name)) problems.push(issue('wsafe.restore.entry_extra', { file: label }, { name }));
  if (!listed.has(WORKSPACE_FILE) && !listed.has(`${WORKSPACE_FILE}.bak1`)) problems.push(issue('wsafe.restore.not_backup', { file: label }, { detail: WORKSPACE_FILE }));
  if (problems.length > 0) return fail(problems);

  let existing: string[] = [];
  try {
    existing = await readdir(abs);
  } catch {
    // a new folder
  }
  if (existing.some((n) => !['.DS_Store', 'Thumbs.db', 'desktop.ini'].includes(n))) return fail([issue('store.folder_not_empty', undefined, { dir: abs })]);
  const written: string[] = [];
  try {
    for (const f of manifest.files) {
      const target = join(abs, ...f.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      const fh = await open(target, 'wx');
      written.push(target);
      try {
        await fh.writeFile(entries.get(f.path)!);
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
    const dirs = new Set(written.map((w) => dirname(w)));
    for (const d of dirs) await fsyncDir(d);
    await fsyncDir(abs);
  } catch (e) {
    for (const w of written) await rm(w, { force: true });
    return fail([issue('wsafe.restore.failed', undefined, { dir, detail: errorDetail(e) })]);
  }
  return ok({ dir, files: manifest.files.length });
}
