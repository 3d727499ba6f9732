import type { inboxChannels } from '../../../shared/ipc/inbox.ts';
import { JobProgress } from '../../../shared/ipc/events.ts';
import { InboxService, cancelImport, discardBatch, stageFiles } from '../../services/inbox-service.ts';
import type { AppContext, HandlersOf } from './context.ts';

/** The inbox of the open (Home Affairs) workspace, in the window's language. */
export const inboxOf = (ctx: AppContext) => {
  const { ws, lang } = ctx.service.entryContext;
  return new InboxService(ws, lang, ctx.mode);
};

export const inboxHandlers: HandlersOf<keyof typeof inboxChannels> = {
  'inbox:stage': async (input) => stageFiles(input.batch, input.files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.bytesBase64, 'base64')) }))),
  'inbox:discard': async (input) => ({ discarded: discardBatch(input.batch) }),
  'inbox:import': (input, ctx) =>
    inboxOf(ctx).run(input.jobId, input.source, {
      receivedAt: input.receivedAt,
      acceptKeys: input.acceptKeys,
      onProgress: (p) => ctx.emit('job:progress', JobProgress.parse({ jobId: input.jobId, phase: p.phase, done: p.done, total: p.total, current: p.current.slice(0, 300), rate: p.rate })),
    }),
  'inbox:cancel': async (input) => ({ cancelled: cancelImport(input.jobId) }),
};
