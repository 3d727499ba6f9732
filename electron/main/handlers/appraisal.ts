import { readFile } from 'node:fs/promises';
import type { appraisalChannels } from '../../../shared/ipc/appraisal.ts';
import { MAX_EVIDENCE_BYTES } from '../../../shared/ipc/entry.ts';
import type { PickedFile } from '../../../shared/ipc/files.ts';
import type { AppContext, HandlersOf } from './context.ts';
import { atTheFieldWithout } from './at-the-field.ts';
import { withPickedFile } from './files.ts';

const FILE_LIMIT = { max: MAX_EVIDENCE_BYTES, tooLarge: 'entry.evidence_too_large' };

/**
 * Said at the field of the agency's own screen: the file stays named, the agency (its own
 * screen), the template's id and the document's inner field ("appraisal.template") go.
 */
const onOwnScreen = atTheFieldWithout(['field', 'template', 'agency']);

/** Every extra document at a path of its own (withPickedFile, one after the other), then `fn`. */
async function withPickedFiles<T>(ctx: AppContext, item: string, files: PickedFile[], fn: (got: { path: string; name: string }[]) => Promise<T>, got: { path: string; name: string }[] = []): Promise<T> {
  const [first, ...rest] = files;
  if (!first) return fn(got);
  return withPickedFile(ctx, { item }, first, FILE_LIMIT, (path, name) => withPickedFiles(ctx, item, rest, fn, [...got, { path, name }]));
}

/** The appraisal round trip on the agency's side (electron/services/agency-appraisal.ts). */
export const appraisalHandlers: HandlersOf<keyof typeof appraisalChannels> = {
  'appraisal:get': (input, ctx) => ctx.service.receivedAppraisal(input.agency),
  'appraisal:import': (input, ctx) =>
    withPickedFile(ctx, {}, input.file, FILE_LIMIT, async (path, name) => ctx.service.importAppraisal(input.agency, new Uint8Array(await readFile(path)), name)).catch(onOwnScreen),
  'appraisal:explain': (input, ctx) =>
    withPickedFiles(ctx, input.item, input.add.map((a) => a.file), (got) =>
      ctx.service.explainItem(input.agency, {
        item: input.item,
        text: input.text,
        keep: input.keep,
        add: input.add.map((a, i) => ({ path: got[i]!.path, fileName: got[i]!.name, details: a.details })),
      }),
    ).catch(onOwnScreen),
};
