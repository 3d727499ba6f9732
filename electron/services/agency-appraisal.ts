/**
 * The appraisal round trip in the agency's own workspace, as the window does it (issue 13 point 7):
 * what the appraisal received says, beside the agency's own scores; reading the appraisal file;
 * answering an item with an explanation and extra documents (stored as `parscore appraisal
 * explain` stores them); and the agency's self-assessment report (the workbook `parscore report
 * --only agencies` writes for it). Enters at the same cycle and report services as the CLI.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue, type Lang } from '../../shared/i18n/index.ts';
import type { ReceivedAppraisalView } from '../../shared/ipc/appraisal.ts';
import type { Appraisal, EvidenceRef, Template } from '../../shared/schema/index.ts';
import { scoreAssessment } from '../../shared/scoring/index.ts';
import type { CompiledTemplate } from '../../shared/template/compile.ts';
import { type Issue, IssueError, issue } from '../../shared/util/issue.ts';
import { consolidate } from './consolidate.ts';
import { importAppraisal, setExplanation } from './cycle/appraisal.ts';
import { addEvidence } from './cycle/submission.ts';
import { type EvidenceDetails, applyDetails } from './entry/evidence.ts';
import { requireSelfEntryOpen, selfEntryLock } from './entry/read-only.ts';
import { agencyFileName, incompleteNotice } from './reports/index.ts';
import { writeAgencyReport } from './reports/agency.ts';
import { defaultFooter } from './reports/kit/context.ts';
import { withReportNotice } from './reports/kit/notice.ts';
import type { LockOptions } from './entry/read-only.ts';
import type { WorkspaceStore } from './store/workspace.ts';

export interface AgencyAppraisalDeps {
  ws: WorkspaceStore;
  lang: Lang;
  now: number;
  /** The window's rule for the agency's entries (AppService.entryRule: the deadline, unless the officer chose to go on late). */
  rule: LockOptions;
  template: Template;
  ct: CompiledTemplate;
}

/** An issue said on the agency's own screen: without "cơ quan X:" in front. */
function own(lang: Lang, i: Issue): string {
  const { agency: _named, ...where } = i.at ?? {};
  return formatIssue(lang, { ...i, at: where });
}

/** Why explanations cannot be given now, or null: the window's rule (closed round, past the explanation deadline) and the service's (round 1 appraised). */
async function closedReason(d: AgencyAppraisalDeps, code: string, appraisal: Appraisal): Promise<Issue | null> {
  const lock = await selfEntryLock(d.ws, code, d.rule);
  if (lock) return lock;
  if (appraisal.status !== 'appraised_1' && appraisal.status !== 'explained') return issue('cycle.explanations_closed', { agency: code }, { status: appraisal.status });
  return null;
}

/** The appraisal received, for the agency screen; null before any was received. */
export async function receivedAppraisal(d: AgencyAppraisalDeps, code: string): Promise<ReceivedAppraisalView | null> {
  const appraisal = await d.ws.readAppraisal(code);
  if (!appraisal) return null;
  const assessment = await d.ws.readAssessment(code);
  const items = assessment?.items ?? {};
  const self = scoreAssessment(d.ct, { items, bonus: assessment?.bonus ?? {}, penalty: assessment?.penalty ?? {} }).report;
  // The appraised run as the results make it: Home Affairs' points replace the leaves they cover, its bonus and penalty count.
  const overrides = Object.fromEntries(Object.entries(appraisal.items).map(([c, v]) => [c, v.score]));
  const appraised = scoreAssessment(d.ct, { items, bonus: appraisal.bonus, penalty: appraisal.penalty }, { overrides }).report;
  const view: ReceivedAppraisalView['items'] = {};
  for (const [c, v] of Object.entries(appraisal.items)) view[c] = { score: v.score, comment: v.comment ?? null, round: v.round, self: self.items[c]?.score ?? 0 };
  const commented = d.template.items.filter((i) => view[i.code]?.comment).map((i) => i.code);
  const closed = await closedReason(d, code, appraisal);
  const sub = d.ws.index.agencies.find((a) => a.code === code)?.submission;
  return {
    status: d.ws.index.agencies.find((a) => a.code === code)?.status ?? appraisal.status,
    round: appraisal.round,
    updatedAt: appraisal.updatedAt,
    items: view,
    explanations: Object.fromEntries(Object.entries(appraisal.explanations).map(([c, e]) => [c, { text: e.text, evidence: e.evidence }])),
    commented,
    totals: { self: self.self.score, appraised: appraised.self.score, max: self.self.max },
    closed: closed ? own(d.lang, closed) : null,
    sent: sub ? { revision: sub.revision, round: sub.round } : null,
  };
}

/** Reads the appraisal file (its bytes, its own name); refused with every reason, nothing stored. */
export async function importAppraisalFile(d: AgencyAppraisalDeps, code: string, bytes: Uint8Array, file: string): Promise<ReceivedAppraisalView> {
  const r = await importAppraisal(d.ws, bytes, file);
  if (!r.ok) throw new IssueError(r.error);
  const view = await receivedAppraisal(d, code);
  if (!view) throw new IssueError(issue('cycle.no_appraisal_received', { agency: code }));
  return view;
}

export interface ExplainRequest {
  item: string;
  /** null (or only blanks): the explanation is removed. */
  text: string | null;
  /** 1-based positions of the explanation's documents to keep; absent: all. */
  keep?: number[] | undefined;
  /** Extra documents: the file on disk (named as the user's file) and what the user typed about it. */
  add: { path: string; fileName: string; details: EvidenceDetails }[];
}

/**
 * Answers one item of the appraisal. Everything is checked before anything is stored (the round
 * open, the item the template's, every document's details); then each extra document is stored as
 * the CLI stores it (cycle addEvidence: by its hash) and the explanation set with the documents
 * kept and added.
 */
export async function explainItem(d: AgencyAppraisalDeps, code: string, req: ExplainRequest): Promise<ReceivedAppraisalView> {
  await requireSelfEntryOpen(d.ws, code, d.rule);
  const at = { agency: code, item: req.item };
  const appraisal = await d.ws.readAppraisal(code);
  if (!appraisal) throw new IssueError(issue('cycle.no_appraisal_received', { ...at, field: 'explanation' }));
  const closed = await closedReason(d, code, appraisal);
  if (closed) throw new IssueError(closed);
  if (!d.ct.byCode.has(req.item)) throw new IssueError(issue('cycle.unknown_item', at, { item: req.item }));
  const text = req.text?.trim() ? req.text : null;
  if (text === null) {
    if (req.add.length > 0) throw new IssueError(issue('appraisal.explain_text_needed', { ...at, field: 'explanation' }));
    const r = await setExplanation(d.ws, req.item, null);
    if (!r.ok) throw new IssueError(r.error);
    return (await receivedAppraisal(d, code))!;
  }
  const problems: Issue[] = [];
  const details: Partial<EvidenceRef>[] = [];
  for (const f of req.add) {
    try {
      // Checked on a placeholder reference: the file's hash and size come when it is stored.
      const ref = applyDetails({ fileName: f.fileName, sha256: '0'.repeat(64), size: 0 }, f.details, { ...at, file: f.fileName });
      const { sha256: _s, size: _z, ...meta } = ref;
      details.push(meta);
    } catch (e) {
      if (!(e instanceof IssueError)) throw e;
      problems.push(...e.issues);
    }
  }
  if (problems.length > 0) throw new IssueError(problems);
  const current = appraisal.explanations[req.item]?.evidence ?? [];
  const kept = req.keep ? current.filter((_, i) => req.keep!.includes(i + 1)) : current;
  const added: EvidenceRef[] = [];
  for (const [i, f] of req.add.entries()) added.push(await addEvidence(d.ws, f.path, { ...(details[i] as Omit<EvidenceRef, 'sha256' | 'size'>), fileName: f.fileName }));
  const r = await setExplanation(d.ws, req.item, { text, evidence: [...kept, ...added] });
  if (!r.ok) throw new IssueError(r.error);
  return (await receivedAppraisal(d, code))!;
}

/**
 * The agency's self-assessment report: the results consolidated here (on this thread), then the
 * very workbook `parscore report --only agencies` writes; a document missing is said under the
 * report's title, as the CLI's --allow-missing does.
 */
export async function selfAssessmentReport(d: AgencyAppraisalDeps, code: string, date = new Date(d.now)): Promise<{ fileName: string; bytes: Uint8Array }> {
  const campaign = d.ws.campaign();
  if (!campaign) throw new IssueError(issue('service.no_campaign', { file: 'campaign.json' }));
  const agency = campaign.agencies.find((a) => a.code === code);
  if (!agency) throw new IssueError(issue('store.agency_unknown', { agency: code }));
  const consolidated = await consolidate(d.ws, { allowMissing: true, workers: 0, now: date.toISOString() });
  if (!consolidated.ok) throw new IssueError(consolidated.error);
  const results = consolidated.value;
  const notice = incompleteNotice(results, d.lang);
  const dir = await mkdtemp(join(tmpdir(), 'parscore-report-'));
  try {
    const fileName = agencyFileName(agency.code, agency.name);
    const file = join(dir, fileName);
    await withReportNotice(notice, () => writeAgencyReport({ results, campaign, lang: d.lang, date, footer: defaultFooter(campaign, d.lang), ws: d.ws }, code, file));
    return { fileName, bytes: new Uint8Array(await readFile(file)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
