import type { reportChannels } from '../../../shared/ipc/report.ts';
import type { HandlersOf } from './context.ts';

/** Reports the window writes: Electron asks where to save (ctx.saveFile), the browser mode downloads the bytes. */
export const reportHandlers: HandlersOf<keyof typeof reportChannels> = {
  'report:selfAssessment': (input, ctx) => ctx.service.selfAssessmentReport(input.agency, ctx.saveFile),
};
