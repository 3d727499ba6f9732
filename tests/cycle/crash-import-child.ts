// Opens Home Affairs' workspace and imports one submission file; with a kill point, the process
// kills itself (SIGKILL, no clean-up of any kind) inside the import's transaction, after every file
// of the submission was written and before the index commit.
//   node --import tsx tests/cycle/crash-import-child.ts <haDir> <file> <now> [kill-inside-transaction]
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { importSubmissions } from '../../electron/services/cycle/import.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';

const [dir, file, now, kill] = process.argv.slice(2);
if (!dir || !file || !now) throw new Error('usage: crash-import-child.ts <haDir> <file> <now> [kill]');
const ws = await WorkspaceStore.open(dir);
const bytes = new Uint8Array(await readFile(file));
const controller = new AbortController();
let reads = 0;
// The import reads `aborted` before the file, before its transaction, and inside it before the commit (3rd read).
const signal = new Proxy(controller.signal, {
  get(target, prop) {
    if (prop === 'aborted') {
      reads++;
      if (kill === 'kill' && reads === 3) process.kill(process.pid, 'SIGKILL');
      return false;
    }
    const v: unknown = Reflect.get(target, prop, target);
    return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
  },
});
process.stdout.write('ready\n');
const verdicts = await importSubmissions(ws, [{ file: basename(file), bytes }], { now, signal });
process.stdout.write(`${JSON.stringify(verdicts.map((v) => v.verdict))}\n`);
await ws.close();
