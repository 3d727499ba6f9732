import type * as z from 'zod';
import { type Assessment, AssessmentDoc, AssessmentV2 } from '../../../shared/schema/index.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { type Nominations, NominationsDoc, NominationsV1 } from './cycle-docs.ts';
import { serialize } from './json-store.ts';
import type { AgencyScoreSummary } from '../../../shared/ipc/workspace.ts';

declare const prepared: unique symbol;

/**
 * A document validated by the store's schema and serialized as the store writes it, ready to be
 * staged in a transaction (`tx.writePrepared`) without being checked again. Made by the functions
 * below (pure: no file is touched), so that the work can be done on another thread: an import of
 * thousands of files validates and serializes in worker threads, and the writer only writes.
 */
export interface PreparedDocument {
  readonly kind: 'assessment' | 'agency-nominations';
  /** The agency whose file it is (NFC). */
  readonly agency: string;
  /**
   * The file's bytes (UTF-8), in a buffer of their own: a worker thread hands them to the writer
   * without a copy (transferred), and the writer writes them without encoding the text again.
   */
  readonly bytes: Uint8Array;
  /** An assessment's parsed value, where it is at hand (same thread): its summary is scored from it without parsing the bytes again. */
  readonly assessment?: Assessment;
  /** An assessment's overview totals, scored where it was prepared (an import's worker), with the template they were scored by. */
  readonly summary?: { template: string; score: AgencyScoreSummary };
  readonly [prepared]: true;
}

const utf8 = new TextEncoder();

function prepare(kind: PreparedDocument['kind'], agency: string, text: string): PreparedDocument {
  return { kind, agency, bytes: utf8.encode(text) } as PreparedDocument;
}

/** An assessment as `assessments/<agency>.json` holds it; throws an IssueError if it is not valid. */
export function prepareAssessment(a: unknown, label: string): PreparedDocument {
  const r = AssessmentDoc.parse(a, label);
  if (!r.ok) throw new IssueError([issue('store.invalid_document', { file: label }), ...r.error]);
  return prepare('assessment', r.value.value.agency.normalize('NFC'), serialize(r.value.value));
}

/** `prepareAssessment`, keeping the parsed value beside the bytes (same thread): the store scores its summary from it. */
export function prepareAssessmentKeeping(a: unknown, label: string): PreparedDocument {
  const r = AssessmentDoc.parse(a, label);
  if (!r.ok) throw new IssueError([issue('store.invalid_document', { file: label }), ...r.error]);
  return { ...prepare('assessment', r.value.value.agency.normalize('NFC'), serialize(r.value.value)), assessment: r.value.value };
}

/** The same document with its overview totals attached (scored by the caller, from the very assessment the bytes hold). */
export function withSummary(doc: PreparedDocument, summary: { template: string; score: AgencyScoreSummary }): PreparedDocument {
  return { ...doc, summary };
}

/** Home Affairs' copy of an agency's nominations (`nominations/<agency>.json`); throws an IssueError if it is not valid. */
export function prepareAgencyNominations(n: Nominations, label: string): PreparedDocument {
  const r = NominationsDoc.parse(n, label);
  if (!r.ok) throw new IssueError([issue('store.invalid_document', { file: label }), ...r.error]);
  return prepare('agency-nominations', r.value.value.agency.normalize('NFC'), serialize(r.value.value));
}

/**
 * The assessment of a submission parsed by SubmissionDoc, with the agency, campaign and revision
 * Home Affairs stores it under: what `prepareAssessment` makes of it, without parsing it a second
 * time. The submission's assessment was parsed by the store's own schema (AssessmentV2), and a
 * parsed document parses to itself (trimmed strings stay trimmed, defaults are already there), so
 * only the fields set here are checked; a value they refuse, or a key the schema does not know,
 * takes the full parse, which reports it exactly as `prepareAssessment` does.
 */
export function prepareParsedAssessment(a: Assessment, set: Pick<Assessment, 'agency' | 'campaign' | 'revision'>, label: string): PreparedDocument {
  const doc = inShapeOrder(AssessmentV2.shape, { ...a, ...set }, ['kind', 'schemaVersion', 'agency', 'campaign', 'revision']);
  if (!doc) return prepareAssessment({ ...a, ...set }, label);
  return prepare('assessment', set.agency.normalize('NFC'), serialize(doc));
}

/**
 * Home Affairs' copy of the nominations of a submission parsed by SubmissionDoc: what
 * `prepareAgencyNominations` makes of it, without parsing the nominations a second time (they were
 * parsed by the same schema, `z.array(Nomination).max(200)`). The other fields are checked.
 */
export function prepareParsedNominations(n: Nominations, label: string): PreparedDocument {
  const doc = inShapeOrder(NominationsV1.shape, n, ['kind', 'schemaVersion', 'agency', 'campaign', 'updatedAt']);
  if (!doc) return prepareAgencyNominations(n, label);
  return prepare('agency-nominations', n.agency.normalize('NFC'), serialize(doc));
}

/**
 * `doc` with its keys in the schema's order (the order a parse gives them, and so the order they are
 * serialized in), once the fields named in `check` pass their schemas unchanged; null when one does
 * not, or when `doc` has a key the (strict) schema refuses.
 */
function inShapeOrder(shape: Readonly<Record<string, z.ZodType>>, doc: object, check: readonly string[]): Record<string, unknown> | null {
  const fields = doc as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (!Object.hasOwn(shape, key)) return null;
  for (const key of check) {
    const schema = shape[key];
    if (!schema || !passesAsIs(schema, fields[key])) return null;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) if (Object.hasOwn(fields, key)) out[key] = fields[key];
  return out;
}

/** The last primitive each field schema passed as it is (the campaign and the receipt time are the same for every file of an import). */
const acceptedAsIs = new WeakMap<z.ZodType, unknown>();

function passesAsIs(schema: z.ZodType, value: unknown): boolean {
  const primitive = value === null || (typeof value !== 'object' && typeof value !== 'function');
  if (primitive && acceptedAsIs.has(schema) && acceptedAsIs.get(schema) === value) return true;
  const r = schema.safeParse(value);
  if (!r.success || r.data !== value) return false;
  if (primitive) acceptedAsIs.set(schema, value);
  return true;
}

/** A prepared document received from another thread (structured cloning keeps the fields, not the brand). */
export function asPrepared(x: { kind: PreparedDocument['kind']; agency: string; bytes: Uint8Array; summary?: PreparedDocument['summary'] }): PreparedDocument {
  return (x.summary ? { kind: x.kind, agency: x.agency, bytes: x.bytes, summary: x.summary } : { kind: x.kind, agency: x.agency, bytes: x.bytes }) as PreparedDocument;
}
