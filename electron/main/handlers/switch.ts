import { resolve } from 'node:path';
import { AppService } from '../../services/app-service.ts';
import { WorkspaceStore } from '../../services/store/workspace.ts';
import type { AppContext } from './context.ts';

/**
 * Opens `path` in place of the current workspace. The new one is opened (and locked) first: if it
 * cannot be, the current one stays open and the error says why. Then the old one is released and
 * the new one goes first in the recent list.
 */
export async function switchWorkspace(ctx: AppContext, path: string): Promise<void> {
  if (resolve(path) === resolve(ctx.service.dir)) return;
  const next = await WorkspaceStore.open(path);
  const old = ctx.service;
  ctx.service = new AppService(next, ctx.settings.get().lang);
  await old.close();
  await ctx.settings.addRecent(next.dir, next.index.name).catch(() => undefined); // a preference: never fails the open
  ctx.onWorkspaceChange?.();
}
