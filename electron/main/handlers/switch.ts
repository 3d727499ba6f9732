import { resolve } from 'node:path';
import { AppService } from '../../services/app-service.ts';
import type { AcquireOptions } from '../../services/store/lock.ts';
import { WorkspaceStore } from '../../services/store/workspace.ts';
import type { AppContext } from './context.ts';
import { hasWorkspace } from './slot.ts';

/**
 * Opens `path` in place of the current workspace. The new one is opened (and locked) first: if it
 * cannot be, the current one stays open and the error says why. Then the old one is released and
 * the new one goes first in the recent list.
 */
export async function switchWorkspace(ctx: AppContext, path: string, opts: AcquireOptions = {}): Promise<void> {
  if (hasWorkspace(ctx) && resolve(path) === resolve(ctx.service.dir)) return;
  await adoptWorkspace(ctx, await WorkspaceStore.open(path, opts));
}

/** Makes an opened store the window's workspace (create, join and the demo open their own). */
export async function adoptWorkspace(ctx: AppContext, next: WorkspaceStore): Promise<void> {
  const old = hasWorkspace(ctx) ? ctx.service : null;
  ctx.service = new AppService(next, ctx.settings.get().lang);
  await old?.close();
  await ctx.settings.addRecent(next.dir, next.index.name).catch(() => undefined); // a preference: never fails the open
  ctx.onWorkspaceChange?.();
}
