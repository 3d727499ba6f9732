import { type entryChannels, MAX_EVIDENCE_BYTES } from '../../../shared/ipc/entry.ts';
import { atTheField } from './assessment.ts';
import type { HandlersOf } from './context.ts';
import { withPickedFile } from './files.ts';

const EVIDENCE_LIMIT = { max: MAX_EVIDENCE_BYTES, tooLarge: 'entry.evidence_too_large' };

export const entryHandlers: HandlersOf<keyof typeof entryChannels> = {
  'entry:addEvidence': (input, ctx) =>
    withPickedFile(ctx, { agency: input.agency, item: input.item }, input.file, EVIDENCE_LIMIT, (path) => ctx.service.addEvidence({ agency: input.agency, template: input.template, item: input.item, details: input.details }, path)).catch(atTheField),
  'entry:editEvidence': (input, ctx) => ctx.service.editEvidence(input).catch(atTheField),
  'entry:removeEvidence': (input, ctx) => ctx.service.removeEvidence(input).catch(atTheField),
  'entry:setExplanation': (input, ctx) => ctx.service.setExplanation(input).catch(atTheField),
};
