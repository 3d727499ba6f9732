/**
 * The window's way into Home Affairs' appraisal of one agency (thẩm định): the same services as
 * `parscore appraisal set|adjust|status|falsified|export` (cycle/appraisal.ts), plus what only the
 * window needs: one view of the appraisal beside the agency's totals, the items changed since
 * round 1, the documents the agency sent, and the export of every round-1 appraisal into a folder.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReviewAdjustmentBlock, ReviewExportAll, ReviewMove, ReviewView } from '../../shared/ipc/review.ts';
import { formatIssue, type Lang, t } from '../../shared/i18n/index.ts';
import { scoreAgency } from '../../shared/results/compute.ts';
import { AGENCY_STATUSES, type AgencyStatus, type Appraisal, type Assessment, type ItemEntry, type Round, type Submission } from '../../shared/schema/index.ts';
import { scoreAssessment } from '../../shared/scoring/index.ts';
import { round2 } from '../../shared/scoring/rounding.ts';
import { type Issue, IssueError, type Result, issue } from '../../shared/util/issue.ts';
import {
  allowedMove,
  exportAppraisal,
  markFalsifiedEvidence,
  setAppraisalAdjustment,
  setAppraisalStatus,
  setAppraisedScore,
} from './cycle/appraisal.ts';
import { additionalTemplateFor, compiledFor, requireCampaign, requireRole, templateFor } from './cycle/common.ts';
import { readSubmittedEvidence } from './cycle/received-evidence.ts';
import { inputInWords } from './reports/kit/words.ts';
import { openSubmission } from './cycle/submission.ts';
import type { WorkspaceStore } from './store/workspace.ts';

export interface ReviewContext {
  ws: WorkspaceStore;
  lang: Lang;
}

/** The value of a service's Result, or its issues thrown (the handlers say them at the field). */
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new IssueError(r.error);
  return r.value;
}

/** The round in which scores are given now, as the service decides (cycle/appraisal.ts editableRound). */
function roundOf(status: AgencyStatus): Round | null {
  if (status === 'submitted' || status === 'appraising') return 1;
  if (status === 'appraised_1' || status === 'explained') return 2;
  return null;
}

/** What the screen compares between the round-1 submission and the latest one, per item. */
const compared = (e: ItemEntry | undefined) => JSON.stringify(e ? { input: e.input ?? null, evidence: e.evidence, explanation: e.explanation ?? null } : null);

/**
 * Round-1 submissions already read, by received file (its SHA-256 never changes): the round-2
 * screen compares against it at every view, and a received file is signed, hashed and opened once.
 */
const round1Cache = new Map<string, Submission | null>();

/** The items whose self input, documents or explanation changed between `before` and `now`, in `order`. */
export function changedItems(order: readonly string[], before: Assessment['items'], now: Assessment['items']): string[] {
  return order.filter((code) => compared(before[code]) !== compared(now[code]));
}

export class ReviewService {
  constructor(private readonly c: ReviewContext) {}

  private get ws(): WorkspaceStore {
    return this.c.ws;
  }

  private agency(code: string) {
    requireRole(this.ws, 'home-affairs');
    const campaign = requireCampaign(this.ws);
    const c = code.normalize('NFC');
    const agency = campaign.agencies.find((a) => a.code.normalize('NFC') === c);
    const entry = this.ws.index.agencies.find((a) => a.code.normalize('NFC') === c);
    if (!agency || !entry) throw new IssueError(issue('cycle.unknown_agency', { agency: code }, { agency: code }));
    return { campaign, agency, entry };
  }

  /** The last round-1 submission received before the latest (round-2) one; null when the latest is round 1's. */
  private async round1Submission(code: string): Promise<Submission | null> {
    const entry = this.ws.index.agencies.find((a) => a.code === code);
    const latest = entry?.submission;
    if (!latest || latest.round !== 2) return null;
    for (let revision = latest.revision - 1; revision >= 1; revision--) {
      const bytes = await this.ws.readReceived(code, revision);
      if (!bytes) continue;
      const key = `${code}:${createHash('sha256').update(bytes).digest('hex')}`;
      let s = round1Cache.get(key);
      if (s === undefined) {
        const opened = await openSubmission(bytes, `received/${code}-r${revision}.parscore`);
        s = opened.ok ? opened.value.submission : null;
        round1Cache.set(key, s);
      }
      if (s?.round === 1) return s;
    }
    return null;
  }

  /** The moves the service allows from `status` (cycle/appraisal.ts allowedMove); `explained` only comes by import. */
  private moves(status: AgencyStatus, appraisal: Appraisal | null): ReviewMove[] {
    const explained = !!appraisal && (Object.keys(appraisal.explanations).length > 0 || Object.values(appraisal.additional).some((p) => Object.keys(p.explanations).length > 0));
    const out: ReviewMove[] = [];
    for (const to of AGENCY_STATUSES) {
      if (to === status || (to === 'explained' && status !== 'appraised_2')) continue;
      const m = allowedMove(status, to, explained);
      if (m.ok) out.push({ to, reason: m.needsReason });
    }
    return out;
  }

  private closedReason(code: string, status: AgencyStatus): string | null {
    if (roundOf(status) !== null) return null;
    const key = status === 'locked' ? 'cycle.agency_locked' : status === 'not_submitted' ? 'cycle.not_submitted' : 'cycle.round_closed';
    return formatIssue(this.c.lang, issue(key, undefined, { agency: code, status: t(this.c.lang, `app.status.${status}`) }));
  }

  /** The appraisal of the agency's ranked set, or with `set` one of its additional sets (ISO 9001). */
  async view(code: string, set?: string): Promise<ReviewView> {
    const { campaign, agency, entry } = this.agency(code);
    const ranked = templateFor(this.ws, campaign, agency);
    const extra = set !== undefined && set !== ranked.id ? set : null;
    const [assessment, appraisal] = await Promise.all([this.ws.readAssessment(entry.code), this.ws.readAppraisal(entry.code)]);
    const status = entry.status;
    const template = extra ? additionalTemplateFor(this.ws, campaign, agency, extra) : ranked;
    const ct = compiledFor(this.ws, template);
    const part = extra ? appraisal?.additional[extra] : appraisal;
    const ownItems = (extra ? assessment?.additional[extra]?.items : assessment?.items) ?? {};
    const items: ReviewView['items'] = {};
    for (const [k, v] of Object.entries(part?.items ?? {})) items[k] = { score: v.score, comment: v.comment ?? null, round: v.round };
    const explanations: ReviewView['explanations'] = {};
    for (const [k, v] of Object.entries(part?.explanations ?? {})) explanations[k] = { text: v.text, evidence: v.evidence };

    const inputs: ReviewView['inputs'] = {};
    for (const [k, v] of Object.entries(ownItems)) if (v.input) inputs[k] = inputInWords(this.c.lang, v.input);

    const r1 = await this.round1Submission(entry.code);
    const order = ct.nodes.filter((n) => n.leaf).map((n) => n.code);
    const changed = r1 ? changedItems(order, (extra ? r1.assessment.additional[extra]?.items : r1.assessment.items) ?? {}, ownItems) : [];

    let totals: ReviewView['totals'];
    let adjustments: ReviewView['adjustments'] = null;
    if (extra) {
      const overrides = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.score]));
      const self = scoreAssessment(ct, { items: ownItems }).report;
      const appraised = scoreAssessment(ct, { items: ownItems }, { overrides }).report;
      totals = {
        self: { score: self.self.score, max: self.self.max },
        appraised: { score: appraised.self.score, max: appraised.self.max },
        survey: null,
        bonus: 0,
        penalty: 0,
        total: appraised.total,
        max: appraised.max,
      };
    } else {
      const survey = await this.ws.readSurvey();
      const mine = survey?.results[entry.code] ?? null;
      const scored = scoreAgency(campaign, {
        agency,
        template: ct,
        assessment,
        appraisal,
        survey: mine,
        submission: entry.submission ? { revision: entry.submission.revision, receivedAt: entry.submission.receivedAt, late: entry.submission.late } : null,
        nominations: [],
      }).result;
      totals = {
        self: scored.self,
        appraised: scored.appraised,
        survey: mine ? scored.survey : null,
        bonus: scored.bonus,
        penalty: scored.penalty,
        total: scored.total,
        max: scored.max,
      };
      const block = (name: 'bonus' | 'penalty'): ReviewAdjustmentBlock => {
        const given = appraisal?.[name] ?? {};
        const own = assessment?.[name] ?? {};
        const rows = template[name].items.map((i) => ({
          code: i.code,
          title: i.title,
          max: i.max,
          self: own[i.code]?.points ?? null,
          points: Object.hasOwn(given, i.code) ? given[i.code]!.points : null,
          note: Object.hasOwn(given, i.code) ? (given[i.code]!.note ?? null) : null,
        }));
        return { cap: template[name].cap, total: round2(rows.reduce((s, x) => s + (x.points ?? 0), 0)), items: rows };
      };
      adjustments = { bonus: block('bonus'), penalty: block('penalty') };
    }
    return {
      agency: { code: entry.code, name: agency.name, group: agency.group },
      set: extra,
      status,
      round: roundOf(status),
      closed: this.closedReason(entry.code, status),
      locked: status === 'locked',
      revision: entry.submission?.revision ?? null,
      items,
      inputs,
      explanations,
      changed,
      totals,
      adjustments,
      falsified: appraisal?.falsifiedEvidence ?? false,
      moves: this.moves(status, appraisal),
      exportable: appraisal !== null && (status === 'appraised_1' || status === 'appraised_2' || status === 'locked'),
    };
  }

  /** Sets (null removes) an item's appraised score and its comment; `saved` is false when nothing was new. */
  async setScore(code: string, req: { item: string; score: number | null; comment?: string | undefined; round: Round; set?: string | undefined }): Promise<ReviewView & { saved: boolean }> {
    const before = await this.ws.readAppraisal(this.agency(code).entry.code);
    const after = value(
      await setAppraisedScore(this.ws, code, req.item, req.score, {
        round: req.round,
        ...(req.comment !== undefined ? { comment: req.comment } : {}),
        ...(req.set !== undefined ? { template: req.set } : {}),
      }),
    );
    return { ...(await this.view(code, req.set)), saved: before?.updatedAt !== after.updatedAt };
  }

  async setAdjustment(code: string, req: { block: 'bonus' | 'penalty'; code: string; points: number | null; note?: string | undefined }): Promise<ReviewView & { saved: boolean }> {
    const before = await this.ws.readAppraisal(this.agency(code).entry.code);
    const after = value(await setAppraisalAdjustment(this.ws, code, req.block, req.code, req.points, req.note !== undefined ? { note: req.note } : {}));
    return { ...(await this.view(code)), saved: before?.updatedAt !== after.updatedAt };
  }

  async setStatus(code: string, status: AgencyStatus, reason?: string): Promise<ReviewView> {
    value(await setAppraisalStatus(this.ws, code, status, reason ? { reason } : {}));
    return this.view(code);
  }

  async setFalsified(code: string, flag: boolean, reason: string): Promise<ReviewView> {
    value(await markFalsifiedEvidence(this.ws, code, flag, reason));
    return this.view(code);
  }

  /** The file name an agency's appraisal is exported under: the round it closes. */
  fileName(code: string): string {
    const { entry } = this.agency(code);
    return `${entry.code}-tham-dinh-lan-${entry.status === 'appraised_1' ? 1 : 2}.parscore`;
  }

  /** The agency's appraisal file, signed (cycle/appraisal.ts exportAppraisal). */
  async exportOne(code: string): Promise<{ fileName: string; bytes: Uint8Array }> {
    const fileName = this.fileName(code);
    return { fileName, bytes: await exportAppraisal(this.ws, code) };
  }

  /**
   * Every agency appraised in round 1 (status appraised_1), one signed file each, into `folder`.
   * Files already there are refused, all of them named, before anything is written
   * (`review.export_exists`), unless `overwrite`. An agency whose file cannot be made is listed with
   * the reason; the others are written.
   */
  async exportAll(folder: string, opts: { overwrite: boolean; onProgress?: (done: number, total: number) => void }): Promise<ReviewExportAll> {
    requireRole(this.ws, 'home-affairs');
    requireCampaign(this.ws);
    const codes = this.ws.index.agencies.filter((a) => a.status === 'appraised_1').map((a) => a.code);
    if (codes.length === 0) throw new IssueError(issue('review.export_none'));
    const target = (code: string) => join(folder, `${code}-tham-dinh-lan-1.parscore`);
    if (!opts.overwrite) {
      const there = codes.filter((c) => existsSync(target(c)));
      if (there.length > 0) {
        const names = there.slice(0, 5).map((c) => `${c}-tham-dinh-lan-1.parscore`).join(', ');
        throw new IssueError(issue('review.export_exists', undefined, { n: there.length, files: there.length > 5 ? `${names}, …` : names }));
      }
    }
    try {
      await mkdir(folder, { recursive: true });
    } catch {
      throw new IssueError(issue('review.folder_unwritable', undefined, { folder }));
    }
    const written: ReviewExportAll['written'] = [];
    const failed: ReviewExportAll['failed'] = [];
    opts.onProgress?.(0, codes.length);
    for (const [i, code] of codes.entries()) {
      try {
        const bytes = await exportAppraisal(this.ws, code);
        await writeFile(target(code), bytes);
        written.push({ agency: code, file: target(code) });
      } catch (e) {
        const issues: Issue[] = e instanceof IssueError ? e.issues : [issue('review.write_failed', { agency: code }, { detail: (e as Error).message })];
        failed.push({ agency: code, reason: issues.map((x) => formatIssue(this.c.lang, x)).join(' ') });
      }
      opts.onProgress?.(i + 1, codes.length);
    }
    return { folder, written, failed };
  }

  /** A document the agency sent (its signed files at Home Affairs), checked as it is read. */
  async evidence(code: string, sha256: string): Promise<Uint8Array> {
    const { entry } = this.agency(code);
    const bytes = await readSubmittedEvidence(this.ws, entry.code, sha256);
    if (!bytes) throw new IssueError(issue('review.evidence_missing', { agency: entry.code }));
    return bytes;
  }
}
