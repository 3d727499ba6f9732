import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Results, ResultsV1 } from '../../shared/results/index.ts';
import { type Result, fail, issue, ok } from '../../shared/util/issue.ts';
import { parseStrictJson } from '../../shared/util/strict-json.ts';

/** Earlier years' results.json files given with --history, each checked against the published schema. */
export async function loadHistory(files: readonly string[]): Promise<Result<Results[]>> {
  const out: Results[] = [];
  for (const f of files) {
    if (!existsSync(f)) return fail([issue('cli.file_not_found', { file: basename(f) })]);
    const text = await readFile(f, 'utf8').catch(() => null);
    if (text === null) return fail([issue('service.history_invalid', { file: basename(f) })]);
    const json = parseStrictJson(text, basename(f));
    if (!json.ok) return fail([issue('service.history_invalid', { file: basename(f) }), ...json.error]);
    const raw = json.value;
    const parsed = ResultsV1.safeParse(raw);
    if (!parsed.success) return fail([issue('service.history_invalid', { file: basename(f) })]);
    out.push(parsed.data);
  }
  return ok(out);
}
