import { WorkspaceStore } from '../services/store/workspace.ts';
import { reportRepairs } from './repairs.ts';

/**
 * Opens a workspace for one command and always releases its lock, whatever the command does.
 * Every repair the store made at open or makes during the command, and every damaged file it
 * found, is printed on stderr (never repaired in silence).
 */
export async function withWorkspace<T>(dir: string, fn: (ws: WorkspaceStore) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
  const ws = opts.readOnly ? await WorkspaceStore.openReadOnly(dir) : await WorkspaceStore.open(dir);
  const stop = reportRepairs(ws);
  try {
    return await fn(ws);
  } finally {
    stop();
    await ws.close();
  }
}
