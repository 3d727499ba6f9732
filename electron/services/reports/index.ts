import { mkdir } from 'node:fs/promises';
import { implausibleDate } from '../../../shared/schema/plausible-dates.ts';
import { join } from 'node:path';
import type { Lang } from '../../../shared/i18n/index.ts';
import { t } from '../../../shared/i18n/index.ts';
import type { Results } from '../../../shared/results/index.ts';
import { type Result, fail, issue, ok } from '../../../shared/util/issue.ts';
import { consolidate } from '../consolidate.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { writeAgencyReport } from './agency.ts';
import { writeAreaAnalysis } from './areas.ts';
import { writeCommendation } from './commendation.ts';
import { writeComparison } from './comparison.ts';
import { writeEverything } from './everything.ts';
import { writeIndicators } from './indicators.ts';
import { writeIsoSummary } from './iso.ts';
import { dateProblem } from '../../../shared/util/date.ts';
import { DOCUMENT_NO_MAX, type ReportContext, type ReportOptions, defaultFooter } from './kit/context.ts';
import { writeRanking } from './ranking.ts';
import { writeScoreboard } from './scoreboard.ts';
import { withReportNotice } from './kit/notice.ts';

/** Documents a notice names before "and N more". */
const NOTICE_FILES = 6;

/** The line every report shows when its results were built with documents missing (`allowMissing`), or null. */
export function incompleteNotice(results: Results, lang: Lang): string | null {
  const files = [...new Set(results.issues.filter((i) => i.code.startsWith('wsafe.doc_')).map((i) => (i.at?.agency ? `${i.at.file ?? ''} (${i.at.agency})` : (i.at?.file ?? ''))))];
  if (files.length === 0) return null;
  const shown = files.slice(0, NOTICE_FILES).join(', ');
  const list = files.length > NOTICE_FILES ? t(lang, 'wsafe.report_incomplete_more', { list: shown, n: files.length - NOTICE_FILES }) : shown;
  return t(lang, 'wsafe.report_incomplete', { list });
}

/** Every report, by the name `--only` takes; the file name comes from the catalogue (Vietnamese by default). */
export const REPORTS = {
  scoreboard: { key: 'service.file.scoreboard', write: writeScoreboard },
  ranking: { key: 'service.file.ranking', write: writeRanking },
  areas: { key: 'service.file.areas', write: (ctx: ReportContext, file: string) => writeAreaAnalysis(ctx, file) },
  iso: { key: 'service.file.iso', write: writeIsoSummary },
  indicators: { key: 'service.file.indicators', write: writeIndicators },
  commendation: { key: 'service.file.commendation', write: writeCommendation },
  comparison: { key: 'service.file.comparison', write: writeComparison },
  everything: { key: 'service.file.everything', write: writeEverything },
} as const;
export type ReportName = keyof typeof REPORTS | 'agencies';
export const REPORT_NAMES: readonly ReportName[] = [...(Object.keys(REPORTS) as (keyof typeof REPORTS)[]), 'agencies'];

export function isReportName(x: string): x is ReportName {
  return (REPORT_NAMES as readonly string[]).includes(x);
}

/** "S02 - Sở Tư pháp.xlsx": Vietnamese kept (NFC), only characters no file system accepts replaced. */
export function agencyFileName(code: string, name: string): string {
  const safe = [...`${code} - ${name}`.normalize('NFC')]
    .map((ch) => (/[\\/:*?"<>|]/.test(ch) || ch.charCodeAt(0) < 0x20 ? '_' : ch))
    .join('')
    .replace(/[. ]+$/, '');
  return `${safe.slice(0, 120)}.xlsx`;
}

export interface ReportRun {
  results: Results;
  files: string[];
}

/** A typed document number: trimmed; null when it cannot be printed (empty, too long, or over several lines). */
export function documentNumber(s: string): string | null {
  const v = s.normalize('NFC').trim();
  const control = [...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
  return v.length === 0 || v.length > DOCUMENT_NO_MAX || control ? null : v;
}

/** The header's date of a yyyy-mm-dd: noon of that day, so that the day is the same in any time zone's reading of it. */
function headerDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

/**
 * Writes the reports of a Home Affairs workspace into `outDir`: results are consolidated first
 * (the same figures as results.json), then every requested workbook; the agencies' own
 * self-assessment reports go to `outDir/<agencies folder>/`. The header of every report carries
 * `date` (default: `now`, else today); the Home Affairs reports carry `number` (default: their
 * blank number), the agencies' own reports keep theirs. A date that is no day
 * (`service.report_bad_date`) or a number that cannot be printed (`service.report_bad_number`)
 * writes nothing.
 */
export async function writeReports(
  ws: WorkspaceStore,
  outDir: string,
  opts: ReportOptions & { only?: readonly ReportName[]; lang?: Lang; now?: Date; history?: Results[]; onProgress?: (name: string) => void; allowMissing?: boolean } = {},
): Promise<Result<ReportRun>> {
  const lang = opts.lang ?? 'vi';
  const campaignNow = ws.campaign();
  // The campaign's issuer settings are the defaults of the number and date (`campaign issuer`).
  opts = { ...opts, ...(opts.date === undefined && campaignNow?.issuer.reportDate ? { date: campaignNow.issuer.reportDate } : {}), ...(opts.number === undefined && campaignNow?.issuer.reportNumber ? { number: campaignNow.issuer.reportNumber } : {}) };
  if (opts.date !== undefined && dateProblem(opts.date) !== null) return fail([issue('service.report_bad_date', undefined, { value: opts.date })]);
  const implausible = opts.date === undefined ? null : implausibleDate(opts.date, { field: 'date' });
  if (implausible) return fail([implausible]);
  const documentNo = opts.number === undefined ? undefined : documentNumber(opts.number);
  if (documentNo === null) return fail([issue('service.report_bad_number', undefined, { value: opts.number ?? '', max: DOCUMENT_NO_MAX })]);
  const campaign = ws.campaign();
  if (!campaign) return fail([issue('service.no_campaign', { file: 'campaign.json' })]);
  const consolidated = await consolidate(ws, { ...(opts.now ? { now: opts.now.toISOString() } : {}), history: opts.history ?? [], ...(opts.allowMissing ? { allowMissing: true } : {}) });
  if (!consolidated.ok) return consolidated;
  const notice = incompleteNotice(consolidated.value, lang);
  const date = opts.date !== undefined ? headerDate(opts.date) : (opts.now ?? new Date());
  const ctx: ReportContext = { results: consolidated.value, campaign, lang, date, ...(documentNo ? { documentNo } : {}), footer: defaultFooter(campaign, lang), ws };
  const wanted = new Set(opts.only?.length ? opts.only : REPORT_NAMES);
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const [name, r] of Object.entries(REPORTS) as [keyof typeof REPORTS, (typeof REPORTS)[keyof typeof REPORTS]][]) {
    if (!wanted.has(name)) continue;
    const file = join(outDir, `${t(lang, r.key)}.xlsx`);
    opts.onProgress?.(name);
    await withReportNotice(notice, () => r.write(ctx, file));
    files.push(file);
  }
  if (wanted.has('agencies')) {
    const dir = join(outDir, t(lang, 'service.file.agencies_dir'));
    await mkdir(dir, { recursive: true });
    for (const row of ctx.results.agencies) {
      if (!row.submitted) continue;
      const file = join(dir, agencyFileName(row.agency.code, row.agency.name));
      opts.onProgress?.(row.agency.code);
      await withReportNotice(notice, () => writeAgencyReport(ctx, row.agency.code, file));
      files.push(file);
    }
  }
  return ok({ results: ctx.results, files });
}
