import { AsyncLocalStorage } from 'node:async_hooks';

/*
 * A line every official sheet written inside `withReportNotice` shows under its title (results
 * consolidated with documents missing, say). Carried by the async context rather than by each
 * report's header, so that no report can forget it.
 */
const notice = new AsyncLocalStorage<string>();

export function withReportNotice<T>(text: string | null, fn: () => Promise<T>): Promise<T> {
  return text === null ? fn() : notice.run(text, fn);
}

/** The notice of the report being written, if any. */
export function reportNotice(): string | undefined {
  return notice.getStore();
}
