import { t } from '../../../shared/i18n/index.ts';
import type { nominationsChannels } from '../../../shared/ipc/nominations.ts';
import { atTheFieldWithout } from './at-the-field.ts';
import type { AppContext, HandlersOf } from './context.ts';
import { declaredOf } from './declared.ts';

/**
 * A refused nomination is said on the nominations screen: the column by its name in the list
 * ("Họ và tên", not "fullName"), without the file and the schema's field (the message names the
 * proposal already).
 */
function inWords(ctx: AppContext) {
  return atTheFieldWithout(['field', 'file', 'item', 'template'], (i) => {
    const field = i.params?.field;
    return typeof field === 'string' ? { ...i, params: { ...i.params, field: t(ctx.settings.get().lang, `nominations.col.${field}`) } } : i;
  });
}

export const nominationsHandlers: HandlersOf<keyof typeof nominationsChannels> = {
  'nominations:list': (input, ctx) => declaredOf(ctx).nominations(input.agency),
  'nominations:add': (input, ctx) => declaredOf(ctx).addNomination(input.agency, input.nomination).catch(inWords(ctx)),
  'nominations:edit': (input, ctx) => declaredOf(ctx).editNomination(input.agency, input.id, input.patch).catch(inWords(ctx)),
  'nominations:remove': (input, ctx) => declaredOf(ctx).removeNomination(input.agency, input.id).catch(inWords(ctx)),
};
