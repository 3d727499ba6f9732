import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { errno, errorDetail, pathExists, withFileLock, writeFileDurableNow } from './durable-file.ts';

export { pathExists };

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What `putBlob` did: wrote a new blob, found it already there, or replaced a damaged copy. */
export type BlobWrite = 'created' | 'present' | 'repaired';

/**
 * Stores `data` at `path`, a content-addressed name for `sha256`: written once (temp file, fsync,
 * rename, fsync the folder), never rewritten while a copy with the right content exists. A copy
 * whose bytes no longer match its name (damaged on disk) is replaced.
 */
export async function putBlob(path: string, label: string, sha256: string, data: Uint8Array): Promise<BlobWrite> {
  const actual = sha256Hex(data);
  if (actual !== sha256) throw new IssueError(issue('store.evidence_hash_mismatch', { file: label }, { expected: sha256, actual }));
  return withFileLock(path, async () => {
    const existing = await readOrNull(path, label);
    if (existing !== null && sha256Hex(existing) === sha256) return 'present';
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (e) {
      throw new IssueError(issue('store.write_failed', { file: label }, { detail: errorDetail(e) }));
    }
    await writeFileDurableNow(path, data, { backups: 0, label });
    return existing === null ? 'created' : 'repaired';
  });
}

/** The blob's bytes, checked against its name; null if there is none; `store.evidence_corrupt` if damaged. */
export async function readBlob(path: string, label: string, sha256: string): Promise<Uint8Array | null> {
  const data = await readOrNull(path, label);
  if (data === null) return null;
  const actual = sha256Hex(data);
  if (actual !== sha256) throw new IssueError(issue('store.evidence_corrupt', { file: label }, { expected: sha256, actual }));
  return data;
}


export async function readOrNull(path: string, label: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    const err = new IssueError(issue('store.read_failed', { file: label }, { detail: errorDetail(e) }));
    err.cause = e;
    throw err;
  }
}
