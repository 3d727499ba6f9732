import { JobProgress } from '../../../shared/ipc/events.ts';
import type { resultsChannels } from '../../../shared/ipc/results.ts';
import { MAX_RESULTS_BYTES } from '../../../shared/ipc/results.ts';
import { ResultsService } from '../../services/results-service.ts';
import type { AppContext, HandlersOf } from './context.ts';
import { withPickedFile } from './files.ts';

const FILE_LIMIT = { max: MAX_RESULTS_BYTES, tooLarge: 'resultsui.too_large' };
let jobs = 0;

/** The results of the open Home Affairs workspace, in the window's language. */
export const resultsOf = (ctx: AppContext) => {
  const { ws, lang } = ctx.service.entryContext;
  return new ResultsService({ ws, lang });
};

export const resultsHandlers: HandlersOf<keyof typeof resultsChannels> = {
  'results:consolidate': (_input, ctx) => {
    const jobId = `consolidate-${++jobs}`;
    return resultsOf(ctx).consolidate((done, total) => ctx.emit('job:progress', JobProgress.parse({ jobId, phase: 'resultsui.job.consolidate', done, total })));
  },
  'results:get': (_input, ctx) => resultsOf(ctx).get(),
  'results:agency': (input, ctx) => resultsOf(ctx).agency(input.agency),
  'results:loadEarlier': (input, ctx) => withPickedFile(ctx, {}, input.file, FILE_LIMIT, (path, name) => resultsOf(ctx).loadEarlier(path, name)),
};
