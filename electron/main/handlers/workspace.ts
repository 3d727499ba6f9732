import { JobProgress } from '../../../shared/ipc/events.ts';
import type { workspaceChannels } from '../../../shared/ipc/workspace.ts';
import type { HandlersOf } from './context.ts';
import { switchWorkspace } from './switch.ts';

let jobs = 0;

export const workspaceHandlers: HandlersOf<keyof typeof workspaceChannels> = {
  // Scoring every agency takes seconds on a large province: the window shows this job's progress.
  'workspace:summary': (_input, ctx) => {
    const jobId = `summary-${++jobs}`;
    return ctx.service.summary((done, total) => ctx.emit('job:progress', JobProgress.parse({ jobId, phase: 'shell.job.summary', done, total })));
  },
  'workspace:open': async (input, ctx) => {
    await switchWorkspace(ctx, input.path, { force: input.force === true });
    return ctx.service.summary();
  },
};
