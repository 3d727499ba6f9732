import type { Appraisal } from './appraisal.ts';
import type { EvidenceRef } from './assessment.ts';
import type { Campaign } from './campaign.ts';
import type { Submission } from './package.ts';
import { type Issue, type IssueLocation, issue } from '../util/issue.ts';
import { vietnamDate } from '../util/date.ts';

/*
 * The one range of plausible dates for what people type and files carry: from 1 January 2000 (no
 * administrative-reform cycle of this software predates it) to one year after today (a deadline can
 * be set ahead, a file cannot be made in year 9999). Checked where dates come in — entry services,
 * imports of exchange files, the campaign's creation — never when a stored document is read: a
 * document stored once passed, and the upper bound only moves forward.
 */

export const PLAUSIBLE_EARLIEST = '2000-01-01';

/**
 * Birth years of a nominee: a civil servant in office (born 1940 or later, 16 or older in 2026).
 * Fixed numbers, not moving with the clock: the nomination schema holds them and results.json's
 * published JSON Schema states them.
 */
export const BIRTH_YEARS = { earliest: 1940, latest: 2010 } as const;

/** `doc.implausible_birth_year` naming the field and the range, or null. */
export function implausibleBirthYear(year: number, at: IssueLocation): Issue | null {
  if (Number.isInteger(year) && year >= BIRTH_YEARS.earliest && year <= BIRTH_YEARS.latest) return null;
  return issue('doc.implausible_birth_year', at, { year, from: BIRTH_YEARS.earliest, to: BIRTH_YEARS.latest });
}

/** The latest plausible day (yyyy-mm-dd): today in Vietnam, one year on (29 February → 1 March). */
export function plausibleLatest(now: number | string = Date.now()): string {
  const today = vietnamDate(now);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * `doc.implausible_date` naming the field and the range when the date (yyyy-mm-dd, or an ISO date-time:
 * its calendar day in Vietnam) falls outside it; null when plausible. A value that is no date at all
 * is the schema's to refuse, not this check's.
 */
export function implausibleDate(value: string, at: IssueLocation, now: number | string = Date.now()): Issue | null {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : Number.isFinite(Date.parse(value)) ? vietnamDate(value) : null;
  if (day === null) return null;
  const latest = plausibleLatest(now);
  if (day >= PLAUSIBLE_EARLIEST && day <= latest) return null;
  return issue('doc.implausible_date', at, { day, earliest: PLAUSIBLE_EARLIEST, latest });
}

type Where = (field: string, item?: string) => IssueLocation;

function push(out: Issue[], value: string | undefined, at: IssueLocation, now: number | string): void {
  if (value === undefined) return;
  const i = implausibleDate(value, at, now);
  if (i) out.push(i);
}

/** The dates of evidence references (the date of the document), each named by its field. */
export function evidenceDateIssues(refs: readonly EvidenceRef[], field: string, at: IssueLocation, now: number | string = Date.now()): Issue[] {
  const out: Issue[] = [];
  refs.forEach((r, i) => push(out, r.date, { ...at, field: `${field}[${i}].date` }, now));
  return out;
}

/**
 * Every date a submission carries: when it was made, and the date of each evidence document of the
 * assessment's items, of the additional templates' items, and of the explanations.
 */
export function submissionDateIssues(s: Submission, at: IssueLocation, now: number | string = Date.now()): Issue[] {
  const where: Where = (field, item) => ({ ...at, ...(item ? { item } : {}), field });
  const out: Issue[] = [];
  push(out, s.createdAt, where('createdAt'), now);
  for (const [code, e] of Object.entries(s.assessment.items)) out.push(...evidenceDateIssues(e.evidence, `assessment.items.${code}.evidence`, where('', code), now));
  for (const [id, part] of Object.entries(s.assessment.additional)) {
    for (const [code, e] of Object.entries(part.items)) out.push(...evidenceDateIssues(e.evidence, `assessment.additional.${id}.items.${code}.evidence`, { ...where('', code), template: id }, now));
  }
  for (const [code, ex] of Object.entries(s.explanations)) out.push(...evidenceDateIssues(ex.evidence, `explanations.${code}.evidence`, where('', code), now));
  for (const [id, list] of Object.entries(s.additionalExplanations)) {
    for (const [code, ex] of Object.entries(list)) out.push(...evidenceDateIssues(ex.evidence, `additionalExplanations.${id}.${code}.evidence`, { ...where('', code), template: id }, now));
  }
  return out;
}

/** The campaign's deadlines and the date printed on its reports. */
export function campaignDateIssues(c: Campaign, at: IssueLocation, prefix = '', now: number | string = Date.now()): Issue[] {
  const out: Issue[] = [];
  for (const [k, v] of Object.entries(c.deadlines)) push(out, v, { ...at, field: `${prefix}deadlines.${k}` }, now);
  push(out, c.issuer.reportDate, { ...at, field: `${prefix}issuer.reportDate` }, now);
  return out;
}

/** An appraisal file's dates: when it was made, when the appraisal was last changed, the explanations' evidence. */
export function appraisalDateIssues(createdAt: string, a: Appraisal, at: IssueLocation, now: number | string = Date.now()): Issue[] {
  const out: Issue[] = [];
  push(out, createdAt, { ...at, field: 'createdAt' }, now);
  push(out, a.updatedAt, { ...at, field: 'appraisal.updatedAt' }, now);
  return out;
}
