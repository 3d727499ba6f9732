import type { declaredChannels } from '../../../shared/ipc/declared.ts';
import { DeclaredService } from '../../services/declared-service.ts';
import { atTheFieldWithout } from './at-the-field.ts';
import type { AppContext, HandlersOf } from './context.ts';

/** The declared figures and the agency's own bonus/penalty of the open workspace, in the window's language. */
export const declaredOf = (ctx: AppContext) => new DeclaredService(ctx.service.entryContext);

/**
 * A refused figure or bonus is shown at its field on the agency's own screen: without "cơ quan X",
 * the template's id and the schema's field; a figure's message names the figure already, so its
 * code is not said twice ("mục KK17: Số liệu KK17 …").
 */
const atTheField = atTheFieldWithout(['field', 'template', 'agency'], (i) => {
  if (!i.code.startsWith('figure.') || !i.at) return i;
  const { item: _item, ...at } = i.at;
  return { ...i, at };
});

export const declaredHandlers: HandlersOf<keyof typeof declaredChannels> = {
  'figures:list': (input, ctx) => declaredOf(ctx).figures(input.agency),
  'figures:set': (input, ctx) => declaredOf(ctx).setFigure(input.agency, input.code, input.value).catch(atTheField),
  'adjustments:list': (input, ctx) => declaredOf(ctx).adjustments(input.agency),
  'adjustments:set': (input, ctx) => declaredOf(ctx).setAdjustment(input.agency, input.block, input.code, input.points, input.note).catch(atTheField),
};
