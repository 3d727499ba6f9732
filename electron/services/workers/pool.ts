import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Inspected } from '../cycle/inspect.ts';
import { asPrepared } from '../store/prepared.ts';
import { type Job, type JobResult, type ScoreAnswer, type ScoreRequest, type WorkerContext, runJob } from './jobs.ts';

/** Jobs given to a worker at once: enough to keep it busy while the main thread reads and writes. */
const IN_FLIGHT_PER_WORKER = 4;

interface Pending {
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
  worker: number;
}

/**
 * Worker threads (one per core) for the work that grows with the number of agencies: checking
 * submission files, reading and scoring agencies for the results. With no worker (one core, few files)
 * every job runs on this thread, the same code. Jobs answer in any order; callers keep theirs.
 * A worker that fails is not retried: its jobs and the later ones run on this thread.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly jobs = new Map<number, Pending>();
  private readonly load: number[] = [];
  private nextId = 0;
  private broken = false;

  private constructor(private readonly ctx: WorkerContext) {}

  /** `size` 0: no worker. `ctx`: the campaign and its templates, which every job reads. */
  static create(ctx: WorkerContext, size: number): WorkerPool {
    const pool = new WorkerPool(ctx);
    for (let i = 0; i < size; i++) pool.spawn();
    return pool;
  }

  /** Worker threads worth starting for `jobs` jobs: one per core, none for a handful. */
  static sizeFor(jobs: number): number {
    const cores = availableParallelism();
    return cores < 2 || jobs < 32 ? 0 : Math.min(cores, 8);
  }

  /** How many jobs may be given at once before waiting for answers. */
  get capacity(): number {
    return Math.max(1, this.workers.length * IN_FLIGHT_PER_WORKER);
  }

  /** Checks a submission file; the bytes travel to the worker and back: use the returned ones. */
  async inspect(file: string, bytes: Uint8Array): Promise<{ result: Inspected; bytes: Uint8Array }> {
    // The worker gets its own copy to own (the caller's buffer may be shared or pooled).
    let r: JobResult;
    try {
      r = await this.run({ kind: 'inspect', file, bytes: this.workers.length > 0 ? new Uint8Array(bytes) : bytes });
    } catch (e) {
      // The worker died with the job: the caller's bytes are intact, check them here.
      if (!this.broken) throw e;
      r = await runJob({ kind: 'inspect', file, bytes }, this.ctx);
    }
    if (r.kind !== 'inspect') throw new Error('worker answered another job');
    return { result: revive(r.result), bytes: r.bytes };
  }

  /** Reads a submission file (on the worker) and checks it; null when it cannot be read. */
  async inspectFile(file: string, path: string): Promise<{ result: Inspected; bytes: Uint8Array } | null> {
    const r = await this.run({ kind: 'inspect-path', file, path }).catch((e: unknown) => {
      if (!this.broken) throw e;
      return runJob({ kind: 'inspect-path', file, path }, this.ctx);
    });
    if (r.kind === 'unreadable') return null;
    if (r.kind !== 'inspect') throw new Error('worker answered another job');
    return { result: revive(r.result), bytes: r.bytes };
  }

  /**
   * Many agencies read and scored in one job (one message each way per job, not per document).
   * An agency with a document that was not plain comes back with the documents read instead.
   */
  async agencyScores(agencies: ScoreRequest[]): Promise<ScoreAnswer[]> {
    const r = await this.run({ kind: 'agency-scores', agencies }).catch((e: unknown) => {
      if (!this.broken) throw e;
      return runJob({ kind: 'agency-scores', agencies }, this.ctx);
    });
    if (r.kind !== 'agency-scores') throw new Error('worker answered another job');
    return r.agencies;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }

  private run(job: Job): Promise<JobResult> {
    if (this.broken || this.workers.length === 0) return runJob(job, this.ctx);
    let k = 0;
    for (let i = 1; i < this.workers.length; i++) if ((this.load[i] ?? 0) < (this.load[k] ?? 0)) k = i;
    const id = this.nextId++;
    this.load[k] = (this.load[k] ?? 0) + 1;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject, worker: k });
      this.workers[k]!.postMessage({ id, job }, job.kind === 'inspect' ? [job.bytes.buffer as ArrayBuffer] : []);
    });
  }

  private spawn(): void {
    const k = this.workers.length;
    const w = newWorker(this.ctx);
    w.on('message', (msg: { id: number; result?: JobResult; error?: string }) => {
      const job = this.jobs.get(msg.id);
      if (!job) return;
      this.jobs.delete(msg.id);
      this.load[job.worker] = (this.load[job.worker] ?? 1) - 1;
      if (msg.error !== undefined || !msg.result) job.reject(new Error(`worker: ${msg.error ?? 'no result'}`));
      else job.resolve(msg.result);
    });
    w.on('error', (e) => this.fail(k, e));
    w.on('exit', (code) => {
      if (code !== 0) this.fail(k, new Error(`worker exited with code ${code}`));
    });
    this.workers.push(w);
    this.load.push(0);
  }

  /** A worker died: its jobs were lost with it (an inspect job's bytes too), so they fail; later jobs run here. */
  private fail(k: number, e: Error): void {
    this.broken = true;
    for (const [id, job] of this.jobs) {
      if (job.worker !== k) continue;
      this.jobs.delete(id);
      job.reject(e);
    }
  }
}

/** Structured cloning drops the prepared documents' brand: put it back. */
function revive(r: Inspected): Inspected {
  if (!r.ok) return r;
  return { ...r, assessment: r.assessment && asPrepared(r.assessment), nominations: r.nominations && asPrepared(r.nominations) };
}

/**
 * In the built app the worker is its bundle next to main's. Run from the TypeScript sources (tsx,
 * tests), a small bootstrap registers tsx in the worker first (a worker does not inherit the
 * loader) and then loads the .ts module; tsx is found from here, not from the current folder.
 */
function newWorker(ctx: WorkerContext): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: ctx });
  // require.resolve gives the package's CommonJS build of the API; its ESM twin sits beside it.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: ctx });
}
