import type { AgencyAssessmentView, CriteriaSet, EntryUpdate, ItemUpdate, SendCheckLine, SendCheckResult, SentSubmission, WorkspaceSummary } from '../../shared/ipc/index.ts';
import { sendCheckGaps } from '../../shared/cycle/send-check.ts';
import { formatIssue, type Lang, t } from '../../shared/i18n/index.ts';
import type { Assessment, ItemInput, Template, TemplateRef } from '../../shared/schema/index.ts';
import { areaProgress } from '../../shared/scoring/progress.ts';
import { resolve } from 'node:path';
import { scoreAssessment } from '../../shared/scoring/index.ts';
import { type CompiledTemplate, compileTemplate } from '../../shared/template/compile.ts';
import { type Issue, IssueError, issue } from '../../shared/util/issue.ts';
import { exportSubmission, prepareSubmission } from './cycle/submission.ts';
import { type EvidenceDetails, addItemEvidence, editItemEvidence, removeItemEvidence, setItemExplanation } from './entry/evidence.ts';
import { resolve as resolveEntry } from './entry/context.ts';
import { listFigures } from './entry/figures.ts';
import { setItem } from './entry/items.ts';
import { noticeText } from './start/notices.ts';
import { requireSelfEntryOpen, selfEntryLock } from './entry/read-only.ts';
import { endOfDayVietnam } from './cycle/common.ts';
import type { DeclaredContext } from './declared-service.ts';
import type { WorkspaceStore } from './store/workspace.ts';
import { type AgencyAppraisalDeps, type ExplainRequest, explainItem, importAppraisalFile, receivedAppraisal, selfAssessmentReport } from './agency-appraisal.ts';
import type { ReceivedAppraisalView, WrittenReport } from '../../shared/ipc/index.ts';

const EMPTY = { items: {}, bonus: {}, penalty: {} };

/** The entry services' template choice: absent = the ranked template. */
const target = (template: string | undefined) => (template === undefined ? {} : { template });

/**
 * What the desktop UI and the CLI ask of an open workspace. Keeps one compiled template per
 * template version, so an item edit costs one scoring pass and one file write.
 */
export class AppService {
  private readonly compiled = new Map<string, CompiledTemplate>();
  /** Agencies whose officer chose to go on entering past the deadline (a late submission), for this session. */
  private readonly late = new Set<string>();

  constructor(
    private readonly ws: WorkspaceStore,
    private lang: Lang = 'vi',
    /** Today, for the deadlines after which the window stops taking self inputs (tests set it). */
    private readonly now: () => number = Date.now,
  ) {}

  /** The language of the texts the service writes (campaign title, repair notices): the window's, which the user can switch. */
  setLang(lang: Lang): void {
    this.lang = lang;
  }

  /** The open workspace's folder. */
  get dir(): string {
    return resolve(this.ws.dir);
  }

  /** The workspace's name (recent workspaces list it). */
  get name(): string {
    return this.ws.index.name;
  }

  /** Releases the workspace (its lock): the window switched to another or is closing. */
  close(): Promise<void> {
    return this.ws.close();
  }

  private templateFor(group: string): Template {
    const ref = this.ws.campaign()?.templates[group as keyof NonNullable<ReturnType<WorkspaceStore['campaign']>>['templates']];
    if (!ref) throw new IssueError(issue('store.no_template_for_group', {}, { group }));
    return this.template(ref);
  }

  private template(ref: TemplateRef): Template {
    const t = this.ws.template(ref);
    if (!t) throw new IssueError(issue('store.template_missing', { file: `templates/${ref.id}@${ref.version}.json` }, { id: `${ref.id}@${ref.version}` }));
    return t;
  }

  private compile(t: Template): CompiledTemplate {
    const key = `${t.id}@${t.version}`;
    let c = this.compiled.get(key);
    if (!c) {
      c = compileTemplate(t);
      this.compiled.set(key, c);
    }
    return c;
  }

  /**
   * The window's rule for self entries: read-only where the services refuse them, and also after the
   * round's deadline unless the officer chose to go on late (continueLate). The CLI takes late
   * entries as it is: typing the command is the deliberate act the window asks for.
   */
  private entryRule(agency: string): { deadline: boolean; now: number } {
    return { deadline: !this.late.has(agency), now: this.now() };
  }

  /**
   * The officer goes on entering past the deadline, knowing the submission will be late (the
   * campaign's late rule says what Home Affairs does with it). Only a deadline can be passed so;
   * any other reason for read-only stays.
   */
  async continueLate(code: string): Promise<AgencyAssessmentView> {
    const agency = this.agency(code);
    const lock = await selfEntryLock(this.ws, agency.code, { deadline: true, now: this.now() });
    if (lock && lock.code !== 'integrity.past_deadline' && lock.code !== 'integrity.past_explanation_deadline') throw new IssueError(lock);
    this.late.add(agency.code);
    return this.assessment(code);
  }

  /** The deadline of the agency's round now (self-assessment, or explanation once appraised) with the days left; none in a Home Affairs workspace. */
  private async deadlineOf(code: string): Promise<AgencyAssessmentView['deadline']> {
    if (this.ws.index.role !== 'agency') return null;
    const appraisal = await this.ws.readAppraisal(code).catch(() => null);
    const d = this.ws.campaign()?.deadlines;
    const phase = appraisal ? ('explanation' as const) : ('self' as const);
    const day = phase === 'explanation' ? d?.explanation : d?.selfAssessment;
    if (!day) return null;
    // Whole days to the end of the deadline day, Vietnam time: 0 on the day itself, negative once past.
    const daysLeft = Math.ceil((endOfDayVietnam(day) - this.now()) / 86_400_000) - 1;
    return { phase, day, daysLeft };
  }

  /** What the campaign does with a late submission, said before the officer goes on late. */
  private lateConsequence(): string {
    const rule = this.ws.campaign()?.late ?? { mode: 'not_ranked' as const, penaltyPoints: 0 };
    return t(this.lang, `integrity.late_${rule.mode}`, { points: rule.penaltyPoints });
  }

  private agency(code: string) {
    const a = this.ws.index.agencies.find((x) => x.code === code);
    if (!a) throw new IssueError(issue('store.agency_unknown', { agency: code }));
    return a;
  }

  /**
   * Every agency with its provisional scores, from the summaries the store keeps up to date at each
   * save and import (store/summaries.ts): no assessment is read or scored while they agree with the
   * files. `onProgress` hears every 500 agencies (the overview's progress bar).
   */
  async summary(onProgress?: (done: number, total: number) => void): Promise<WorkspaceSummary> {
    const idx = this.ws.index;
    const campaign = this.ws.campaign();
    const scores = await this.ws.summaries(idx.agencies.filter((a) => a.hasAssessment).map((a) => a.code));
    const agencies: WorkspaceSummary['agencies'] = [];
    for (const a of idx.agencies) {
      if (onProgress && agencies.length % 500 === 0) onProgress(agencies.length, idx.agencies.length);
      const got = a.hasAssessment ? scores.get(a.code.normalize('NFC')) ?? null : null;
      let score: WorkspaceSummary['agencies'][number]['score'] = null;
      let problem: WorkspaceSummary['agencies'][number]['problem'] = null;
      if (got && 'error' in got) {
        const e = got.error;
        // One agency's damaged file marks that agency's row; the rest of the overview is still shown.
        if (e !== null && !(e instanceof IssueError)) throw e;
        // The first issue says what happened to the file (the repair notice above the list has the detail).
        const first = (e instanceof IssueError ? e.issues[0] : undefined) ?? issue('store.corrupt_no_backup', { agency: a.code });
        const lost = first.code === 'store.corrupt_no_backup' || first.code === 'store.missing_no_backup';
        problem = { message: formatIssue(this.lang, first), action: t(this.lang, lost ? 'integrity.damaged_action' : 'integrity.problem_action') };
      } else score = got;
      agencies.push({ code: a.code, name: a.name, group: a.group, parent: a.parent, status: a.status, score, problem });
    }
    onProgress?.(agencies.length, agencies.length);
    return {
      name: idx.name,
      role: idx.role,
      campaign: campaign ? { id: campaign.id, title: this.lang === 'en' && campaign.title.en ? campaign.title.en : campaign.title.vi, year: campaign.year } : null,
      agencies,
      notices: this.ws.recoveries().map((r) => noticeText(this.lang, r, idx.agencies)),
    };
  }

  /**
   * The agency's self-assessment against one of its criteria sets: the ranked template, or with
   * `template` an additional one (ISO 9001); refused in words for a set not assigned to the
   * agency's group or one it is exempted from (entry/context.ts resolve).
   */
  async assessment(code: string, template?: string): Promise<AgencyAssessmentView> {
    const agency = this.agency(code);
    const assessment = await this.ws.readAssessment(code);
    const ranked = assessment ? this.template(assessment.template) : this.templateFor(agency.group);
    const additional = template === undefined || template === ranked.id ? null : template;
    const shown = additional === null ? ranked : resolveEntry(this.ws, { agency: code, template: additional }).template;
    const entries = (additional === null ? assessment?.items : assessment?.additional[additional]?.items) ?? {};
    const { report } = scoreAssessment(this.compile(shown), additional === null ? (assessment ?? EMPTY) : { items: entries });
    const lock = await selfEntryLock(this.ws, agency.code, this.entryRule(agency.code));
    // Said on the agency's own screen: without "cơ quan X:" in front, but with the file when one is at fault.
    const { agency: _named, ...where } = lock?.at ?? {};
    const readOnly = lock ? { code: lock.code, reason: formatIssue(this.lang, { ...lock, at: where }) } : null;
    const pastDeadline = lock?.code === 'integrity.past_deadline' || lock?.code === 'integrity.past_explanation_deadline';
    const late = pastDeadline ? { consequence: this.lateConsequence() } : this.late.has(agency.code) ? { consequence: this.lateConsequence(), continuing: true as const } : null;
    return {
      agency: { code: agency.code, name: agency.name, group: agency.group },
      template: shown,
      additional,
      sets: this.criteriaSets(agency.code, agency.group, ranked, assessment),
      assessment,
      entries,
      report,
      readOnly,
      late,
      deadline: await this.deadlineOf(agency.code),
    };
  }

  /** The agency's criteria sets side by side: the ranked one, then its group's additional templates (ISO 9001), exempted ones with the reason. */
  private criteriaSets(code: string, group: string, ranked: Template, a: Assessment | null): CriteriaSet[] {
    const count = (tpl: Template, entries: Assessment['items'] | undefined) => {
      const { all } = areaProgress(tpl.items, entries ?? {});
      return { answered: all.answered, total: all.total };
    };
    const sets: CriteriaSet[] = [{ id: ranked.id, ranked: true, title: ranked.title, progress: count(ranked, a?.items), exempted: null }];
    const campaign = this.ws.campaign();
    for (const ref of campaign?.additionalTemplates[group as keyof typeof campaign.additionalTemplates] ?? []) {
      const tpl = this.ws.template(ref);
      if (!tpl) continue;
      const exemption = campaign!.exemptions.find((e) => e.agency.normalize('NFC') === code.normalize('NFC') && e.template === ref.id);
      sets.push({
        id: ref.id,
        ranked: false,
        title: tpl.title,
        progress: exemption ? null : count(tpl, a?.additional[ref.id]?.items),
        exempted: exemption ? (exemption.reason ?? t(this.lang, 'sets.exempted_no_reason')) : null,
      });
    }
    return sets;
  }

  /**
   * Sets one item's input and saves the agency's file (the value already stored writes nothing);
   * refused where the self-assessment is read-only (entry/read-only.ts). Returns the item, its
   * ancestors and the totals (see entry/items.ts).
   */
  async setItemInput(req: { agency: string; item: string; input: ItemInput | null; template?: string | undefined }): Promise<ItemUpdate> {
    this.agency(req.agency);
    // The window's rule, the one its screen shows: read-only in a Home Affairs workspace, once closed, after the round's deadline.
    await requireSelfEntryOpen(this.ws, req.agency, this.entryRule(req.agency));
    const r = await setItem(this.ws, { agency: req.agency, item: req.item, ...target(req.template) }, req.input);
    return { item: r.item, ancestors: r.ancestors, report: r.report };
  }
  /** The item's documents and explanation as now stored. */
  private async entryOf(agency: string, item: string, changed: boolean, template?: string): Promise<EntryUpdate> {
    const a = await this.ws.readAssessment(agency);
    const additional = template !== undefined && template !== a?.template.id ? template : null;
    const e = additional === null ? a?.items[item] : a?.additional[additional]?.items[item];
    return { evidence: e?.evidence ?? [], explanation: e?.explanation ?? null, changed };
  }

  /** Refused like an item's input where the self-assessment is read-only (the window's rule, with the deadline). */
  private async openForEntry(agency: string): Promise<void> {
    this.agency(agency);
    await requireSelfEntryOpen(this.ws, agency, this.entryRule(agency));
  }

  /** Attaches the file at `path` (its name is the document's file name) with its details. */
  async addEvidence(req: { agency: string; item: string; details: EvidenceDetails; template?: string | undefined }, path: string): Promise<EntryUpdate> {
    await this.openForEntry(req.agency);
    await addItemEvidence(this.ws, { agency: req.agency, item: req.item, ...target(req.template) }, path, req.details);
    return this.entryOf(req.agency, req.item, true, req.template);
  }

  async editEvidence(req: { agency: string; item: string; index: number; details: EvidenceDetails; template?: string | undefined }): Promise<EntryUpdate> {
    await this.openForEntry(req.agency);
    const r = await editItemEvidence(this.ws, { agency: req.agency, item: req.item, ...target(req.template) }, req.index, req.details);
    return this.entryOf(req.agency, req.item, r.changed, req.template);
  }

  async removeEvidence(req: { agency: string; item: string; index: number; template?: string | undefined }): Promise<EntryUpdate> {
    await this.openForEntry(req.agency);
    await removeItemEvidence(this.ws, { agency: req.agency, item: req.item, ...target(req.template) }, req.index);
    return this.entryOf(req.agency, req.item, true, req.template);
  }

  /** The explanation where evidence is missing; the same text again writes nothing. */
  async setExplanation(req: { agency: string; item: string; text: string | null; template?: string | undefined }): Promise<EntryUpdate> {
    await this.openForEntry(req.agency);
    const r = await setItemExplanation(this.ws, { agency: req.agency, item: req.item, ...target(req.template) }, req.text);
    return this.entryOf(req.agency, req.item, r.changed, req.template);
  }

  /** The signer the export names unless the user changes it: the CLI's defaults. */
  private defaultSigner(): { name: string; position: string } {
    return { name: this.ws.index.identity?.name ?? this.ws.index.name, position: t(this.lang, 'service.campaign.agency_head') };
  }

  /** An issue said on the agency's own screen: without "cơ quan X:" in front. */
  private own(i: Issue): string {
    const { agency: _named, ...where } = i.at ?? {};
    return formatIssue(this.lang, { ...i, at: where });
  }

  /**
   * "Check before sending": the agency's unanswered items, items without evidence or explanation,
   * figures not declared, then whatever the export refuses for (prepareSubmission: the very checks
   * of exportSubmission, nothing written). Each line at its item, in the user's words.
   */
  async sendCheck(code: string): Promise<SendCheckResult> {
    const view = await this.assessment(code);
    const title = (item: string | null) => {
      const it = item ? view.template.items.find((i) => i.code === item) : undefined;
      return it ? (this.lang === 'en' && it.title.en ? it.title.en : it.title.vi) : '';
    };
    const figures = await listFigures(this.ws, { agency: code }).catch(() => []);
    const lines: SendCheckLine[] = sendCheckGaps(view.template.items, view.assessment?.items ?? {}, figures).map((g) => {
      if (g.kind === 'figure_missing') {
        const def = figures.find((f) => f.def.code === g.figure)?.def;
        const name = def ? (this.lang === 'en' && def.title.en ? def.title.en : def.title.vi) : (g.figure ?? '');
        return { kind: g.kind, item: g.item, message: t(this.lang, 'send.figure_missing', { code: g.figure ?? '', title: name }) };
      }
      return { kind: g.kind, item: g.item, message: t(this.lang, `send.${g.kind}`, { code: g.item ?? '', title: title(g.item) }) };
    });
    // The additional criteria sets the agency applies (ISO 9001): their unanswered and undocumented items too.
    for (const set of view.sets) {
      if (set.ranked || set.exempted !== null) continue;
      const other = await this.assessment(code, set.id);
      const name = set.id === 'iso-9001' ? t(this.lang, 'sets.iso') : this.lang === 'en' && set.title.en ? set.title.en : set.title.vi;
      for (const g of sendCheckGaps(other.template.items, other.entries, [])) {
        const it = other.template.items.find((i) => i.code === g.item);
        const itemTitle = it ? (this.lang === 'en' && it.title.en ? it.title.en : it.title.vi) : '';
        lines.push({ kind: g.kind, item: g.item, set: set.id, message: `${name} · ${t(this.lang, `send.${g.kind}`, { code: g.item ?? '', title: itemTitle })}` });
      }
    }
    if (!view.readOnly) {
      try {
        await prepareSubmission(this.ws, { signer: this.defaultSigner() });
      } catch (e) {
        if (!(e instanceof IssueError)) throw e;
        for (const i of e.issues) lines.push({ kind: 'refused', item: i.at?.item ?? null, message: this.own(i) });
      }
    }
    return { lines, readOnly: view.readOnly?.reason ?? null, signer: this.defaultSigner() };
  }

  /**
   * Signs and exports the agency's submission (exportSubmission: the next revision). Refused where
   * the self-assessment is read-only, the window's rule. `save` writes the file (Electron: the save
   * dialog; null when cancelled, then nothing is exported); without it the bytes are returned.
   */
  async exportSubmission(
    code: string,
    signer: { name: string; position: string },
    save?: (fileName: string) => Promise<((bytes: Uint8Array) => Promise<string>) | null>,
  ): Promise<SentSubmission> {
    this.agency(code);
    await requireSelfEntryOpen(this.ws, code, this.entryRule(code));
    const fingerprint = this.ws.index.identity?.fingerprint ?? '';
    const revision = (this.ws.index.agencies.find((a) => a.code === code)?.submission?.revision ?? 0) + 1;
    let write: ((bytes: Uint8Array) => Promise<string>) | null = null;
    if (save) {
      // Checked first, so the dialog only opens for a file that will be written.
      await prepareSubmission(this.ws, { signer });
      write = await save(`${code}-r${revision}.parscore`);
      if (!write) return { revision, round: 1, createdAt: '', sha256: '', fingerprint, fileName: `${code}-r${revision}.parscore`, savedTo: null, base64: null };
    }
    const r = await exportSubmission(this.ws, { signer });
    const createdAt = this.ws.index.agencies.find((a) => a.code === code)?.submission?.receivedAt ?? new Date().toISOString();
    const savedTo = write ? await write(r.bytes) : null;
    return { revision: r.revision, round: r.round, createdAt, sha256: r.sha256, fingerprint, fileName: r.fileName, savedTo, base64: write ? null : Buffer.from(r.bytes).toString('base64') };
  }

  // ── the appraisal round trip and the self-assessment report (agency-appraisal.ts) ─────────────

  private appraisalDeps(code: string): AgencyAppraisalDeps {
    const agency = this.agency(code);
    const template = this.templateFor(agency.group);
    return { ws: this.ws, lang: this.lang, now: this.now(), rule: this.entryRule(agency.code), template, ct: this.compile(template) };
  }

  /** The appraisal received from Home Affairs, beside the agency's own scores; null before any. */
  receivedAppraisal(code: string): Promise<ReceivedAppraisalView | null> {
    return receivedAppraisal(this.appraisalDeps(code), code);
  }

  /** Reads the appraisal file from Home Affairs (its bytes and its own name). */
  importAppraisal(code: string, bytes: Uint8Array, file: string): Promise<ReceivedAppraisalView> {
    return importAppraisalFile(this.appraisalDeps(code), code, bytes, file);
  }

  /** Answers one item of the appraisal with an explanation and extra documents. */
  explainItem(code: string, req: ExplainRequest): Promise<ReceivedAppraisalView> {
    return explainItem(this.appraisalDeps(code), code, req);
  }

  /** The agency's self-assessment report; `save` as for exportSubmission (Electron's dialog), else the bytes. */
  async selfAssessmentReport(code: string, save?: (fileName: string) => Promise<((bytes: Uint8Array) => Promise<string>) | null>): Promise<WrittenReport> {
    const r = await selfAssessmentReport(this.appraisalDeps(code), code);
    if (!save) return { fileName: r.fileName, savedTo: null, base64: Buffer.from(r.bytes).toString('base64') };
    const write = await save(r.fileName);
    return { fileName: r.fileName, savedTo: write ? await write(r.bytes) : null, base64: null };
  }

  /** What the window's figures, bonus/penalty and nominations screens enter with (declared-service.ts): this workspace, language, today and the entry rule. */
  get entryContext(): DeclaredContext {
    return { ws: this.ws, lang: this.lang, now: this.now, entryRule: (agency) => this.entryRule(agency) };
  }
}
