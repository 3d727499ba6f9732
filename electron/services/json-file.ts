import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Result, fail, issue, ok } from '../../shared/util/issue.ts';
import { technicianLog } from './diagnostics.ts';

/** Reads and parses a JSON file, turning I/O and syntax errors into issues that name the file. */
export async function readJsonFile(file: string): Promise<Result<unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail([issue(code === 'ENOENT' ? 'cli.file_not_found' : 'cli.file_unreadable', { file: basename(file) }, { detail: String(code ?? e) })]);
  }
  try {
    return ok(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (e) {
    technicianLog('JSON.parse', file, e);
    return fail([issue('doc.not_json', { file: basename(file) }, { detail: (e as Error).message })]);
  }
}
