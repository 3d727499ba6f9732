import { type Channel, type IpcResult, contract } from '../../../shared/ipc/index.ts';
import { formatIssue } from '../../../shared/i18n/index.ts';
import { type IssueLocation, IssueError, issue, issuesToShow } from '../../../shared/util/issue.ts';
import { zodReason } from '../../../shared/util/reason.ts';
import { technicianLog } from '../../services/diagnostics.ts';
import { assessmentHandlers } from './assessment.ts';
import type { AppContext, HandlersOf } from './context.ts';
import { entryHandlers } from './entry.ts';
import { settingsHandlers } from './settings.ts';
import { submissionHandlers } from './submission.ts';
import { workspaceHandlers } from './workspace.ts';
import { appraisalHandlers } from './appraisal.ts';
import { reportHandlers } from './report.ts';
import { startHandlers } from './start.ts';
import { declaredHandlers } from './declared.ts';
import { nominationsHandlers } from './nominations.ts';
import { reviewHandlers } from './review.ts';
import { awardsHandlers } from './awards.ts';
import { auditHandlers } from './audit.ts';
import { surveyHandlers } from './survey.ts';
import { resultsHandlers } from './results.ts';
import { campaignHandlers } from './campaign.ts';
import { inboxHandlers } from './inbox.ts';

export type { AppContext } from './context.ts';
export type Handlers = HandlersOf<Channel>;

/** Every channel's handler, one file per domain like the contract. */
export const handlers: Handlers = { ...workspaceHandlers, ...assessmentHandlers, ...entryHandlers, ...settingsHandlers, ...submissionHandlers, ...appraisalHandlers, ...reportHandlers, ...startHandlers, ...declaredHandlers, ...nominationsHandlers, ...reviewHandlers, ...awardsHandlers, ...auditHandlers, ...surveyHandlers, ...resultsHandlers, ...campaignHandlers, ...inboxHandlers };

/**
 * Validates one call with the contract and runs its handler: the one path for Electron's ipcMain
 * and for the browser mode's server, so the UI tests exercise the real validation. Never throws:
 * the answer is a Result, errors in the user's current language.
 */
/** The agency and item a call names, when they are plain codes (a hostile payload's oddities are not echoed). */
function where(raw: unknown): IssueLocation {
  const at: IssueLocation = {};
  if (raw && typeof raw === 'object') {
    const { agency, item } = raw as Record<string, unknown>;
    if (typeof agency === 'string' && /^[\w.-]{1,40}$/.test(agency)) at.agency = agency;
    if (typeof item === 'string' && /^[\w.-]{1,40}$/.test(item)) at.item = item;
  }
  return at;
}

export async function dispatch(channel: string, raw: unknown, ctx: AppContext, table: Handlers = handlers): Promise<IpcResult<unknown>> {
  if (!Object.hasOwn(contract, channel)) return { ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL', message: channel } };
  const c = channel as Channel;
  const parsed = contract[c].input.safeParse(raw ?? {});
  const lang = ctx.settings.get().lang;
  if (!parsed.success) {
    // Said in the user's words, at the agency and item the call names; zod's path and English go to the technician's log.
    technicianLog(`ipc ${channel}`, undefined, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const issues = parsed.error.issues.map((zi) => formatIssue(lang, issue('shell.ipc_invalid', where(raw), zodReason(zi))));
    return { ok: false, error: { code: 'IPC_VALIDATION', message: issues.join('\n'), issues } };
  }
  try {
    const value = await (table[c] as (i: unknown, x: AppContext) => Promise<unknown>)(parsed.data, ctx);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof IssueError) {
      const issues = issuesToShow(e.issues).map((i) => formatIssue(lang, i));
      return { ok: false, error: { code: e.issues[0]?.code ?? 'ISSUE', message: issues.join('\n'), issues } };
    }
    return { ok: false, error: { code: 'INTERNAL', message: (e as Error).message } };
  }
}
