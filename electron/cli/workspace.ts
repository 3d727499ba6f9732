import { WorkspaceStore } from '../services/store/workspace.ts';

/** Opens a workspace for one command and always releases its lock, whatever the command does. */
export async function withWorkspace<T>(dir: string, fn: (ws: WorkspaceStore) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
  const ws = opts.readOnly ? await WorkspaceStore.openReadOnly(dir) : await WorkspaceStore.open(dir);
  try {
    return await fn(ws);
  } finally {
    await ws.close();
  }
}
