import type { auditChannels } from '../../../shared/ipc/audit.ts';
import { t } from '../../../shared/i18n/index.ts';
import { auditCsv, auditView } from '../../services/audit-service.ts';
import { vietnamDay } from '../../services/reports-run.ts';
import { handOver } from './awards.ts';
import type { AppContext, HandlersOf } from './context.ts';

const auditCtx = (ctx: AppContext) => ctx.service.entryContext;

export const auditHandlers: HandlersOf<keyof typeof auditChannels> = {
  'audit:list': (input, ctx) => auditView(auditCtx(ctx).ws, auditCtx(ctx).lang, input),
  'audit:export': async (input, ctx) => {
    const { ws, lang, now } = auditCtx(ctx);
    const view = await auditView(ws, lang, input);
    const fileName = `${t(lang, 'auditui.file')} ${vietnamDay(now())}.csv`;
    return handOver(ctx, { fileName, bytes: new TextEncoder().encode(auditCsv(lang, view.rows)) });
  },
};
