import { readFile } from 'node:fs/promises';
import { sep } from 'node:path';
import type { PickedFile } from '../../../shared/ipc/files.ts';
import { JobProgress } from '../../../shared/ipc/events.ts';
import { MAX_CAMPAIGN_FILE_BYTES, type StartState, type startChannels } from '../../../shared/ipc/start.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { createHomeAffairsWorkspace, defaultParent, inspectCampaignFile, joinCampaign, openDemoWorkspace } from '../../services/start/first-run.ts';
import type { AppContext, HandlersOf } from './context.ts';
import { withPickedFile } from './files.ts';
import { hasWorkspace } from './slot.ts';
import { adoptWorkspace } from './switch.ts';

function state(ctx: AppContext): StartState {
  return { hasWorkspace: hasWorkspace(ctx), canPickFolder: !!ctx.pickFolder, defaultParent: defaultParent(), sep };
}

const CAMPAIGN_LIMIT = { max: MAX_CAMPAIGN_FILE_BYTES, tooLarge: 'start.campaign_too_large' };

/** The campaign file's bytes and name (withPickedFile: refused over the limit before anything is read). */
function withCampaign<T>(ctx: AppContext, file: PickedFile, fn: (bytes: Uint8Array, name: string) => Promise<T>): Promise<T> {
  return withPickedFile(ctx, {}, file, CAMPAIGN_LIMIT, async (path, name) => fn(new Uint8Array(await readFile(path)), name));
}

let demoJobs = 0;

export const startHandlers: HandlersOf<keyof typeof startChannels> = {
  'start:state': async (_input, ctx) => state(ctx),
  'start:pickFolder': async (_input, ctx) => ({ path: ctx.pickFolder ? await ctx.pickFolder() : null }),
  'start:createHomeAffairs': async (input, ctx) => {
    await adoptWorkspace(ctx, await createHomeAffairsWorkspace(input.path, input.name));
    return ctx.service.summary();
  },
  'start:inspectCampaign': async (input, ctx) => withCampaign(ctx, input.file, (bytes, name) => inspectCampaignFile(bytes, name, ctx.settings.get().lang)),
  'start:joinCampaign': async (input, ctx) => {
    await adoptWorkspace(ctx, await withCampaign(ctx, input.file, (bytes, name) => joinCampaign(input.path, bytes, name, input.agency)));
    return ctx.service.summary();
  },
  'start:openDemo': async (_input, ctx) => {
    if (!ctx.userData) throw new IssueError(issue('start.no_user_data'));
    const jobId = `demo-${++demoJobs}`;
    const tell = (done: number) => ctx.emit('job:progress', JobProgress.parse({ jobId, phase: 'start.job.demo', done, total: 2 }));
    const ws = await openDemoWorkspace(ctx.userData, (p) => tell(p === 'writing' ? 0 : 1));
    tell(2);
    await adoptWorkspace(ctx, ws);
    return ctx.service.summary();
  },
  'start:close': async (_input, ctx) => {
    if (!ctx.closeWorkspace) throw new IssueError(issue('start.cannot_close'));
    await ctx.closeWorkspace();
    return state(ctx);
  },
};
