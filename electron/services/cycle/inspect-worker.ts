// A worker thread that checks submission files (inspectSubmission) for an import running on the
// main thread: the signature, hashes, schema and content checks of thousands of files spread
// over the processor's cores. It gets the context once (workerData) and one file per message.
import { parentPort, workerData } from 'node:worker_threads';
import { type InspectContext, inspectSubmission } from './inspect.ts';

const ctx = workerData as InspectContext;
const port = parentPort;
if (!port) throw new Error('inspect-worker runs as a worker thread');

port.on('message', (msg: { id: number; file: string; bytes: Uint8Array }) => {
  void inspectSubmission(msg.bytes, msg.file, ctx).then(
    (result) => port.postMessage({ id: msg.id, result, bytes: msg.bytes }, [msg.bytes.buffer as ArrayBuffer]),
    (e: unknown) => port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e), bytes: msg.bytes }, [msg.bytes.buffer as ArrayBuffer]),
  );
});
