/**
 * The reports page of the window: which reports there are (by the title of their file), the
 * defaults of the document number and date (the campaign's issuer), and a run of `writeReports`
 * into a folder the user names: the same files as `parscore report DIR --out FOLDER --only …`.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { ReportChoice, ReportOptionsView } from '../../shared/ipc/report.ts';
import { type Lang, t } from '../../shared/i18n/index.ts';
import { IssueError, issue } from '../../shared/util/issue.ts';
import { requireCampaign, requireRole } from './cycle/common.ts';
import { REPORTS, REPORT_NAMES, type ReportName, isReportName, writeReports } from './reports/index.ts';
import type { WorkspaceStore } from './store/workspace.ts';

/** The reports' choices, titled as their files are named (the README's "Báo cáo Excel"). */
export function reportChoices(lang: Lang): ReportChoice[] {
  return REPORT_NAMES.map((name) => ({ name, title: name === 'agencies' ? t(lang, 'service.file.agencies_dir') : t(lang, REPORTS[name].key) }));
}

/** yyyy-mm-dd of a moment in Vietnam (UTC+7, no daylight saving): "today" of a Vietnamese office. */
export function vietnamDay(ms: number): string {
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
}

export function reportOptions(ws: WorkspaceStore, lang: Lang, now: number): Omit<ReportOptionsView, 'canOpenFolder'> {
  const campaign = requireCampaign(ws);
  const submitted = ws.index.agencies.filter((a) => a.submission).length;
  return { reports: reportChoices(lang), number: campaign.issuer.reportNumber ?? '', date: campaign.issuer.reportDate ?? vietnamDay(now), agencies: submitted };
}

export interface ReportRequest {
  names: readonly string[];
  folder: string;
  number: string;
  date: string;
}

/**
 * Writes the chosen reports into `folder` (an absolute path; made if missing). Problems of the
 * request are said at their field (no report chosen, no folder, a date or number that cannot be
 * printed) and write nothing. `onProgress(done, total)` after each file starts.
 */
export async function runReports(ws: WorkspaceStore, req: ReportRequest, lang: Lang, now: number, onProgress: (done: number, total: number) => void): Promise<{ folder: string; files: string[] }> {
  requireRole(ws, 'home-affairs');
  const only: ReportName[] = [];
  for (const n of req.names) if (isReportName(n) && !only.includes(n)) only.push(n);
  if (only.length === 0) throw new IssueError(issue('reportsui.none_chosen'));
  const folder = req.folder.normalize('NFC').trim();
  if (folder === '') throw new IssueError(issue('reportsui.folder_required'));
  if (!isAbsolute(folder)) throw new IssueError(issue('reportsui.folder_not_absolute', undefined, { folder }));
  // Inside the workspace the reports would mix with its documents.
  const inside = relative(resolve(ws.dir), resolve(folder));
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) throw new IssueError(issue('reportsui.folder_in_workspace'));
  const date = req.date.trim();
  const number = req.number.trim();
  const submitted = ws.index.agencies.filter((a) => a.submission).length;
  const total = only.filter((n) => n !== 'agencies').length + (only.includes('agencies') ? submitted : 0);
  let done = 0;
  onProgress(0, total);
  const r = await writeReports(ws, folder, {
    only,
    lang,
    now: new Date(now),
    ...(date ? { date } : {}),
    ...(number ? { number } : {}),
    onProgress: () => onProgress(done++, total),
  });
  if (!r.ok) throw new IssueError(r.error);
  onProgress(total, total);
  return { folder: resolve(folder), files: r.value.files.map((f) => relative(resolve(folder), resolve(f))) };
}
