import { type Channel, type IpcResult, contract } from '../../shared/ipc/contract.ts';
import { formatIssue, type Lang } from '../../shared/i18n/index.ts';
import { IssueError, issuesToShow } from '../../shared/util/issue.ts';
import type { AppService } from '../services/app-service.ts';

type Handlers = { [C in Channel]: (input: never) => Promise<unknown> };

/** The service method behind each channel. */
export function handlersFor(service: AppService): Handlers {
  return {
    'workspace:summary': () => service.summary(),
    'assessment:get': (input: { agency: string }) => service.assessment(input.agency),
    'assessment:setItemInput': (input: Parameters<AppService['setItemInput']>[0]) => service.setItemInput(input),
  };
}

/**
 * Validates one call and runs it: the same path for Electron's ipcMain and for the localhost test
 * bridge, so the UI tests exercise the real validation.
 */
export async function dispatch(handlers: Handlers, channel: string, raw: unknown, lang: Lang): Promise<IpcResult<unknown>> {
  if (!Object.hasOwn(contract, channel)) return { ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL', message: channel } };
  const c = channel as Channel;
  const parsed = contract[c].input.safeParse(raw ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'IPC_VALIDATION', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') },
    };
  }
  try {
    const value = await (handlers[c] as (i: unknown) => Promise<unknown>)(parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof IssueError) {
      const issues = issuesToShow(e.issues).map((i) => formatIssue(lang, i));
      return { ok: false, error: { code: e.issues[0]?.code ?? 'ISSUE', message: issues.join('\n'), issues } };
    }
    return { ok: false, error: { code: 'INTERNAL', message: (e as Error).message } };
  }
}
