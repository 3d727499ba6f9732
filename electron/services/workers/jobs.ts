import { readFileSync } from 'node:fs';
import { type AgencyInput, type ScoredAgency, scoreAgency } from '../../../shared/results/index.ts';
import { type Agency, AppraisalDoc, AssessmentDoc, type Appraisal, type Assessment, type Nomination } from '../../../shared/schema/index.ts';
import type { VersionedKind } from '../../../shared/schema/versioned.ts';
import { NominationsDoc } from '../store/cycle-docs.ts';
import { decodeUtf8 } from '../utf8.ts';
import { type InspectContext, type Inspected, compiledOf, inspectSubmission } from '../cycle/inspect.ts';
import { parseStrictJson } from '../../../shared/util/strict-json.ts';

/*
 * The work the worker threads do (workers/worker.ts), also run on the calling thread when there is
 * no worker. Each job is pure with respect to the workspace: it reads a file at most, never writes.
 * A worker knows the campaign and its templates (InspectContext, given once): the import checks
 * files against them, the consolidation scores agencies with them.
 */

/** What a worker knows: the import's context (with each group's additional templates, which consolidation scores too). */
export type WorkerContext = InspectContext;

export type Job =
  | { kind: 'inspect'; file: string; bytes: Uint8Array }
  | { kind: 'inspect-path'; file: string; path: string }
  | { kind: 'agency-scores'; agencies: ScoreRequest[] };

/** Where a document is (`docLocation` of the store). */
export interface DocRef {
  path: string;
  label: string;
}

/** What consolidation reads of one agency: null for a document it does not want. */
export interface AgencyDocsRequest {
  assessment: DocRef | null;
  appraisal: DocRef | null;
  nominations: DocRef | null;
}

/** The documents read: null when not wanted, or not plain (then the store reads it: see readPlain). */
export interface AgencyDocs {
  assessment: Assessment | null;
  appraisal: Appraisal | null;
  nominations: Nomination[] | null;
}

/** One agency to score for the results: where its documents are, and what the workspace holds of it besides. */
export interface ScoreRequest extends AgencyDocsRequest {
  agency: Agency;
  survey: AgencyInput['survey'];
  submission: AgencyInput['submission'];
}

/** A scored agency as it crosses between threads: without its compiled template, which the caller has. */
export type ScoredOffThread = Omit<ScoredAgency, 'template'>;

/**
 * Scored; or, when a document it wants was not plain, the documents read so far: the caller reads
 * the rest through the store (which repairs, migrates and reports) and scores it itself.
 */
export type ScoreAnswer = { scored: ScoredOffThread } | { docs: AgencyDocs };

export type JobResult =
  | { kind: 'inspect'; result: Inspected; bytes: Uint8Array }
  | { kind: 'unreadable' }
  | { kind: 'agency-scores'; agencies: ScoreAnswer[] };

/**
 * What the results read of an assessment: the inputs and self scores, bonus and declared figures.
 * The evidence references, explanations and notes (most of its size) are left out, so that a
 * national consolidation holds 10,000 assessments in a few hundred MB, not gigabytes.
 */
export function resultsView(a: Readonly<Assessment>): Assessment {
  const items: Assessment['items'] = {};
  for (const [code, e] of Object.entries(a.items)) items[code] = { ...(e.input === undefined ? {} : { input: e.input }), selfScore: e.selfScore, evidence: [] };
  return { ...a, items };
}

/**
 * A document read and validated as the store reads it; null when anything is not plain (missing,
 * damaged, an older version, not UTF-8): the caller then reads it through the store, which
 * repairs, migrates and reports.
 */
function readPlain<T>(kind: VersionedKind<T>, path: string, label: string): T | null {
  let bytes: Buffer;
  try {
    // Synchronous: a worker has nothing else to do meanwhile, and fs.promises.readFile costs
    // several times the CPU of the read itself (open, stat, read, close each a round trip).
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const text = decodeUtf8(bytes);
  if (text === null) return null;
  // Anything not plain (bad JSON, duplicate keys …) is left to the store's reader, which reports it.
  const json = parseStrictJson(text, label);
  if (!json.ok) return null;
  const raw = json.value;
  const r = kind.parse(raw, label);
  return r.ok && r.value.migratedFrom === null ? r.value.value : null;
}

/** The documents a request wants, read plainly (null where not wanted or not plain). */
function readDocs(r: AgencyDocsRequest): AgencyDocs {
  return {
    assessment: r.assessment && readPlain(AssessmentDoc, r.assessment.path, r.assessment.label),
    appraisal: r.appraisal && readPlain(AppraisalDoc, r.appraisal.path, r.appraisal.label),
    nominations: (r.nominations && readPlain(NominationsDoc, r.nominations.path, r.nominations.label)?.nominations) ?? null,
  };
}

function scoreRequest(r: ScoreRequest, ctx: WorkerContext): ScoreAnswer {
  const docs = readDocs(r);
  const entry = ctx.templates[r.agency.group];
  const unread = (r.assessment && !docs.assessment) || (r.appraisal && !docs.appraisal) || (r.nominations && !docs.nominations);
  // Handed back, an assessment crosses threads as its results view (see resultsView).
  if (unread || !entry || !('template' in entry)) return { docs: { ...docs, assessment: docs.assessment && resultsView(docs.assessment) } };
  const { template: _, ...scored } = scoreAgency(ctx.campaign, {
    agency: r.agency,
    template: compiledOf(entry.template),
    assessment: docs.assessment,
    appraisal: docs.appraisal,
    survey: r.survey,
    submission: r.submission,
    nominations: docs.nominations ?? [],
    additional: Object.values(ctx.additional?.[r.agency.group] ?? {}).map(compiledOf),
  });
  return { scored };
}

export async function runJob(job: Job, ctx: WorkerContext): Promise<JobResult> {
  if (job.kind === 'agency-scores') return { kind: 'agency-scores', agencies: job.agencies.map((r) => scoreRequest(r, ctx)) };
  if (job.kind === 'inspect-path') {
    let bytes: Buffer;
    try {
      bytes = readFileSync(job.path);
    } catch {
      return { kind: 'unreadable' };
    }
    // Its buffer is transferred back: it must be the file's alone (copied if it is a slice of a pool).
    const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength ? bytes : new Uint8Array(bytes);
    return { kind: 'inspect', result: await inspectSubmission(own, job.file, ctx), bytes: own };
  }
  return { kind: 'inspect', result: await inspectSubmission(job.bytes, job.file, ctx), bytes: job.bytes };
}
