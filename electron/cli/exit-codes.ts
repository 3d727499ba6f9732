/** Exit codes of `parscore`, documented in the README. */
export const EXIT = {
  OK: 0,
  /** The input was read but is not valid (template, assessment, sheet): the issues were printed. */
  INVALID: 1,
  /** Wrong command line: unknown command or option, missing argument. */
  USAGE: 2,
  /** A file or workspace could not be used: not found, unreadable, locked, not empty. */
  IO: 3,
  /** A bug: an unexpected error; please report it with the printed details. */
  INTERNAL: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
