import { join } from 'node:path';
import pMap from 'p-map';
import type { AgencyInput } from '../../shared/results/index.ts';
import { type Results, ResultsV1, computeResults } from '../../shared/results/index.ts';
import { type Agency, type Assessment, type AwardOverride, AwardOverridesDoc, type Template } from '../../shared/schema/index.ts';
import { type CompiledTemplate, compileTemplate } from '../../shared/template/compile.ts';
import { type Result, fail, issue, ok } from '../../shared/util/issue.ts';
import { ValidatedJsonFile } from './store/json-store.ts';
import type { WorkspaceStore } from './store/workspace.ts';

export const OVERRIDES_FILE = 'award-overrides.json';

/** Agencies whose files are read at once. */
const READ_CONCURRENCY = 16;

function overridesFile(ws: WorkspaceStore): ValidatedJsonFile<{ kind: 'parscore.award-overrides'; schemaVersion: 1; overrides: AwardOverride[] }> {
  return new ValidatedJsonFile(join(ws.dir, OVERRIDES_FILE), AwardOverridesDoc, { label: OVERRIDES_FILE });
}

export async function readOverrides(ws: WorkspaceStore): Promise<AwardOverride[]> {
  return (await overridesFile(ws).read())?.overrides ?? [];
}

/** Records one council decision (the schema demands a reason); a later decision on the same rule and subject replaces it. */
export async function addOverride(ws: WorkspaceStore, o: AwardOverride): Promise<void> {
  const current = await readOverrides(ws);
  const rest = current.filter((x) => !(x.rule === o.rule && x.subject === o.subject && x.agency === o.agency));
  await overridesFile(ws).write({ kind: 'parscore.award-overrides', schemaVersion: 1, overrides: [...rest, o] });
}

/**
 * What the results read of an assessment: the inputs and self scores, bonus and declared figures.
 * The evidence references, explanations and notes (most of its size) are left out, so that a
 * national consolidation holds 10,000 assessments in a few hundred MB, not gigabytes.
 */
function forResults(a: Assessment): Assessment {
  const items: Assessment['items'] = {};
  for (const [code, e] of Object.entries(a.items)) items[code] = { ...(e.input === undefined ? {} : { input: e.input }), selfScore: e.selfScore, evidence: [] };
  return { ...a, items };
}

/**
 * Gathers everything a Home Affairs workspace holds for its campaign (assessments, appraisals,
 * survey, submission records, nominations, council overrides) and computes the results, checked
 * against the published schema before anyone sees them.
 */
export async function consolidate(ws: WorkspaceStore, opts: { now?: string; history?: Results[] } = {}): Promise<Result<Results>> {
  const campaign = ws.campaign();
  if (!campaign) return fail([issue('service.no_campaign', { file: 'campaign.json' })]);
  const compiled = new Map<string, CompiledTemplate>();
  const compile = (t: Template) => {
    const key = `${t.id}@${t.version}`;
    if (!compiled.has(key)) compiled.set(key, compileTemplate(t));
    return compiled.get(key)!;
  };
  const survey = await ws.readSurvey();
  const byCode = new Map(ws.index.agencies.map((a) => [a.code, a]));
  const templates = new Map<string, CompiledTemplate | null>();
  const templateOf = (agency: Agency): CompiledTemplate | null => {
    const ref = campaign.templates[agency.group];
    if (!ref) return null;
    const key = `${ref.id}@${ref.version}`;
    if (!templates.has(key)) {
      const t = ws.template(ref);
      templates.set(key, t ? compile(t) : null);
    }
    return templates.get(key) ?? null;
  };
  for (const agency of campaign.agencies) {
    if (!templateOf(agency)) {
      const ref = campaign.templates[agency.group];
      return fail([issue('store.template_missing', { agency: agency.code }, { id: ref ? `${ref.id}@${ref.version}` : agency.group })]);
    }
  }
  // Many files read at once: the disk's latency overlaps instead of adding up.
  const agencies: AgencyInput[] = await pMap(
    campaign.agencies,
    async (agency) => {
      const entry = byCode.get(agency.code);
      const [assessment, appraisal, nominations] = await Promise.all([
        entry?.submission ? ws.readAssessment(agency.code) : null,
        ws.readAppraisal(agency.code),
        ws.readAgencyNominations(agency.code),
      ]);
      return {
        agency,
        template: templateOf(agency)!,
        assessment: assessment && forResults(assessment),
        appraisal,
        survey: survey?.results[agency.code] ?? null,
        submission: entry?.submission ? { revision: entry.submission.revision, receivedAt: entry.submission.receivedAt, late: entry.submission.late } : null,
        nominations: nominations?.nominations ?? [],
      };
    },
    { concurrency: READ_CONCURRENCY },
  );
  const results = computeResults({
    campaign,
    agencies,
    generatedAt: opts.now ?? new Date().toISOString(),
    history: opts.history ?? [],
    overrides: await readOverrides(ws),
  });
  const checked = ResultsV1.safeParse(results);
  if (!checked.success) return fail([issue('service.results_invalid', { file: 'results.json' }, { detail: checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') })]);
  return ok(checked.data);
}
