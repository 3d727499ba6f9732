import type { declaredChannels } from '../../../shared/ipc/declared.ts';
import { DeclaredService } from '../../services/declared-service.ts';
import { atTheField } from './assessment.ts';
import type { AppContext, HandlersOf } from './context.ts';

/** The declared figures and the agency's own bonus/penalty of the open workspace, in the window's language. */
export const declaredOf = (ctx: AppContext) => new DeclaredService(ctx.service.entryContext);

export const declaredHandlers: HandlersOf<keyof typeof declaredChannels> = {
  'figures:list': (input, ctx) => declaredOf(ctx).figures(input.agency),
  'figures:set': (input, ctx) => declaredOf(ctx).setFigure(input.agency, input.code, input.value).catch(atTheField),
  'adjustments:list': (input, ctx) => declaredOf(ctx).adjustments(input.agency),
  'adjustments:set': (input, ctx) => declaredOf(ctx).setAdjustment(input.agency, input.block, input.code, input.points, input.note).catch(atTheField),
};
