import { join } from 'node:path';
import pMap from 'p-map';
import type { AgencyInput } from '../../shared/results/index.ts';
import { type Results, ResultsV1, type ScoredAgency, resultsOf, scoreAgency } from '../../shared/results/index.ts';
import { type Agency, type AuditEntry, type AwardOverride, AwardOverridesDoc, type CommendationRules, type TemplateRef } from '../../shared/schema/index.ts';
import { compiledIfAllowed } from '../../shared/schema/versioned.ts';
import type * as z from 'zod';
import { type CompiledTemplate, compileTemplate } from '../../shared/template/compile.ts';
import { type Issue, IssueError, type Result, fail, issue, ok } from '../../shared/util/issue.ts';
import { ValidatedJsonFile } from './store/json-store.ts';
import { type AgencyDocs, type ScoreRequest, resultsView } from './workers/jobs.ts';
import { WorkerPool } from './workers/pool.ts';
import type { WorkspaceStore } from './store/workspace.ts';
import { auditWho } from './cycle/common.ts';
import { asWarning, expectedDocs, missingDoc, surveyExpected, unreadableDoc } from './workspace-tools/expected.ts';

export const OVERRIDES_FILE = 'award-overrides.json';

/** The results' schema, compiled at the first consolidation (a national one checks 10,000 agencies' results). */
let resultsSchema: z.ZodType<Results> | null = null;
/** Agencies one worker job reads and scores. */
const DOCS_PER_JOB = 64;

export function overridesFile(ws: WorkspaceStore): ValidatedJsonFile<{ kind: 'parscore.award-overrides'; schemaVersion: 1; overrides: AwardOverride[] }> {
  return new ValidatedJsonFile(join(ws.dir, OVERRIDES_FILE), AwardOverridesDoc, { label: OVERRIDES_FILE });
}

export async function readOverrides(ws: WorkspaceStore): Promise<AwardOverride[]> {
  return (await overridesFile(ws).read())?.overrides ?? [];
}

const sameSubject = (x: Pick<AwardOverride, 'rule' | 'subject' | 'agency'>, o: Pick<AwardOverride, 'rule' | 'subject' | 'agency'>) => x.rule === o.rule && x.subject === o.subject && x.agency === o.agency;

/** The audit line of a council decision: who decided, on whom, from what to what, and why. */
function overrideAudit(ws: WorkspaceStore, o: Pick<AwardOverride, 'rule' | 'subject' | 'agency'>, old: AwardOverride | undefined, next: AwardOverride['action'] | null, reason: string, at: string): AuditEntry {
  return { at, who: auditWho(ws), agency: o.agency, field: 'award', item: o.rule, subject: o.subject, old: old?.action ?? null, new: next, round: null, reason };
}

/**
 * Records one council decision (the schema demands a reason); a later decision on the same rule and
 * subject replaces it. The decisions file and its audit line are written together or not at all.
 */
export async function addOverride(ws: WorkspaceStore, o: AwardOverride): Promise<void> {
  const current = await readOverrides(ws);
  const before = current.find((x) => sameSubject(x, o));
  const rest = current.filter((x) => !sameSubject(x, o));
  await ws.transaction(async (tx) => {
    await tx.writeDocument(overridesFile(ws), { kind: 'parscore.award-overrides', schemaVersion: 1, overrides: [...rest, o] });
    await tx.appendAudit([overrideAudit(ws, o, before, o.action, o.reason, o.at)]);
  });
}

/**
 * Withdraws the council's decision on a subject (the rules decide again), with the reason for
 * withdrawing it in the audit log. False when there was none.
 */
export async function removeOverride(ws: WorkspaceStore, o: Pick<AwardOverride, 'rule' | 'subject' | 'agency'>, reason: string, at = new Date().toISOString()): Promise<boolean> {
  const current = await readOverrides(ws);
  const before = current.find((x) => sameSubject(x, o));
  if (!before) return false;
  await ws.transaction(async (tx) => {
    await tx.writeDocument(overridesFile(ws), { kind: 'parscore.award-overrides', schemaVersion: 1, overrides: current.filter((x) => !sameSubject(x, o)) });
    await tx.appendAudit([overrideAudit(ws, o, before, null, reason, at)]);
  });
  return true;
}

/**
 * Gathers everything a Home Affairs workspace holds for its campaign (assessments, appraisals,
 * survey, submission records, nominations, council overrides) and computes the results, checked
 * against the published schema before anyone sees them.
 */
export async function consolidate(
  ws: WorkspaceStore,
  /**
   * `workers`: threads reading the documents (default one per core for a province-sized campaign, 0 = this thread);
   * `commendation`: rules to select candidates with instead of the campaign's (a preview; nothing is saved);
   * `allowMissing`: results even when documents the workspace records are missing or unreadable
   * (each listed in the results' issues as a warning); without it such results are refused.
   */
  opts: { now?: string; history?: Results[]; workers?: number; commendation?: CommendationRules; allowMissing?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<Result<Results>> {
  const campaign = ws.campaign();
  if (!campaign) return fail([issue('service.no_campaign', { file: 'campaign.json' })]);
  /** Documents the workspace records but could not give (missing, unreadable): nothing drops out in silence. */
  const lost: Issue[] = [];
  const surveyWanted = await surveyExpected(ws);
  let survey: Awaited<ReturnType<WorkspaceStore['readSurvey']>> = null;
  try {
    survey = await ws.readSurvey();
  } catch (e) {
    if (!(e instanceof IssueError)) throw e;
    lost.push(...unreadableDoc('survey.json', e));
  }
  if (survey === null && surveyWanted && lost.length === 0) lost.push(missingDoc('survey', 'survey.json'));
  const byCode = new Map(ws.index.agencies.map((a) => [a.code, a]));
  const templates = new Map<string, CompiledTemplate | null>();
  const compiled = (ref: TemplateRef): CompiledTemplate | null => {
    const key = `${ref.id}@${ref.version}`;
    if (!templates.has(key)) {
      const t = ws.template(ref);
      templates.set(key, t ? compileTemplate(t) : null);
    }
    return templates.get(key) ?? null;
  };
  const templateOf = (agency: Agency): CompiledTemplate | null => {
    const ref = campaign.templates[agency.group];
    return ref ? compiled(ref) : null;
  };
  // The additional templates (ISO 9001 checklist) of each group: scored beside the ranked one, never ranked.
  const additionalOf = (group: Agency['group']): CompiledTemplate[] => (campaign.additionalTemplates[group] ?? []).flatMap((r) => compiled(r) ?? []);
  for (const refs of Object.values(campaign.additionalTemplates)) {
    for (const ref of refs ?? []) if (!compiled(ref)) return fail([issue('store.template_missing', { file: `templates/${ref.id}@${ref.version}.json`, template: ref.id }, { id: `${ref.id}@${ref.version}` })]);
  }
  for (const agency of campaign.agencies) {
    if (!templateOf(agency)) {
      const ref = campaign.templates[agency.group];
      return fail([issue('store.template_missing', { ...(ref ? { file: `templates/${ref.id}@${ref.version}.json` } : {}), agency: agency.code }, { id: ref ? `${ref.id}@${ref.version}` : agency.group })]);
    }
  }
  const appraised = await ws.agenciesWithDocs('appraisals');
  const nominating = await ws.agenciesWithDocs('nominations');
  const wanted = campaign.agencies.map((agency): ScoreRequest & { code: string; entry: (typeof ws.index.agencies)[number] | undefined } => {
    const code = agency.code.normalize('NFC');
    const entry = byCode.get(agency.code);
    const submission = entry?.submission;
    const expected = expectedDocs(entry, ws.index.role);
    return {
      agency,
      code,
      entry,
      survey: survey?.results[agency.code] ?? null,
      submission: submission ? { revision: submission.revision, receivedAt: submission.receivedAt, late: submission.late } : null,
      assessment: submission ? ws.docLocation('assessment', code) : null,
      appraisal: appraised.has(code) || expected.appraisal ? ws.docLocation('appraisal', code) : null,
      nominations: nominating.has(code) || expected.nominations ? ws.docLocation('nominations', code) : null,
    };
  });
  /** One document through the store: null (and the loss noted) when it is recorded but missing or unreadable. */
  const readNoted = async <T>(w: (typeof wanted)[number], kind: 'assessment' | 'appraisal' | 'nominations', read: () => Promise<T | null>): Promise<T | null> => {
    const label = ws.docLocation(kind, w.code).label;
    try {
      const v = await read();
      if (v === null && expectedDocs(w.entry, ws.index.role)[kind]) lost.push(missingDoc(kind, label, w.entry));
      return v;
    } catch (e) {
      if (!(e instanceof IssueError)) throw e;
      lost.push(...unreadableDoc(label, e, w.code));
      return null;
    }
  };
  /** An agency a worker could not read plainly (damaged, an older version …): the store reads, repairs and reports, and it is scored here. */
  const scoreHere = async (w: (typeof wanted)[number], got: AgencyDocs): Promise<ScoredAgency> => {
    const readAssessment = async () => got.assessment ?? (await ws.readAssessmentView(w.code).then((a) => a && resultsView(a)));
    const readNominations = async () => got.nominations ?? (await ws.readAgencyNominations(w.code))?.nominations ?? null;
    const [assessment, appraisal, nominations] = await Promise.all([
      w.assessment ? readNoted(w, 'assessment', readAssessment) : null,
      w.appraisal ? (got.appraisal ?? readNoted(w, 'appraisal', () => ws.readAppraisal(w.agency.code))) : null,
      w.nominations ? readNoted(w, 'nominations', readNominations) : null,
    ]);
    const input: AgencyInput = { agency: w.agency, template: templateOf(w.agency)!, assessment, appraisal, survey: w.survey, submission: w.submission, nominations: nominations ?? [], additional: additionalOf(w.agency.group) };
    return scoreAgency(campaign, input);
  };
  // The agencies are read, checked and scored on worker threads (one per core), many per job: the
  // disk's latency overlaps, the cores share the work, the messages between threads stay few, and
  // only the scores come back: 10,000 agencies' documents are never all in memory at once.
  const scored: ScoredAgency[] = new Array<ScoredAgency>(wanted.length);
  const groups = Object.fromEntries([...new Set(campaign.agencies.map((a) => a.group))].map((g) => [g, { template: ws.template(campaign.templates[g]!)! }]));
  const additional = Object.fromEntries(Object.entries(campaign.additionalTemplates).map(([g, refs]) => [g, Object.fromEntries((refs ?? []).map((r) => [r.id, ws.template(r)!]))]));
  const pool = WorkerPool.create({ campaign, now: opts.now ?? new Date().toISOString(), limits: {}, templates: groups, additional }, opts.workers ?? WorkerPool.sizeFor(campaign.agencies.length));
  try {
    const batches: (typeof wanted)[] = [];
    for (let i = 0; i < wanted.length; i += DOCS_PER_JOB) batches.push(wanted.slice(i, i + DOCS_PER_JOB));
    let done = 0;
    opts.onProgress?.(0, wanted.length);
    await pMap(
      batches,
      async (batch, b) => {
        const answers = await pool.agencyScores(batch.map(({ code: _, entry: __, ...request }) => request));
        for (const [j, a] of answers.entries()) {
          const w = batch[j]!;
          scored[b * DOCS_PER_JOB + j] = 'scored' in a ? { ...a.scored, template: templateOf(w.agency)! } : await scoreHere(w, a.docs);
        }
        done += batch.length;
        opts.onProgress?.(done, wanted.length);
      },
      { concurrency: Math.max(2, pool.capacity) },
    );
  } finally {
    await pool.close();
  }
  if (lost.length > 0 && !opts.allowMissing) return fail([issue('wsafe.results_incomplete', undefined, { n: lost.filter((i) => i.code.startsWith('wsafe.doc_')).length }), ...lost]);
  const results = resultsOf(
    { campaign: opts.commendation ? { ...campaign, commendation: opts.commendation } : campaign, generatedAt: opts.now ?? new Date().toISOString(), history: opts.history ?? [], overrides: await readOverrides(ws) },
    scored,
  );
  resultsSchema ??= compiledIfAllowed(ResultsV1);
  const checked = resultsSchema.safeParse(lost.length > 0 ? { ...results, issues: [...lost.map(asWarning), ...results.issues] } : results);
  if (!checked.success) return fail([issue('service.results_invalid', { file: 'results.json' }, { detail: checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') })]);
  return ok(checked.data);
}
