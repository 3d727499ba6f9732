import * as z from 'zod';
import { Code, IsoDateTime, Nomination, Sha256Hex, Slug, defineVersioned } from '../../../shared/schema/index.ts';
import { type Result, fail, issue, ok } from '../../../shared/util/issue.ts';
import { agencyFileName } from './names.ts';

/*
 * Files of the scoring cycle kept in a workspace folder besides the index, the campaign, the
 * templates and the assessments:
 *
 * appraisals/<agency>.json          Home Affairs' appraisal of an agency (AppraisalDoc); in an agency
 *                                   workspace, the appraisal received from Home Affairs and the
 *                                   agency's explanations
 * survey.json                       sociological survey results (SurveyDoc)
 * nominations.json                  an agency workspace's own nominations (NominationsDoc)
 * nominations/<agency>.json         at Home Affairs: the nominations received from an agency
 * evidence/<sha256>                 evidence files by content hash (written once, checked on read)
 * audit.jsonl                       append-only audit log, one AuditEntry per line
 * received/<agency>-r<revision>.parscore   the submission files accepted, byte for byte
 */
export const APPRAISALS_DIR = 'appraisals';
export const NOMINATIONS_DIR = 'nominations';
export const EVIDENCE_DIR = 'evidence';
export const RECEIVED_DIR = 'received';
export const SURVEY_FILE = 'survey.json';
export const NOMINATIONS_FILE = 'nominations.json';
export const AUDIT_FILE = 'audit.jsonl';

export const NOMINATIONS_KIND = 'parscore.nominations';

/** An agency's proposals for commendation (collectives and individuals), as kept in a workspace. */
export const NominationsV1 = z.strictObject({
  kind: z.literal(NOMINATIONS_KIND),
  schemaVersion: z.literal(1),
  agency: Code,
  campaign: Slug.nullable().default(null),
  nominations: z.array(Nomination).max(200).default([]),
  updatedAt: IsoDateTime,
});
export type Nominations = z.infer<typeof NominationsV1>;

export const NominationsDoc = defineVersioned<Nominations>({
  kind: NOMINATIONS_KIND,
  versions: { 1: NominationsV1 },
  migrations: {},
  latest: NominationsV1,
  locate: (doc, path) => {
    if (path[0] === 'nominations' && typeof path[1] === 'number') {
      const list = (doc as { nominations?: unknown } | null)?.nominations;
      const entry = Array.isArray(list) ? (list[path[1]] as { id?: unknown } | undefined) : undefined;
      if (entry && typeof entry.id === 'string') return { item: entry.id };
    }
    return {};
  },
});

/** `evidence/<sha256>` (lower-case hex only: nothing else can be a blob name). */
export function evidenceLabel(sha256: string): Result<string> {
  if (!Sha256Hex.safeParse(sha256).success) return fail([issue('store.bad_sha256', { file: EVIDENCE_DIR }, { sha256: String(sha256) })]);
  return ok(`${EVIDENCE_DIR}/${sha256}`);
}

/** `received/<agency>-r<revision>.parscore`. */
export function receivedLabel(agency: string, revision: number): Result<string> {
  const name = agencyFileName(agency);
  if (!name.ok) return name;
  if (!Number.isInteger(revision) || revision < 1) {
    return fail([issue('store.bad_revision', { agency }, { revision: String(revision) })]);
  }
  return ok(`${RECEIVED_DIR}/${name.value.slice(0, -'.json'.length)}-r${revision}.parscore`);
}
