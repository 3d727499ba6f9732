// Opens a workspace for writing and holds it until killed.
//   node --import tsx tests/store/lock-child.ts <dir>
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: lock-child.ts <dir>');
const ws = await WorkspaceStore.open(dir);
process.stdout.write(`holding ${process.pid} ${ws.index.name}\n`);
setInterval(() => undefined, 60_000);
