import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Result, fail, issue } from '../../shared/util/issue.ts';
import { parseStrictJson } from '../../shared/util/strict-json.ts';
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
  const parsed = parseStrictJson(text, basename(file));
  if (!parsed.ok) for (const i of parsed.error) if (i.code === 'doc.not_json') technicianLog('JSON.parse', file, i.params?.detail);
  return parsed;
}
