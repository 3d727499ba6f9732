import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Issue, type Result, fail, issue, ok } from '../../shared/util/issue.ts';

/** File names as a clerk expects them listed: "S2" before "S10", Vietnamese letters in order. */
const byName = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/**
 * The files named on the command line, a folder standing for every file with extension `ext`
 * directly in it (not its subfolders), in name order. Typing out thousands of paths can exceed
 * what the system lets a command line hold (npx then fails with no message); a folder never does.
 * A path that does not exist, or a folder without such a file, is an issue (nothing is read).
 */
export function expandInputs(paths: readonly string[], ext: string): Result<string[]> {
  const out: string[] = [];
  const problems: Issue[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      problems.push(issue('cli.file_not_found', { file: basename(p) }));
      continue;
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    const inside = readdirSync(p, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(ext))
      .map((e) => e.name)
      .sort(byName.compare);
    if (inside.length === 0) problems.push(issue('cli.file_folder_empty', undefined, { dir: p, ext }));
    for (const name of inside) out.push(join(p, name));
  }
  return problems.length > 0 ? fail(problems) : ok(out);
}
