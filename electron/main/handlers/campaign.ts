import { MAX_SETUP_XLSX_BYTES, type campaignChannels } from '../../../shared/ipc/campaign.ts';
import type { PickedFile } from '../../../shared/ipc/files.ts';
import type { WrittenReport } from '../../../shared/ipc/report.ts';
import { CampaignSetupService } from '../../services/campaign-setup/index.ts';
import { writeAgencyListForm } from '../../services/xlsx-import/agencies.ts';
import type { AppContext, HandlersOf } from './context.ts';
import { withPickedFile } from './files.ts';

/** The campaign set-up of the open Home Affairs workspace, in the window's language. */
const setupOf = (ctx: AppContext) => new CampaignSetupService({ ws: ctx.service.entryContext.ws, lang: ctx.settings.get().lang });

const XLSX_LIMIT = { max: MAX_SETUP_XLSX_BYTES, tooLarge: 'campaignui.err.file_too_large' };

const withXlsx = <T>(ctx: AppContext, file: PickedFile, fn: (path: string, name: string) => Promise<T>) => withPickedFile(ctx, {}, file, XLSX_LIMIT, fn);

/** A file written for the user: Electron asks where to save it, the browser mode downloads the bytes (as report:selfAssessment). */
async function handOver(ctx: AppContext, fileName: string, bytes: Uint8Array): Promise<WrittenReport> {
  if (!ctx.saveFile) return { fileName, savedTo: null, base64: Buffer.from(bytes).toString('base64') };
  const write = await ctx.saveFile(fileName);
  return { fileName, savedTo: write ? await write(bytes) : null, base64: null };
}

export const campaignHandlers: HandlersOf<keyof typeof campaignChannels> = {
  'campaign:state': (_input, ctx) => setupOf(ctx).view(),
  'campaign:agenciesForm': async (_input, ctx) => {
    const lang = ctx.settings.get().lang;
    return handOver(ctx, lang === 'en' ? 'agency-list.xlsx' : 'danh-sach-co-quan.xlsx', new Uint8Array(await writeAgencyListForm(lang)));
  },
  'campaign:readAgencies': (input, ctx) => withXlsx(ctx, input.file, (path, name) => setupOf(ctx).readAgencies(path, name, input.model)),
  'campaign:create': (input, ctx) => withXlsx(ctx, input.agencies, (path, file) => setupOf(ctx).create(input.basics, { path, file }, input.sets)),
  'campaign:setBasics': (input, ctx) => setupOf(ctx).setBasics(input.basics),
  'campaign:setAgencies': (input, ctx) => withXlsx(ctx, input.file, (path, name) => setupOf(ctx).setAgencies(path, name)),
  'campaign:setTemplates': (input, ctx) => setupOf(ctx).setTemplates(input.sets),
  'campaign:importTemplate': (input, ctx) => withXlsx(ctx, input.file, (path, name) => setupOf(ctx).importTemplate(path, name)),
  'campaign:templateTree': async (input, ctx) => setupOf(ctx).tree(input.ref),
  'campaign:exportTemplate': async (input, ctx) => {
    const w = await setupOf(ctx).templateWorkbook(input.ref);
    return handOver(ctx, w.fileName, w.bytes);
  },
  'campaign:setDeadlines': (input, ctx) => setupOf(ctx).setDeadlines(input.deadlines),
  'campaign:setRules': (input, ctx) => setupOf(ctx).setRules(input.rules),
  'campaign:setIssuer': (input, ctx) => setupOf(ctx).setIssuer(input.issuer),
  'campaign:export': async (_input, ctx) => {
    const f = await setupOf(ctx).exportFile();
    return { ...(await handOver(ctx, f.fileName, f.bytes)), fingerprint: f.fingerprint };
  },
};
