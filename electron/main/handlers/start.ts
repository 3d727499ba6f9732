import { sep } from 'node:path';
import { JobProgress } from '../../../shared/ipc/events.ts';
import { MAX_CAMPAIGN_FILE_BYTES, type StartState, type startChannels } from '../../../shared/ipc/start.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { createHomeAffairsWorkspace, defaultParent, inspectCampaignFile, joinCampaign, openDemoWorkspace } from '../../services/start/first-run.ts';
import type { AppContext, HandlersOf } from './context.ts';
import { hasWorkspace } from './slot.ts';
import { adoptWorkspace } from './switch.ts';

function state(ctx: AppContext): StartState {
  return { hasWorkspace: hasWorkspace(ctx), canPickFolder: !!ctx.pickFolder, defaultParent: defaultParent(), sep };
}

/** The campaign file's bytes, refused over the limit before anything is decoded. */
function campaignBytes(file: { name: string; bytesBase64: string }): Uint8Array {
  const pad = file.bytesBase64.endsWith('==') ? 2 : file.bytesBase64.endsWith('=') ? 1 : 0;
  const size = Math.floor((file.bytesBase64.length * 3) / 4) - pad;
  if (size > MAX_CAMPAIGN_FILE_BYTES) {
    throw new IssueError(issue('start.campaign_too_large', { file: file.name }, { sizeMb: Math.ceil(size / 1048576), maxMb: MAX_CAMPAIGN_FILE_BYTES / 1048576 }));
  }
  return new Uint8Array(Buffer.from(file.bytesBase64, 'base64'));
}

let demoJobs = 0;

export const startHandlers: HandlersOf<keyof typeof startChannels> = {
  'start:state': async (_input, ctx) => state(ctx),
  'start:pickFolder': async (_input, ctx) => ({ path: ctx.pickFolder ? await ctx.pickFolder() : null }),
  'start:createHomeAffairs': async (input, ctx) => {
    await adoptWorkspace(ctx, await createHomeAffairsWorkspace(input.path, input.name));
    return ctx.service.summary();
  },
  'start:inspectCampaign': async (input, ctx) => inspectCampaignFile(campaignBytes(input.file), input.file.name, ctx.settings.get().lang),
  'start:joinCampaign': async (input, ctx) => {
    await adoptWorkspace(ctx, await joinCampaign(input.path, campaignBytes(input.file), input.file.name, input.agency));
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
