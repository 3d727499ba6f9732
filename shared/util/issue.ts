/**
 * A problem found in user input, kept as data (message key + parameters + location) so that the
 * CLI, the desktop UI and the tests render it in the user's language at the edge.
 */
export interface IssueLocation {
  /** File the problem came from (a path or a file name as the user gave it). */
  file?: string;
  /** Template id. */
  template?: string;
  /** Criteria item / indicator code. */
  item?: string;
  /** Field of the item, e.g. `max`, `rule.bands[1].min`. */
  field?: string;
  sheet?: string;
  /** 1-based row number as Excel shows it. */
  row?: number;
  /** Column letter or header as Excel shows it. */
  column?: string;
  agency?: string;
  /** Commendation rule id (or its place in the list when it has none). */
  rule?: string;
}

export type IssueParams = Record<string, string | number>;

export interface Issue {
  /** Key in the message catalogues (shared/i18n). */
  code: string;
  params?: IssueParams;
  at?: IssueLocation;
}

export function issue(code: string, at?: IssueLocation, params?: IssueParams): Issue {
  const out: Issue = { code };
  if (params) out.params = params;
  if (at) out.at = at;
  return out;
}

export type Result<T, E = Issue[]> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** An error carrying issues, thrown across layers that cannot return a Result (e.g. deep in I/O). */
export class IssueError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[] | Issue) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map((i) => i.code).join(', '));
    this.name = 'IssueError';
    this.issues = list;
  }
}
