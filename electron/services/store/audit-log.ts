import { createHash } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AUDIT_GENESIS, AUDIT_LINE_VERSION, AuditEntry, AuditLineV2 } from '../../../shared/schema/index.ts';
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
  /** The hash chain: lines where it breaks, and how many leading lines predate it (see shared/schema/audit.ts). */
  chain: AuditChain;
}

export interface AuditChain {
  /** `wsafe.check.audit_break` / `wsafe.check.audit_unchained_after`, one per line where the chain breaks. */
  breaks: Issue[];
  /** Leading lines written before the log was chained (version 1). */
  unchained: number;
}

/** The hash a line's successor carries: SHA-256 of the line's bytes as stored (without its line break). */
export function lineHash(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

const GENESIS_HASH = lineHash(AUDIT_GENESIS);
/** Bytes read from the end at a time to find the last line (a line is a few hundred bytes, at most a few KB). */
const TAIL_CHUNK = 64 * 1024;

/** The hash the next line must carry: of the file's last line, or of the genesis string for an empty file. */
async function lastLineHash(fh: FileHandle, size: number): Promise<string> {
  if (size === 0) return GENESIS_HASH;
  // A file ending in a line break ends its last line there; one cut short by a crash ends with the cut line.
  const end = (await byteAt(fh, size - 1)) === 0x0a ? size - 1 : size;
  let from = end;
  const chunks: Buffer[] = [];
  while (from > 0) {
    const len = Math.min(TAIL_CHUNK, from);
    const buf = Buffer.alloc(len);
    await fh.read(buf, 0, len, from - len);
    const nl = buf.lastIndexOf(0x0a);
    if (nl >= 0) {
      chunks.unshift(buf.subarray(nl + 1));
      break;
    }
    chunks.unshift(buf);
    from -= len;
  }
  return lineHash(Buffer.concat(chunks).toString('utf8').replace(/\r$/, ''));
}

async function byteAt(fh: FileHandle, pos: number): Promise<number> {
  const b = Buffer.alloc(1);
  await fh.read(b, 0, 1, pos);
  return b[0]!;
}

/**
 * Appends entries to a JSON-lines log, one per line, and fsyncs the file (and its folder when the
 * file is new) before returning. Entries are validated first: nothing is appended unless all are
 * valid. A line cut short by a crash stays as it was (the reader reports it); the new entries start
 * on a line of their own.
 */
export async function appendAuditLines(path: string, label: string, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const lines: AuditEntry[] = [];
  for (const e of entries) {
    const r = AuditEntry.safeParse(e);
    if (!r.success) {
      throw new IssueError([
        issue('store.invalid_document', { file: label }),
        ...r.error.issues.slice(0, 10).map((zi) => issue('doc.schema', { file: label, field: zi.path.join('.') }, { detail: zi.message })),
      ]);
    }
    lines.push(r.data);
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
      const prefix = size > 0 && (await byteAt(fh, size - 1)) !== 0x0a ? '\n' : '';
      // Each line carries the hash of the one before it (tamper evidence).
      let prev = await lastLineHash(fh, size);
      const text = lines.map((e) => {
        const raw = JSON.stringify({ schemaVersion: AUDIT_LINE_VERSION, ...e, prev });
        prev = lineHash(raw);
        return raw;
      });
      await fh.write(`${prefix}${text.join('\n')}\n`, size, 'utf8');
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
  const out: AuditLog = { entries: [], issues: [], chain: { breaks: [], unchained: 0 } };
  if (bytes === null) return out;
  const text = new TextDecoder('utf-8').decode(bytes);
  const lines = text.split('\n');
  // A trailing newline ends the last line; it does not start an empty one.
  if (lines.at(-1) === '') lines.pop();
  let expected = GENESIS_HASH;
  let chained = false;
  lines.forEach((rawLine, i) => {
    const line = i + 1;
    const at = { file: label, row: line };
    const raw = rawLine.replace(/\r$/, '');
    const hash = lineHash(raw);
    const want = expected;
    expected = hash;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      out.issues.push(issue('store.audit_bad_line', at, { line, detail: e instanceof Error ? e.message : String(e) }));
      return;
    }
    const v2 = typeof parsed === 'object' && parsed !== null && 'schemaVersion' in parsed;
    if (v2) {
      const r = AuditLineV2.safeParse(parsed);
      if (!r.success) {
        out.issues.push(issue('store.audit_bad_line', at, { line, detail: r.error.issues[0]?.message ?? '' }));
        return;
      }
      const { schemaVersion: _, prev, ...entry } = r.data;
      if (prev !== want) out.chain.breaks.push(issue('wsafe.check.audit_break', at, { line }));
      chained = true;
      out.entries.push({ line, entry });
      return;
    }
    const r = AuditEntry.safeParse(parsed);
    if (!r.success) {
      out.issues.push(issue('store.audit_bad_line', at, { line, detail: r.error.issues[0]?.message ?? '' }));
      return;
    }
    // A version-1 line after chained ones was not written by this version: edited or inserted.
    if (chained) out.chain.breaks.push(issue('wsafe.check.audit_unchained_after', at, { line }));
    else out.chain.unchained++;
    out.entries.push({ line, entry: r.data });
  });
  return out;
}
