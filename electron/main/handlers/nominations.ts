import { t } from '../../../shared/i18n/index.ts';
import type { nominationsChannels } from '../../../shared/ipc/nominations.ts';
import { type Issue, IssueError } from '../../../shared/util/issue.ts';
import type { AppContext, HandlersOf } from './context.ts';
import { declaredOf } from './declared.ts';

/**
 * A refused nomination is said on the nominations screen: the column by its name in the list
 * ("Họ và tên", not "fullName"), without the file and the schema's field (the message names the
 * proposal already).
 */
function inWords(ctx: AppContext) {
  return (e: unknown): never => {
    if (!(e instanceof IssueError)) throw e;
    const lang = ctx.settings.get().lang;
    throw new IssueError(
      e.issues.map((i): Issue => {
        const { field: _field, file: _file, item: _item, template: _template, ...at } = i.at ?? {};
        const field = i.params?.field;
        const params = typeof field === 'string' ? { ...i.params, field: t(lang, `nominations.col.${field}`) } : i.params;
        return { ...i, at, ...(params ? { params } : {}) };
      }),
    );
  };
}

export const nominationsHandlers: HandlersOf<keyof typeof nominationsChannels> = {
  'nominations:list': (input, ctx) => declaredOf(ctx).nominations(input.agency),
  'nominations:add': (input, ctx) => declaredOf(ctx).addNomination(input.agency, input.nomination).catch(inWords(ctx)),
  'nominations:edit': (input, ctx) => declaredOf(ctx).editNomination(input.agency, input.id, input.patch).catch(inWords(ctx)),
  'nominations:remove': (input, ctx) => declaredOf(ctx).removeNomination(input.agency, input.id).catch(inWords(ctx)),
};
