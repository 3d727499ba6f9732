import { join } from 'node:path';
import pMap from 'p-map';
import type { AgencyInput } from '../../shared/results/index.ts';
import { type Results, ResultsV1, computeResults } from '../../shared/results/index.ts';
import { type Agency, type AwardOverride, AwardOverridesDoc } from '../../shared/schema/index.ts';
import { compiledIfAllowed } from '../../shared/schema/versioned.ts';
import type * as z from 'zod';
import { type CompiledTemplate, compileTemplate } from '../../shared/template/compile.ts';
import { type Result, fail, issue, ok } from '../../shared/util/issue.ts';
import { ValidatedJsonFile } from './store/json-store.ts';
import { type AgencyDocs, resultsView } from './workers/jobs.ts';
import { WorkerPool } from './workers/pool.ts';
import type { WorkspaceStore } from './store/workspace.ts';

export const OVERRIDES_FILE = 'award-overrides.json';

/** Agencies whose files the store reads at once (appraisals, and what the workers left). */
const READ_CONCURRENCY = 16;
/** The results' schema, compiled at the first consolidation (a national one checks 10,000 agencies' results). */
let resultsSchema: z.ZodType<Results> | null = null;
/** Agencies whose documents one worker job reads. */
const DOCS_PER_JOB = 64;

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
export async function consolidate(
  ws: WorkspaceStore,
  /** `workers`: threads reading the documents (default one per core for a province-sized campaign, 0 = this thread). */
  opts: { now?: string; history?: Results[]; workers?: number } = {},
): Promise<Result<Results>> {
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
  const wanted = campaign.agencies.map((agency) => {
    const code = agency.code.normalize('NFC');
    return { agency, code, entry: byCode.get(agency.code), appraised: appraised.has(code), nominates: nominating.has(code) };
  });
  // The assessments, appraisals and nominations are read, parsed and checked on worker threads (one per core),
  // many agencies per job: the disk's latency overlaps, the cores share the work, and the messages
  // between threads stay few.
  const pool = WorkerPool.create(null, opts.workers ?? WorkerPool.sizeFor(campaign.agencies.length));
  let docs: AgencyDocs[];
  try {
    const batches: (typeof wanted)[] = [];
    for (let i = 0; i < wanted.length; i += DOCS_PER_JOB) batches.push(wanted.slice(i, i + DOCS_PER_JOB));
    const read = await pMap(
      batches,
      (batch) =>
        pool.agencyDocs(
          batch.map((w) => ({
            assessment: w.entry?.submission ? ws.docLocation('assessment', w.code) : null,
            appraisal: w.appraised ? ws.docLocation('appraisal', w.code) : null,
            nominations: w.nominates ? ws.docLocation('nominations', w.code) : null,
          })),
        ),
      { concurrency: Math.max(2, pool.capacity) },
    );
    docs = read.flat();
  } finally {
    await pool.close();
  }
  const agencies: AgencyInput[] = await pMap(
    wanted,
    async ({ agency, code, entry, appraised: hasAppraisal, nominates }, i) => {
      const got = docs[i]!;
      // Anything the workers did not read plainly (damaged, older version …): the store reads it, repairs and reports.
      const readAssessment = async () => got.assessment ?? (await ws.readAssessmentView(code).then((a) => a && resultsView(a)));
      const readNominations = async () => got.nominations ?? (await ws.readAgencyNominations(code))?.nominations ?? null;
      const [assessment, appraisal, nominations] = await Promise.all([
        entry?.submission ? readAssessment() : null,
        hasAppraisal ? (got.appraisal ?? ws.readAppraisal(agency.code)) : null,
        nominates ? readNominations() : null,
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
  const results = computeResults({
    campaign,
    agencies,
    generatedAt: opts.now ?? new Date().toISOString(),
    history: opts.history ?? [],
    overrides: await readOverrides(ws),
  });
  resultsSchema ??= compiledIfAllowed(ResultsV1);
  const checked = resultsSchema.safeParse(results);
  if (!checked.success) return fail([issue('service.results_invalid', { file: 'results.json' }, { detail: checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') })]);
  return ok(checked.data);
}
