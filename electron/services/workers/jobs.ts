import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { AppraisalDoc, AssessmentDoc, type Appraisal, type Assessment, type Nomination } from '../../../shared/schema/index.ts';
import type { VersionedKind } from '../../../shared/schema/versioned.ts';
import { NominationsDoc } from '../store/cycle-docs.ts';
import { type InspectContext, type Inspected, inspectSubmission } from '../cycle/inspect.ts';

/*
 * The work the worker threads do (workers/worker.ts), also run on the calling thread when there is
 * no worker. Each job is pure with respect to the workspace: it reads a file at most, never writes.
 */

export type Job =
  | { kind: 'inspect'; file: string; bytes: Uint8Array }
  | { kind: 'inspect-path'; file: string; path: string }
  | { kind: 'agency-docs'; agencies: AgencyDocsRequest[] };

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

export type JobResult =
  | { kind: 'inspect'; result: Inspected; bytes: Uint8Array }
  | { kind: 'unreadable' }
  | { kind: 'agency-docs'; agencies: AgencyDocs[] };

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
  if (!isUtf8(bytes)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  const r = kind.parse(raw, label);
  return r.ok && r.value.migratedFrom === null ? r.value.value : null;
}

export async function runJob(job: Job, ctx: InspectContext | null): Promise<JobResult> {
  if (job.kind === 'agency-docs') {
    return {
      kind: 'agency-docs',
      agencies: job.agencies.map((r) => {
        const a = r.assessment && readPlain(AssessmentDoc, r.assessment.path, r.assessment.label);
        return {
          assessment: a && resultsView(a),
          appraisal: r.appraisal && readPlain(AppraisalDoc, r.appraisal.path, r.appraisal.label),
          nominations: (r.nominations && readPlain(NominationsDoc, r.nominations.path, r.nominations.label)?.nominations) ?? null };
      }),
    };
  }
  if (!ctx) throw new Error('inspect job without a context');
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
