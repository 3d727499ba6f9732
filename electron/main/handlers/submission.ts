import type { submissionChannels } from '../../../shared/ipc/submission.ts';
import type { HandlersOf } from './context.ts';

/**
 * The agency's signed submission. Electron asks where to save the file (ctx.saveFile: the save
 * dialog); the browser mode returns the bytes for the window to download.
 */
export const submissionHandlers: HandlersOf<keyof typeof submissionChannels> = {
  'submission:check': (input, ctx) => ctx.service.sendCheck(input.agency),
  'submission:export': (input, ctx) => ctx.service.exportSubmission(input.agency, input.signer, ctx.saveFile),
};
