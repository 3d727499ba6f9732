import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { asPrepared } from '../store/prepared.ts';
import { type InspectContext, type Inspected, inspectSubmission } from './inspect.ts';

/** Files checked at once per worker: enough to keep it busy while the main thread reads and writes. */
const IN_FLIGHT_PER_WORKER = 4;

interface Job {
  resolve: (r: { result: Inspected; bytes: Uint8Array }) => void;
  reject: (e: Error) => void;
}

/**
 * Checks submission files on worker threads (one per core), or on this thread when there is one
 * core or the files are few. `inspect` takes the file's bytes (transferred to the worker and back:
 * use the returned ones) and answers in any order; callers keep their own order.
 */
export class InspectPool {
  private readonly workers: Worker[] = [];
  private readonly jobs = new Map<number, Job>();
  private readonly load: number[] = [];
  private nextId = 0;
  private failure: Error | null = null;

  private constructor(private readonly ctx: InspectContext) {}

  /** `size` 0: no worker, every file checked on this thread. */
  static create(ctx: InspectContext, size: number): InspectPool {
    const pool = new InspectPool(ctx);
    for (let i = 0; i < size; i++) pool.spawn();
    return pool;
  }

  /** Worker threads worth starting for `files` files: one per core, none for a handful. */
  static sizeFor(files: number): number {
    const cores = availableParallelism();
    return cores < 2 || files < 32 ? 0 : Math.min(cores, 8);
  }

  /** How many files may be given at once before waiting for answers. */
  get capacity(): number {
    return Math.max(1, this.workers.length * IN_FLIGHT_PER_WORKER);
  }

  async inspect(file: string, bytes: Uint8Array): Promise<{ result: Inspected; bytes: Uint8Array }> {
    if (this.failure) throw this.failure;
    if (this.workers.length === 0) return { result: await inspectSubmission(bytes, file, this.ctx), bytes };
    let k = 0;
    for (let i = 1; i < this.workers.length; i++) if ((this.load[i] ?? 0) < (this.load[k] ?? 0)) k = i;
    const id = this.nextId++;
    this.load[k] = (this.load[k] ?? 0) + 1;
    // The worker gets its own copy of the bytes to own (the caller's buffer may be shared).
    const own = new Uint8Array(bytes);
    return new Promise((resolve, reject) => {
      this.jobs.set(id, {
        resolve: (r) => {
          this.load[k] = (this.load[k] ?? 1) - 1;
          resolve(r);
        },
        reject,
      });
      this.workers[k]!.postMessage({ id, file, bytes: own }, [own.buffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }

  private spawn(): void {
    const w = newWorker(this.ctx);
    w.on('message', (msg: { id: number; result?: Inspected; error?: string; bytes: Uint8Array }) => {
      const job = this.jobs.get(msg.id);
      if (!job) return;
      this.jobs.delete(msg.id);
      if (msg.error !== undefined || !msg.result) job.reject(new Error(`inspect worker: ${msg.error ?? 'no result'}`));
      else job.resolve({ result: revive(msg.result), bytes: msg.bytes });
    });
    w.on('error', (e) => this.fail(e));
    w.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`inspect worker exited with code ${code}`));
    });
    this.workers.push(w);
    this.load.push(0);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const job of this.jobs.values()) job.reject(e);
    this.jobs.clear();
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
function newWorker(ctx: InspectContext): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./inspect-worker.js', import.meta.url), { workerData: ctx });
  // require.resolve gives the package's CommonJS build of the API; its ESM twin sits beside it.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./inspect-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: ctx });
}
