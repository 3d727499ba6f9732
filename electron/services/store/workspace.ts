import { randomUUID } from 'node:crypto';
import { lstat, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type * as z from 'zod';
import {
  type Assessment,
  AssessmentDoc,
  type Campaign,
  CampaignDoc,
  type Template,
  TemplateDoc,
  TemplateRef,
  type VersionedKind,
  WORKSPACE_KIND,
  type WorkspaceAgency,
  type WorkspaceIndex,
  WorkspaceIndexDoc,
} from '../../../shared/schema/index.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { TEMP_FILE_PATTERN, backupPath, errno, errorDetail, fsyncDir } from './durable-file.ts';
import { type Migration, type Recovery, ValidatedJsonFile, serialize } from './json-store.ts';
import { FileLock } from './lock.ts';
import { agencyFileName, codeFromFileName, fileKey } from './names.ts';
import { KeyedQueue } from './queue.ts';

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

/**
 * A workspace folder:
 *
 * ```
 * workspace.json                   the index (id, name, role, campaign, self, agencies with status)
 * campaign.json                    the campaign (optional)
 * templates/<id>@<version>.json    self-contained copies of the templates in use
 * assessments/<agencyCode>.json    one assessment per agency
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
  /** Set by close(): later calls fail with `store.closed`. */
  private closing: Promise<void> | null = null;

  private constructor(
    dir: string,
    readOnly: boolean,
    private readonly lock: FileLock | null,
  ) {
    this.dir = dir;
    this.readOnly = readOnly;
    this.indexFile = this.file(WORKSPACE_FILE, WorkspaceIndexDoc);
    this.campaignFile = this.file(CAMPAIGN_FILE, CampaignDoc);
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

  /** Opens a workspace for writing; fails if another live process holds it (`store.locked`). */
  static open(dir: string): Promise<WorkspaceStore> {
    return WorkspaceStore.openWith(dir, false);
  }

  /**
   * Opens a workspace without taking the lock (e.g. to look at one another process is writing).
   * Nothing is written: writes are refused (`store.read_only`), damaged files are reported but not
   * repaired, older versions are migrated in memory only, and documents are re-read on every call.
   */
  static openReadOnly(dir: string): Promise<WorkspaceStore> {
    return WorkspaceStore.openWith(dir, true);
  }

  private static async openWith(dir: string, readOnly: boolean): Promise<WorkspaceStore> {
    const abs = resolve(dir);
    if (!(await isWorkspaceFolder(abs))) throw notWorkspace(abs);
    const lock = readOnly ? null : await FileLock.acquire(join(abs, LOCK_FILE), abs);
    const store = new WorkspaceStore(abs, readOnly, lock);
    try {
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

  private changeIndex(fn: (draft: WorkspaceIndex) => WorkspaceIndex): Promise<Readonly<WorkspaceIndex>> {
    return this.queue.run(INDEX_KEY, async () => {
      const next = fn(structuredClone(this.indexValue));
      const value = this.indexFile.validate({ ...next, updatedAt: new Date().toISOString() });
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

  // ── repairs ────────────────────────────────────────────────────────────────────────────────────

  /** Everything repaired (or found lost) since the workspace was opened, oldest first. */
  recoveries(): Recovery[] {
    return [...this.recoveryLog];
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
    for (const sub of ['', TEMPLATES_DIR, ASSESSMENTS_DIR]) {
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
