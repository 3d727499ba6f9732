import { TemplateDoc } from '../schema/index.ts';
import type { Template } from '../schema/template.ts';
import { type Issue, type Result, fail, ok } from '../util/issue.ts';
import { checkTemplate } from './check.ts';

/**
 * Reads a template document of any known schema version and checks its structure. Every issue
 * names the template (when its id is readable) and the file (when given).
 */
export function parseTemplate(raw: unknown, file?: string): Result<Template> {
  const id = readableId(raw);
  const locate = (i: Issue): Issue => {
    const at = { ...i.at };
    if (id !== undefined && at.template === undefined) at.template = id;
    if (file !== undefined && at.file === undefined) at.file = file;
    return { ...i, at };
  };
  const parsed = TemplateDoc.parse(raw, file);
  if (!parsed.ok) return fail(parsed.error.map(locate));
  const template = parsed.value.value;
  const problems = checkTemplate(template);
  if (problems.length > 0) return fail(problems.map(locate));
  return ok(template);
}

function readableId(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}
