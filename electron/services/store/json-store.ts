import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Adapter } from 'lowdb';
import type { VersionedKind } from '../../../shared/schema/versioned.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import {
  BACKUP_COUNT,
  backupPath,
  errno,
  errorDetail,
  renameDurable,
  withFileLock,
  writeFileDurableNow,
  pathExists,
  writeNewFileDurable,
} from './durable-file.ts';
import { fileStamp } from './names.ts';
import { decodeUtf8 } from '../utf8.ts';
import { parseStrictJson } from '../../../shared/util/strict-json.ts';

/** A damaged (or vanished) file that was repaired, or found beyond repair, while reading. */
export interface Recovery {
  /** Absolute path of the file. */
  file: string;
  /** Where the damaged file was moved (absolute); null when the file was missing and only restored. */
  movedTo: string | null;
  /** The backup copied into place (absolute), or null when no backup was valid: the document is lost. */
  restoredFrom: string | null;
  /**
   * First the summary to show (`store.recovered`, `store.restored_missing`, `store.corrupt_no_backup`,
   * `store.missing_no_backup`), then what was wrong with the file.
   */
  issues: Issue[];
  /** When it happened (ISO date-time). */
  at: string;
}

/** An older schema version that was upgraded on disk. */
export interface Migration {
  file: string;
  from: number;
  to: number;
  /** The untouched original: `<name>.v<N>.bak`. */
  keptAt: string;
  issues: Issue[];
}

export interface ValidatedJsonFileOptions {
  /** How the file is named in issues, e.g. `assessments/SNV.json` (default: its file name). */
  label?: string;
  onRecovery?: (r: Recovery) => void;
  onMigration?: (m: Migration) => void;
  /** Never change anything on disk: a damaged file is refused instead of repaired, a migration stays in memory. */
  readOnly?: boolean;
  /** Rotating backups kept on each write (default 3). */
  backups?: number;
}

type Verdict<T> =
  | { state: 'ok'; value: T; migratedFrom: number | null }
  /** Damaged: not UTF-8, not JSON, not a document, schema-invalid. Repairable from a backup. */
  | { state: 'bad'; issues: Issue[] }
  /** Intact but not ours to touch: a future schema version, or another kind of document. */
  | { state: 'refused'; issues: Issue[] };

const REFUSED_CODES = new Set(['doc.future_version', 'doc.wrong_kind']);

/**
 * A lowdb adapter (`new Low(new ValidatedJsonFile(path, AssessmentDoc), …)`) for one versioned JSON
 * document, written durably (`writeFileDurable`, rotating backups) and validated on every read:
 *
 * - missing file → `null` (but a missing file that still has backups is restored from them);
 * - damaged (empty, truncated, not JSON, schema-invalid) → moved aside to
 *   `<name>.corrupt-<yyyymmddThhmmss>.json`, the newest valid backup is copied into place and the
 *   repair is reported; with no valid backup the read throws `store.corrupt_no_backup` (the document
 *   is never silently replaced by defaults);
 * - a future schema version or another kind of document → `IssueError`, file untouched;
 * - an older version → migrated, the original kept as `<name>.v<N>.bak`, the migrated document written.
 */
export class ValidatedJsonFile<T> implements Adapter<T> {
  readonly path: string;
  readonly label: string;
  private readonly backups: number;

  constructor(
    path: string,
    readonly kind: VersionedKind<T>,
    private readonly options: ValidatedJsonFileOptions = {},
  ) {
    this.path = resolve(path);
    this.label = options.label ?? basename(this.path);
    this.backups = options.backups ?? BACKUP_COUNT;
  }

  /** The document, validated and migrated to the latest version; null if there is none. */
  read(): Promise<T | null> {
    return withFileLock(this.path, () => this.readLocked());
  }

  async write(data: T): Promise<void> {
    await this.save(data);
  }

  /** Validates, writes, and returns the document as stored (defaults filled in). */
  save(data: T): Promise<T> {
    const value = this.validate(data);
    return this.writeValid(value).then(() => value);
  }

  /** Writes a document that `validate` returned. */
  writeValid(value: T): Promise<void> {
    if (this.options.readOnly) return Promise.reject(new IssueError(issue('store.read_only', { file: this.label })));
    return withFileLock(this.path, () => writeFileDurableNow(this.path, serialize(value), { backups: this.backups, label: this.label }));
  }

  /** The document as it would be stored, or `IssueError` (`store.invalid_document` then the schema issues). */
  validate(data: unknown): T {
    const r = this.kind.parse(data, this.label);
    if (!r.ok) throw new IssueError([issue('store.invalid_document', { file: this.label }), ...r.error]);
    return r.value.value;
  }

  private async readLocked(): Promise<T | null> {
    const bytes = await this.readBytes(this.path);
    if (bytes === null) {
      // A file never written has no backups either; backups without the file mean an interrupted repair.
      if (!(await this.hasBackups())) return null;
      return this.recover(null, []);
    }
    const verdict = this.judge(bytes, this.label);
    if (verdict.state === 'refused') throw new IssueError(verdict.issues);
    if (verdict.state === 'bad') return this.recover(bytes, verdict.issues);
    if (verdict.migratedFrom !== null) return this.migrate(bytes, verdict.value, verdict.migratedFrom);
    return verdict.value;
  }

  private judge(bytes: Buffer, label: string): Verdict<T> {
    const at = { file: label };
    if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
      return { state: 'bad', issues: [issue('store.empty_file', at)] };
    }
    // The fatal TextDecoder's verdict at a fraction of its cost (it counts when 10,000 files are
    // read). Invalid bytes become U+FFFD, and the file is refused below. Report what a person can
    // act on: a file cut inside a multi-byte letter is first of all bad JSON.
    const decoded = decodeUtf8(bytes);
    const utf8 = decoded !== null;
    const text = decoded ?? bytes.toString('utf8');
    const json = parseStrictJson(text, label);
    if (!json.ok) return { state: 'bad', issues: json.error };
    const raw = json.value;
    if (!utf8) return { state: 'bad', issues: [issue('store.not_utf8', at)] };
    const r = this.kind.parse(raw, label);
    if (r.ok) return { state: 'ok', value: r.value.value, migratedFrom: r.value.migratedFrom };
    if (r.error.some((i) => REFUSED_CODES.has(i.code))) return { state: 'refused', issues: r.error };
    return { state: 'bad', issues: r.error };
  }

  /** Moves the damaged file aside and restores the newest valid backup; throws if there is none. */
  private async recover(bytes: Buffer | null, problems: Issue[]): Promise<T> {
    const present = bytes !== null;
    if (this.options.readOnly) {
      throw new IssueError([issue(present ? 'store.corrupt_read_only' : 'store.missing_read_only', { file: this.label }), ...problems]);
    }
    const movedTo = present ? await this.moveAside() : null;
    const movedLabel = movedTo ? this.siblingLabel(movedTo) : '';
    for (let n = 1; n <= this.backups; n++) {
      const bak = backupPath(this.path, n);
      const bakBytes = await this.readBytes(bak);
      if (bakBytes === null) continue;
      const verdict = this.judge(bakBytes, this.siblingLabel(bak));
      if (verdict.state !== 'ok') continue;
      // The target is gone now, so this write rotates nothing: the backups stay as they are.
      await writeFileDurableNow(this.path, bakBytes, { backups: 0, label: this.label });
      const summary = present
        ? issue('store.recovered', { file: this.label }, { movedTo: movedLabel, restoredFrom: this.siblingLabel(bak) })
        : issue('store.restored_missing', { file: this.label }, { restoredFrom: this.siblingLabel(bak) });
      this.report({ file: this.path, movedTo, restoredFrom: bak, issues: [summary, ...problems], at: new Date().toISOString() });
      if (verdict.migratedFrom !== null) return this.migrate(bakBytes, verdict.value, verdict.migratedFrom);
      return verdict.value;
    }
    const summary = present
      ? issue('store.corrupt_no_backup', { file: this.label }, { movedTo: movedLabel })
      : issue('store.missing_no_backup', { file: this.label });
    const issues = [summary, ...problems];
    this.report({ file: this.path, movedTo, restoredFrom: null, issues, at: new Date().toISOString() });
    throw new IssueError(issues);
  }

  private async moveAside(): Promise<string> {
    const stamp = fileStamp();
    for (let n = 1; ; n++) {
      const candidate = `${this.path}.corrupt-${stamp}${n === 1 ? '' : `-${n}`}.json`;
      if (await pathExists(candidate)) continue;
      try {
        await renameDurable(this.path, candidate);
      } catch (e) {
        throw writeError(this.label, e);
      }
      return candidate;
    }
  }

  private async migrate(original: Buffer, value: T, from: number): Promise<T> {
    if (this.options.readOnly) return value;
    let keptAt: string;
    for (let n = 1; ; n++) {
      const candidate = `${this.path}.v${from}${n === 1 ? '' : `-${n}`}.bak`;
      try {
        await writeNewFileDurable(candidate, original);
        keptAt = candidate;
        break;
      } catch (e) {
        if (errno(e) !== 'EEXIST') throw writeError(this.siblingLabel(candidate), e);
      }
    }
    await writeFileDurableNow(this.path, serialize(value), { backups: this.backups, label: this.label });
    const summary = issue('store.migrated', { file: this.label }, { from, to: this.kind.latest, keptAt: this.siblingLabel(keptAt) });
    this.options.onMigration?.({ file: this.path, from, to: this.kind.latest, keptAt, issues: [summary] });
    return value;
  }

  private report(r: Recovery): void {
    this.options.onRecovery?.(r);
  }

  private async hasBackups(): Promise<boolean> {
    for (let n = 1; n <= this.backups; n++) if (await pathExists(backupPath(this.path, n))) return true;
    return false;
  }

  private async readBytes(path: string): Promise<Buffer | null> {
    try {
      return await readFile(path);
    } catch (e) {
      if (errno(e) === 'ENOENT') return null;
      const err = new IssueError(issue('store.read_failed', { file: this.siblingLabel(path) }, { detail: errorDetail(e) }));
      err.cause = e;
      throw err;
    }
  }

  /** A file next to this one, named the way this one is labelled (`assessments/SNV.json.bak1`). */
  private siblingLabel(path: string): string {
    const dir = dirname(this.label);
    return dir === '.' ? basename(path) : `${dir}/${basename(path)}`;
  }
}

/** The on-disk form: 2-space JSON with a trailing newline. */
export function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}


function writeError(label: string, e: unknown): IssueError {
  if (e instanceof IssueError) return e;
  const err = new IssueError(issue('store.write_failed', { file: label }, { detail: errorDetail(e) }));
  err.cause = e;
  return err;
}
