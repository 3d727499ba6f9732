import type { reviewChannels } from '../../../shared/ipc/review.ts';
import { ReviewService } from '../../services/review-service.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { atTheFieldWithout } from './at-the-field.ts';
import type { AppContext, HandlersOf } from './context.ts';

/** Home Affairs' appraisal of the open workspace's agencies, in the window's language. */
export const reviewOf = (ctx: AppContext) => {
  const { ws, lang } = ctx.service.entryContext;
  return new ReviewService({ ws, lang });
};

/** Files the system would run rather than show: never opened from an agency's documents (the user saves them instead). */
const RUNS = /\.(exe|com|bat|cmd|msi|msp|scr|pif|ps1|psm1|vbs|vbe|js|jse|wsf|wsh|hta|cpl|lnk|jar|sh|app|appimage|desktop|reg|dll)$/i;

/** Said at the field on the agency's appraisal screen: the agency and criteria set are its heading, the schema's field is no clerk's word. */
const atTheField = atTheFieldWithout(['field', 'template', 'agency']);
/** A score's or a bonus entry's refusal is said under that item's own field: the item is not named again. */
const atItsField = atTheFieldWithout(['field', 'template', 'agency', 'item']);

export const reviewHandlers: HandlersOf<keyof typeof reviewChannels> = {
  'review:get': (input, ctx) => reviewOf(ctx).view(input.agency, input.template),
  'review:setScore': (input, ctx) =>
    reviewOf(ctx).setScore(input.agency, { item: input.item, score: input.score, comment: input.comment, round: input.round, set: input.template }).catch(atItsField),
  'review:setAdjustment': (input, ctx) => reviewOf(ctx).setAdjustment(input.agency, { block: input.block, code: input.code, points: input.points, note: input.note }).catch(atItsField),
  'review:setStatus': (input, ctx) => reviewOf(ctx).setStatus(input.agency, input.status, input.reason).catch(atTheField),
  'review:setFalsified': (input, ctx) => reviewOf(ctx).setFalsified(input.agency, input.value, input.reason).catch(atTheField),
  // Electron asks where to save (ctx.saveFile); the browser mode downloads the bytes.
  'review:export': async (input, ctx) => {
    const service = reviewOf(ctx);
    if (ctx.saveFile) {
      // Made first: the dialog opens only for a file that will be written.
      const { fileName, bytes } = await service.exportOne(input.agency);
      const write = await ctx.saveFile(fileName);
      return { fileName, savedTo: write ? await write(bytes) : null, base64: null };
    }
    const { fileName, bytes } = await service.exportOne(input.agency);
    return { fileName, savedTo: null, base64: Buffer.from(bytes).toString('base64') };
  },
  'review:exportAll': (input, ctx) =>
    reviewOf(ctx)
      .exportAll(input.folder, { overwrite: input.overwrite, onProgress: (done, total) => ctx.emit('job:progress', { jobId: input.jobId, phase: 'review.job.export_all', done, total }) })
      .catch(atTheField),
  // Electron opens the document with the system's program (a temporary copy); the browser mode downloads it.
  'review:evidence': async (input, ctx) => {
    const bytes = await reviewOf(ctx).evidence(input.agency, input.sha256);
    const fileName = input.fileName?.trim() || `${input.sha256.slice(0, 12)}.bin`;
    if (ctx.openFile) {
      if (RUNS.test(fileName)) throw new IssueError(issue('review.evidence_runs', undefined, { name: fileName }));
      await ctx.openFile(fileName, bytes);
      return { fileName, savedTo: null, base64: null, opened: true };
    }
    return { fileName, savedTo: null, base64: Buffer.from(bytes).toString('base64'), opened: false };
  },
};
