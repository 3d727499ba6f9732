/**
 * The agency's commendation proposals (nominations.json): collectives and individuals with every
 * column of the provincial list; add, edit, remove, list. Each change is checked by the nomination
 * schema and the whole list saved through setNominations.
 */
import { type Nomination, Nomination as NominationSchema } from '../../../shared/schema/index.ts';
import { implausibleBirthYear } from '../../../shared/schema/plausible-dates.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { setNominations } from '../cycle/submission.ts';
import type { WorkspaceStore } from '../store/workspace.ts';

export async function listNominations(ws: WorkspaceStore): Promise<Nomination[]> {
  return (await ws.readNominations())?.nominations ?? [];
}

function check(raw: Record<string, unknown>, id: string): Nomination {
  const r = NominationSchema.safeParse(raw);
  if (r.success) return r.data;
  const problems: Issue[] = r.error.issues.map((zi) => {
    const field = zi.path.join('.') || 'kind';
    const value = raw[field];
    const year = field === 'birthYear' && typeof value === 'number' ? implausibleBirthYear(value, { file: 'nominations.json', item: id, field }) : null;
    if (year) return year;
    const missing = value === undefined || value === '';
    return issue(missing ? 'entry.nomination_missing' : 'entry.nomination_invalid', { file: 'nominations.json', item: id, field }, { field, id, value: String(raw[field] ?? '') });
  });
  throw new IssueError(problems);
}

/** Adds a nomination (id unique); refused naming each missing or invalid column. */
export async function addNomination(ws: WorkspaceStore, raw: Record<string, unknown>): Promise<Nomination> {
  const list = await listNominations(ws);
  const id = typeof raw.id === 'string' ? raw.id : '';
  const n = check(raw, id || '—');
  if (list.some((x) => x.id === n.id)) throw new IssueError(issue('entry.nomination_duplicate', { file: 'nominations.json', item: n.id, field: 'id' }, { id: n.id }));
  await setNominations(ws, [...list, n]);
  return n;
}

/** Changes some columns of a nomination (kind and id stay); a null column is removed. */
export async function editNomination(ws: WorkspaceStore, id: string, patch: Record<string, unknown>): Promise<{ nomination: Nomination; changed: boolean }> {
  const list = await listNominations(ws);
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) throw new IssueError(issue('entry.nomination_not_found', { file: 'nominations.json', item: id, field: 'id' }, { id }));
  const merged: Record<string, unknown> = { ...list[i]! };
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'id' || k === 'kind') continue;
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const n = check(merged, id);
  if (JSON.stringify(n) === JSON.stringify(list[i])) return { nomination: n, changed: false };
  await setNominations(ws, list.map((x, j) => (j === i ? n : x)));
  return { nomination: n, changed: true };
}

export async function removeNomination(ws: WorkspaceStore, id: string): Promise<Nomination> {
  const list = await listNominations(ws);
  const n = list.find((x) => x.id === id);
  if (!n) throw new IssueError(issue('entry.nomination_not_found', { file: 'nominations.json', item: id, field: 'id' }, { id }));
  await setNominations(ws, list.filter((x) => x.id !== id));
  return n;
}
