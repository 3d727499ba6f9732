import type { awardsChannels } from '../../../shared/ipc/awards.ts';
import type { WrittenReport } from '../../../shared/ipc/report.ts';
import { AwardsService } from '../../services/awards-service.ts';
import type { AppContext, HandlersOf } from './context.ts';

/** The commendation lists and rules of the open workspace, in the window's language. */
export const awardsOf = (ctx: AppContext) => new AwardsService(ctx.service.entryContext);

/** A file for the user: Electron asks where to save it (ctx.saveFile), the browser mode downloads the bytes. */
export async function handOver(ctx: AppContext, file: { fileName: string; bytes: Uint8Array }): Promise<WrittenReport> {
  if (!ctx.saveFile) return { fileName: file.fileName, savedTo: null, base64: Buffer.from(file.bytes).toString('base64') };
  const write = await ctx.saveFile(file.fileName);
  return { fileName: file.fileName, savedTo: write ? await write(file.bytes) : null, base64: null };
}

export const awardsHandlers: HandlersOf<keyof typeof awardsChannels> = {
  'awards:view': (_input, ctx) => awardsOf(ctx).view(),
  'awards:override': (input, ctx) => awardsOf(ctx).override(input),
  'awards:removeOverride': (input, ctx) => awardsOf(ctx).removeOverride(input),
  'awards:exportList': async (_input, ctx) => handOver(ctx, await awardsOf(ctx).workbook()),
  'awards:rules': async (_input, ctx) => awardsOf(ctx).rules(),
  'awards:setRules': (input, ctx) => awardsOf(ctx).saveRules(input.rules),
  'awards:previewRules': (input, ctx) => awardsOf(ctx).previewRules(input.rules),
};
