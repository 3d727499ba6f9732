import { type Issue, IssueError, type IssueLocation } from '../../../shared/util/issue.ts';

/**
 * A refusal said at its field in the window: the parts of each issue's location the screen already
 * shows (the agency on its own screen, the criteria set, the schema's field path) are dropped;
 * `rewrite` adjusts what else a screen needs. Anything not an IssueError is thrown as it is.
 */
export function atTheFieldWithout(drop: readonly (keyof IssueLocation)[], rewrite: (i: Issue) => Issue = (i) => i) {
  return (e: unknown): never => {
    if (!(e instanceof IssueError)) throw e;
    throw new IssueError(
      e.issues.map((i): Issue => {
        if (!i.at) return rewrite(i);
        const at: IssueLocation = { ...i.at };
        for (const k of drop) delete at[k];
        return rewrite({ ...i, at });
      }),
    );
  };
}
