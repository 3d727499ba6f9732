import { existsSync } from 'node:fs';
import { unsafeTextIssues } from '../../../shared/util/text-safety.ts';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Template } from '../../../shared/schema/index.ts';
import { parseTemplate } from '../../../shared/template/parse.ts';
import { type Result, fail, issue } from '../../../shared/util/issue.ts';
import { readTemplateXlsx } from '../template-xlsx/index.ts';
import { findBuiltin } from './builtin.ts';
import { readJsonFile } from '../json-file.ts';

/** Reads a template from a JSON or xlsx file, validating it fully. */
export async function loadTemplateFile(file: string): Promise<Result<Template>> {
  const name = basename(file);
  if (!existsSync(file)) return fail([issue('cli.file_not_found', { file })]);
  let r: Result<Template>;
  if (extname(file).toLowerCase() === '.xlsx') r = await readTemplateXlsx(await readFile(file), name);
  else {
    const json = await readJsonFile(file);
    if (!json.ok) return json;
    r = parseTemplate(json.value, name);
  }
  // A template file given by the user: its texts (titles, guidance) free of bidi overrides and control characters.
  if (!r.ok) return r;
  const unsafe = unsafeTextIssues(r.value, { file: name, template: r.value.id }, '');
  return unsafe.length > 0 ? fail(unsafe) : r;
}

/** "par-so", "par-so@1" (built-in) or a path to a .json / .xlsx file. */
export async function resolveTemplate(ref: string): Promise<Result<Template>> {
  const m = /^([a-z0-9][a-z0-9-]*)(?:@(\d+))?$/.exec(ref);
  if (m && !existsSync(ref)) {
    const t = findBuiltin(m[1]!, m[2] ? Number(m[2]) : undefined);
    return t ? { ok: true, value: t } : fail([issue('cli.template_unknown', {}, { id: ref })]);
  }
  return loadTemplateFile(ref);
}
