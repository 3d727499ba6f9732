/**
 * Calendar dates as people type them (yyyy-mm-dd), in Vietnam time (UTC+7, no daylight saving):
 * the date a file was received, a report's date.
 */

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Why a typed date cannot be used: not written yyyy-mm-dd, no such day (2015-02-30), or not come yet. */
export type DateProblem = 'format' | 'not_a_day' | 'future';

/** The calendar date in Vietnam at an instant (milliseconds or an ISO date-time). */
export function vietnamDate(instant: number | string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** yyyy-mm-dd of a day that exists on the calendar (2015-02-29 and 2015-13-01 do not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * What is wrong with a typed date, or null: `today` (yyyy-mm-dd, Vietnam) is the latest day
 * allowed when given (a file cannot have been received tomorrow).
 */
export function dateProblem(s: string, today?: string): DateProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return 'format';
  if (!isCalendarDate(s)) return 'not_a_day';
  if (today !== undefined && s > today) return 'future';
  return null;
}

/** The start of a calendar day in Vietnam, as an ISO date-time with its offset ("2015-12-10T00:00:00+07:00"). */
export function startOfDayVietnam(date: string): string {
  return `${date}T00:00:00+07:00`;
}
