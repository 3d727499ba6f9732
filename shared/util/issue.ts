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

/** Issues shown per file before the rest is summed up in one line (a flood stays readable). */
export const SHOWN_PER_FILE = 100;

/**
 * The issues as they are shown: at most `perFile` for each file (issues without a file count as one
 * group), the rest replaced by one "… and N more" line of that file, in place of the first dropped
 * one. Full lists stay where they are stored (JSON outputs); only what is printed is capped.
 */
export function issuesToShow(issues: readonly Issue[], perFile = SHOWN_PER_FILE): Issue[] {
  const shown = new Map<string, number>();
  const dropped = new Map<string, number>();
  const out: Issue[] = [];
  const marker = new Map<string, Issue>();
  for (const i of issues) {
    const file = i.at?.file ?? '';
    const n = shown.get(file) ?? 0;
    if (n < perFile) {
      shown.set(file, n + 1);
      out.push(i);
      continue;
    }
    dropped.set(file, (dropped.get(file) ?? 0) + 1);
    if (!marker.has(file)) {
      const m = issue('issues.more', file ? { file } : undefined, { n: 0 });
      marker.set(file, m);
      out.push(m);
    }
  }
  for (const [file, m] of marker) m.params = { n: dropped.get(file) ?? 0 };
  return out;
}
