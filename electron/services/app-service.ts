import type { AgencyAssessmentView, EntryUpdate, ItemUpdate, SendCheckLine, SendCheckResult, SentSubmission, WorkspaceSummary } from '../../shared/ipc/index.ts';
import { sendCheckGaps } from '../../shared/cycle/send-check.ts';
import { formatIssue, type Lang, t } from '../../shared/i18n/index.ts';
import type { ItemInput, Template, TemplateRef } from '../../shared/schema/index.ts';
import { resolve } from 'node:path';
import { scoreAssessment } from '../../shared/scoring/index.ts';
import { type CompiledTemplate, compileTemplate } from '../../shared/template/compile.ts';
import { type Issue, IssueError, issue } from '../../shared/util/issue.ts';
import { exportSubmission, prepareSubmission } from './cycle/submission.ts';
import { type EvidenceDetails, addItemEvidence, editItemEvidence, removeItemEvidence, setItemExplanation } from './entry/evidence.ts';
import { listFigures } from './entry/figures.ts';
import { setItem } from './entry/items.ts';
import { requireSelfEntryOpen, selfEntryLock } from './entry/read-only.ts';
import type { WorkspaceStore } from './store/workspace.ts';

const EMPTY = { items: {}, bonus: {}, penalty: {} };

/**
 * What the desktop UI and the CLI ask of an open workspace. Keeps one compiled template per
 * template version, so an item edit costs one scoring pass and one file write.
 */
export class AppService {
  private readonly compiled = new Map<string, CompiledTemplate>();

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

  private agency(code: string) {
    const a = this.ws.index.agencies.find((x) => x.code === code);
    if (!a) throw new IssueError(issue('store.agency_unknown', { agency: code }));
    return a;
  }

  /** Every agency with its provisional scores; `onProgress` hears every 50 agencies (the overview's progress bar). */
  async summary(onProgress?: (done: number, total: number) => void): Promise<WorkspaceSummary> {
    const idx = this.ws.index;
    const campaign = this.ws.campaign();
    const agencies: WorkspaceSummary['agencies'] = [];
    for (const a of idx.agencies) {
      if (onProgress && agencies.length % 50 === 0) onProgress(agencies.length, idx.agencies.length);
      let score: WorkspaceSummary['agencies'][number]['score'] = null;
      let problem: WorkspaceSummary['agencies'][number]['problem'] = null;
      try {
        const assessment = a.hasAssessment ? await this.ws.readAssessment(a.code) : null;
        if (assessment) {
          const { report } = scoreAssessment(this.compile(this.template(assessment.template)), assessment);
          score = { total: report.total, max: report.max, index: report.index, self: report.self.score, selfMax: report.self.max, answered: report.answered, leafCount: report.leafCount };
        }
      } catch (e) {
        // One agency's damaged file marks that agency's row; the rest of the overview is still shown.
        if (!(e instanceof IssueError)) throw e;
        // The first issue says what happened to the file (the repair notice above the list has the detail).
        const first = e.issues[0] ?? issue('store.corrupt_no_backup', { agency: a.code });
        const lost = first.code === 'store.corrupt_no_backup' || first.code === 'store.missing_no_backup';
        problem = { message: formatIssue(this.lang, first), action: t(this.lang, lost ? 'integrity.damaged_action' : 'integrity.problem_action') };
      }
      agencies.push({ code: a.code, name: a.name, group: a.group, parent: a.parent, status: a.status, score, problem });
    }
    onProgress?.(agencies.length, agencies.length);
    return {
      name: idx.name,
      role: idx.role,
      campaign: campaign ? { id: campaign.id, title: this.lang === 'en' && campaign.title.en ? campaign.title.en : campaign.title.vi, year: campaign.year } : null,
      agencies,
      notices: this.ws.recoveries().flatMap((r) => r.issues.map((i) => formatIssue(this.lang, i))),
    };
  }

  async assessment(code: string): Promise<AgencyAssessmentView> {
    const agency = this.agency(code);
    const assessment = await this.ws.readAssessment(code);
    const template = assessment ? this.template(assessment.template) : this.templateFor(agency.group);
    const { report } = scoreAssessment(this.compile(template), assessment ?? EMPTY);
    const lock = await selfEntryLock(this.ws, agency.code, { deadline: true, now: this.now() });
    // Said on the agency's own screen: without "cơ quan X:" in front, but with the file when one is at fault.
    const { agency: _named, ...where } = lock?.at ?? {};
    const readOnly = lock ? { code: lock.code, reason: formatIssue(this.lang, { ...lock, at: where }) } : null;
    return { agency: { code: agency.code, name: agency.name, group: agency.group }, template, assessment, report, readOnly };
  }

  /**
   * Sets one item's input and saves the agency's file (the value already stored writes nothing);
   * refused where the self-assessment is read-only (entry/read-only.ts). Returns the item, its
   * ancestors and the totals (see entry/items.ts).
   */
  async setItemInput(req: { agency: string; item: string; input: ItemInput | null }): Promise<ItemUpdate> {
    this.agency(req.agency);
    // The window's rule, the one its screen shows: read-only in a Home Affairs workspace, once closed, after the round's deadline.
    await requireSelfEntryOpen(this.ws, req.agency, { deadline: true, now: this.now() });
    const r = await setItem(this.ws, { agency: req.agency, item: req.item }, req.input);
    return { item: r.item, ancestors: r.ancestors, report: r.report };
  }
  /** The item's documents and explanation as now stored. */
  private async entryOf(agency: string, item: string, changed: boolean): Promise<EntryUpdate> {
    const a = await this.ws.readAssessment(agency);
    const e = a?.items[item];
    return { evidence: e?.evidence ?? [], explanation: e?.explanation ?? null, changed };
  }

  /** Refused like an item's input where the self-assessment is read-only (the window's rule, with the deadline). */
  private async openForEntry(agency: string): Promise<void> {
    this.agency(agency);
    await requireSelfEntryOpen(this.ws, agency, { deadline: true, now: this.now() });
  }

  /** Attaches the file at `path` (its name is the document's file name) with its details. */
  async addEvidence(req: { agency: string; item: string; details: EvidenceDetails }, path: string): Promise<EntryUpdate> {
    await this.openForEntry(req.agency);
    await addItemEvidence(this.ws, { agency: req.agency, item: req.item }, path, req.details);
    return this.entryOf(req.agency, req.item, true);
  }

  async editEvidence(req: { agency: string; item: string; index: number; details: EvidenceDetails }): Promise<EntryUpdate> {
    await this.openForEntry(req.agency);
    const r = await editItemEvidence(this.ws, { agency: req.agency, item: req.item }, req.index, req.details);
    return this.entryOf(req.agency, req.item, r.changed);
  }

  async removeEvidence(req: { agency: string; item: string; index: number }): Promise<EntryUpdate> {
    await this.openForEntry(req.agency);
    await removeItemEvidence(this.ws, { agency: req.agency, item: req.item }, req.index);
    return this.entryOf(req.agency, req.item, true);
  }

  /** The explanation where evidence is missing; the same text again writes nothing. */
  async setExplanation(req: { agency: string; item: string; text: string | null }): Promise<EntryUpdate> {
    await this.openForEntry(req.agency);
    const r = await setItemExplanation(this.ws, { agency: req.agency, item: req.item }, req.text);
    return this.entryOf(req.agency, req.item, r.changed);
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
    await requireSelfEntryOpen(this.ws, code, { deadline: true, now: this.now() });
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

  /** What the window's figures, bonus/penalty and nominations screens enter with (declared-service.ts): this workspace, language and today. */
  get entryContext(): { ws: WorkspaceStore; lang: Lang; now: () => number } {
    return { ws: this.ws, lang: this.lang, now: this.now };
  }
}
