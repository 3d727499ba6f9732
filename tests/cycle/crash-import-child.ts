// Opens Home Affairs' workspace and imports one submission file; with a kill point, the process
// kills itself (SIGKILL, no clean-up of any kind) at the very end of the import's transaction:
// every file of the submission and the index written, the undo journal not yet removed.
//   node --import tsx tests/cycle/crash-import-child.ts <haDir> <file> <now> [kill]
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { importSubmissions } from '../../electron/services/cycle/import.ts';
import { Journal } from '../../electron/services/store/journal.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';

const [dir, file, now, kill] = process.argv.slice(2);
if (!dir || !file || !now) throw new Error('usage: crash-import-child.ts <haDir> <file> <now> [kill]');
if (kill === 'kill') {
  // The commit is the journal's removal: dying just before it is the latest crash that must roll back.
  Journal.prototype.commit = () => {
    process.kill(process.pid, 'SIGKILL');
    return new Promise(() => undefined);
  };
}
const ws = await WorkspaceStore.open(dir);
const bytes = new Uint8Array(await readFile(file));
process.stdout.write('ready\n');
const verdicts = await importSubmissions(ws, [{ file: basename(file), bytes }], { now });
process.stdout.write(`${JSON.stringify(verdicts.map((v) => v.verdict))}\n`);
await ws.close();
