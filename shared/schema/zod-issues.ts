import type * as z from 'zod';
import { type Issue, type IssueLocation, issue } from '../util/issue.ts';
import { zodReason } from '../util/reason.ts';

/** Path as people read it: items[3].rule.bands[0].min */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** Turns zod's issues into ours, naming the item code where the path goes through a coded list. */
export function zodIssues(
  error: z.ZodError,
  doc: unknown,
  at: IssueLocation,
  locate?: (doc: unknown, path: PropertyKey[]) => { item?: string; field?: string },
): Issue[] {
  return error.issues.slice(0, 50).map((zi) => {
    const loc = locate?.(doc, zi.path) ?? {};
    const field = loc.field ?? formatPath(zi.path);
    const where: IssueLocation = { ...at, field };
    if (loc.item) where.item = loc.item;
    return issue('doc.schema', where, zodReason(zi));
  });
}

/** Locator for documents with a top-level array of objects that carry a `code` (items, indicators …). */
export function locateByCode(doc: unknown, path: PropertyKey[]): { item?: string; field?: string } {
  if (path.length >= 2 && typeof path[0] === 'string' && typeof path[1] === 'number') {
    const list = (doc as Record<string, unknown> | null)?.[path[0]];
    const entry = Array.isArray(list) ? (list[path[1]] as Record<string, unknown> | undefined) : undefined;
    const code = entry && typeof entry.code === 'string' ? entry.code : undefined;
    if (code) return { item: code, field: formatPath(path.slice(2)) || formatPath(path) };
  }
  if (path.length >= 2 && (path[0] === 'items' || path[0] === 'indicators') && typeof path[1] === 'string') {
    return { item: path[1], field: formatPath(path.slice(2)) };
  }
  return {};
}
