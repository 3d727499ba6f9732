import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AgencyGroup, AuditEntry, SurveyResults } from '../../../shared/schema/index.ts';
import { type Result, fail, issue, ok } from '../../../shared/util/issue.ts';
import { workspaceIdentity } from '../cycle/identity.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { type SurveyContext, readSurveyXlsx, surveyItemsOfTemplate } from '../xlsx-import/survey.ts';

/** What the survey importer needs from the campaign: agencies, the survey items of each group's template, the answer scale. */
export function surveyContext(ws: WorkspaceStore): Result<SurveyContext> {
  const campaign = ws.campaign();
  if (!campaign) return fail([issue('service.no_campaign', { file: 'campaign.json' })]);
  const surveyItems = new Map<string, { code: string; title: string }[]>();
  for (const [group, ref] of Object.entries(campaign.templates) as [AgencyGroup, { id: string; version: number }][]) {
    const t = ws.template(ref);
    if (!t) return fail([issue('store.template_missing', { file: `templates/${ref.id}@${ref.version}.json` }, { id: `${ref.id}@${ref.version}` })]);
    surveyItems.set(group, surveyItemsOfTemplate(t));
  }
  return ok({ agencies: campaign.agencies, surveyItems, scale: campaign.surveyScale });
}

export interface SurveyImportSummary {
  mode: 'scores' | 'answers';
  agencies: number;
  values: number;
  rows: number;
}

/**
 * Imports survey results from an Excel file into the Home Affairs workspace. All or nothing: a
 * file with any problem changes nothing. Values for the agencies and items in the file replace
 * earlier ones; every change is written to the audit log.
 */
export async function importSurveyFile(ws: WorkspaceStore, file: string, now = new Date().toISOString()): Promise<Result<SurveyImportSummary>> {
  const ctx = surveyContext(ws);
  if (!ctx.ok) return ctx;
  const who = workspaceIdentity(ws);
  if (!who) return fail([issue('service.no_identity', { file: 'workspace.json' })]);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return fail([issue('cli.file_not_found', { file: basename(file) }, { detail: String((e as NodeJS.ErrnoException).code ?? e) })]);
  }
  const read = await readSurveyXlsx(bytes, basename(file), ctx.value);
  if (!read.ok) return read;
  const campaign = ws.campaign()!;
  const previous: SurveyResults = (await ws.readSurvey()) ?? { kind: 'parscore.survey', schemaVersion: 1, campaign: campaign.id, results: {}, respondents: {}, sources: [] };
  const results = structuredClone(previous.results);
  const respondents = { ...previous.respondents };
  const audit: AuditEntry[] = [];
  let values = 0;
  for (const [agency, items] of Object.entries(read.value.results)) {
    const row = (results[agency] ??= {});
    for (const [item, pct] of Object.entries(items)) {
      values++;
      const old = row[item] ?? null;
      if (old === pct) continue;
      row[item] = pct;
      audit.push({ at: now, who: { name: who.name, fingerprint: who.fingerprint }, agency, field: 'survey', item, old, new: pct, round: null, reason: basename(file) });
    }
    if (read.value.respondents[agency] !== undefined) respondents[agency] = read.value.respondents[agency]!;
  }
  await ws.writeSurvey({
    ...previous,
    results,
    respondents,
    sources: [...previous.sources, { file: basename(file), mode: read.value.mode, importedAt: now, rows: read.value.rows }],
  });
  if (audit.length) await ws.appendAudit(audit);
  return ok({ mode: read.value.mode, agencies: Object.keys(read.value.results).length, values, rows: read.value.rows });
}
