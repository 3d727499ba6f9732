/**
 * The commendation screen and the rules editor of the window: the candidates of each award with
 * the conditions they meet, the excluded nominees with the first condition they fail, the council's
 * decisions (written with their audit line), the official workbook, and the rules with a preview.
 * The same service functions as `parscore award …` and `parscore report --only commendation`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pickText } from '../../shared/awards/describe.ts';
import { briefReason, formatReason } from '../../shared/awards/format.ts';
import type { Preview } from '../../shared/awards/preview.ts';
import { type RulesLocator, checkRules } from '../../shared/awards/rules.ts';
import type { Candidate, Exclusion, OverrideMark } from '../../shared/awards/schema.ts';
import type { AwardDecision, AwardRow, AwardsView, RuleProblem, RulesView } from '../../shared/ipc/awards.ts';
import { type Lang, formatIssue, t } from '../../shared/i18n/index.ts';
import { AwardOverride, type CommendationRules } from '../../shared/schema/index.ts';
import { formatPath } from '../../shared/schema/zod-issues.ts';
import { type Issue, IssueError, issue } from '../../shared/util/issue.ts';
import { previewRules, rulesContext, setRules } from './awards-rules.ts';
import { addOverride, readOverrides, removeOverride } from './consolidate.ts';
import { requireCampaign, requireRole } from './cycle/common.ts';
import { workspaceIdentity } from './cycle/identity.ts';
import { writeReports } from './reports/index.ts';
import type { WorkspaceStore } from './store/workspace.ts';

export interface AwardsContext {
  ws: WorkspaceStore;
  lang: Lang;
  now: () => number;
}

/** What the council decides on: a rule and a subject of an agency. */
export interface AwardSubject {
  rule: string;
  agency: string;
  subject: string;
}

/** The shortest reason the council's decision may give (the decision's schema says so too). */
const MIN_REASON = 5;

const decisionOf = (m: OverrideMark | null): AwardDecision | null => (m ? { action: m.action, reason: m.reason, by: m.by, at: m.at } : null);

export class AwardsService {
  constructor(private readonly c: AwardsContext) {}

  private get ws(): WorkspaceStore {
    return this.c.ws;
  }

  /** Whether there is anything to select from: a submission received. */
  hasResults(): boolean {
    return this.ws.index.agencies.some((a) => a.submission);
  }

  private candidateRow(x: Candidate): AwardRow {
    const lang = this.c.lang;
    return {
      key: `${x.kind}:${x.rule}:${x.agency}:${x.subject}`,
      kind: x.kind,
      rule: x.rule,
      subject: x.subject,
      agency: x.agency,
      agencyName: x.agencyName,
      name: x.name,
      stt: x.stt,
      met: x.satisfied.map((r) => briefReason(lang, r)),
      failed: x.unmet ? formatReason(lang, x.unmet) : null,
      decision: decisionOf(x.override),
    };
  }

  private exclusionRow(x: Exclusion): AwardRow {
    return {
      key: `${x.kind}:${x.rule}:${x.agency}:${x.subject}`,
      kind: x.kind,
      rule: x.rule,
      subject: x.subject,
      agency: x.agency,
      agencyName: x.agencyName,
      name: x.name,
      stt: null,
      met: [],
      failed: formatReason(this.c.lang, x.reason),
      decision: decisionOf(x.override),
    };
  }

  private viewOf(p: Preview, issues: Issue[]): AwardsView {
    return {
      state: 'ready',
      rules: p.rules.map((r) => ({ kind: r.kind, rule: r.rule, award: pickText(this.c.lang, r.award), candidates: r.selected.map((x) => this.candidateRow(x)), excluded: r.excluded.map((x) => this.exclusionRow(x)) })),
      unknown: p.unknownRules.map((x) => this.exclusionRow(x)),
      issues: issues.map((i) => formatIssue(this.c.lang, i)),
    };
  }

  /** The lists of the campaign's rules (or `rules`, unsaved) on the workspace's current data; nothing is written. */
  async view(rules?: CommendationRules): Promise<AwardsView> {
    requireCampaign(this.ws);
    if (!this.hasResults()) return { state: 'no-results', rules: [], unknown: [], issues: [] };
    const r = await previewRules(this.ws, { ...(rules ? { rules } : {}), now: new Date(this.c.now()).toISOString() });
    if (!r.ok) throw new IssueError(r.error);
    return this.viewOf(r.value.preview, r.value.issues);
  }

  /** A reason the council gives: at least a few words (said at the field otherwise). */
  private reasonOf(reason: string): string {
    const v = reason.normalize('NFC').trim();
    if (v.length < MIN_REASON) throw new IssueError(issue('awardsui.reason_required', undefined, { min: MIN_REASON }));
    return v;
  }

  private checkSubject(s: AwardSubject): void {
    const campaign = requireCampaign(this.ws);
    const rules = [...campaign.commendation.collectives, ...campaign.commendation.individuals];
    if (!rules.some((r) => r.id === s.rule)) throw new IssueError(issue('awardsui.unknown_rule', undefined, { rule: s.rule }));
    if (!campaign.agencies.some((a) => a.code === s.agency)) throw new IssueError(issue('store.agency_unknown', { agency: s.agency }));
  }

  /** Records the council's decision to include or exclude a subject against the rules, with its reason (and an audit line). */
  async override(s: AwardSubject & { action: 'include' | 'exclude'; reason: string }): Promise<AwardsView> {
    requireRole(this.ws, 'home-affairs');
    const reason = this.reasonOf(s.reason);
    this.checkSubject(s);
    const who = workspaceIdentity(this.ws);
    const o = AwardOverride.parse({ rule: s.rule, agency: s.agency, subject: s.subject, action: s.action, reason, by: who?.name ?? this.ws.index.name, at: new Date(this.c.now()).toISOString() });
    await addOverride(this.ws, o);
    return this.view();
  }

  /** Withdraws the council's decision on a subject, with the reason for withdrawing it (in the audit log). */
  async removeOverride(s: AwardSubject & { reason: string }): Promise<AwardsView> {
    requireRole(this.ws, 'home-affairs');
    const reason = this.reasonOf(s.reason);
    const removed = await removeOverride(this.ws, s, reason, new Date(this.c.now()).toISOString());
    if (!removed) throw new IssueError(issue('awardsui.no_decision', undefined, { subject: s.subject, rule: s.rule }));
    return this.view();
  }

  /** The council's decisions as stored. */
  overrides(): Promise<AwardOverride[]> {
    return readOverrides(this.ws);
  }

  /** The official workbook of the lists, exactly as `parscore report --only commendation` writes it. */
  async workbook(): Promise<{ fileName: string; bytes: Uint8Array }> {
    const dir = await mkdtemp(join(tmpdir(), 'parscore-awards-'));
    try {
      const r = await writeReports(this.ws, dir, { only: ['commendation'], lang: this.c.lang, now: new Date(this.c.now()) });
      if (!r.ok) throw new IssueError(r.error);
      const file = r.value.files[0]!;
      return { fileName: file.slice(dir.length + 1), bytes: new Uint8Array(await readFile(file)) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  rules(): RulesView {
    const campaign = requireCampaign(this.ws);
    return { rules: campaign.commendation, bands: campaign.bands.map((b) => ({ code: b.code, label: pickText(this.c.lang, b.label) })) };
  }

  /** Rules as the form holds them, checked as a rules file is: the rules, or every problem with the path of its field. */
  checkRules(raw: unknown): { ok: true; rules: CommendationRules } | { ok: false; problems: RuleProblem[] } {
    const lang = this.c.lang;
    const locate: RulesLocator = {
      place: (kind, i) => t(lang, `awardsui.rules.place.${kind}`, { n: i + 1 }),
      at: (path) => (path.length > 0 ? { field: formatPath(path) } : {}),
    };
    const r = checkRules(raw, rulesContext(requireCampaign(this.ws)), locate);
    if (r.ok) return { ok: true, rules: r.value };
    return { ok: false, problems: r.error.map((i) => ({ path: pathOf(i), message: formatIssue(lang, { ...i, at: undefined } as Issue) })) };
  }

  /** Saves the rules through the same setRules as `parscore award set-rules`, after the same check. */
  async saveRules(raw: unknown): Promise<{ ok: true; rules: RulesView } | { ok: false; problems: RuleProblem[] }> {
    const checked = this.checkRules(raw);
    if (!checked.ok) return checked;
    await setRules(this.ws, checked.rules);
    return { ok: true, rules: this.rules() };
  }

  /** Whom unsaved rules would select on the current data ("no-results" before any submission). */
  async previewRules(raw: unknown): Promise<{ ok: true; view: AwardsView } | { ok: false; problems: RuleProblem[] }> {
    const checked = this.checkRules(raw);
    if (!checked.ok) return checked;
    return { ok: true, view: await this.view(checked.rules) };
  }
}

/** "collectives.0.minIndex": the form's name of the field an issue is about (formatPath gives "collectives[0].minIndex"). */
function pathOf(i: Issue): string {
  return (i.at?.field ?? '').replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}
