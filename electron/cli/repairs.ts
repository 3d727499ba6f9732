import { AsyncLocalStorage } from 'node:async_hooks';
import { formatIssue } from '../../shared/i18n/index.ts';
import type { Issue } from '../../shared/util/issue.ts';
import type { Recovery } from '../services/store/json-store.ts';
import type { WorkspaceStore } from '../services/store/workspace.ts';
import { type CliContext, msg } from './context.ts';

/*
 * Every repair the store makes (a file restored from its backup, a transaction rolled back) and
 * every damaged file it finds is printed on stderr by whichever command opened the workspace:
 * `withWorkspace` calls `reportRepairs`, main() runs each command inside `withCli`.
 */
const current = new AsyncLocalStorage<CliContext>();

export function withCli<T>(ctx: CliContext, fn: () => Promise<T>): Promise<T> {
  return current.run(ctx, fn);
}

function printRecovery(ctx: CliContext, r: Recovery): void {
  const [summary, ...details] = r.issues;
  if (summary) ctx.err(`  ⚠ ${formatIssue(ctx.lang, summary)}`);
  for (const d of details) ctx.err(`      ${formatIssue(ctx.lang, d)}`);
}

/** Prints what the store repaired or found damaged while opening `ws`, and every later repair as it happens; returns the unsubscribe. */
export function reportRepairs(ws: WorkspaceStore): () => void {
  const ctx = current.getStore();
  if (!ctx) return () => undefined;
  let headed = false;
  const head = () => {
    if (!headed) ctx.err(msg(ctx, 'wsafe.cli.repaired'));
    headed = true;
  };
  for (const r of ws.recoveries()) {
    head();
    printRecovery(ctx, r);
  }
  for (const issues of ws.damaged()) {
    head();
    printRecovery(ctx, { file: '', movedTo: null, restoredFrom: null, issues, at: '' });
  }
  return ws.onRecovery((r) => {
    head();
    printRecovery(ctx, r);
  });
}

/** The warnings results carry (documents missing under --allow-missing), on stderr. */
export function printWarnings(ctx: CliContext, issues: readonly Issue[]): void {
  for (const i of issues) if (i.params?.severity === 'warning') ctx.err(`⚠ ${msg(ctx, 'wsafe.cli.warning', { text: formatIssue(ctx.lang, i) })}`);
}
