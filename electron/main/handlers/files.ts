import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import type { PickedFile } from '../../../shared/ipc/files.ts';
import { IssueError, type IssueLocation, issue } from '../../../shared/util/issue.ts';
import type { AppContext } from './context.ts';

/** Bytes a padded base64 text decodes to, without decoding it. */
function decodedSize(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

export interface FileLimit {
  max: number;
  /** The issue said when the file is larger than `max` (given size, max, sizeMb, maxMb). */
  tooLarge: string;
}

function tooLarge(at: IssueLocation, name: string, size: number, limit: FileLimit): IssueError {
  return new IssueError(issue(limit.tooLarge, { ...at, file: name }, { size, max: limit.max, sizeMb: Math.ceil(size / 1048576), maxMb: limit.max / 1048576 }));
}

/**
 * Gives `fn` a path to the file the user picked, under the file's own name:
 * - bytes (browser mode, or a file not on disk): refused over the limit before anything is decoded,
 *   else written in a fresh temporary folder that is removed afterwards;
 * - a path (the desktop window only: `webUtils.getPathForFile` or a native dialog): it must be an
 *   absolute path to a regular file within the limit; the service reads it where it is.
 */
export async function withPickedFile<T>(ctx: AppContext, at: IssueLocation, file: PickedFile, limit: FileLimit, fn: (path: string, name: string) => Promise<T>): Promise<T> {
  if ('path' in file) {
    const name = basename(file.path);
    // A path from the browser mode's page would let any local page name files to read: only the desktop window gives paths.
    if (ctx.mode !== 'electron' || !isAbsolute(file.path)) throw new IssueError(issue('shell.file.path_refused', { ...at, file: name }));
    const st = await stat(file.path).catch(() => null);
    if (!st?.isFile()) throw new IssueError(issue('shell.file.unreadable', { ...at, file: name }));
    if (st.size > limit.max) throw tooLarge(at, name, st.size, limit);
    return fn(file.path, name);
  }
  const size = decodedSize(file.bytesBase64);
  if (size > limit.max) throw tooLarge(at, file.name, size, limit);
  const dir = await mkdtemp(join(tmpdir(), 'parscore-file-'));
  try {
    const name = file.name.normalize('NFC');
    const path = join(dir, name);
    await writeFile(path, Buffer.from(file.bytesBase64, 'base64'));
    return await fn(path, name);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
