import { join } from 'node:path';
import pMap from 'p-map';
import type { AgencyInput } from '../../shared/results/index.ts';
import { type Results, ResultsV1, computeResults } from '../../shared/results/index.ts';
import { type Agency, type AwardOverride, AwardOverridesDoc } from '../../shared/schema/index.ts';
import { type CompiledTemplate, compileTemplate } from '../../shared/template/compile.ts';
import { type Result, fail, issue, ok } from '../../shared/util/issue.ts';
import { ValidatedJsonFile } from './store/json-store.ts';
import { resultsView } from './workers/jobs.ts';
import { WorkerPool } from './workers/pool.ts';
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
 * Gathers everything a Home Affairs workspace holds for its campaign (assessments, appraisals,
 * survey, submission records, nominations, council overrides) and computes the results, checked
 * against the published schema before anyone sees them.
 */
export async function consolidate(ws: WorkspaceStore, opts: { now?: string; history?: Results[] } = {}): Promise<Result<Results>> {
  const campaign = ws.campaign();
  if (!campaign) return fail([issue('service.no_campaign', { file: 'campaign.json' })]);
  const survey = await ws.readSurvey();
  const byCode = new Map(ws.index.agencies.map((a) => [a.code, a]));
  const templates = new Map<string, CompiledTemplate | null>();
  const templateOf = (agency: Agency): CompiledTemplate | null => {
    const ref = campaign.templates[agency.group];
    if (!ref) return null;
    const key = `${ref.id}@${ref.version}`;
    if (!templates.has(key)) {
      const t = ws.template(ref);
      templates.set(key, t ? compileTemplate(t) : null);
    }
    return templates.get(key) ?? null;
  };
  for (const agency of campaign.agencies) {
    if (!templateOf(agency)) {
      const ref = campaign.templates[agency.group];
      return fail([issue('store.template_missing', { agency: agency.code }, { id: ref ? `${ref.id}@${ref.version}` : agency.group })]);
    }
  }
  const appraised = await ws.agenciesWithDocs('appraisals');
  const nominating = await ws.agenciesWithDocs('nominations');
  // Many files read at once, the assessments parsed and checked on worker threads (one per core):
  // the disk's latency overlaps, and the processor's cores share the work.
  const pool = WorkerPool.create(null, WorkerPool.sizeFor(campaign.agencies.length));
  let agencies: AgencyInput[];
  try {
    agencies = await pMap(
      campaign.agencies,
      async (agency) => {
        const entry = byCode.get(agency.code);
        const code = agency.code.normalize('NFC');
        const readAssessment = async () => {
          const where = ws.docLocation('assessment', code);
          const view = await pool.resultsView(where.path, where.label);
          if (view) return view;
          // Anything not plain (damaged, older version …): the store reads it, repairs and reports.
          const stored = await ws.readAssessmentView(code);
          return stored && resultsView(stored);
        };
        const readNominations = async () => {
          const where = ws.docLocation('nominations', code);
          return (await pool.nominations(where.path, where.label)) ?? (await ws.readAgencyNominations(code))?.nominations ?? null;
        };
        const [assessment, appraisal, nominations] = await Promise.all([
          entry?.submission ? readAssessment() : null,
          appraised.has(code) ? ws.readAppraisal(agency.code) : null,
          nominating.has(code) ? readNominations() : null,
        ]);
        return {
          agency,
          template: templateOf(agency)!,
          assessment,
          appraisal,
          survey: survey?.results[agency.code] ?? null,
          submission: entry?.submission ? { revision: entry.submission.revision, receivedAt: entry.submission.receivedAt, late: entry.submission.late } : null,
          nominations: nominations ?? [],
        };
      },
      { concurrency: READ_CONCURRENCY },
    );
  } finally {
    await pool.close();
  }
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
