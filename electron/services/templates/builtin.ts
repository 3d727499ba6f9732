import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from '../../../shared/schema/index.ts';
import { parseTemplate } from '../../../shared/template/parse.ts';
import { IssueError } from '../../../shared/util/issue.ts';
import { templatesRoot } from './resources.ts';
import { parseStrictJson } from '../../../shared/util/strict-json.ts';

export interface BuiltinTemplate {
  file: string;
  template: Template;
}

let cache: BuiltinTemplate[] | null = null;

/** The criteria templates shipped in templates/criteria, validated once per process. */
export function builtinTemplates(): BuiltinTemplate[] {
  if (cache) return cache;
  const dir = join(templatesRoot(), 'criteria');
  const list: BuiltinTemplate[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = join(dir, name);
    const json = parseStrictJson(readFileSync(file, 'utf8'), name);
    if (!json.ok) throw new IssueError(json.error);
    const parsed = parseTemplate(json.value, name);
    if (!parsed.ok) throw new IssueError(parsed.error);
    list.push({ file, template: parsed.value });
  }
  cache = list;
  return list;
}

export function findBuiltin(id: string, version?: number): Template | undefined {
  const matches = builtinTemplates()
    .map((b) => b.template)
    .filter((t) => t.id === id && (version === undefined || t.version === version));
  return matches.sort((a, b) => b.version - a.version)[0];
}
