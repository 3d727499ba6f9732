import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { JobProgress } from '../../../shared/ipc/events.ts';
import type { reportChannels } from '../../../shared/ipc/report.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { reportOptions, runReports } from '../../services/reports-run.ts';
import { handOver } from './awards.ts';
import type { AppContext, HandlersOf } from './context.ts';

/** The runs of this session (the latest few): the page may download or open only what a run wrote. */
const runs = new Map<string, { folder: string; files: string[] }>();
const RUNS_KEPT = 20;

function runOf(runId: string): { folder: string; files: string[] } {
  const run = runs.get(runId);
  if (!run) throw new IssueError(issue('reportsui.run_gone'));
  return run;
}

/** Progress at most every 100 ms (and the last), so that a province's thousands of agency reports do not flood the window. */
function progress(ctx: AppContext, jobId: string): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done !== 0 && done < total && now - last < 100) return;
    last = now;
    ctx.emit('job:progress', JobProgress.parse({ jobId, phase: 'reportsui.job', done, total }));
  };
}

/** Reports the window writes: Electron asks where to save (ctx.saveFile), the browser mode downloads the bytes. */
export const reportHandlers: HandlersOf<keyof typeof reportChannels> = {
  'report:selfAssessment': (input, ctx) => ctx.service.selfAssessmentReport(input.agency, ctx.saveFile),
  'report:options': async (_input, ctx) => {
    const { ws, lang, now } = ctx.service.entryContext;
    return { ...reportOptions(ws, lang, now()), canOpenFolder: !!ctx.openPath };
  },
  'report:write': async (input, ctx) => {
    const { ws, lang, now } = ctx.service.entryContext;
    const run = await runReports(ws, input, lang, now(), progress(ctx, input.jobId));
    const runId = randomUUID();
    runs.set(runId, run);
    for (const k of [...runs.keys()].slice(0, Math.max(0, runs.size - RUNS_KEPT))) runs.delete(k);
    return { runId, ...run };
  },
  'report:download': async (input, ctx) => {
    const run = runOf(input.runId);
    const rel = run.files[input.file];
    if (rel === undefined) throw new IssueError(issue('reportsui.run_gone'));
    return handOver(ctx, { fileName: basename(rel), bytes: new Uint8Array(await readFile(join(run.folder, rel))) });
  },
  'report:openFolder': async (input, ctx) => {
    const run = runOf(input.runId);
    if (!ctx.openPath) throw new IssueError(issue('reportsui.cannot_open'));
    const error = await ctx.openPath(run.folder);
    if (error) throw new IssueError(issue('reportsui.open_failed', undefined, { detail: error }));
    return { opened: true };
  },
};
