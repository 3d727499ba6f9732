import { randomUUID } from 'node:crypto';
import { lstat, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type * as z from 'zod';
import {
  type Appraisal,
  AppraisalDoc,
  type Assessment,
  AssessmentDoc,
  type AuditEntry,
  type Campaign,
  CampaignDoc,
  type Template,
  TemplateDoc,
  TemplateRef,
  type SurveyResults,
  SurveyDoc,
  type VersionedKind,
  WORKSPACE_KIND,
  type WorkspaceAgency,
  type WorkspaceIndex,
  WorkspaceIndexDoc,
} from '../../../shared/schema/index.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { type AuditLog, appendAuditLines, readAuditLines } from './audit-log.ts';
import {
  APPRAISALS_DIR,
  AUDIT_FILE,
  EVIDENCE_DIR,
  NOMINATIONS_DIR,
  NOMINATIONS_FILE,
  type Nominations,
  NominationsDoc,
  RECEIVED_DIR,
  SURVEY_FILE,
  evidenceLabel,
  receivedLabel,
} from './cycle-docs.ts';
import { BACKUP_COUNT, TEMP_FILE_PATTERN, backupPath, errno, errorDetail, fsyncDir, writeFileDurable } from './durable-file.ts';
import { pathExists, putBlob, readBlob, readOrNull, sha256Hex } from './evidence.ts';
import { JOURNAL_FILE, Journal, recoverJournal } from './journal.ts';
import { type Migration, type Recovery, ValidatedJsonFile, serialize } from './json-store.ts';
import { type AcquireOptions, FileLock } from './lock.ts';
import { type PreparedDocument, prepareAgencyNominations, prepareAssessmentKeeping } from './prepared.ts';
import { type StagedFile, writeStaged } from './staged.ts';
import { agencyFileName, codeFromFileName, fileKey } from './names.ts';
import { KeyedQueue } from './queue.ts';
import { SummaryCache } from './summaries.ts';
import type { AgencyScoreSummary } from '../../../shared/ipc/workspace.ts';

export const WORKSPACE_FILE = 'workspace.json';
export const CAMPAIGN_FILE = 'campaign.json';
export const TEMPLATES_DIR = 'templates';
export const ASSESSMENTS_DIR = 'assessments';
export const LOCK_FILE = '.parscore.lock';

/** Files an OS drops into any folder; a folder holding only these still counts as empty. */
const OS_JUNK = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);
const TEMPLATE_FILE = /^([a-z0-9][a-z0-9-]*)@([1-9][0-9]*)\.json$/;
const LOST_CODES = new Set(['store.corrupt_no_backup', 'store.missing_no_backup']);
const INDEX_KEY = 'index';
const utf8 = new TextDecoder();
/** The schema's cap on agencies in one workspace. */
const MAX_INDEX_AGENCIES = 20_000;
/**
 * Parsed assessments kept in memory (least recently used dropped first): enough for a province's
 * departments and communes, bounded for very large workspaces. A save of a cached assessment is
 * one file write; an uncached one is first read once.
 */
const ASSESSMENT_CACHE_LIMIT = 500;
const CAMPAIGN_KEY = 'campaign';

export type WorkspaceAgencyInput = z.input<typeof WorkspaceAgency>;

export interface WorkspaceInit {
  /** Defaults to a random UUID. */
  id?: string;
  name: string;
  role: WorkspaceIndex['role'];
  campaign?: Campaign;
  /** Self-contained copies of the templates this workspace scores against. */
  templates?: Template[];
  /** Defaults to the campaign's agencies (status "not_submitted"). */
  agencies?: WorkspaceAgencyInput[];
  /** For an agency workspace: the agency's own code. */
  self?: string;
}

export type RecoveryListener = (r: Recovery) => void;

/** An evidence file as stored: its content hash (the file name under evidence/) and size. */
export interface StoredEvidence {
  sha256: string;
  size: number;
}

/**
 * Writes that land together or not at all (see `WorkspaceStore.transaction`). Index changes are
 * queued and applied, in order, as the last write.
 */
export interface WorkspaceTransaction {
  writeAssessment(a: Assessment): Promise<void>;
  /** An assessment or agency nominations already validated and serialized (see `prepared.ts`). */
  writePrepared(doc: PreparedDocument): Promise<void>;
  writeAppraisal(a: Appraisal): Promise<Appraisal>;
  updateAppraisal(code: string, fn: (a: Appraisal | null) => Appraisal): Promise<Appraisal>;
  /** Home Affairs' copy of an agency's nominations (`nominations/<agency>.json`). */
  writeAgencyNominations(n: Nominations): Promise<void>;
  /** An agency workspace's own nominations (`nominations.json`), written with the rest or not at all. */
  writeOwnNominations(n: Nominations): Promise<void>;
  putEvidence(data: Uint8Array): Promise<StoredEvidence>;
  putReceived(code: string, revision: number, data: Uint8Array): Promise<string>;
  appendAudit(entries: readonly AuditEntry[]): Promise<void>;
  /** Another JSON document of the workspace (award-overrides.json …), validated by its file, written with the rest or not at all. */
  writeDocument<T>(file: ValidatedJsonFile<T>, data: T): Promise<void>;
  /** `fn` gets the index as it stands (frozen: do not change it) and returns the new one. */
  updateIndex(fn: (current: WorkspaceIndex) => WorkspaceIndex): void;
}

interface TxState {
  /** Files to write at the commit, by label (the last write of a file wins). */
  files: Map<string, StagedFile>;
  /** The appraisals staged, by label, for reads inside the transaction. */
  appraisals: Map<string, Appraisal>;
  audit: AuditEntry[];
  /** Agencies whose assessment was written: `hasAssessment` is set with the index commit. */
  assessed: Set<string>;
  /** Cache updates that hold only once the commit has landed. */
  afterCommit: (() => void)[];
  /** The assessments written, last write of each, for their summaries after the commit. */
  summaries: Map<string, PreparedDocument>;
}

/**
 * A workspace folder:
 *
 * ```
 * workspace.json                   the index (id, name, role, campaign, self, agencies with status)
 * campaign.json                    the campaign (optional)
 * templates/<id>@<version>.json    self-contained copies of the templates in use
 * assessments/<agencyCode>.json    one assessment per agency
 * appraisals/<agencyCode>.json     Home Affairs' appraisal of an agency (in an agency workspace: the one received)
 * nominations.json                 an agency workspace's own nominations
 * nominations/<agencyCode>.json    at Home Affairs: the nominations an agency submitted
 * survey.json                      sociological survey results
 * evidence/<sha256>                evidence files by content hash, written once, checked on read
 * audit.jsonl                      append-only audit log (one AuditEntry per line, fsynced)
 * received/<agency>-r<n>.parscore  submission files accepted, as they came
 * keys/                            the workspace's signing identity (electron/services/packages/keys.ts)
 * .parscore-journal.json           undo journal of a transaction in progress (see `transaction`)
 * .parscore.lock                   held by the one process that may write
 * ```
 *
 * Every file is written durably with rotating backups and validated on read (see
 * `ValidatedJsonFile`); repairs are collected in `recoveries()`. Parsed documents are cached, so
 * saving an assessment costs one file write. Documents handed out are copies: change them and
 * write them back. Errors are thrown as `IssueError`.
 */
export class WorkspaceStore {
  readonly dir: string;
  readonly readOnly: boolean;

  private indexValue!: WorkspaceIndex;
  private readonly indexFile: ValidatedJsonFile<WorkspaceIndex>;
  private readonly campaignFile: ValidatedJsonFile<Campaign>;
  private campaignValue: Campaign | null = null;
  private campaignError: IssueError | null = null;
  private readonly templateFiles = new Map<string, ValidatedJsonFile<Template>>();
  private readonly templateCache = new Map<string, Template>();
  private readonly templateErrors = new Map<string, IssueError>();
  private readonly assessmentFiles = new Map<string, ValidatedJsonFile<Assessment>>();
  private readonly assessmentCache = new Map<string, Assessment>();
  /** Documents found damaged beyond repair in this session, by label: reading them keeps failing until rewritten. */
  private readonly lost = new Map<string, Issue[]>();
  /** fileKey(code) → code of every assessment file, to refuse codes that differ only by case. */
  private readonly knownCodes = new Map<string, string>();
  private readonly queue = new KeyedQueue();
  private readonly recoveryLog: Recovery[] = [];
  private readonly migrationLog: Migration[] = [];
  private readonly listeners = new Set<RecoveryListener>();
  private assessmentsDirReady = false;
  private readonly appraisalFiles = new Map<string, ValidatedJsonFile<Appraisal>>();
  private readonly nominationFiles = new Map<string, ValidatedJsonFile<Nominations>>();
  private readonly surveyFile: ValidatedJsonFile<SurveyResults>;
  private readonly ownNominationsFile: ValidatedJsonFile<Nominations>;
  private readonly readyDirs = new Set<string>();
  /** Set by close(): later calls fail with `store.closed`. */
  private closing: Promise<void> | null = null;
  /** Each agency's overview totals, kept up to date at every assessment write (summaries.ts). */
  private readonly summaryCache: SummaryCache;

  private constructor(
    dir: string,
    readOnly: boolean,
    private readonly lock: FileLock | null,
  ) {
    this.dir = dir;
    this.readOnly = readOnly;
    this.indexFile = this.file(WORKSPACE_FILE, WorkspaceIndexDoc);
    this.campaignFile = this.file(CAMPAIGN_FILE, CampaignDoc);
    this.surveyFile = this.file(SURVEY_FILE, SurveyDoc);
    this.ownNominationsFile = this.file(NOMINATIONS_FILE, NominationsDoc);
    this.summaryCache = new SummaryCache({
      dir,
      readOnly,
      pathOf: (code) => this.assessmentPath(code),
      template: (key) => this.templateCache.get(key) ?? null,
      read: (code) => this.readAssessmentView(code),
    });
    // A file repaired from a backup (or found lost) holds other bytes than the summary was made of.
    this.listeners.add((r) => {
      const code = r.file.startsWith(join(dir, ASSESSMENTS_DIR)) ? codeFromFileName(basename(r.file)) : null;
      if (code !== null) this.summaryCache.forget(code);
    });
  }

  /** Creates a workspace in an empty (or new) folder and opens it for writing. */
  static async create(dir: string, init: WorkspaceInit): Promise<WorkspaceStore> {
    const abs = resolve(dir);
    // Everything is validated before the disk is touched.
    const campaign = init.campaign ? validateDoc(CampaignDoc, init.campaign, CAMPAIGN_FILE) : null;
    const templates = new Map<string, Template>();
    for (const t of init.templates ?? []) {
      const value = validateDoc(TemplateDoc, t, templateLabel(`${String(t.id)}@${String(t.version)}`));
      const key = `${value.id}@${value.version}`;
      const twin = templates.get(key);
      if (twin && serialize(twin) !== serialize(value)) throw templateConflict(value);
      templates.set(key, value);
    }
    const now = new Date().toISOString();
    const agencies: WorkspaceAgencyInput[] =
      init.agencies ?? campaign?.agencies.map((a) => ({ code: a.code, name: a.name, group: a.group, parent: a.parent })) ?? [];
    const index = validateDoc(
      WorkspaceIndexDoc,
      {
        kind: WORKSPACE_KIND,
        schemaVersion: WorkspaceIndexDoc.latest,
        id: init.id ?? randomUUID(),
        name: init.name,
        role: init.role,
        campaign: campaign?.id ?? null,
        self: init.self ?? null,
        agencies,
        createdAt: now,
        updatedAt: now,
      },
      WORKSPACE_FILE,
    );
    checkAgencyCodes(index.agencies.map((a) => a.code));

    let entries: string[];
    try {
      await mkdir(abs, { recursive: true });
      entries = await readdir(abs);
    } catch (e) {
      throw ioError('store.write_failed', abs, e);
    }
    if (entries.includes(WORKSPACE_FILE) || entries.includes(backupPath(WORKSPACE_FILE, 1))) {
      throw new IssueError(issue('store.already_workspace', undefined, { dir: abs }));
    }
    if (entries.some((n) => !OS_JUNK.has(n))) throw new IssueError(issue('store.folder_not_empty', undefined, { dir: abs }));

    const lock = await FileLock.acquire(join(abs, LOCK_FILE), abs);
    const store = new WorkspaceStore(abs, false, lock);
    try {
      try {
        await mkdir(join(abs, TEMPLATES_DIR), { recursive: true });
        await mkdir(join(abs, ASSESSMENTS_DIR), { recursive: true });
        await fsyncDir(abs);
      } catch (e) {
        throw ioError('store.write_failed', abs, e);
      }
      store.assessmentsDirReady = true;
      for (const [key, t] of templates) {
        await store.templateFile(key).writeValid(t);
        store.templateCache.set(key, t);
      }
      if (campaign) await store.campaignFile.writeValid(campaign);
      store.campaignValue = campaign;
      // The index goes last: a folder is a workspace only once everything it names is on disk.
      await store.indexFile.writeValid(index);
      store.indexValue = deepFreeze(index);
      return store;
    } catch (e) {
      await lock.release();
      throw e;
    }
  }

  /**
   * Opens a workspace for writing; fails if another live process holds it (`store.locked`), unless
   * `force`. A lock that came with a copy of the folder is taken over, and `recoveries()` says so.
   */
  static open(dir: string, opts: AcquireOptions = {}): Promise<WorkspaceStore> {
    return WorkspaceStore.openWith(dir, false, opts);
  }

  /**
   * Opens a workspace without taking the lock (e.g. to look at one another process is writing).
   * Nothing is written: writes are refused (`store.read_only`), damaged files are reported but not
   * repaired, older versions are migrated in memory only, and documents are re-read on every call.
   */
  static openReadOnly(dir: string): Promise<WorkspaceStore> {
    return WorkspaceStore.openWith(dir, true);
  }

  private static async openWith(dir: string, readOnly: boolean, opts: AcquireOptions = {}): Promise<WorkspaceStore> {
    const abs = resolve(dir);
    if (!(await isWorkspaceFolder(abs))) throw notWorkspace(abs);
    const lock = readOnly ? null : await FileLock.acquire(join(abs, LOCK_FILE), abs, opts);
    const store = new WorkspaceStore(abs, readOnly, lock);
    // How the lock was taken (a copied folder, a forced open) is told like a repair: window and CLI show it.
    if (lock?.notice) store.recoveryLog.push({ file: lock.path, movedTo: null, restoredFrom: null, issues: [lock.notice], at: new Date().toISOString() });
    try {
      await store.finishInterruptedTransaction();
      const index = await store.indexFile.read();
      if (index === null) throw notWorkspace(abs);
      store.indexValue = deepFreeze(index);
      if (!readOnly) await store.sweepTempFiles();
      await store.loadCampaignAndTemplates();
      for (const code of await store.listAssessmentCodes()) store.knownCodes.set(fileKey(code), code);
      return store;
    } catch (e) {
      await lock?.release();
      if (e instanceof IssueError && e.issues.some((i) => i.code === 'doc.wrong_kind')) {
        throw new IssueError([notWorkspace(abs).issues[0] as Issue, ...e.issues]);
      }
      throw e;
    }
  }

  /** Waits for pending writes, then releases the lock. Later calls fail with `store.closed`. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.queue.idle();
      await this.summaryCache.flush();
      await this.lock?.release();
    })();
    return this.closing;
  }

  // ── index ──────────────────────────────────────────────────────────────────────────────────────

  /** The index as last read or written (a frozen snapshot). */
  get index(): Readonly<WorkspaceIndex> {
    return this.indexValue;
  }

  /** `fn` gets a copy to change or replace; the result is validated, stamped `updatedAt` and written. */
  async updateIndex(fn: (draft: WorkspaceIndex) => WorkspaceIndex): Promise<Readonly<WorkspaceIndex>> {
    this.assertWritable(WORKSPACE_FILE);
    return this.changeIndex(fn);
  }

  /**
   * `copy: false` hands `fn` the current (frozen) index itself: it must return a new one, and the
   * agency entries it keeps as they are (same objects) are not validated again, which keeps a
   * change to a few agencies of a 10,000-agency index cheap.
   */
  private changeIndex(fn: (draft: WorkspaceIndex) => WorkspaceIndex, opts: { copy: boolean } = { copy: true }): Promise<Readonly<WorkspaceIndex>> {
    return this.queue.run(INDEX_KEY, async () => {
      const current = this.indexValue;
      const next = { ...fn(opts.copy ? structuredClone(current) : current), updatedAt: new Date().toISOString() };
      const kept = new Set<unknown>(current.agencies);
      let value: WorkspaceIndex;
      if (opts.copy || next.agencies.length > MAX_INDEX_AGENCIES) value = this.indexFile.validate(next);
      else {
        const changed = next.agencies.filter((a) => !kept.has(a));
        const checked = this.indexFile.validate({ ...next, agencies: changed });
        let i = 0;
        value = { ...checked, agencies: next.agencies.map((a) => (kept.has(a) ? a : checked.agencies[i++]!)) };
      }
      checkAgencyCodes(value.agencies.map((a) => a.code));
      await this.indexFile.writeValid(value);
      this.indexValue = deepFreeze(value);
      return this.indexValue;
    });
  }

  // ── campaign ───────────────────────────────────────────────────────────────────────────────────

  /**
   * The campaign, loaded when the workspace was opened (null if there is none). Throws the
   * `IssueError` found then if campaign.json could not be read (a future version, lost, …).
   */
  campaign(): Campaign | null {
    this.assertOpen();
    if (this.campaignError) throw this.campaignError;
    return cloneOrNull(this.campaignValue);
  }

  /** Writes the campaign and points the index at it. */
  async setCampaign(c: Campaign): Promise<Campaign> {
    this.assertWritable(CAMPAIGN_FILE);
    return this.queue.run(CAMPAIGN_KEY, async () => {
      if (this.campaignError && !isLost(this.campaignError)) throw this.campaignError;
      const value = await this.campaignFile.save(c);
      this.campaignValue = value;
      this.campaignError = null;
      this.lost.delete(CAMPAIGN_FILE);
      if (this.indexValue.campaign !== value.id) await this.changeIndex((d) => ({ ...d, campaign: value.id }));
      return structuredClone(value);
    });
  }

  // ── templates ──────────────────────────────────────────────────────────────────────────────────

  /**
   * A template stored in the workspace (loaded at open), or null. Throws the `IssueError` found
   * when its file could not be read.
   */
  template(ref: TemplateRef): Template | null {
    this.assertOpen();
    const key = templateKey(ref);
    const error = this.templateErrors.get(key);
    if (error) throw error;
    return cloneOrNull(this.templateCache.get(key) ?? null);
  }

  /** Every readable template stored in the workspace, by id then version. */
  templates(): Template[] {
    this.assertOpen();
    return [...this.templateCache.entries()]
      .sort(([a], [b]) => compareTemplateKeys(a, b))
      .map(([, t]) => structuredClone(t));
  }

  /**
   * Stores a template as `templates/<id>@<version>.json`. A version is immutable once stored
   * (assessments are scored against it): storing different content under the same id and version
   * fails with `store.template_conflict`; storing the same content again does nothing.
   */
  async putTemplate(t: Template): Promise<Template> {
    const key = templateKey({ id: t.id, version: t.version });
    this.assertWritable(templateLabel(key));
    const file = this.templateFile(key);
    const value = file.validate(t);
    return this.queue.run(`template:${key}`, async () => {
      const error = this.templateErrors.get(key);
      if (error && !isLost(error)) throw error;
      const existing = this.templateCache.get(key);
      if (existing) {
        if (serialize(existing) !== serialize(value)) throw templateConflict(value);
        return structuredClone(existing);
      }
      await file.writeValid(value);
      this.templateErrors.delete(key);
      this.lost.delete(file.label);
      this.templateCache.set(key, value);
      return structuredClone(value);
    });
  }

  /** Reads campaign.json and every templates/<id>@<version>.json, keeping errors per file. */
  private async loadCampaignAndTemplates(): Promise<void> {
    try {
      this.campaignValue = await this.readTracked(this.campaignFile);
    } catch (e) {
      this.campaignError = asIssueError(e, CAMPAIGN_FILE);
    }
    let names: string[];
    try {
      names = await readdir(join(this.dir, TEMPLATES_DIR));
    } catch (e) {
      if (errno(e) === 'ENOENT') return;
      throw ioError('store.read_failed', TEMPLATES_DIR, e);
    }
    for (const n of names) {
      const m = TEMPLATE_FILE.exec(n);
      if (!m) continue;
      const key = `${m[1]}@${m[2]}`;
      const file = this.templateFile(key);
      try {
        const t = await this.readTracked(file);
        if (t === null) continue;
        const actual = `${t.id}@${t.version}`;
        if (actual !== key) throw new IssueError(issue('store.template_mismatch', { file: file.label }, { expected: key, actual }));
        this.templateCache.set(key, t);
      } catch (e) {
        this.templateErrors.set(key, asIssueError(e, file.label));
      }
    }
  }

  // ── assessments ────────────────────────────────────────────────────────────────────────────────

  /** Agency codes that have an assessment file, sorted. */
  async assessmentCodes(): Promise<string[]> {
    this.assertOpen();
    return (await this.listAssessmentCodes()).sort((a, b) => a.localeCompare(b, 'vi'));
  }

  async readAssessment(code: string): Promise<Assessment | null> {
    this.assertOpen();
    const c = code.normalize('NFC');
    const file = this.assessmentFile(c);
    const hit = this.cachedAssessment(c);
    if (hit) return structuredClone(hit);
    return this.queue.run(agencyKey(c), async () => cloneOrNull(await this.loadAssessment(c, file)));
  }

  /**
   * An assessment as stored, not a copy: read-only (frozen at the top), for reading many in a row
   * (consolidation) without copying each. Not kept in the cache, so that a pass over 10,000
   * agencies does not push out the ones being edited.
   */
  async readAssessmentView(code: string): Promise<Readonly<Assessment> | null> {
    this.assertOpen();
    const c = code.normalize('NFC');
    const hit = this.assessmentCache.get(c);
    if (hit) return hit;
    const file = this.assessmentFile(c);
    return this.queue.run(agencyKey(c), async () => {
      const a = this.assessmentCache.get(c) ?? (await this.readTracked(file));
      if (a === null) return null;
      if (a.agency.normalize('NFC') !== c) throw new IssueError(issue('store.agency_mismatch', { file: file.label }, { expected: c, actual: a.agency }));
      return Object.freeze(a);
    });
  }

  /**
   * Where an agency's assessment or received nominations file is, for a reader on another thread
   * (workers/jobs.ts); such a
   * reader must fall back to the store's own reads, which repair, migrate and report.
   */
  docLocation(kind: 'assessment' | 'nominations' | 'appraisal', code: string): { path: string; label: string } {
    this.assertOpen();
    const name = agencyFileName(code.normalize('NFC'));
    if (!name.ok) throw new IssueError(name.error);
    // The file's name as the store's own reads name it, without setting up a reader for each of thousands.
    const label = `${kind === 'assessment' ? ASSESSMENTS_DIR : kind === 'appraisal' ? APPRAISALS_DIR : NOMINATIONS_DIR}/${name.value}`;
    return { path: this.abs(label), label };
  }

  /** Validates and writes an assessment (its file is named by `a.agency`); returns it as stored. */
  async writeAssessment(a: Assessment): Promise<Assessment> {
    const c = String(a.agency).normalize('NFC');
    this.assertWritable(`${ASSESSMENTS_DIR}/${c}.json`);
    const file = this.assessmentFile(c);
    return this.queue.run(agencyKey(c), async () => structuredClone(await this.saveAssessment(c, file, a)));
  }

  /**
   * Read-modify-write of one agency's assessment, serialised per agency: `fn` gets a copy of the
   * current document (null if there is none) and returns the new one, which must keep the agency.
   */
  async updateAssessment(code: string, fn: (a: Assessment | null) => Assessment): Promise<Assessment> {
    const c = code.normalize('NFC');
    this.assertWritable(`${ASSESSMENTS_DIR}/${c}.json`);
    const file = this.assessmentFile(c);
    return this.queue.run(agencyKey(c), async () => {
      const current = await this.loadAssessment(c, file);
      const next = fn(cloneOrNull(current));
      const actual = typeof next?.agency === 'string' ? next.agency.normalize('NFC') : String(next?.agency);
      if (actual !== c) throw new IssueError(issue('store.agency_mismatch', { file: file.label }, { expected: c, actual }));
      return structuredClone(await this.saveAssessment(c, file, next));
    });
  }

  private async loadAssessment(c: string, file: ValidatedJsonFile<Assessment>): Promise<Assessment | null> {
    const cached = this.cachedAssessment(c);
    if (cached) return cached;
    const a = await this.readTracked(file);
    if (a === null) return null;
    if (a.agency.normalize('NFC') !== c) {
      throw new IssueError(issue('store.agency_mismatch', { file: file.label }, { expected: c, actual: a.agency }));
    }
    if (!this.readOnly) this.cacheAssessment(c, a);
    return a;
  }

  private async saveAssessment(c: string, file: ValidatedJsonFile<Assessment>, a: Assessment): Promise<Assessment> {
    const other = this.knownCodes.get(fileKey(c));
    if (other !== undefined && other !== c) throw new IssueError(issue('store.code_collision', { agency: c }, { code: c, other }));
    const value = file.validate(a);
    if (!this.assessmentCache.has(c)) {
      // First write in this session: never overwrite a file this version must not touch (a future
      // schema version, another kind of document, another agency's); a lost one may be replaced.
      try {
        await this.loadAssessment(c, file);
      } catch (e) {
        if (!(e instanceof IssueError && isLost(e))) throw e;
      }
    }
    if (!this.assessmentsDirReady) {
      try {
        await mkdir(join(this.dir, ASSESSMENTS_DIR), { recursive: true });
      } catch (e) {
        throw ioError('store.write_failed', ASSESSMENTS_DIR, e);
      }
      this.assessmentsDirReady = true;
    }
    await file.writeValid(value);
    this.cacheAssessment(c, value);
    this.lost.delete(file.label);
    await this.summaryCache.written(c, value, serialize(value));
    await this.summaryCache.settle();
    this.knownCodes.set(fileKey(c), c);
    const entry = this.indexValue.agencies.find((x) => x.code.normalize('NFC') === c);
    if (entry && !entry.hasAssessment) {
      await this.changeIndex((d) => ({
        ...d,
        agencies: d.agencies.map((x) => (x.code.normalize('NFC') === c ? { ...x, hasAssessment: true } : x)),
      }));
    }
    return value;
  }

  /**
   * Each given agency's overview totals from summaries.json (no assessment read while the cache
   * agrees with the files; see summaries.ts): null where there is no assessment, `{ error }` where
   * the file cannot be read (the store's IssueError).
   */
  async summaries(codes: readonly string[]): Promise<Map<string, AgencyScoreSummary | null | { error: unknown }>> {
    this.assertOpen();
    const got = await this.summaryCache.get(codes.map((c) => c.normalize('NFC')));
    // What was recomputed is stored, so that the next open finds it.
    await this.summaryCache.flush();
    return got;
  }

  /** The summaries cache itself, for `workspace check` and tests. */
  get summaryStore(): SummaryCache {
    return this.summaryCache;
  }

  private cachedAssessment(c: string): Assessment | undefined {
    const a = this.assessmentCache.get(c);
    if (a) {
      // Most recently used last.
      this.assessmentCache.delete(c);
      this.assessmentCache.set(c, a);
    }
    return a;
  }

  private cacheAssessment(c: string, a: Assessment): void {
    this.assessmentCache.delete(c);
    this.assessmentCache.set(c, a);
    while (this.assessmentCache.size > ASSESSMENT_CACHE_LIMIT) {
      const oldest = this.assessmentCache.keys().next().value;
      if (oldest === undefined) break;
      this.assessmentCache.delete(oldest);
    }
  }

  private async listAssessmentCodes(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(join(this.dir, ASSESSMENTS_DIR));
    } catch (e) {
      if (errno(e) === 'ENOENT') return [];
      throw ioError('store.read_failed', ASSESSMENTS_DIR, e);
    }
    return names.map(codeFromFileName).filter((c): c is string => c !== null);
  }

  // ── appraisals ─────────────────────────────────────────────────────────────────────────────────

  /** Agency codes that have an appraisal file, sorted. */
  async appraisalCodes(): Promise<string[]> {
    this.assertOpen();
    let names: string[];
    try {
      names = await readdir(join(this.dir, APPRAISALS_DIR));
    } catch (e) {
      if (errno(e) === 'ENOENT') return [];
      throw ioError('store.read_failed', APPRAISALS_DIR, e);
    }
    return names
      .map(codeFromFileName)
      .filter((c): c is string => c !== null)
      .sort((a, b) => a.localeCompare(b, 'vi'));
  }

  /**
   * Agencies that may have an appraisal or received nominations: a file, or a backup a read would
   * restore it from (one folder listing, so that reading 10,000 agencies skips the ones without).
   */
  async agenciesWithDocs(kind: 'appraisals' | 'nominations'): Promise<Set<string>> {
    this.assertOpen();
    let names: string[];
    try {
      names = await readdir(join(this.dir, kind === 'appraisals' ? APPRAISALS_DIR : NOMINATIONS_DIR));
    } catch (e) {
      if (errno(e) === 'ENOENT') return new Set();
      throw ioError('store.read_failed', kind, e);
    }
    const out = new Set<string>();
    for (const n of names) {
      const code = codeFromFileName(n.replace(/\.bak\d+$/, ''));
      if (code !== null) out.add(code);
    }
    return out;
  }

  /** An agency's appraisal (`appraisals/<agency>.json`), or null. */
  async readAppraisal(code: string): Promise<Appraisal | null> {
    this.assertOpen();
    const c = code.normalize('NFC');
    const file = this.appraisalFile(c);
    return this.queue.run(appraisalKey(c), () => this.loadAppraisal(c, file));
  }

  /** Validates and writes an appraisal (its file is named by `a.agency`); returns it as stored. */
  async writeAppraisal(a: Appraisal): Promise<Appraisal> {
    return this.saveAppraisal(a);
  }

  /** Read-modify-write of one agency's appraisal, serialised per agency; the agency must stay the same. */
  async updateAppraisal(code: string, fn: (a: Appraisal | null) => Appraisal): Promise<Appraisal> {
    return this.changeAppraisal(code, fn);
  }

  private saveAppraisal(a: Appraisal): Promise<Appraisal> {
    const c = String(a.agency).normalize('NFC');
    return this.changeAppraisal(c, () => a);
  }

  private changeAppraisal(code: string, fn: (a: Appraisal | null) => Appraisal): Promise<Appraisal> {
    const c = code.normalize('NFC');
    const file = this.appraisalFile(c);
    this.assertWritable(file.label);
    return this.queue.run(appraisalKey(c), async () => {
      const value = await this.nextAppraisal(c, file, fn);
      await this.ensureDir(APPRAISALS_DIR);
      await file.writeValid(value);
      this.lost.delete(file.label);
      return structuredClone(value);
    });
  }

  /** `fn` applied to the current appraisal (`staged`, or the file's; a lost one counts as none), kept to the same agency, validated. */
  private async nextAppraisal(c: string, file: ValidatedJsonFile<Appraisal>, fn: (a: Appraisal | null) => Appraisal, staged?: Appraisal): Promise<Appraisal> {
    const current =
      staged !== undefined
        ? structuredClone(staged)
        : await this.loadAppraisal(c, file).catch((e: unknown) => {
            // A lost appraisal may be replaced; anything else (a future version …) must not be overwritten.
            if (e instanceof IssueError && isLost(e)) return null;
            throw e;
          });
    const next = fn(current);
    const actual = typeof next?.agency === 'string' ? next.agency.normalize('NFC') : String(next?.agency);
    if (actual !== c) throw new IssueError(issue('store.agency_mismatch', { file: file.label }, { expected: c, actual }));
    return file.validate(next);
  }

  private async loadAppraisal(c: string, file: ValidatedJsonFile<Appraisal>): Promise<Appraisal | null> {
    const a = await this.readTracked(file);
    if (a !== null && a.agency.normalize('NFC') !== c) {
      throw new IssueError(issue('store.agency_mismatch', { file: file.label }, { expected: c, actual: a.agency }));
    }
    return a;
  }

  // ── survey ─────────────────────────────────────────────────────────────────────────────────────

  /** The survey results (`survey.json`), or null. */
  async readSurvey(): Promise<SurveyResults | null> {
    this.assertOpen();
    return this.queue.run(SURVEY_KEY, () => this.readTracked(this.surveyFile));
  }

  async writeSurvey(s: SurveyResults): Promise<SurveyResults> {
    this.assertWritable(SURVEY_FILE);
    return this.queue.run(SURVEY_KEY, async () => {
      const value = await this.surveyFile.save(s);
      this.lost.delete(SURVEY_FILE);
      return structuredClone(value);
    });
  }

  // ── nominations ────────────────────────────────────────────────────────────────────────────────

  /** An agency workspace's own nominations (`nominations.json`), or null. */
  async readNominations(): Promise<Nominations | null> {
    this.assertOpen();
    return this.queue.run(OWN_NOMINATIONS_KEY, () => this.readTracked(this.ownNominationsFile));
  }

  async writeNominations(n: Nominations): Promise<Nominations> {
    this.assertWritable(NOMINATIONS_FILE);
    return this.queue.run(OWN_NOMINATIONS_KEY, async () => {
      const value = await this.ownNominationsFile.save(n);
      this.lost.delete(NOMINATIONS_FILE);
      return structuredClone(value);
    });
  }

  /** At Home Affairs: the nominations received from an agency (`nominations/<agency>.json`), or null. */
  async readAgencyNominations(code: string): Promise<Nominations | null> {
    this.assertOpen();
    const c = code.normalize('NFC');
    const file = this.nominationsFile(c);
    return this.queue.run(nominationsKey(c), () => this.readTracked(file));
  }

  private saveAgencyNominations(n: Nominations): Promise<Nominations> {
    const c = String(n.agency).normalize('NFC');
    const file = this.nominationsFile(c);
    this.assertWritable(file.label);
    const value = file.validate(n);
    return this.queue.run(nominationsKey(c), async () => {
      await this.ensureDir(NOMINATIONS_DIR);
      await file.writeValid(value);
      this.lost.delete(file.label);
      return structuredClone(value);
    });
  }

  // ── evidence ───────────────────────────────────────────────────────────────────────────────────

  /** Stores an evidence file under its SHA-256 (`evidence/<sha256>`); storing it again does nothing. */
  async putEvidence(data: Uint8Array): Promise<StoredEvidence> {
    return this.storeEvidence(data);
  }

  private async storeEvidence(data: Uint8Array): Promise<StoredEvidence> {
    const sha256 = sha256Hex(data);
    const label = unwrap(evidenceLabel(sha256));
    this.assertWritable(label);
    const path = this.abs(label);
    // Already there with the right content: nothing to write, nothing to undo.
    if (!(await readBlob(path, label, sha256).catch(() => null))) {
      await this.ensureDir(EVIDENCE_DIR);
      await putBlob(path, label, sha256, data);
    }
    return { sha256, size: data.byteLength };
  }

  /** An evidence file's bytes (checked against the hash: `store.evidence_corrupt` if damaged), or null. */
  async readEvidence(sha256: string): Promise<Uint8Array | null> {
    this.assertOpen();
    const label = unwrap(evidenceLabel(sha256));
    return readBlob(this.abs(label), label, sha256);
  }

  /** Whether `evidence/<sha256>` exists (its content is checked when read). */
  async hasEvidence(sha256: string): Promise<boolean> {
    this.assertOpen();
    const label = evidenceLabel(sha256);
    if (!label.ok) return false;
    return pathExists(this.abs(label.value));
  }

  /** Absolute path of an evidence file (to open it with the system viewer). */
  evidencePath(sha256: string): string {
    return this.abs(unwrap(evidenceLabel(sha256)));
  }

  // ── audit log ──────────────────────────────────────────────────────────────────────────────────

  /** Appends entries to `audit.jsonl`, durably (fsync) and all or none. */
  async appendAudit(entries: readonly AuditEntry[]): Promise<void> {
    return this.addAudit(entries);
  }

  private async addAudit(entries: readonly AuditEntry[]): Promise<void> {
    this.assertWritable(AUDIT_FILE);
    if (entries.length === 0) return;
    await appendAuditLines(this.abs(AUDIT_FILE), AUDIT_FILE, entries);
  }

  /** Every audit entry in order, and an issue for each line that is not a valid entry. */
  async readAudit(): Promise<AuditLog> {
    this.assertOpen();
    return readAuditLines(this.abs(AUDIT_FILE), AUDIT_FILE);
  }

  // ── received files ─────────────────────────────────────────────────────────────────────────────

  /** Keeps a received package file as it came (`received/<agency>-r<revision>.parscore`); returns its label. */
  async putReceived(code: string, revision: number, data: Uint8Array): Promise<string> {
    return this.storeReceived(code, revision, data);
  }

  private async storeReceived(code: string, revision: number, data: Uint8Array): Promise<string> {
    const label = unwrap(receivedLabel(code.normalize('NFC'), revision));
    this.assertWritable(label);
    await this.ensureDir(RECEIVED_DIR);
    await writeFileDurable(this.abs(label), data, { backups: 0, label });
    return label;
  }

  /** A received package file, or null. */
  async readReceived(code: string, revision: number): Promise<Uint8Array | null> {
    this.assertOpen();
    const label = unwrap(receivedLabel(code.normalize('NFC'), revision));
    return readOrNull(this.abs(label), label);
  }

  // ── transactions ───────────────────────────────────────────────────────────────────────────────

  /**
   * Runs `fn` with writes that land together or not at all. The transaction's writes are validated
   * when `fn` makes them and held in memory (a later write to the same file replaces an earlier
   * one; reads through `tx.updateAppraisal` see them); when `fn` returns they are committed in one
   * go: every file they replace is first recorded in an undo journal (`.parscore-journal.json`,
   * one durable write), the files are written and fsynced together, the audit entries appended,
   * the index changes queued with `tx.updateIndex` applied as the last write, and the journal is
   * deleted (the commit). If `fn` throws, nothing is written. If a write fails, every file is put
   * back byte for byte (files that did not exist are removed, the audit log is cut back to its
   * length) and the error is rethrown. If the process dies before the commit, the next writable
   * `open` rolls the changes back and reports it in `recoveries()` (`store.transaction_rolled_back`).
   * One transaction runs at a time.
   */
  async transaction<T>(fn: (tx: WorkspaceTransaction) => Promise<T>): Promise<T> {
    this.assertWritable(JOURNAL_FILE);
    return this.queue.run(TX_KEY, async () => {
      const state: TxState = { files: new Map(), appraisals: new Map(), audit: [], assessed: new Set(), afterCommit: [], summaries: new Map() };
      const indexUpdates: ((d: WorkspaceIndex) => WorkspaceIndex)[] = [];
      const stage = (label: string, data: string | Uint8Array, backups: number) => {
        state.files.delete(label); // re-staged files go last, in the order of their final write
        state.files.set(label, { label, data, backups });
      };
      const writePrepared = async (doc: PreparedDocument): Promise<void> => {
        const c = doc.agency.normalize('NFC');
        if (doc.kind === 'agency-nominations') {
          const file = this.nominationsFile(c);
          this.assertWritable(file.label);
          stage(file.label, doc.bytes, BACKUP_COUNT);
          state.afterCommit.push(() => this.lost.delete(file.label));
          return;
        }
        const file = this.assessmentFile(c);
        this.assertWritable(file.label);
        const other = this.knownCodes.get(fileKey(c));
        if (other !== undefined && other !== c) throw new IssueError(issue('store.code_collision', { agency: c }, { code: c, other }));
        // A file this version must not overwrite (a future schema version, another agency's …) is
        // refused; only codes with a file at open (or written since) can have one.
        if (other !== undefined && !this.assessmentCache.has(c) && !state.files.has(file.label)) {
          try {
            await this.loadAssessment(c, file);
          } catch (e) {
            if (!(e instanceof IssueError && isLost(e))) throw e;
          }
        }
        stage(file.label, doc.bytes, BACKUP_COUNT);
        state.assessed.add(c);
        state.summaries.set(c, doc);
        state.afterCommit.push(() => {
          // Read again from the file when next asked for.
          this.assessmentCache.delete(c);
          this.lost.delete(file.label);
          this.knownCodes.set(fileKey(c), c);
        });
      };
      const tx: WorkspaceTransaction = {
        writeAssessment: (a) => writePrepared(prepareAssessmentKeeping(a, this.assessmentFile(String(a.agency).normalize('NFC')).label)),
        writePrepared,
        writeAppraisal: (a) => this.stageAppraisal(String(a.agency), () => a, state, stage),
        updateAppraisal: (code, f) => this.stageAppraisal(code, f, state, stage),
        writeAgencyNominations: (n) => writePrepared(prepareAgencyNominations(n, this.nominationsFile(String(n.agency).normalize('NFC')).label)),
        writeOwnNominations: async (n) => {
          this.assertWritable(NOMINATIONS_FILE);
          const value = this.ownNominationsFile.validate(n);
          stage(NOMINATIONS_FILE, serialize(value), BACKUP_COUNT);
          state.afterCommit.push(() => this.lost.delete(NOMINATIONS_FILE));
        },
        putEvidence: async (data) => {
          const sha256 = sha256Hex(data);
          const label = unwrap(evidenceLabel(sha256));
          this.assertWritable(label);
          if (!state.files.has(label) && !(await readBlob(this.abs(label), label, sha256).catch(() => null))) stage(label, data, 0);
          return { sha256, size: data.byteLength };
        },
        putReceived: async (code, revision, data) => {
          const label = unwrap(receivedLabel(code.normalize('NFC'), revision));
          this.assertWritable(label);
          stage(label, data, 0);
          return label;
        },
        appendAudit: async (entries) => {
          this.assertWritable(AUDIT_FILE);
          state.audit.push(...entries);
        },
        writeDocument: async (file, data) => {
          if (this.abs(file.label) !== file.path) throw new Error(`writeDocument: ${file.label} is not a file of the workspace`);
          this.assertWritable(file.label);
          stage(file.label, serialize(file.validate(data)), BACKUP_COUNT);
        },
        updateIndex: (f) => {
          indexUpdates.push(f);
        },
      };
      const result = await fn(tx);
      const files = [...state.files.values()];
      if (files.length === 0 && state.audit.length === 0 && indexUpdates.length === 0) return result;
      const journal = new Journal(this.dir);
      try {
        const indexChanges = indexUpdates.length > 0 || state.assessed.size > 0;
        // One journal write protects everything the commit changes.
        await writeStaged(this.dir, journal, files, {
          files: indexChanges ? [WORKSPACE_FILE, ...Array.from({ length: BACKUP_COUNT }, (_, n) => backupPath(WORKSPACE_FILE, n + 1))] : [],
          appends: state.audit.length > 0 ? [AUDIT_FILE] : [],
        });
        if (state.audit.length > 0) await appendAuditLines(this.abs(AUDIT_FILE), AUDIT_FILE, state.audit);
        if (indexChanges) {
          await this.changeIndex(
            (current) => {
              let d = current;
              for (const f of indexUpdates) d = f(d);
              if (state.assessed.size === 0) return d;
              return { ...d, agencies: d.agencies.map((x) => (!x.hasAssessment && state.assessed.has(x.code.normalize('NFC')) ? { ...x, hasAssessment: true } : x)) };
            },
            { copy: false },
          );
        }
        await journal.commit();
      } catch (e) {
        try {
          await journal.rollback();
        } catch (undoError) {
          const undoIssues = undoError instanceof IssueError ? undoError.issues : [issue('store.rollback_failed', { file: JOURNAL_FILE }, { detail: errorDetail(undoError) })];
          const original = e instanceof IssueError ? e.issues : [];
          throw new IssueError([...undoIssues, ...original]);
        } finally {
          await this.forgetAfterRollback(journal.touched());
          for (const c of state.summaries.keys()) this.summaryCache.forget(c);
        }
        throw e;
      }
      for (const done of state.afterCommit) done();
      for (const [c, doc] of state.summaries) {
        await this.summaryCache.written(c, doc.summary ?? (doc.assessment ?? (JSON.parse(utf8.decode(doc.bytes)) as Assessment)), doc.bytes);
      }
      if (state.summaries.size > 0) await this.summaryCache.flush();
      return result;
    });
  }

  /** Read-modify-write of an appraisal inside a transaction: reads what the transaction staged, if anything. */
  private async stageAppraisal(
    code: string,
    fn: (a: Appraisal | null) => Appraisal,
    state: TxState,
    stage: (label: string, data: string, backups: number) => void,
  ): Promise<Appraisal> {
    const c = code.normalize('NFC');
    const file = this.appraisalFile(c);
    this.assertWritable(file.label);
    const value = await this.nextAppraisal(c, file, fn, state.appraisals.get(file.label));
    stage(file.label, serialize(value), BACKUP_COUNT);
    state.appraisals.set(file.label, value);
    state.afterCommit.push(() => this.lost.delete(file.label));
    return structuredClone(value);
  }

  /** Drops what memory holds of files a rollback put back. */
  private async forgetAfterRollback(paths: string[]): Promise<void> {
    // Folders the transaction created are gone again.
    this.readyDirs.clear();
    this.assessmentsDirReady = false;
    for (const p of paths) {
      if (p === WORKSPACE_FILE) {
        const index = await this.indexFile.read().catch(() => null);
        if (index) this.indexValue = deepFreeze(index);
      } else if (p.startsWith(`${ASSESSMENTS_DIR}/`)) {
        const code = codeFromFileName(basename(p));
        if (code === null) continue;
        this.assessmentCache.delete(code);
        if (!(await pathExists(this.abs(p)).catch(() => true)) && this.knownCodes.get(fileKey(code)) === code) {
          this.knownCodes.delete(fileKey(code));
        }
      }
    }
  }

  /** Rolls back a transaction a crash interrupted (writable) or says that one is pending (read-only). */
  private async finishInterruptedTransaction(): Promise<void> {
    const at = new Date().toISOString();
    const journalPath = join(this.dir, JOURNAL_FILE);
    if (this.readOnly) {
      if (await pathExists(journalPath)) {
        this.recorded({ file: journalPath, movedTo: null, restoredFrom: null, issues: [issue('store.transaction_pending', { file: JOURNAL_FILE })], at });
      }
      return;
    }
    const restored = await recoverJournal(this.dir);
    if (restored) {
      const summary = issue('store.transaction_rolled_back', { file: JOURNAL_FILE }, { files: restored.length });
      this.recorded({ file: journalPath, movedTo: null, restoredFrom: null, issues: [summary], at });
    }
  }

  // ── repairs ────────────────────────────────────────────────────────────────────────────────────

  /** Everything repaired (or found lost) since the workspace was opened, oldest first. */
  recoveries(): Recovery[] {
    return [...this.recoveryLog];
  }

  /**
   * What was found unreadable when the workspace was opened (campaign, templates), one list of
   * issues per file: a later read of it throws the same issues.
   */
  damaged(): Issue[][] {
    return [...(this.campaignError ? [this.campaignError.issues] : []), ...[...this.templateErrors.values()].map((e) => e.issues)];
  }

  /** Documents upgraded from an older schema version since the workspace was opened. */
  migrations(): Migration[] {
    return [...this.migrationLog];
  }

  /** Calls `listener` on each later repair; returns a function that stops it. */
  onRecovery(listener: RecoveryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────────

  private file<T>(label: string, kind: VersionedKind<T>): ValidatedJsonFile<T> {
    return new ValidatedJsonFile(join(this.dir, ...label.split('/')), kind, {
      label,
      readOnly: this.readOnly,
      onRecovery: (r) => this.recorded(r),
      onMigration: (m) => this.migrationLog.push(m),
    });
  }

  private recorded(r: Recovery): void {
    this.recoveryLog.push(r);
    for (const listener of this.listeners) {
      try {
        listener(r);
      } catch {
        // A failing listener must not turn a successful repair into a failed read.
      }
    }
  }

  private templateFile(key: string): ValidatedJsonFile<Template> {
    let f = this.templateFiles.get(key);
    if (!f) {
      f = this.file(templateLabel(key), TemplateDoc);
      this.templateFiles.set(key, f);
    }
    return f;
  }

  /** The assessment file's absolute path, without setting up its reader (10,000 are asked for at once). */
  private assessmentPath(c: string): string {
    const f = this.assessmentFiles.get(c);
    if (f) return f.path;
    const name = agencyFileName(c);
    if (!name.ok) throw new IssueError(name.error);
    return join(this.dir, ASSESSMENTS_DIR, name.value);
  }

  /** The file of an agency's assessment; `store.unsafe_code` if the code cannot be a file name. */
  private assessmentFile(c: string): ValidatedJsonFile<Assessment> {
    let f = this.assessmentFiles.get(c);
    if (!f) {
      const name = agencyFileName(c);
      if (!name.ok) throw new IssueError(name.error);
      f = this.file(`${ASSESSMENTS_DIR}/${name.value}`, AssessmentDoc);
      this.assessmentFiles.set(c, f);
    }
    return f;
  }

  private appraisalFile(c: string): ValidatedJsonFile<Appraisal> {
    let f = this.appraisalFiles.get(c);
    if (!f) {
      const name = agencyFileName(c);
      if (!name.ok) throw new IssueError(name.error);
      f = this.file(`${APPRAISALS_DIR}/${name.value}`, AppraisalDoc);
      this.appraisalFiles.set(c, f);
    }
    return f;
  }

  private nominationsFile(c: string): ValidatedJsonFile<Nominations> {
    let f = this.nominationFiles.get(c);
    if (!f) {
      const name = agencyFileName(c);
      if (!name.ok) throw new IssueError(name.error);
      f = this.file(`${NOMINATIONS_DIR}/${name.value}`, NominationsDoc);
      this.nominationFiles.set(c, f);
    }
    return f;
  }

  private async ensureDir(sub: string): Promise<void> {
    if (this.readyDirs.has(sub)) return;
    try {
      await mkdir(join(this.dir, sub), { recursive: true });
    } catch (e) {
      throw ioError('store.write_failed', sub, e);
    }
    this.readyDirs.add(sub);
  }

  private abs(label: string): string {
    return join(this.dir, ...label.split('/'));
  }

  private async readTracked<T>(file: ValidatedJsonFile<T>): Promise<T | null> {
    const lost = this.lost.get(file.label);
    if (lost) throw new IssueError(lost);
    try {
      return await file.read();
    } catch (e) {
      if (e instanceof IssueError && LOST_CODES.has(e.issues[0]?.code ?? '')) this.lost.set(file.label, e.issues);
      throw e;
    }
  }

  /** Temp files left by a crash mid-write (we hold the lock, so no one else is writing them). */
  private async sweepTempFiles(): Promise<void> {
    for (const sub of ['', TEMPLATES_DIR, ASSESSMENTS_DIR, APPRAISALS_DIR, NOMINATIONS_DIR, EVIDENCE_DIR, RECEIVED_DIR]) {
      const dir = join(this.dir, sub);
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      for (const n of names) {
        if (TEMP_FILE_PATTERN.test(n) || n.startsWith(`${LOCK_FILE}.stale-`)) await unlink(join(dir, n)).catch(() => undefined);
      }
    }
  }

  private assertOpen(): void {
    if (this.closing !== null) throw new IssueError(issue('store.closed', undefined, { dir: this.dir }));
  }

  private assertWritable(label: string): void {
    this.assertOpen();
    if (this.readOnly) throw new IssueError(issue('store.read_only', { file: label }));
  }
}

function validateDoc<T>(kind: VersionedKind<T>, data: unknown, label: string): T {
  const r = kind.parse(data, label);
  if (!r.ok) throw new IssueError([issue('store.invalid_document', { file: label }), ...r.error]);
  return r.value.value;
}

/** Refuses codes that cannot be file names, repeat, or differ only by case. */
function checkAgencyCodes(codes: string[]): void {
  const seen = new Map<string, string>();
  for (const code of codes) {
    const name = agencyFileName(code);
    if (!name.ok) throw new IssueError(name.error);
    const c = code.normalize('NFC');
    const other = seen.get(fileKey(c));
    if (other === c) throw new IssueError(issue('store.duplicate_agency', { agency: c }, { code: c }));
    if (other !== undefined) throw new IssueError(issue('store.code_collision', { agency: c }, { code: c, other }));
    seen.set(fileKey(c), c);
  }
}

function templateKey(ref: TemplateRef): string {
  const r = TemplateRef.safeParse(ref);
  if (!r.success) {
    const shown = typeof ref === 'object' && ref !== null ? `${String(ref.id)}@${String(ref.version)}` : String(ref);
    throw new IssueError(issue('store.bad_template_ref', undefined, { ref: shown }));
  }
  return `${r.data.id}@${r.data.version}`;
}

/** `a@2` before `a@10` before `b@1`. */
function compareTemplateKeys(a: string, b: string): number {
  const [ia = '', va = '0'] = a.split('@');
  const [ib = '', vb = '0'] = b.split('@');
  return ia === ib ? Number(va) - Number(vb) : ia < ib ? -1 : 1;
}

function isLost(e: IssueError): boolean {
  return LOST_CODES.has(e.issues[0]?.code ?? '');
}

function asIssueError(e: unknown, label: string): IssueError {
  return e instanceof IssueError ? e : ioError('store.read_failed', label, e);
}

function templateLabel(key: string): string {
  return `${TEMPLATES_DIR}/${key}.json`;
}

function templateConflict(t: Template): IssueError {
  return new IssueError(issue('store.template_conflict', { file: templateLabel(`${t.id}@${t.version}`) }, { id: t.id, version: t.version }));
}

function agencyKey(c: string): string {
  return `assessment:${fileKey(c)}`;
}

function appraisalKey(c: string): string {
  return `appraisal:${fileKey(c)}`;
}

function nominationsKey(c: string): string {
  return `nominations:${fileKey(c)}`;
}

const SURVEY_KEY = 'survey';
const OWN_NOMINATIONS_KEY = 'nominations';
const TX_KEY = 'transaction';

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: Issue[] }): T {
  if (!r.ok) throw new IssueError(r.error);
  return r.value;
}

async function isWorkspaceFolder(abs: string): Promise<boolean> {
  try {
    if (!(await stat(abs)).isDirectory()) return false;
  } catch {
    return false;
  }
  for (const name of [WORKSPACE_FILE, backupPath(WORKSPACE_FILE, 1)]) {
    try {
      await lstat(join(abs, name));
      return true;
    } catch {
      // try the next
    }
  }
  return false;
}

function notWorkspace(abs: string): IssueError {
  return new IssueError(issue('store.not_workspace', undefined, { dir: abs }));
}

function ioError(code: string, label: string, e: unknown): IssueError {
  if (e instanceof IssueError) return e;
  const err = new IssueError(issue(code, { file: label }, { detail: errorDetail(e) }));
  err.cause = e;
  return err;
}

function cloneOrNull<T>(v: T | null): T | null {
  return v === null ? null : structuredClone(v);
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const child of Object.values(v)) deepFreeze(child);
  }
  return v;
}
