import type { settingsChannels } from '../../../shared/ipc/settings.ts';
import type { HandlersOf } from './context.ts';
import { hasWorkspace } from './slot.ts';

export const settingsHandlers: HandlersOf<keyof typeof settingsChannels> = {
  'settings:get': async (_input, ctx) => ctx.settings.get(),
  'settings:setLang': async (input, ctx) => {
    const next = await ctx.settings.setLang(input.lang);
    if (hasWorkspace(ctx)) ctx.service.setLang(input.lang);
    ctx.onLangChange?.(input.lang);
    return next;
  },
  'app:info': async (_input, ctx) => ({ name: 'ParScore', version: ctx.version, mode: ctx.mode, workspacePath: hasWorkspace(ctx) ? ctx.service.dir : '' }),
};
