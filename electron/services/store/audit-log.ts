import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuditEntry } from '../../../shared/schema/index.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { errno, errorDetail, fsyncDir, withFileLock } from './durable-file.ts';
import { readOrNull } from './evidence.ts';

/** An audit entry with the line it was read from (1-based). */
export interface AuditLine {
  line: number;
  entry: AuditEntry;
}

export interface AuditLog {
  entries: AuditLine[];
  /** One `store.audit_bad_line` per line that is not a valid entry (nothing is skipped silently). */
  issues: Issue[];
}

/**
 * Appends entries to a JSON-lines log, one per line, and fsyncs the file (and its folder when the
 * file is new) before returning. Entries are validated first: nothing is appended unless all are
 * valid. A line cut short by a crash stays as it was (the reader reports it); the new entries start
 * on a line of their own.
 */
export async function appendAuditLines(path: string, label: string, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const lines: string[] = [];
  for (const e of entries) {
    const r = AuditEntry.safeParse(e);
    if (!r.success) {
      throw new IssueError([
        issue('store.invalid_document', { file: label }),
        ...r.error.issues.slice(0, 10).map((zi) => issue('doc.schema', { file: label, field: zi.path.join('.') }, { detail: zi.message })),
      ]);
    }
    lines.push(JSON.stringify(r.data));
  }
  await withFileLock(path, async () => {
    let fh;
    let created = false;
    try {
      try {
        fh = await open(path, 'r+');
      } catch (e) {
        if (errno(e) !== 'ENOENT') throw e;
        fh = await open(path, 'wx');
        created = true;
      }
      const { size } = await fh.stat();
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await fh.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      await fh.write(`${prefix}${lines.join('\n')}\n`, size, 'utf8');
      await fh.sync();
    } catch (e) {
      const err = new IssueError(issue('store.write_failed', { file: label }, { detail: errorDetail(e) }));
      err.cause = e;
      throw err;
    } finally {
      await fh?.close().catch(() => undefined);
    }
    if (created) {
      try {
        await fsyncDir(dirname(path));
      } catch (e) {
        throw new IssueError(issue('store.sync_failed', { file: label }, { detail: errorDetail(e) }));
      }
    }
  });
}

/** Every line of the log, in order; a line that is not a valid entry is reported with its number. */
export async function readAuditLines(path: string, label: string): Promise<AuditLog> {
  const bytes = await withFileLock(path, () => readOrNull(path, label));
  const out: AuditLog = { entries: [], issues: [] };
  if (bytes === null) return out;
  const text = new TextDecoder('utf-8').decode(bytes);
  const lines = text.split('\n');
  // A trailing newline ends the last line; it does not start an empty one.
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = i + 1;
    const at = { file: label, row: line };
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.replace(/\r$/, ''));
    } catch (e) {
      out.issues.push(issue('store.audit_bad_line', at, { line, detail: e instanceof Error ? e.message : String(e) }));
      return;
    }
    const r = AuditEntry.safeParse(parsed);
    if (!r.success) {
      out.issues.push(issue('store.audit_bad_line', at, { line, detail: r.error.issues[0]?.message ?? '' }));
      return;
    }
    out.entries.push({ line, entry: r.data });
  });
  return out;
}
