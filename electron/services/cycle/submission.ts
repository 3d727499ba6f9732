import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type Agency,
  type Assessment,
  type Campaign,
  type EvidenceFile,
  EvidenceRef,
  type Nomination,
  type PublicKeyInfo,
  type Round,
  SUBMISSION_KIND,
  type Submission,
  SubmissionDoc,
  type TemplateRef,
} from '../../../shared/schema/index.ts';
import { checkFigures } from '../../../shared/indicators/validate.ts';
import { evidenceDateIssues, submissionDateIssues } from '../../../shared/schema/plausible-dates.ts';
import { scoreAssessment, scoreItemInput } from '../../../shared/scoring/assessment.ts';
import { leq, round2 } from '../../../shared/scoring/rounding.ts';
import type { CompiledTemplate } from '../../../shared/template/compile.ts';
import { type Issue, IssueError, type IssueLocation, type Result, fail, issue, ok } from '../../../shared/util/issue.ts';
import { zodReason } from '../../../shared/util/reason.ts';
import { newUnsafeTextIssues, unsafeTextIssues } from '../../../shared/util/text-safety.ts';
import { type OpenedPackage, type PackageLimits, readPackage, writePackage } from '../packages/container.ts';
import { NOMINATIONS_KIND, type Nominations } from '../store/cycle-docs.ts';
import { sha256Hex } from '../store/evidence.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import {
  PAYLOAD,
  additionalRefsFor,
  additionalRefsOfGroup,
  additionalTemplateFor,
  compiledFor,
  evidenceEntry,
  isExempt,
  isLate,
  refuse,
  requireCampaign,
  requireIdentity,
  sameRef,
  selfAgency,
  templateFor,
  timestamp,
  campaignBinding,
} from './common.ts';

// ── evidence and nominations (agency side) ───────────────────────────────────────────────────────

/** What a person says about an evidence file; size and hash come from the file. */
export type EvidenceMeta = Omit<EvidenceRef, 'sha256' | 'size'>;

/**
 * Copies a file into the workspace's evidence store (`evidence/<sha256>`) and returns the reference
 * to attach to an item or an explanation (file name defaults to the file's own name). Throws an
 * IssueError: unreadable file (`cycle.evidence_unreadable`), invalid metadata (`doc.schema`).
 */
export async function addEvidence(ws: WorkspaceStore, filePath: string, meta: EvidenceMeta): Promise<EvidenceRef> {
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(filePath));
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : String(e);
    refuse('cycle.evidence_unreadable', { file: filePath }, { detail: code });
  }
  const draft = { ...meta, fileName: meta.fileName ?? basename(filePath).normalize('NFC'), size: data.byteLength, sha256: sha256Hex(data) };
  const unsafe = unsafeTextIssues(draft, { file: filePath }, '');
  if (unsafe.length > 0) throw new IssueError(unsafe);
  const parsed = EvidenceRef.safeParse(draft);
  if (!parsed.success) {
    throw new IssueError(parsed.error.issues.map((zi) => issue('doc.schema', { file: filePath, field: zi.path.join('.') }, zodReason(zi))));
  }
  const dates = evidenceDateIssues([parsed.data], 'evidence', { file: filePath }).map((i) => ({ ...i, at: { ...i.at, field: 'date' } }));
  if (dates.length > 0) throw new IssueError(dates);
  await ws.putEvidence(data);
  return parsed.data;
}

/** Replaces an agency workspace's nominations (`nominations.json`). */
export async function setNominations(ws: WorkspaceStore, nominations: Nomination[], opts: { now?: string } = {}): Promise<Nominations> {
  const campaign = requireCampaign(ws);
  const agency = selfAgency(ws, campaign);
  const before = (await ws.readNominations())?.nominations ?? [];
  const unsafe = nominations.flatMap((n) => newUnsafeTextIssues(before.find((b) => b.id === n.id) ?? {}, n, { file: 'nominations.json', item: n.id }, ''));
  if (unsafe.length > 0) throw new IssueError(unsafe);
  return ws.writeNominations({
    kind: NOMINATIONS_KIND,
    schemaVersion: 1,
    agency: agency.code,
    campaign: campaign.id,
    nominations,
    updatedAt: timestamp(opts.now),
  });
}

// ── export (agency side) ─────────────────────────────────────────────────────────────────────────

export interface ExportedSubmission {
  bytes: Uint8Array;
  revision: number;
  round: Round;
  /** Suggested file name: `<agency>-r<revision>.parscore`. */
  fileName: string;
  /** SHA-256 of `bytes`. */
  sha256: string;
}

/**
 * The agency's signed submission file: its assessment, nominations, explanations (round 2: the
 * answers given with `setExplanation` to the appraisal received) and every evidence file the
 * assessment and the explanations reference by hash. Round 1 until an appraisal has been received,
 * round 2 after. Each export takes the next revision (kept in the index with the file's hash; the
 * agency's own status becomes `submitted` or `explained`).
 *
 * The content is checked exactly as Home Affairs will check it on import, so a file that leaves
 * here is not refused for its content. Throws an IssueError: not an agency workspace, no campaign,
 * no identity, no assessment (`cycle.no_assessment`), the cycle closed (`cycle.cycle_closed`: the
 * final appraisal was received), a referenced evidence file not in the workspace
 * (`cycle.evidence_missing_local`), and every content issue (scores the engine refuses …).
 */
export async function exportSubmission(ws: WorkspaceStore, opts: { signer: { name: string; position: string }; now?: string }): Promise<ExportedSubmission> {
  const { submission, files, identity, campaign, agency, now } = await prepareSubmission(ws, opts);
  const { revision, round } = submission;
  const bytes = await writePackage({ kind: SUBMISSION_KIND, payload: { path: PAYLOAD.submission, json: submission }, files, identity, campaign: campaignBinding(campaign), createdAt: now });
  const sha256 = sha256Hex(bytes);
  const deadline = campaign.deadlines.selfAssessment;
  await ws.updateIndex((d) => ({
    ...d,
    agencies: d.agencies.map((a) =>
      a.code === agency.code
        ? {
            ...a,
            status: round === 1 ? 'submitted' : 'explained',
            submission: { revision, round, receivedAt: now, late: round === 1 ? isLate(deadline, now) : (a.submission?.late ?? false), fileSha256: sha256 },
          }
        : a,
    ),
  }));
  return { bytes, revision, round, fileName: `${agency.code}-r${revision}.parscore`, sha256 };
}

/**
 * Everything `exportSubmission` checks before it signs, without writing anything: the window's
 * "check before sending" lists what this refuses for. Throws the same IssueErrors.
 */
export async function prepareSubmission(ws: WorkspaceStore, opts: { signer: { name: string; position: string }; now?: string }) {
  const campaign = requireCampaign(ws);
  const agency = selfAgency(ws, campaign);
  const template = templateFor(ws, campaign, agency);
  const identity = await requireIdentity(ws);
  const now = timestamp(opts.now);
  const stored = await ws.readAssessment(agency.code);
  // A fresh agency workspace has no assessment file yet: say how scores are entered.
  if (!stored) refuse('cycle.nothing_entered', { agency: agency.code });
  const additionalCts = additionalCompiled(ws, campaign, agency);
  const assessment = { ...stored, additional: withAdditionalParts(stored, campaign, agency, additionalCts) };
  const appraisal = await ws.readAppraisal(agency.code);
  if (appraisal && (appraisal.status === 'appraised_2' || appraisal.status === 'locked')) {
    refuse('cycle.cycle_closed', { agency: agency.code }, { status: appraisal.status });
  }
  const round: Round = appraisal ? 2 : 1;
  const explanations = round === 2 && appraisal ? appraisal.explanations : {};
  const additionalExplanations: Submission['additionalExplanations'] = {};
  if (round === 2 && appraisal) {
    for (const [id, part] of Object.entries(appraisal.additional)) if (Object.keys(part.explanations).length > 0) additionalExplanations[id] = part.explanations;
  }
  const nominations = (await ws.readNominations())?.nominations ?? [];
  const entry = ws.index.agencies.find((a) => a.code === agency.code);
  const revision = (entry?.submission?.revision ?? 0) + 1;

  // Evidence: every file referenced by hash, once, read (and checked) from evidence/.
  const evidence: EvidenceFile[] = [];
  const files: { path: string; data: Uint8Array }[] = [];
  const missing: Issue[] = [];
  const refs = [...evidenceRefs(assessment.items, explanations), ...additionalEvidenceRefs(assessment.additional, additionalExplanations)];
  for (const { ref, at } of refs) {
    if (!ref.sha256 || files.some((f) => f.path === evidenceEntry(ref.sha256 as string))) continue;
    const data = await ws.readEvidence(ref.sha256);
    if (!data) {
      missing.push(issue('cycle.evidence_missing_local', { agency: agency.code, ...at }, { sha256: ref.sha256, fileName: ref.fileName ?? ref.docNo }));
      continue;
    }
    files.push({ path: evidenceEntry(ref.sha256), data });
    evidence.push({ sha256: ref.sha256, fileName: ref.fileName ?? ref.docNo, size: data.byteLength });
  }
  if (missing.length > 0) throw new IssueError(missing);

  const raw: Submission = {
    kind: SUBMISSION_KIND,
    schemaVersion: 2,
    additionalExplanations,
    campaign: campaign.id,
    agency: agency.code,
    revision,
    round,
    createdAt: now,
    signer: { name: opts.signer.name, position: opts.signer.position },
    assessment: { ...assessment, campaign: campaign.id, revision },
    nominations,
    explanations,
    evidence,
  };
  const doc = SubmissionDoc.parse(raw, PAYLOAD.submission);
  if (!doc.ok) throw new IssueError(doc.error);
  const submission = doc.value.value;
  const problems = checkSubmissionContent(submission, { campaign, agency, ct: compiledFor(ws, template), additional: additionalCts }, {});
  if (problems.length > 0) throw new IssueError(problems);

  return { submission, files, identity, campaign, agency, now };
}

// ── verification (either side) ───────────────────────────────────────────────────────────────────

/** What `parscore submission verify` prints about a submission file. */
export interface SubmissionSummary {
  /** Who signed: the key (as the signature proves it) and the person named in the submission. */
  signer: { key: PublicKeyInfo; name: string; position: string };
  agency: string;
  campaign: string;
  revision: number;
  round: Round;
  createdAt: string;
  template: TemplateRef;
  /** Items with an input. */
  items: number;
  /** Each additional template's part (ISO 9001 checklist): its template and items with an input. */
  additional: { template: TemplateRef; items: number }[];
  nominations: number;
  explanations: number;
  evidence: EvidenceFile[];
  /** SHA-256 of the file. */
  sha256: string;
}

/** A submission file opened and checked on its own (container, document, evidence files). */
export interface OpenedSubmission {
  opened: OpenedPackage;
  submission: Submission;
}

/**
 * Opens a submission file and checks what can be checked without a workspace: the container
 * (signature, hashes, zip safety), the submission document, and every evidence file it lists
 * (present, hash and size matching, none unlisted).
 */
export async function openSubmission(bytes: Uint8Array, file: string, opts: { limits?: Partial<PackageLimits> } = {}): Promise<Result<OpenedSubmission>> {
  const opened = await readPackage(bytes, file, { expectKind: SUBMISSION_KIND, limits: opts.limits ?? {} });
  if (!opened.ok) return opened;
  const doc = SubmissionDoc.parse(opened.value.payload, file);
  if (!doc.ok) return fail(doc.error.map((i) => ({ ...i, at: { ...i.at, file } })));
  const submission = doc.value.value;
  const problems = checkEvidenceFiles(submission, opened.value, { file, agency: submission.agency });
  if (problems.length > 0) return fail(problems);
  return ok({ opened: opened.value, submission });
}

/** Verifies a submission file (see `openSubmission`) and summarises it. */
export async function verifySubmission(bytes: Uint8Array, file: string, opts: { limits?: Partial<PackageLimits> } = {}): Promise<Result<SubmissionSummary>> {
  const r = await openSubmission(bytes, file, opts);
  if (!r.ok) return r;
  const { opened, submission: s } = r.value;
  return ok({
    signer: { key: { ...opened.signer }, name: s.signer.name, position: s.signer.position },
    agency: s.agency,
    campaign: s.campaign,
    revision: s.revision,
    round: s.round,
    createdAt: s.createdAt,
    template: { ...s.assessment.template },
    items: Object.values(s.assessment.items).filter((e) => e.input !== undefined).length,
    additional: Object.values(s.assessment.additional).map((x) => ({ template: { ...x.template }, items: Object.values(x.items).filter((e) => e.input !== undefined).length })),
    nominations: s.nominations.length,
    explanations: Object.keys(s.explanations).length,
    evidence: s.evidence.map((e) => ({ ...e })),
    sha256: opened.sha256,
  });
}

function checkEvidenceFiles(s: Submission, pkg: Pick<OpenedPackage, 'files' | 'manifest'>, at: IssueLocation): Issue[] {
  const { files } = pkg;
  // readPackage checked every file against the manifest's SHA-256 of it: that is the hash of its
  // bytes, and they are not hashed a second time.
  const hashes = new Map(pkg.manifest.entries.map((m) => [m.path, m.sha256]));
  const problems: Issue[] = [];
  const listed = new Set<string>();
  let found = 0;
  const where = (i: number): IssueLocation => ({ ...at, field: `evidence[${i}]` });
  s.evidence.forEach((e, i) => {
    if (listed.has(e.sha256)) {
      problems.push(issue('cycle.evidence_listed_twice', where(i), { sha256: e.sha256, fileName: e.fileName }));
      return;
    }
    listed.add(e.sha256);
    const path = evidenceEntry(e.sha256);
    const data = files.get(path);
    if (!data) problems.push(issue('cycle.evidence_missing', where(i), { sha256: e.sha256, fileName: e.fileName }));
    else {
      found++;
      const actual = hashes.get(path) ?? sha256Hex(data);
      if (actual !== e.sha256) problems.push(issue('cycle.evidence_hash_mismatch', where(i), { sha256: e.sha256, actual, fileName: e.fileName }));
      else if (data.byteLength !== e.size) problems.push(issue('cycle.evidence_size_mismatch', where(i), { fileName: e.fileName, expected: e.size, actual: data.byteLength }));
    }
  });
  // The files found above are distinct: when they are all the files there are, none is unlisted.
  if (found === files.size) return problems;
  for (const path of files.keys()) {
    const sha = path.startsWith('evidence/') ? path.slice('evidence/'.length) : null;
    if (sha === null || !listed.has(sha)) problems.push(issue('cycle.evidence_unlisted', { ...at, field: path }, { path }));
  }
  return problems;
}

// ── content (shared by export and import) ────────────────────────────────────────────────────────

export interface ContentContext {
  campaign: Campaign;
  agency: Agency;
  /** The campaign's template for the agency's group, compiled. */
  ct: CompiledTemplate;
  /**
   * The additional templates the agency assesses itself against (its group's, minus exemptions),
   * compiled, by template id. One missing here is reported for an assessment that uses it.
   */
  additional?: ReadonlyMap<string, CompiledTemplate>;
}

/**
 * What Home Affairs requires of a submission's content, for the campaign's template of the
 * agency's group: the assessment belongs to the agency and campaign and uses that template; every
 * input is one the scoring engine accepts (scores within max, known items, leaves only, valid
 * bonus/penalty); no self-score above the item's (effective) max; no input on survey items; every
 * explanation names an item of the template; every evidence reference with a hash has its file in
 * the submission; nomination ids are unique.
 */
export function checkSubmissionContent(s: Submission, ctx: ContentContext, at: IssueLocation): Issue[] {
  const { campaign, agency, ct } = ctx;
  const where = (extra: IssueLocation): IssueLocation => ({ ...at, agency: s.agency, ...extra });
  const problems: Issue[] = [];
  const a = s.assessment;
  if (a.agency.normalize('NFC') !== s.agency.normalize('NFC')) {
    problems.push(issue('cycle.assessment_agency_mismatch', where({ field: 'assessment.agency' }), { expected: s.agency, actual: a.agency }));
  }
  if (a.campaign !== undefined && a.campaign !== campaign.id) {
    problems.push(issue('cycle.other_campaign', where({ field: 'assessment.campaign' }), { expected: campaign.id, actual: a.campaign }));
  }
  if (!sameRef(a.template, ct.ref)) {
    problems.push(
      issue('cycle.template_mismatch', where({ field: 'assessment.template' }), {
        expected: `${ct.ref.id}@${ct.ref.version}`,
        actual: `${a.template.id}@${a.template.version}`,
        group: agency.group,
      }),
    );
    return problems; // scoring against another template would only add noise
  }
  const { report, issues } = scoreAssessment(ct, a);
  for (const i of issues) problems.push({ ...i, at: where({ ...i.at, field: prefixField('assessment', i.at?.item, i.at?.field) }) });
  for (const [code, entry] of Object.entries(a.items)) {
    const node = ct.byCode.get(code);
    if (!node) continue; // reported by scoring
    if (node.survey && entry.input !== undefined) {
      problems.push(issue('cycle.survey_item_input', where({ item: code, field: `assessment.items.${code}.input` })));
    }
    const scored = report.items[code];
    if (entry.selfScore !== null && scored && !leq(entry.selfScore, scored.effectiveMax)) {
      problems.push(issue('cycle.self_score_above_max', where({ item: code, field: `assessment.items.${code}.selfScore` }), { score: entry.selfScore, max: scored.effectiveMax }));
    }
  }
  for (const code of Object.keys(s.explanations)) {
    if (!ct.byCode.has(code)) problems.push(issue('cycle.explanation_unknown_item', where({ item: code, field: `explanations.${code}` }), { item: code }));
  }
  // Declared figures: the one check (type, count, range, unknown code) used wherever figures are read.
  for (const i of checkFigures(ct.template, a.indicators, {})) {
    problems.push({ ...i, at: where({ template: ct.ref.id, item: i.at?.item, field: `assessment.indicators.${i.at?.item ?? ''}` }) });
  }
  const additionalOk = checkAdditional(s, ctx, where, problems);
  const included = new Map(s.evidence.map((e) => [e.sha256, e]));
  // Where a reference is, spelled only for one that has something to report (most have not).
  const refAt = (item: string, list: string, i: number, template?: string): IssueLocation =>
    where({ ...(template ? { template } : {}), item, field: `${list}.${item}.evidence[${i}]` });
  const checkRef = (ref: EvidenceRef, item: string, list: string, i: number, template?: string): void => {
    if (!ref.sha256) return;
    const file = included.get(ref.sha256);
    if (!file) problems.push(issue('cycle.evidence_not_included', refAt(item, list, i, template), { sha256: ref.sha256, fileName: ref.fileName ?? ref.docNo }));
    else if (ref.size !== undefined && ref.size !== file.size) {
      problems.push(issue('cycle.evidence_size_mismatch', refAt(item, list, i, template), { fileName: ref.fileName ?? ref.docNo, expected: ref.size, actual: file.size }));
    }
  };
  for (const [code, entry] of Object.entries(a.items)) entry.evidence.forEach((ref, i) => checkRef(ref, code, 'assessment.items', i));
  for (const [code, ex] of Object.entries(s.explanations)) ex.evidence.forEach((ref, i) => checkRef(ref, code, 'explanations', i));
  for (const id of additionalOk) {
    const list = `assessment.additional.${id}.items`;
    for (const [code, entry] of Object.entries(a.additional[id]?.items ?? {})) entry.evidence.forEach((ref, i) => checkRef(ref, code, list, i, id));
    for (const [code, ex] of Object.entries(s.additionalExplanations[id] ?? {})) ex.evidence.forEach((ref, i) => checkRef(ref, code, `additionalExplanations.${id}`, i, id));
  }
  // Dates (when the file was made, each evidence document's date) within the plausible range.
  problems.push(...submissionDateIssues(s, { ...at, agency: s.agency }));
  // Text: no bidi override or control character anywhere (names, titles, notes, explanations …).
  problems.push(...unsafeTextIssues(s, { ...at, agency: s.agency }, ''));
  const ids = new Set<string>();
  s.nominations.forEach((n, i) => {
    if (ids.has(n.id)) problems.push(issue('cycle.duplicate_nomination', where({ item: n.id, field: `nominations[${i}].id` }), { id: n.id }));
    ids.add(n.id);
  });
  return problems;
}

function prefixField(prefix: string, item: string | undefined, field: string | undefined): string {
  if (item && field && field !== 'code') return `${prefix}.items.${item}.${field}`;
  return field ? `${prefix}.${field}` : prefix;
}

/** Every evidence reference of the assessment's items and the explanations, with where it is. */
function* evidenceRefs(items: Submission['assessment']['items'], explanations: Submission['explanations']): Generator<{ ref: EvidenceRef; at: IssueLocation }> {
  for (const [code, entry] of Object.entries(items)) {
    for (const [i, ref] of entry.evidence.entries()) yield { ref, at: { item: code, field: `items.${code}.evidence[${i}]` } };
  }
  for (const [code, ex] of Object.entries(explanations)) {
    for (const [i, ref] of ex.evidence.entries()) yield { ref, at: { item: code, field: `explanations.${code}.evidence[${i}]` } };
  }
}

// ── additional templates (the ISO 9001 checklist beside the PAR index) ───────────────────────────

/** The agency's additional templates (group's, minus exemptions), compiled, by id; refused when one is not in the workspace. */
function additionalCompiled(ws: WorkspaceStore, campaign: Campaign, agency: Agency): Map<string, CompiledTemplate> {
  const out = new Map<string, CompiledTemplate>();
  for (const ref of additionalRefsFor(campaign, agency)) out.set(ref.id, compiledFor(ws, additionalTemplateFor(ws, campaign, agency, ref.id)));
  return out;
}

/**
 * The assessment's additional parts as they are sent: one per additional template the agency
 * applies (an empty one where nothing was entered yet, so that Home Affairs sees the template was
 * assigned and not done), each item's self score computed by the scoring engine from its input, as
 * the ranked template's are at entry. Parts of templates not (or no longer) assigned stay, for the
 * content check to name them.
 */
function withAdditionalParts(a: Assessment, campaign: Campaign, agency: Agency, cts: ReadonlyMap<string, CompiledTemplate>): Assessment['additional'] {
  const out: Assessment['additional'] = { ...a.additional };
  for (const ref of additionalRefsFor(campaign, agency)) {
    const part = out[ref.id] ?? { template: { ...ref }, items: {} };
    const ct = cts.get(ref.id);
    if (!ct || !sameRef(part.template, ct.ref)) {
      out[ref.id] = part;
      continue;
    }
    const items: Assessment['items'] = {};
    for (const [code, entry] of Object.entries(part.items)) {
      let selfScore: number | null = null;
      if (entry.input !== undefined) {
        const r = scoreItemInput(ct, code, entry.input);
        // An input the engine refuses keeps its entry: the content check reports it with its place.
        selfScore = r.ok ? (r.value.score === null ? null : round2(r.value.score)) : entry.selfScore;
      }
      items[code] = { ...entry, selfScore };
    }
    out[ref.id] = { template: part.template, items };
  }
  return out;
}

/**
 * The additional parts of a submission: each names a template of the agency's group it is not
 * exempted from, in the campaign's version; inputs the engine accepts, no input on survey items,
 * self scores within the item's max; round-2 explanations name items of those templates. Returns
 * the ids whose parts could be checked (their evidence references are checked by the caller).
 */
function checkAdditional(s: Submission, ctx: ContentContext, where: (extra: IssueLocation) => IssueLocation, problems: Issue[]): string[] {
  const { campaign, agency } = ctx;
  const groupRefs = additionalRefsOfGroup(campaign, agency);
  const assigned = groupRefs.map((r) => r.id).join(', ') || '—';
  const checked: string[] = [];
  const usable = (id: string, field: string): CompiledTemplate | null => {
    const ref = groupRefs.find((r) => r.id === id);
    const at = where({ template: id, field });
    if (!ref) problems.push(issue('cycle.additional_not_assigned', at, { template: id, group: agency.group, assigned }));
    else if (isExempt(campaign, agency.code, id)) problems.push(issue('cycle.additional_exempted', at, { template: id, agency: agency.code }));
    else {
      const ct = ctx.additional?.get(id);
      if (ct) return ct;
      problems.push(issue('cycle.template_missing', at, { id: ref.id, version: ref.version }));
    }
    return null;
  };
  for (const [id, part] of Object.entries(s.assessment.additional)) {
    const base = `assessment.additional.${id}`;
    // An empty part of a template the agency was exempted from after its campaign file was made
    // carries nothing: it is not held against the file (and is not stored, see inspectSubmission).
    if (isEmptyExemptedPart(campaign, agency, id, part)) continue;
    const ct = usable(id, `${base}.template`);
    if (!ct) continue;
    if (!sameRef(part.template, ct.ref)) {
      problems.push(
        issue('cycle.additional_version_mismatch', where({ template: id, field: `${base}.template` }), {
          template: id,
          expected: `${ct.ref.id}@${ct.ref.version}`,
          actual: `${part.template.id}@${part.template.version}`,
        }),
      );
      continue;
    }
    checked.push(id);
    const { report, issues } = scoreAssessment(ct, { items: part.items });
    for (const i of issues) problems.push({ ...i, at: where({ ...i.at, template: id, field: prefixField(base, i.at?.item, i.at?.field) }) });
    for (const [code, entry] of Object.entries(part.items)) {
      const node = ct.byCode.get(code);
      if (!node) continue; // reported by scoring
      if (node.survey && entry.input !== undefined) problems.push(issue('cycle.survey_item_input', where({ template: id, item: code, field: `${base}.items.${code}.input` })));
      const scored = report.items[code];
      if (entry.selfScore !== null && scored && !leq(entry.selfScore, scored.effectiveMax)) {
        problems.push(issue('cycle.self_score_above_max', where({ template: id, item: code, field: `${base}.items.${code}.selfScore` }), { score: entry.selfScore, max: scored.effectiveMax }));
      }
    }
  }
  for (const [id, list] of Object.entries(s.additionalExplanations)) {
    const ct = Object.hasOwn(s.assessment.additional, id) ? (checked.includes(id) ? ctx.additional?.get(id) ?? null : null) : usable(id, `additionalExplanations.${id}`);
    if (!ct) continue;
    if (!checked.includes(id)) checked.push(id); // explanations without a part: their evidence is checked too
    for (const code of Object.keys(list)) {
      if (!ct.byCode.has(code)) problems.push(issue('cycle.explanation_unknown_item', where({ template: id, item: code, field: `additionalExplanations.${id}.${code}` }), { item: code }));
    }
  }
  return checked;
}

/** Every evidence reference of the additional parts' items and their explanations, with where it is. */
function* additionalEvidenceRefs(additional: Assessment['additional'], explanations: Submission['additionalExplanations']): Generator<{ ref: EvidenceRef; at: IssueLocation }> {
  for (const [id, part] of Object.entries(additional)) {
    for (const [code, entry] of Object.entries(part.items)) {
      for (const [i, ref] of entry.evidence.entries()) yield { ref, at: { template: id, item: code, field: `additional.${id}.items.${code}.evidence[${i}]` } };
    }
  }
  for (const [id, list] of Object.entries(explanations)) {
    for (const [code, ex] of Object.entries(list)) {
      for (const [i, ref] of ex.evidence.entries()) yield { ref, at: { template: id, item: code, field: `additionalExplanations.${id}.${code}.evidence[${i}]` } };
    }
  }
}

/** A part with no entries, of an additional template of the group the agency is exempted from. */
export function isEmptyExemptedPart(campaign: Campaign, agency: Agency, id: string, part: Assessment['additional'][string]): boolean {
  return Object.keys(part.items).length === 0 && isExempt(campaign, agency.code, id) && additionalRefsOfGroup(campaign, agency).some((r) => r.id === id);
}
