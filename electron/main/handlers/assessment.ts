import type { assessmentChannels } from '../../../shared/ipc/assessment.ts';
import { atTheFieldWithout } from './at-the-field.ts';
import type { HandlersOf } from './context.ts';

/**
 * A refused save is shown at its field in the window: the agency and the item stay in the message,
 * the schema path ("input.value") and the template's id go (they mean nothing to a clerk; the
 * screen already names the criteria set).
 */
export const atTheField = atTheFieldWithout(['field', 'template']);

export const assessmentHandlers: HandlersOf<keyof typeof assessmentChannels> = {
  'assessment:get': (input, ctx) => ctx.service.assessment(input.agency, input.template),
  'assessment:setItemInput': (input, ctx) => ctx.service.setItemInput(input).catch(atTheField),
  'assessment:continueLate': (input, ctx) => ctx.service.continueLate(input.agency),
};
