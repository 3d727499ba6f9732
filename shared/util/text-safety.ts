import { type Issue, type IssueLocation, issue } from './issue.ts';

/*
 * Characters no text of ParScore may carry: the bidirectional embeddings and overrides
 * (U+202A–U+202E) and isolates (U+2066–U+2069), which reorder what a reader sees (a nominee's name
 * with U+202E reads backwards in a report, a terminal line can be made to show another verdict);
 * the C0 controls other than tab, line feed and carriage return; DEL and the C1 controls
 * (U+007F–U+009F). The left-to-right and right-to-left marks (U+200E/U+200F) only nudge neutral
 * characters and are kept. Refused at entry and import; removed (cells) or shown escaped
 * (terminal, messages) at every output.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

/** "U+202E": how a character is named in a message. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first unsafe character of `s`, named (U+202E), or null. */
export function firstUnsafeChar(s: string): string | null {
  const m = UNSAFE.exec(s);
  return m ? codePointName(m[0]) : null;
}

/** `doc.unsafe_char` naming the field and the character, or null when `s` is safe. */
export function unsafeTextIssue(s: string, at: IssueLocation): Issue | null {
  const ch = firstUnsafeChar(s);
  return ch === null ? null : issue('doc.unsafe_char', at, { char: ch });
}

/**
 * Every string in a parsed document (objects and arrays walked; keys are codes, checked by their
 * own pattern) with an unsafe character, one issue each, the field named by its path from `field`.
 */
export function unsafeTextIssues(value: unknown, at: IssueLocation, field: string): Issue[] {
  const out: Issue[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      const i = unsafeTextIssue(v, { ...at, field: path });
      if (i) out.push(i);
    } else if (Array.isArray(v)) v.forEach((x, k) => walk(x, `${path}[${k}]`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(value, field);
  return out;
}

/** `s` without its unsafe characters (for cells of a workbook: nothing there may reorder or hide text). */
export function stripUnsafe(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_ALL, '') : s;
}

/**
 * `s` with each unsafe character written as a JSON-style escape (`\u202E`), for a terminal or a
 * message: visible, never acted on, and inside a JSON string still the same string when parsed.
 */
export function escapeUnsafe(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_ALL, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`) : s;
}

/**
 * The unsafe strings of `after` that `before` did not already hold at the same place: what a change
 * brings in. A text planted in a stored document is shown escaped wherever it goes out and is not
 * held against an unrelated change (which would leave no way to correct it).
 */
export function newUnsafeTextIssues(before: unknown, after: unknown, at: IssueLocation, field: string): Issue[] {
  const held = new Set(unsafeTextIssues(before, at, field).map((i) => `${i.at?.field ?? ''}\u0000${String(i.params?.char)}`));
  return unsafeTextIssues(after, at, field).filter((i) => !held.has(`${i.at?.field ?? ''}\u0000${String(i.params?.char)}`));
}

/**
 * A copy of a value (what the window is given to show) with every string passed through
 * `escapeUnsafe`; numbers, booleans and null as they are. Codes and ids cannot hold these
 * characters, so what the window sends back still names the same things.
 */
export function escapeUnsafeDeep<T>(v: T): T {
  if (typeof v === 'string') return escapeUnsafe(v) as T;
  if (Array.isArray(v)) return v.map((x: unknown) => escapeUnsafeDeep(x)) as T;
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escapeUnsafeDeep(x)])) as T;
  return v;
}
