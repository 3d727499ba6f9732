import type { assessmentChannels } from '../../../shared/ipc/assessment.ts';
import type { HandlersOf } from './context.ts';

export const assessmentHandlers: HandlersOf<keyof typeof assessmentChannels> = {
  'assessment:get': (input, ctx) => ctx.service.assessment(input.agency),
  'assessment:setItemInput': (input, ctx) => ctx.service.setItemInput(input),
};
