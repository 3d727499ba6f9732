// A worker thread doing jobs (workers/jobs.ts) for the main thread: the checks of thousands of
// submission files, the reading and scoring of thousands of agencies, spread over the processor's cores.
// It gets its context once (workerData) and one job per message.
import { parentPort, workerData } from 'node:worker_threads';
import { type Job, type JobResult, type WorkerContext, runJob } from './jobs.ts';

const ctx = workerData as WorkerContext;
const port = parentPort;
if (!port) throw new Error('workers/worker.ts runs as a worker thread');

port.on('message', (msg: { id: number; job: Job }) => {
  // The file's bytes and the documents to store go back without a copy: each has a buffer of its own.
  const transfer = (r: JobResult): ArrayBuffer[] => {
    if (r.kind !== 'inspect') return [];
    const out = [r.bytes.buffer as ArrayBuffer];
    if (r.result.ok) for (const d of [r.result.assessment, r.result.nominations]) if (d) out.push(d.bytes.buffer as ArrayBuffer);
    return out;
  };
  void runJob(msg.job, ctx).then(
    (result) => port.postMessage({ id: msg.id, result }, transfer(result)),
    (e: unknown) => port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
