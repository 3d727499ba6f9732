import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { appraisalChannels } from '../../../shared/ipc/appraisal.ts';
import { MAX_EVIDENCE_BYTES } from '../../../shared/ipc/entry.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import type { HandlersOf } from './context.ts';

/** Bytes a padded base64 text decodes to, without decoding it. */
function decodedSize(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

/**
 * Said at the field of the agency's own screen: the file stays named, the agency (its own
 * screen), the template's id and the document's inner field ("appraisal.template") go.
 */
function onOwnScreen(e: unknown): never {
  if (!(e instanceof IssueError)) throw e;
  throw new IssueError(
    e.issues.map((i): Issue => {
      if (!i.at) return i;
      const { field: _field, template: _template, agency: _agency, ...at } = i.at;
      return { ...i, at };
    }),
  );
}

function tooLarge(at: { item?: string }, f: { name: string; bytesBase64: string }): Issue | null {
  const size = decodedSize(f.bytesBase64);
  return size > MAX_EVIDENCE_BYTES ? issue('entry.evidence_too_large', { ...at, file: f.name }, { size, max: MAX_EVIDENCE_BYTES, sizeMb: Math.ceil(size / 1048576), maxMb: MAX_EVIDENCE_BYTES / 1048576 }) : null;
}

/** The extra documents sent as bytes: refused over the limit before any is decoded, else written under their own names in a fresh temporary folder, removed afterwards. */
async function withTempFiles<T>(item: string, files: { name: string; bytesBase64: string }[], fn: (paths: string[]) => Promise<T>): Promise<T> {
  const big = files.flatMap((f) => tooLarge({ item }, f) ?? []);
  if (big.length > 0) throw new IssueError(big);
  if (files.length === 0) return fn([]);
  const dir = await mkdtemp(join(tmpdir(), 'parscore-explain-'));
  try {
    const paths: string[] = [];
    for (const [i, f] of files.entries()) {
      // One folder per file: two documents of the same name do not overwrite each other.
      const sub = await mkdtemp(join(dir, `${i}-`));
      const path = join(sub, f.name.normalize('NFC'));
      await writeFile(path, Buffer.from(f.bytesBase64, 'base64'));
      paths.push(path);
    }
    return await fn(paths);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The appraisal round trip on the agency's side (electron/services/agency-appraisal.ts). */
export const appraisalHandlers: HandlersOf<keyof typeof appraisalChannels> = {
  'appraisal:get': (input, ctx) => ctx.service.receivedAppraisal(input.agency),
  'appraisal:import': async (input, ctx) => {
    const big = tooLarge({}, input.file);
    if (big) throw new IssueError(big);
    return ctx.service.importAppraisal(input.agency, new Uint8Array(Buffer.from(input.file.bytesBase64, 'base64')), input.file.name.normalize('NFC')).catch(onOwnScreen);
  },
  'appraisal:explain': (input, ctx) =>
    withTempFiles(
      input.item,
      input.add.map((a) => a.file),
      (paths) =>
        ctx.service.explainItem(input.agency, {
          item: input.item,
          text: input.text,
          keep: input.keep,
          add: input.add.map((a, i) => ({ path: paths[i]!, fileName: a.file.name.normalize('NFC'), details: a.details })),
        }),
    ).catch(onOwnScreen),
};
