import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { AgencyScoreSummary } from '../../../shared/ipc/workspace.ts';
import type { Assessment, Template, TemplateRef } from '../../../shared/schema/index.ts';
import { scoreAssessment } from '../../../shared/scoring/index.ts';
import { type CompiledTemplate, compileTemplate } from '../../../shared/template/compile.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { errno } from './durable-file.ts';

/**
 * `summaries.json`: each agency's overview totals (AgencyScoreSummary), so that the overview of a
 * 10,000-agency workspace reads one file instead of 10,000 assessments and scores none.
 *
 * A cache, never the truth: every entry is keyed by what it was computed from — the template
 * (id@version), the SHA-256 of the assessment file's bytes, and the file's size and mtime as last
 * seen — and by SCORING_VERSION (bumped when scoring changes what it reports). The store updates an
 * entry whenever it writes an assessment (a plain save or a transaction's commit) and forgets it
 * when a file is repaired from backup. The first overview after opening compares the stamps with a
 * `stat` of each file (no read); a file whose stamp differs is hashed, and re-scored only when its
 * bytes differ: a file written behind the store's back (an old version, a restore, a crash between
 * the two writes, a copied folder) is recomputed once and stored. A damaged or unreadable
 * summaries.json is simply rebuilt that way; a damaged entry alone is dropped.
 */
export const SUMMARIES_FILE = 'summaries.json';
export const SUMMARIES_KIND = 'parscore-summaries';
/** Bumped when a change to scoring changes the totals a stored summary holds: every entry is recomputed. */
export const SCORING_VERSION = 1;
/** Writes are coalesced: the file is written at most this often while edits keep coming. */
const FLUSH_DELAY_MS = 250;
/** Up to this many entries, summaries.json is written with each save (see `settle`). */
const SYNC_FLUSH_ENTRIES = 500;

export const SummaryEntry = z.strictObject({
  template: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  score: AgencyScoreSummary,
});
export type SummaryEntry = z.infer<typeof SummaryEntry>;

const SummariesFileShape = z.object({
  kind: z.literal(SUMMARIES_KIND),
  scoring: z.number().int(),
  agencies: z.record(z.string(), z.unknown()),
});

const SHA = /^[0-9a-f]{64}$/;
const NUMBERS = ['total', 'max', 'index', 'self', 'selfMax', 'answered', 'leafCount'] as const;

/** SummaryEntry's checks, by hand: 10,000 entries are checked at each open. */
function isEntry(x: unknown): x is SummaryEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  const score = e.score as Record<string, unknown> | null;
  if (Object.keys(e).length !== 5 || typeof e.template !== 'string' || typeof e.sha256 !== 'string' || !SHA.test(e.sha256)) return false;
  if (!Number.isSafeInteger(e.size) || (e.size as number) < 0 || !Number.isFinite(e.mtimeMs)) return false;
  if (typeof score !== 'object' || score === null || Object.keys(score).length !== NUMBERS.length) return false;
  return NUMBERS.every((k) => Number.isFinite(score[k])) && Number.isInteger(score.answered) && Number.isInteger(score.leafCount);
}

/** The summary of one assessment as the overview shows it. */
export function summarize(ct: CompiledTemplate, a: Assessment): AgencyScoreSummary {
  const { report } = scoreAssessment(ct, a);
  return { total: report.total, max: report.max, index: report.index, self: report.self.score, selfMax: report.self.max, answered: report.answered, leafCount: report.leafCount };
}

export function sha256Of(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function templateKeyOf(ref: TemplateRef): string {
  return `${ref.id}@${ref.version}`;
}

/** What a reader of the cache needs from the store. */
export interface SummarySource {
  dir: string;
  /** The assessment file's absolute path. */
  pathOf(code: string): string;
  /** A template loaded at open, or null. */
  template(key: string): Template | null;
  /** The store's own read (repairs, migrates, reports); throws IssueError when the file cannot be had. */
  read(code: string): Promise<Readonly<Assessment> | null>;
  readOnly: boolean;
}

export class SummaryCache {
  private entries = new Map<string, SummaryEntry>();
  private loaded: Promise<void> | null = null;
  /** Codes whose stamp was compared with their file since open (or written since): trusted until written or repaired. */
  private readonly checked = new Set<string>();
  private readonly compiled = new Map<string, CompiledTemplate>();
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly src: SummarySource) {}

  private compile(key: string): CompiledTemplate | null {
    let c = this.compiled.get(key);
    if (!c) {
      const t = this.src.template(key);
      if (!t) return null;
      c = compileTemplate(t);
      this.compiled.set(key, c);
    }
    return c;
  }

  /** Reads summaries.json once; anything unreadable in it is dropped (and so recomputed). */
  private load(): Promise<void> {
    this.loaded ??= (async () => {
      let text: string;
      try {
        text = await readFile(join(this.src.dir, SUMMARIES_FILE), 'utf8');
      } catch (e) {
        if (errno(e) !== 'ENOENT') this.dirty = true;
        return;
      }
      let doc: z.infer<typeof SummariesFileShape>;
      try {
        const r = SummariesFileShape.safeParse(JSON.parse(text));
        if (!r.success || r.data.scoring !== SCORING_VERSION) {
          this.dirty = true;
          return;
        }
        doc = r.data;
      } catch {
        this.dirty = true;
        return;
      }
      for (const [code, raw] of Object.entries(doc.agencies)) {
        // An entry written earlier in this session wins over the file's.
        if (this.entries.has(code)) continue;
        if (isEntry(raw)) this.entries.set(code, raw);
        else this.dirty = true;
      }
    })();
    return this.loaded;
  }

  /**
   * The store has just written `code`'s assessment as `bytes` (file already on disk): scored here,
   * or given already scored (an import's worker did it).
   */
  async written(code: string, from: Assessment | { template: string; score: AgencyScoreSummary }, bytes: string | Uint8Array): Promise<void> {
    let key: string;
    let score: AgencyScoreSummary | null;
    if ('kind' in from) {
      key = templateKeyOf(from.template);
      const ct = this.compile(key);
      score = ct ? summarize(ct, from) : null;
    } else {
      key = from.template;
      score = from.score;
    }
    const st = await stat(this.src.pathOf(code)).catch(() => null);
    if (!score || !st) {
      this.forget(code);
      return;
    }
    this.entries.set(code, { template: key, sha256: sha256Of(bytes), size: st.size, mtimeMs: st.mtimeMs, score });
    this.checked.add(code);
    this.touch();
  }

  /** The file was replaced behind the cache (repaired from a backup, rolled back): compared again when next asked for. */
  forget(code: string): void {
    this.checked.delete(code);
  }

  /**
   * The summary of each code (the store's codes with an assessment), null for one without a file;
   * a code whose file cannot be read gets the store's IssueError (the overview marks that agency).
   */
  async get(codes: readonly string[]): Promise<Map<string, AgencyScoreSummary | null | { error: unknown }>> {
    await this.load();
    const out = new Map<string, AgencyScoreSummary | null | { error: unknown }>();
    const todo: string[] = [];
    for (const code of codes) {
      const e = this.entries.get(code);
      if (e && !this.checked.has(code)) {
        // The stamp compared with a stat of the file: one system call, no read. Synchronous: for
        // 10,000 files a loop of stats is several times faster than as many queued promises.
        const st = statSync(this.src.pathOf(code), { throwIfNoEntry: false });
        if (st && st.size === e.size && st.mtimeMs === e.mtimeMs && this.compile(e.template)) this.checked.add(code);
      }
      if (e && this.checked.has(code)) out.set(code, e.score);
      else todo.push(code);
    }
    // The stamps of files not yet compared (after open: all of them), a few at a time.
    const CONCURRENCY = 64;
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const code = todo[next++]!;
        out.set(code, await this.verify(code));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, worker));
    return out;
  }

  private async verify(code: string): Promise<AgencyScoreSummary | null | { error: unknown }> {
    const e = this.entries.get(code);
    const path = this.src.pathOf(code);
    const st = await stat(path).catch(() => null);
    if (e && st && st.size === e.size && st.mtimeMs === e.mtimeMs && this.compile(e.template)) {
      this.checked.add(code);
      return e.score;
    }
    if (e && st) {
      // Same bytes under a new stamp (a copied folder): only the stamp is updated.
      const bytes = await readFile(path).catch(() => null);
      if (bytes && sha256Of(bytes) === e.sha256 && this.compile(e.template)) {
        this.entries.set(code, { ...e, size: st.size, mtimeMs: st.mtimeMs });
        this.checked.add(code);
        this.touch();
        return e.score;
      }
    }
    // Recomputed through the store's own read, which repairs a damaged file or reports it.
    try {
      const a = await this.src.read(code);
      if (!a) {
        this.entries.delete(code);
        return null;
      }
      const key = templateKeyOf(a.template);
      const ct = this.compile(key);
      if (!ct) return { error: new IssueError(issue('store.template_missing', { file: `templates/${key}.json` }, { id: key })) };
      const score = summarize(ct, a as Assessment);
      const now = await stat(path).catch(() => null);
      const bytes = now ? await readFile(path).catch(() => null) : null;
      if (now && bytes) {
        this.entries.set(code, { template: key, sha256: sha256Of(bytes), size: now.size, mtimeMs: now.mtimeMs, score });
        this.checked.add(code);
        this.touch();
      }
      return score;
    } catch (err) {
      this.entries.delete(code);
      this.checked.delete(code);
      return { error: err };
    }
  }

  private touch(): void {
    if (!this.src.readOnly) this.dirty = true;
  }

  /**
   * After a write: summaries.json is written now while it is small (an agency's own workspace,
   * tests: what is on disk is what was just saved); a large one (a province, being filled by a
   * demo or a bench one save at a time) at most every FLUSH_DELAY_MS, and at close.
   */
  settle(): Promise<void> {
    if (!this.dirty) return Promise.resolve();
    if (this.entries.size <= SYNC_FLUSH_ENTRIES) return this.flush();
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, FLUSH_DELAY_MS);
    // A pending write must not keep a CLI run alive; close() writes it.
    this.timer.unref();
    return Promise.resolve();
  }

  /**
   * Writes summaries.json if anything changed. Atomic (a temporary file renamed into place) but not
   * fsynced: it is a cache, and one torn by a power cut is rebuilt from the files at the next open.
   * A failed write only means a recomputation at the next open.
   */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.flushing = this.flushing.then(async () => {
      if (!this.dirty || this.src.readOnly) return;
      await this.load();
      this.dirty = false;
      const agencies = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const path = join(this.src.dir, SUMMARIES_FILE);
      const temp = join(this.src.dir, `.${SUMMARIES_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await writeFile(temp, JSON.stringify({ kind: SUMMARIES_KIND, scoring: SCORING_VERSION, agencies }));
        await rename(temp, path);
      } catch {
        this.dirty = true;
        await unlink(temp).catch(() => undefined);
      }
    });
    return this.flushing;
  }

  /** The stored entry of a code, for `workspace check` and tests. */
  async entry(code: string): Promise<SummaryEntry | null> {
    await this.load();
    return this.entries.get(code) ?? null;
  }
}
