// A worker thread doing jobs (workers/jobs.ts) for the main thread: the checks of thousands of
// submission files, the reading of thousands of assessments, spread over the processor's cores.
// It gets its context once (workerData) and one job per message.
import { parentPort, workerData } from 'node:worker_threads';
import type { InspectContext } from '../cycle/inspect.ts';
import { type Job, runJob } from './jobs.ts';

const ctx = (workerData ?? null) as InspectContext | null;
const port = parentPort;
if (!port) throw new Error('workers/worker.ts runs as a worker thread');

port.on('message', (msg: { id: number; job: Job }) => {
  const transfer = (r: { kind: string; bytes?: Uint8Array }) => (r.bytes ? [r.bytes.buffer as ArrayBuffer] : []);
  void runJob(msg.job, ctx).then(
    (result) => port.postMessage({ id: msg.id, result }, transfer(result)),
    (e: unknown) => port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
