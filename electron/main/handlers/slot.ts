import { IssueError, issue } from '../../../shared/util/issue.ts';
import type { AppService } from '../../services/app-service.ts';
import type { AppContext } from './context.ts';

type Base = Omit<AppContext, 'service' | 'hasWorkspace' | 'closeWorkspace'>;

/**
 * A context whose workspace may be absent (the first-run screen): `service` throws `app.no_workspace`
 * then, so every workspace channel refuses in the user's words without a check of its own.
 */
export function workspaceContext(base: Base, service: AppService | null): AppContext {
  let current = service;
  const ctx: AppContext = {
    ...base,
    get service(): AppService {
      if (!current) throw new IssueError(issue('app.no_workspace'));
      return current;
    },
    set service(next: AppService) {
      current = next;
    },
    get hasWorkspace() {
      return current !== null;
    },
    async closeWorkspace() {
      const old = current;
      current = null;
      await old?.close();
      ctx.onWorkspaceChange?.();
    },
  };
  return ctx;
}

/** Whether `ctx` has a workspace open (a context without the field always has). */
export const hasWorkspace = (ctx: AppContext): boolean => ctx.hasWorkspace !== false;
