import { mkdir } from 'node:fs/promises';
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
import { type ReportContext, defaultFooter } from './kit/context.ts';
import { writeRanking } from './ranking.ts';
import { writeScoreboard } from './scoreboard.ts';

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

/**
 * Writes the reports of a Home Affairs workspace into `outDir`: results are consolidated first
 * (the same figures as results.json), then every requested workbook; the agencies' own
 * self-assessment reports go to `outDir/<agencies folder>/`.
 */
export async function writeReports(
  ws: WorkspaceStore,
  outDir: string,
  opts: { only?: readonly ReportName[]; lang?: Lang; now?: Date; history?: Results[]; onProgress?: (name: string) => void } = {},
): Promise<Result<ReportRun>> {
  const lang = opts.lang ?? 'vi';
  const campaign = ws.campaign();
  if (!campaign) return fail([issue('service.no_campaign', { file: 'campaign.json' })]);
  const consolidated = await consolidate(ws, { ...(opts.now ? { now: opts.now.toISOString() } : {}), history: opts.history ?? [] });
  if (!consolidated.ok) return consolidated;
  const ctx: ReportContext = { results: consolidated.value, campaign, lang, date: opts.now ?? new Date(), footer: defaultFooter(campaign, lang), ws };
  const wanted = new Set(opts.only?.length ? opts.only : REPORT_NAMES);
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const [name, r] of Object.entries(REPORTS) as [keyof typeof REPORTS, (typeof REPORTS)[keyof typeof REPORTS]][]) {
    if (!wanted.has(name)) continue;
    const file = join(outDir, `${t(lang, r.key)}.xlsx`);
    opts.onProgress?.(name);
    await r.write(ctx, file);
    files.push(file);
  }
  if (wanted.has('agencies')) {
    const dir = join(outDir, t(lang, 'service.file.agencies_dir'));
    await mkdir(dir, { recursive: true });
    for (const row of ctx.results.agencies) {
      if (!row.submitted) continue;
      const file = join(dir, agencyFileName(row.agency.code, row.agency.name));
      opts.onProgress?.(row.agency.code);
      await writeAgencyReport(ctx, row.agency.code, file);
      files.push(file);
    }
  }
  return ok({ results: ctx.results, files });
}
