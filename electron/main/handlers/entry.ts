import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type entryChannels, MAX_EVIDENCE_BYTES } from '../../../shared/ipc/entry.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { atTheField } from './assessment.ts';
import type { HandlersOf } from './context.ts';

/** Bytes a padded base64 text decodes to, without decoding it. */
function decodedSize(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

/**
 * The file sent as bytes is refused over the limit (before anything is decoded or written), else
 * written under its own name in a fresh temporary folder, attached by the service (which copies it
 * into the workspace by its hash), and the folder removed.
 */
async function withTempFile<T>(at: { agency: string; item: string }, file: { name: string; bytesBase64: string }, fn: (path: string) => Promise<T>): Promise<T> {
  const size = decodedSize(file.bytesBase64);
  if (size > MAX_EVIDENCE_BYTES) {
    throw new IssueError(issue('entry.evidence_too_large', { ...at, file: file.name }, { size, max: MAX_EVIDENCE_BYTES, sizeMb: Math.ceil(size / 1048576), maxMb: MAX_EVIDENCE_BYTES / 1048576 }));
  }
  const dir = await mkdtemp(join(tmpdir(), 'parscore-evidence-'));
  try {
    const path = join(dir, file.name.normalize('NFC'));
    await writeFile(path, Buffer.from(file.bytesBase64, 'base64'));
    return await fn(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const entryHandlers: HandlersOf<keyof typeof entryChannels> = {
  'entry:addEvidence': (input, ctx) =>
    withTempFile(input, input.file, (path) => ctx.service.addEvidence({ agency: input.agency, template: input.template, item: input.item, details: input.details }, path)).catch(atTheField),
  'entry:editEvidence': (input, ctx) => ctx.service.editEvidence(input).catch(atTheField),
  'entry:removeEvidence': (input, ctx) => ctx.service.removeEvidence(input).catch(atTheField),
  'entry:setExplanation': (input, ctx) => ctx.service.setExplanation(input).catch(atTheField),
};
