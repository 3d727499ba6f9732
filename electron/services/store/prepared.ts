import { AssessmentDoc } from '../../../shared/schema/index.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { type Nominations, NominationsDoc } from './cycle-docs.ts';
import { serialize } from './json-store.ts';

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
  readonly text: string;
  readonly [prepared]: true;
}

function prepare(kind: PreparedDocument['kind'], agency: string, text: string): PreparedDocument {
  return { kind, agency, text } as PreparedDocument;
}

/** An assessment as `assessments/<agency>.json` holds it; throws an IssueError if it is not valid. */
export function prepareAssessment(a: unknown, label: string): PreparedDocument {
  const r = AssessmentDoc.parse(a, label);
  if (!r.ok) throw new IssueError([issue('store.invalid_document', { file: label }), ...r.error]);
  return prepare('assessment', r.value.value.agency.normalize('NFC'), serialize(r.value.value));
}

/** Home Affairs' copy of an agency's nominations (`nominations/<agency>.json`); throws an IssueError if it is not valid. */
export function prepareAgencyNominations(n: Nominations, label: string): PreparedDocument {
  const r = NominationsDoc.parse(n, label);
  if (!r.ok) throw new IssueError([issue('store.invalid_document', { file: label }), ...r.error]);
  return prepare('agency-nominations', r.value.value.agency.normalize('NFC'), serialize(r.value.value));
}

/** A prepared document received from another thread (structured cloning keeps the fields, not the brand). */
export function asPrepared(x: { kind: PreparedDocument['kind']; agency: string; text: string }): PreparedDocument {
  return prepare(x.kind, x.agency, x.text);
}
