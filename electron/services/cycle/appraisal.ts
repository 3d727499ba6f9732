import {
  type Agency,
  AGENCY_STATUSES,
  type AgencyStatus,
  type Appraisal,
  APPRAISAL_KIND,
  APPRAISAL_PACKAGE_KIND,
  AppraisalPackageDoc,
  type AppraisalPackage,
  type Assessment,
  type AuditEntry,
  type Campaign,
  ItemExplanation,
  type Round,
  type Template,
  type WorkspaceAgencyV2,
} from '../../../shared/schema/index.ts';
import { appraisalDateIssues, evidenceDateIssues, implausibleDate } from '../../../shared/schema/plausible-dates.ts';
import { adjustmentCapProblem, checkAppraisalContent } from '../../../shared/scoring/appraisal-check.ts';
import { scoreAssessment, setAdjustment } from '../../../shared/scoring/assessment.ts';
import { leq } from '../../../shared/scoring/rounding.ts';
import type { CompiledTemplate } from '../../../shared/template/compile.ts';
import { type Issue, IssueError, type IssueLocation, type Result, issue } from '../../../shared/util/issue.ts';
import { unsafeTextIssue, unsafeTextIssues } from '../../../shared/util/text-safety.ts';
import { type PackageLimits, readPackage, writePackage } from '../packages/container.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import {
  PAYLOAD,
  additionalRefsFor,
  additionalTemplateFor,
  attempt,
  compiledFor,
  auditWho,
  refuse,
  requireCampaign,
  requireIdentity,
  requireRole,
  sameKey,
  sameRef,
  selfAgency,
  templateFor,
  timestamp,
  bindingProblems,
  campaignBinding,
} from './common.ts';

/*
 * Home Affairs' appraisal (thẩm định) of one agency, and the agency's side of it (reading the
 * appraisal file, answering with explanations). Every change at Home Affairs is one store
 * transaction: the appraisal file, an audit entry per changed score/status/flag, and the index
 * status, together or not at all.
 *
 * The cycle, per agency:
 *   not_submitted → submitted (import of a round-1 submission)
 *   submitted → appraising (by hand, or by the first appraised score/adjustment)
 *   appraising → appraised_1 (round 1 done; the appraisal file goes back to the agency)
 *   appraised_1 → explained (only by importing the agency's round-2 submission)
 *   explained → appraised_2; appraised_1 → appraised_2 with a reason (no explanation came)
 *   appraised_2 → locked (chốt); not_submitted → locked with a reason (never submitted)
 *   reopening, with a reason: appraised_1 → appraising, appraised_2 → explained (or appraised_1
 *   when no explanation was received)
 *   locked: nothing changes any more.
 * Scores and adjustments are set in round 1 while `submitted`/`appraising`, in round 2 while
 * `appraised_1`/`explained`.
 */

export interface ChangeOptions {
  /** Why (kept in the audit log). */
  reason?: string;
  now?: string;
}

export interface ScoreOptions extends ChangeOptions {
  /** Appraiser's comment on the item (replaces the previous one; '' removes it). */
  comment?: string;
  /** The round the score belongs to; must be the agency's current round. */
  round: Round;
  /** An additional template's id (e.g. iso-9001): the item is that template's, not the ranked one's. */
  template?: string;
}

export interface AdjustmentOptions extends ChangeOptions {
  note?: string;
}

interface HaContext {
  campaign: Campaign;
  agency: Agency;
  entry: WorkspaceAgencyV2;
  template: Template;
  ct: CompiledTemplate;
}

function haContext(ws: WorkspaceStore, code: string): HaContext {
  requireRole(ws, 'home-affairs');
  const campaign = requireCampaign(ws);
  const c = code.normalize('NFC');
  const agency = campaign.agencies.find((a) => a.code.normalize('NFC') === c);
  const entry = ws.index.agencies.find((a) => a.code.normalize('NFC') === c);
  if (!agency || !entry) refuse('cycle.unknown_agency', { agency: code }, { agency: code });
  const template = templateFor(ws, campaign, agency);
  return { campaign, agency, entry, template, ct: compiledFor(ws, template) };
}

/** The round in which scores may be set now, or the reason they may not. */
function editableRound(entry: WorkspaceAgencyV2): Round {
  const at = { agency: entry.code };
  switch (entry.status) {
    case 'submitted':
    case 'appraising':
      return 1;
    case 'appraised_1':
    case 'explained':
      return 2;
    case 'locked':
      return refuse('cycle.agency_locked', at, { agency: entry.code });
    case 'not_submitted':
      return refuse('cycle.not_submitted', at, { agency: entry.code });
    default:
      return refuse('cycle.round_closed', at, { status: entry.status });
  }
}

function newAppraisal(ctx: HaContext, assessment: Assessment | null, now: string): Appraisal {
  return {
    kind: APPRAISAL_KIND,
    schemaVersion: 2,
    additional: {},
    agency: ctx.entry.code,
    campaign: ctx.campaign.id,
    template: { ...ctx.ct.ref },
    status: ctx.entry.status,
    revision: ctx.entry.submission?.revision ?? assessment?.revision ?? 0,
    round: 1,
    items: {},
    bonus: {},
    penalty: {},
    explanations: {},
    falsifiedEvidence: false,
    updatedAt: now,
  };
}

async function requireAssessment(ws: WorkspaceStore, ctx: HaContext): Promise<Assessment> {
  const a = await ws.readAssessment(ctx.entry.code);
  if (!a) refuse('cycle.no_assessment', { agency: ctx.entry.code });
  if (!sameRef(a.template, ctx.ct.ref)) {
    refuse('cycle.template_mismatch', { agency: ctx.entry.code, field: 'template' }, {
      expected: `${ctx.ct.ref.id}@${ctx.ct.ref.version}`,
      actual: `${a.template.id}@${a.template.version}`,
      group: ctx.agency.group,
    });
  }
  return a;
}

/** Refuses texts typed at Home Affairs (comment, note, reason) that carry a bidi override or control character. */
function refuseUnsafeTexts(at: IssueLocation, texts: Record<string, string | undefined>): void {
  const problems = Object.entries(texts).flatMap(([field, v]) => {
    const i = v === undefined ? null : unsafeTextIssue(v, { ...at, field });
    return i ? [i] : [];
  });
  if (problems.length > 0) throw new IssueError(problems);
}

function reasonOf(opts: { reason?: string }): string | null {
  const r = opts.reason?.trim();
  return r ? r.slice(0, 5000) : null;
}

function entryOf(
  ws: WorkspaceStore,
  now: string,
  agency: string,
  field: AuditEntry['field'],
  item: string | null,
  old: AuditEntry['old'],
  next: AuditEntry['new'],
  round: Round | null,
  reason: string | null,
  template?: string,
): AuditEntry {
  return { at: now, who: auditWho(ws), agency, field, item, ...(template ? { template } : {}), old, new: next, round, reason };
}

/**
 * Writes the appraisal, its audit entries and (when the status changed) the index in one
 * transaction. Status changes are mirrored in the index, which is what lists show.
 */
async function commit(ws: WorkspaceStore, ctx: HaContext, next: Appraisal, audit: AuditEntry[]): Promise<Appraisal> {
  return ws.transaction(async (tx) => {
    const stored = await tx.writeAppraisal(next);
    await tx.appendAudit(audit);
    if (next.status !== ctx.entry.status) {
      tx.updateIndex((d) => ({ ...d, agencies: d.agencies.map((x) => (x.code === ctx.entry.code ? { ...x, status: next.status } : x)) }));
    }
    return stored;
  });
}

/** `submitted` moves to `appraising` with the first appraisal change; returns the audit entry for it. */
function startAppraising(ws: WorkspaceStore, ctx: HaContext, a: Appraisal, now: string): AuditEntry[] {
  a.status = ctx.entry.status; // the index is what lists show: the appraisal follows it
  if (ctx.entry.status !== 'submitted') return [];
  a.status = 'appraising';
  return [entryOf(ws, now, ctx.entry.code, 'status', null, 'submitted', 'appraising', 1, null)];
}

/**
 * Sets (or, with null, removes) the appraised score of a leaf item: 0 to the item's effective max
 * (its max, or 0 when the agency marked it not applicable). Survey items are scored by the survey,
 * not here. Refused with an issue naming agency, item and field: unknown or parent item, score out of
 * range, wrong round, a status that takes no scores (not submitted, appraised_2, locked).
 */
export async function setAppraisedScore(ws: WorkspaceStore, agency: string, item: string, score: number | null, opts: ScoreOptions): Promise<Result<Appraisal>> {
  return attempt(async () => {
    const ctx = haContext(ws, agency);
    if (opts.template !== undefined && opts.template !== ctx.ct.ref.id) return setAdditionalScore(ws, ctx, opts.template, item, score, opts);
    const round = editableRound(ctx.entry);
    const at: IssueLocation = { agency: ctx.entry.code, item, field: 'appraised' };
    refuseUnsafeTexts(at, { comment: opts.comment, reason: opts.reason });
    if (opts.round !== round) refuse('cycle.wrong_round', at, { round: opts.round, expected: round });
    const idx = ctx.ct.index.get(item);
    const node = idx === undefined ? undefined : ctx.ct.nodes[idx];
    if (!node) refuse('cycle.unknown_item', at, { item });
    if (!node.leaf) refuse('cycle.not_a_leaf', at, { item });
    if (node.item.survey) refuse('cycle.survey_item', at, { item });
    const assessment = await requireAssessment(ws, ctx);
    if (score !== null) {
      if (typeof score !== 'number' || !Number.isFinite(score) || score < 0) refuse('cycle.invalid_score', at, { score: String(score) });
      const max = scoreAssessment(ctx.ct, assessment).report.items[item]?.effectiveMax ?? node.item.max;
      if (!leq(score, max)) refuse('cycle.score_above_max', at, { score, max });
    }
    const now = timestamp(opts.now);
    const current = (await ws.readAppraisal(ctx.entry.code)) ?? newAppraisal(ctx, assessment, now);
    const next: Appraisal = structuredClone(current);
    const before = current.items[item];
    const old = before?.score ?? null;
    if (score === null) delete next.items[item];
    else {
      const comment = opts.comment === undefined ? before?.comment : opts.comment.trim() || undefined;
      next.items[item] = { score, ...(comment ? { comment } : {}), round };
    }
    if (JSON.stringify(next.items[item] ?? null) === JSON.stringify(before ?? null)) return current;
    const audit = startAppraising(ws, ctx, next, now);
    if (old !== score) audit.push(entryOf(ws, now, ctx.entry.code, 'appraised', item, old, score, round, reasonOf(opts)));
    next.round = round;
    next.updatedAt = now;
    return commit(ws, ctx, next, audit);
  });
}

/**
 * `setAppraisedScore` for an item of one of the agency's additional templates (the ISO 9001
 * checklist): the same rounds, statuses and checks, the max taken from that template and the
 * agency's assessment against it; the audit entry names the template. Refused when the template is
 * not one the agency applies (`cycle.not_additional_template`, `cycle.template_exempted`) or the
 * agency sent no assessment against it (`cycle.no_additional_assessment`).
 */
async function setAdditionalScore(ws: WorkspaceStore, ctx: HaContext, templateId: string, item: string, score: number | null, opts: ScoreOptions): Promise<Appraisal> {
  const round = editableRound(ctx.entry);
  const at: IssueLocation = { agency: ctx.entry.code, template: templateId, item, field: 'appraised' };
  refuseUnsafeTexts(at, { comment: opts.comment, reason: opts.reason });
  if (opts.round !== round) refuse('cycle.wrong_round', at, { round: opts.round, expected: round });
  const template = additionalTemplateFor(ws, ctx.campaign, ctx.agency, templateId);
  const ct = compiledFor(ws, template);
  const idx = ct.index.get(item);
  const node = idx === undefined ? undefined : ct.nodes[idx];
  if (!node) refuse('cycle.unknown_item_in', at, { item, template: templateId });
  if (!node.leaf) refuse('cycle.not_a_leaf', at, { item });
  if (node.item.survey) refuse('cycle.survey_item', at, { item });
  const assessment = await requireAssessment(ws, ctx);
  const part = assessment.additional[templateId];
  if (!part) refuse('cycle.no_additional_assessment', at, { template: templateId, agency: ctx.entry.code });
  if (score !== null) {
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0) refuse('cycle.invalid_score', at, { score: String(score) });
    const max = scoreAssessment(ct, { items: part.items }).report.items[item]?.effectiveMax ?? node.item.max;
    if (!leq(score, max)) refuse('cycle.score_above_max', at, { score, max });
  }
  const now = timestamp(opts.now);
  const current = (await ws.readAppraisal(ctx.entry.code)) ?? newAppraisal(ctx, assessment, now);
  const next: Appraisal = structuredClone(current);
  const held = next.additional[templateId] ?? { template: { ...ct.ref }, items: {}, explanations: {} };
  const before = current.additional[templateId]?.items[item];
  const old = before?.score ?? null;
  if (score === null) delete held.items[item];
  else {
    const comment = opts.comment === undefined ? before?.comment : opts.comment.trim() || undefined;
    held.items[item] = { score, ...(comment ? { comment } : {}), round };
  }
  if (JSON.stringify(held.items[item] ?? null) === JSON.stringify(before ?? null)) return current;
  next.additional[templateId] = held;
  const audit = startAppraising(ws, ctx, next, now);
  if (old !== score) audit.push(entryOf(ws, now, ctx.entry.code, 'appraised', item, old, score, round, reasonOf(opts), templateId));
  next.round = round;
  next.updatedAt = now;
  return commit(ws, ctx, next, audit);
}

/**
 * Sets (or, with null, removes) a bonus or penalty entry of the appraisal: a code of the template's
 * block, points within the entry's max, and the block's total within its cap
 * (`cycle.adjustment_above_cap`). Same statuses as scores.
 */
export async function setAppraisalAdjustment(
  ws: WorkspaceStore,
  agency: string,
  block: 'bonus' | 'penalty',
  code: string,
  points: number | null,
  opts: AdjustmentOptions = {},
): Promise<Result<Appraisal>> {
  return attempt(async () => {
    const ctx = haContext(ws, agency);
    const round = editableRound(ctx.entry);
    const at: IssueLocation = { agency: ctx.entry.code, item: code, field: block };
    refuseUnsafeTexts(at, { note: opts.note, reason: opts.reason });
    const assessment = await requireAssessment(ws, ctx);
    const now = timestamp(opts.now);
    const current = (await ws.readAppraisal(ctx.entry.code)) ?? newAppraisal(ctx, assessment, now);
    const probe = setAdjustment(ctx.ct, { ...assessment, bonus: current.bonus, penalty: current.penalty }, block, code, points);
    if (!probe.ok) throw new IssueError(probe.error.map((i) => ({ ...i, at: { ...at, ...i.at, agency: ctx.entry.code, field: block } })));
    const next: Appraisal = structuredClone(current);
    const before = current[block][code];
    if (points === null) delete next[block][code];
    else {
      const note = opts.note === undefined ? before?.note : opts.note.trim() || undefined;
      next[block][code] = { points, ...(note ? { note } : {}) };
    }
    const overCap = adjustmentCapProblem(ctx.ct, block, next[block], at);
    if (overCap) throw new IssueError(overCap);
    if (JSON.stringify(next[block][code] ?? null) === JSON.stringify(before ?? null)) return current;
    const audit = startAppraising(ws, ctx, next, now);
    const old = before?.points ?? null;
    if (old !== points) audit.push(entryOf(ws, now, ctx.entry.code, block, code, old, points, round, reasonOf(opts)));
    next.round = round;
    next.updatedAt = now;
    return commit(ws, ctx, next, audit);
  });
}

const ORDER = (s: AgencyStatus): number => AGENCY_STATUSES.indexOf(s);

/** The moves `setAppraisalStatus` allows from each status, and whether each needs a reason. */
export function allowedMove(from: AgencyStatus, to: AgencyStatus, hasExplanations: boolean): { ok: boolean; needsReason: boolean } {
  const moves: Partial<Record<AgencyStatus, Partial<Record<AgencyStatus, boolean>>>> = {
    not_submitted: { locked: true },
    submitted: { appraising: false },
    appraising: { appraised_1: false },
    appraised_1: { appraised_2: true, appraising: true },
    explained: { appraised_2: false },
    appraised_2: { locked: false, [hasExplanations ? 'explained' : 'appraised_1']: true },
  };
  const needsReason = moves[from]?.[to];
  return needsReason === undefined ? { ok: false, needsReason: false } : { ok: true, needsReason };
}

/**
 * Moves an agency along the cycle (see the order above). `explained` is reached only by importing a
 * round-2 submission (`cycle.explained_by_import`); skipping the explanation round, reopening a
 * round and locking an agency that never submitted need a reason (`cycle.reason_required`); any
 * other move is refused (`cycle.bad_transition`); a locked agency never changes.
 */
export async function setAppraisalStatus(ws: WorkspaceStore, agency: string, status: AgencyStatus, opts: ChangeOptions = {}): Promise<Result<Appraisal>> {
  return attempt(async () => {
    const ctx = haContext(ws, agency);
    const from = ctx.entry.status;
    const at: IssueLocation = { agency: ctx.entry.code, field: 'status' };
    refuseUnsafeTexts(at, { reason: opts.reason });
    if (from === 'locked') refuse('cycle.agency_locked', at, { agency: ctx.entry.code });
    const now = timestamp(opts.now);
    const assessment = await ws.readAssessment(ctx.entry.code);
    const current = (await ws.readAppraisal(ctx.entry.code)) ?? newAppraisal(ctx, assessment, now);
    if (from === status) return current;
    if (status === 'explained' && from !== 'appraised_2') refuse('cycle.explained_by_import', at);
    const explained = Object.keys(current.explanations).length > 0 || Object.values(current.additional).some((p) => Object.keys(p.explanations).length > 0);
    const move = allowedMove(from, status, explained);
    if (!move.ok) refuse('cycle.bad_transition', at, { from, to: status });
    const reason = reasonOf(opts);
    if (move.needsReason && !reason) refuse('cycle.reason_required', at, { from, to: status });
    const next: Appraisal = { ...structuredClone(current), status, updatedAt: now };
    if (ORDER(status) >= ORDER('explained') && status !== 'locked') next.round = 2;
    if (status === 'appraising') next.round = 1;
    const round: Round | null = from === 'not_submitted' ? null : next.round;
    return commit(ws, ctx, next, [entryOf(ws, now, ctx.entry.code, 'status', null, from, status, round, reason)]);
  });
}

/**
 * Records (true) or withdraws (false) the finding that the agency's evidence was falsified, which
 * disqualifies it from commendation. A reason is required. Refused once locked and before anything
 * was submitted.
 */
export async function markFalsifiedEvidence(ws: WorkspaceStore, agency: string, value: boolean, reason: string, opts: { now?: string } = {}): Promise<Result<Appraisal>> {
  return attempt(async () => {
    const ctx = haContext(ws, agency);
    const at: IssueLocation = { agency: ctx.entry.code, field: 'falsifiedEvidence' };
    refuseUnsafeTexts(at, { reason });
    if (ctx.entry.status === 'locked') refuse('cycle.agency_locked', at, { agency: ctx.entry.code });
    if (ctx.entry.status === 'not_submitted') refuse('cycle.not_submitted', at, { agency: ctx.entry.code });
    const why = reasonOf({ reason });
    if (!why) refuse('cycle.reason_required', at, { from: ctx.entry.status, to: ctx.entry.status });
    const now = timestamp(opts.now);
    const assessment = await ws.readAssessment(ctx.entry.code);
    const current = (await ws.readAppraisal(ctx.entry.code)) ?? newAppraisal(ctx, assessment, now);
    if (current.falsifiedEvidence === value) return current;
    const next: Appraisal = { ...structuredClone(current), falsifiedEvidence: value, updatedAt: now };
    return commit(ws, ctx, next, [entryOf(ws, now, ctx.entry.code, 'falsified', null, current.falsifiedEvidence, value, current.round, why)]);
  });
}

/**
 * The appraisal file for an agency, signed with Home Affairs' key: allowed once a round is appraised
 * (`appraised_1`, `appraised_2`, `locked`; else `cycle.appraisal_not_ready`). Throws an IssueError.
 */
export async function exportAppraisal(ws: WorkspaceStore, agency: string, opts: { now?: string } = {}): Promise<Uint8Array> {
  const ctx = haContext(ws, agency);
  const status = ctx.entry.status;
  if (status !== 'appraised_1' && status !== 'appraised_2' && status !== 'locked') {
    refuse('cycle.appraisal_not_ready', { agency: ctx.entry.code }, { status });
  }
  const identity = await requireIdentity(ws);
  const appraisal = await ws.readAppraisal(ctx.entry.code);
  if (!appraisal) refuse('cycle.no_appraisal', { agency: ctx.entry.code });
  const createdAt = timestamp(opts.now);
  const payload: AppraisalPackage = {
    kind: APPRAISAL_PACKAGE_KIND,
    schemaVersion: 2,
    campaign: ctx.campaign.id,
    agency: ctx.entry.code,
    createdAt,
    appraisal: { ...appraisal, status },
  };
  return writePackage({ kind: APPRAISAL_PACKAGE_KIND, payload: { path: PAYLOAD.appraisal, json: payload }, identity, campaign: campaignBinding(ctx.campaign), createdAt });
}

// ── agency side ──────────────────────────────────────────────────────────────────────────────────

/**
 * Reads the appraisal file from Home Affairs into an agency workspace: the container must verify
 * and be signed with the Home Affairs key pinned in the agency's campaign
 * (`cycle.not_signed_by_home_affairs`); campaign, agency and template must be this workspace's; an
 * appraisal older than the one held is refused (`cycle.appraisal_older`). Explanations the agency
 * has written are kept. The agency's own status becomes the appraisal's.
 */
export async function importAppraisal(ws: WorkspaceStore, bytes: Uint8Array, file: string, opts: { limits?: Partial<PackageLimits> } = {}): Promise<Result<Appraisal>> {
  return attempt(async () => {
    const campaign = requireCampaign(ws);
    const agency = selfAgency(ws, campaign);
    const at: IssueLocation = { file, agency: agency.code };
    if (!campaign.homeAffairs) refuse('cycle.campaign_without_key', { file: 'campaign.json' });
    const opened = await readPackage(bytes, file, { expectKind: APPRAISAL_PACKAGE_KIND, limits: opts.limits ?? {} });
    if (!opened.ok) throw new IssueError(opened.error);
    // Another campaign's file (same id and year, another province) is named as such, before its signer.
    const other = bindingProblems(opened.value.manifest.campaign, campaign, at);
    if (other.length > 0) throw new IssueError(other);
    if (!sameKey(campaign.homeAffairs, opened.value.signer)) {
      refuse('cycle.not_signed_by_home_affairs', at, { expected: campaign.homeAffairs.fingerprint, actual: opened.value.signer.fingerprint });
    }
    const doc = AppraisalPackageDoc.parse(opened.value.payload, file);
    if (!doc.ok) throw new IssueError(doc.error);
    const pkg = doc.value.value;
    const incoming = pkg.appraisal;
    const problems: Issue[] = [];
    if (pkg.campaign !== campaign.id || incoming.campaign !== campaign.id) {
      problems.push(issue('cycle.other_campaign', { ...at, field: 'campaign' }, { expected: campaign.id, actual: pkg.campaign }));
    }
    if (pkg.agency !== agency.code || incoming.agency !== agency.code) {
      problems.push(issue('cycle.other_agency', { ...at, field: 'agency' }, { expected: agency.code, actual: pkg.agency }));
    }
    const template = templateFor(ws, campaign, agency);
    if (!sameRef(incoming.template, template)) {
      problems.push(
        issue('cycle.template_mismatch', { ...at, field: 'appraisal.template' }, {
          expected: `${template.id}@${template.version}`,
          actual: `${incoming.template.id}@${incoming.template.version}`,
          group: agency.group,
        }),
      );
    }
    // Additional parts: only templates the agency applies, in the campaign's version.
    const mine = additionalRefsFor(campaign, agency);
    for (const [id, part] of Object.entries(incoming.additional)) {
      const ref = mine.find((r) => r.id === id);
      if (!ref) problems.push(issue('cycle.appraisal_additional_not_applied', { ...at, template: id, field: `appraisal.additional.${id}` }, { template: id }));
      else if (!sameRef(part.template, ref)) {
        problems.push(
          issue('cycle.additional_version_mismatch', { ...at, template: id, field: `appraisal.additional.${id}.template` }, {
            template: id,
            expected: `${ref.id}@${ref.version}`,
            actual: `${part.template.id}@${part.template.version}`,
          }),
        );
      }
    }
    // The content, as strictly as Home Affairs checks a submission (scores within max, items of the
    // template, statuses of the cycle): the file is signed, but a signature proves who, not what.
    const additionalCts = new Map<string, CompiledTemplate>();
    for (const ref of mine) if (Object.hasOwn(incoming.additional, ref.id)) additionalCts.set(ref.id, compiledFor(ws, additionalTemplateFor(ws, campaign, agency, ref.id)));
    problems.push(...checkAppraisalContent(incoming, { ct: compiledFor(ws, template), additional: additionalCts }, at));
    const made = implausibleDate(opened.value.manifest.createdAt, { ...at, field: 'manifest.createdAt' });
    if (made) problems.push(made);
    problems.push(...appraisalDateIssues(pkg.createdAt, incoming, at));
    problems.push(...unsafeTextIssues(incoming, at, 'appraisal'));
    if (problems.length > 0) throw new IssueError(problems);
    const stored = await ws.readAppraisal(agency.code);
    if (stored && Date.parse(incoming.updatedAt) < Date.parse(stored.updatedAt)) {
      refuse('cycle.appraisal_older', at, { received: incoming.updatedAt, held: stored.updatedAt });
    }
    const additional: Appraisal['additional'] = structuredClone(incoming.additional);
    for (const [id, part] of Object.entries(stored?.additional ?? {})) {
      if (Object.keys(part.explanations).length === 0) continue;
      const into = additional[id] ?? { template: { ...part.template }, items: {}, explanations: {} };
      additional[id] = { ...into, explanations: { ...into.explanations, ...part.explanations } };
    }
    const merged: Appraisal = { ...incoming, explanations: { ...incoming.explanations, ...(stored?.explanations ?? {}) }, additional };
    // Having sent its explanations, the agency stays "explained" until the round-2 appraisal comes.
    const own = ws.index.agencies.find((x) => x.code === agency.code);
    const status = incoming.status === 'appraised_1' && own?.status === 'explained' && own.submission?.round === 2 ? 'explained' : incoming.status;
    return ws.transaction(async (tx) => {
      const value = await tx.writeAppraisal(merged);
      tx.updateIndex((d) => ({ ...d, agencies: d.agencies.map((x) => (x.code === agency.code ? { ...x, status } : x)) }));
      return value;
    });
  });
}

/**
 * Records (or, with null, removes) the agency's explanation for an item, sent with the next
 * submission (round 2). Allowed while the appraisal received is round 1's (`appraised_1`,
 * `explained`); evidence referenced by hash must be in the workspace (add it with `addEvidence`).
 */
export async function setExplanation(
  ws: WorkspaceStore,
  item: string,
  explanation: { text: string; evidence?: ItemExplanation['evidence'] } | null,
  opts: { template?: string } = {},
): Promise<Result<Appraisal>> {
  return attempt(async () => {
    const campaign = requireCampaign(ws);
    const agency = selfAgency(ws, campaign);
    const ranked = templateFor(ws, campaign, agency);
    // An additional template's item (ISO 9001 checklist): its explanations travel apart (submission.additionalExplanations).
    const extra = opts.template !== undefined && opts.template !== ranked.id ? opts.template : null;
    const at: IssueLocation = { agency: agency.code, ...(extra ? { template: extra } : {}), item, field: 'explanation' };
    const appraisal = await ws.readAppraisal(agency.code);
    if (!appraisal) refuse('cycle.no_appraisal_received', at);
    if (appraisal.status !== 'appraised_1' && appraisal.status !== 'explained') refuse('cycle.explanations_closed', at, { status: appraisal.status });
    const ct = compiledFor(ws, extra ? additionalTemplateFor(ws, campaign, agency, extra) : ranked);
    if (!ct.byCode.has(item)) refuse(extra ? 'cycle.unknown_item_in' : 'cycle.unknown_item', at, { item, template: ct.ref.id });
    const next: Appraisal = structuredClone(appraisal);
    const list = extra ? (next.additional[extra] ??= { template: { ...ct.ref }, items: {}, explanations: {} }).explanations : next.explanations;
    if (explanation === null) delete list[item];
    else {
      refuseUnsafeTexts(at, { 'explanation.text': explanation.text });
      const parsed = ItemExplanation.safeParse({ text: explanation.text, evidence: explanation.evidence ?? [] });
      if (!parsed.success) {
        throw new IssueError(parsed.error.issues.map((zi) => issue('doc.schema', { ...at, field: ['explanation', ...zi.path].join('.') }, { detail: zi.message })));
      }
      const missing: Issue[] = evidenceDateIssues(parsed.data.evidence, 'explanation.evidence', at).map((i) => ({ ...i, at: { ...at, ...i.at } }));
      for (const [i, ref] of parsed.data.evidence.entries()) {
        if (ref.sha256 && !(await ws.hasEvidence(ref.sha256))) {
          missing.push(issue('cycle.evidence_missing_local', { ...at, field: `explanation.evidence[${i}]` }, { sha256: ref.sha256, fileName: ref.fileName ?? ref.docNo }));
        }
      }
      if (missing.length > 0) throw new IssueError(missing);
      list[item] = parsed.data;
    }
    // updatedAt stays Home Affairs' (it orders the appraisal files received).
    return ws.writeAppraisal(next);
  });
}
