/**
 * The campaign set-up of a Home Affairs workspace, step by step: what the window's steps and
 * `parscore campaign create` do, on the same functions. The campaign is created once the agencies
 * and the criteria sets are known, then changed step by step; a change that would break what was
 * already received (an agency that submitted removed, another criteria set after submissions) is
 * refused with its reason. Bad input changes nothing stored.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CampaignBasics, CampaignDeadlines, CampaignIssuer, CampaignRules, CampaignTemplates } from '../../../shared/campaign/setup.ts';
import { bandIssues } from '../../../shared/campaign/setup.ts';
import type { AgencyListPreview, CampaignSetupView, SheetProblem, TemplateImport, TemplateOption, TemplateTreeNode } from '../../../shared/ipc/campaign.ts';
import { formatIssue, type Lang, t } from '../../../shared/i18n/index.ts';
import type { Agency, AgencyGroup, Campaign, Template, WorkspaceAgencyV2 } from '../../../shared/schema/index.ts';
import { campaignDateIssues } from '../../../shared/schema/plausible-dates.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { unsafeTextIssues } from '../../../shared/util/text-safety.ts';
import { exportCampaignPackage, setIssuer, setupHomeAffairs, workspaceIdentity } from '../cycle/index.ts';
import { refuse, requireCampaign, requireRole } from '../cycle/common.ts';
import { writeFileDurable } from '../store/durable-file.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { readTemplateXlsx, writeTemplateXlsx } from '../template-xlsx/index.ts';
import { builtinTemplates } from '../templates/builtin.ts';
import { readAgencyListXlsx } from '../xlsx-import/agencies.ts';
import { buildCampaign, builtinNamed } from './build.ts';

/** Where the workspace remembers the last campaign file it exported (its time and the campaign's digest). */
export const EXPORT_RECORD = 'campaign-export.json';

const GROUPS: readonly AgencyGroup[] = ['department', 'district', 'commune'];

/**
 * Whether Home Affairs already holds something of the agency scored against the campaign's sets:
 * a received submission, an assessment, or a status past "not submitted".
 */
function received(a: Readonly<WorkspaceAgencyV2>): boolean {
  return !!a.submission || a.hasAssessment || a.status !== 'not_submitted';
}

function digest(c: Campaign): string {
  return createHash('sha256').update(JSON.stringify(c)).digest('hex');
}

const isIso = (tpl: Template) => tpl.items.some((i) => i.isoClauses !== undefined || i.isoPhase !== undefined);

function optionOf(tpl: Template, builtin: boolean): TemplateOption {
  return { ref: `${tpl.id}@${tpl.version}`, id: tpl.id, version: tpl.version, title: tpl.title, appliesTo: [...tpl.appliesTo], builtin, iso: isIso(tpl) };
}

/** Every problem, where Excel shows it, in the user's words (the location said in its own columns, not twice). */
export function sheetProblems(lang: Lang, issues: readonly Issue[]): SheetProblem[] {
  return issues.map((i) => {
    const { sheet, row, column, file: _file, ...rest } = i.at ?? {};
    const message = formatIssue(lang, { ...i, at: rest });
    // A line of its own in the table: it starts as a sentence ("Cơ quan S03: …").
    return { sheet: sheet ?? null, row: row ?? null, column: column ?? null, message: message.charAt(0).toLocaleUpperCase(lang) + message.slice(1) };
  });
}

export interface SetupContext {
  ws: WorkspaceStore;
  lang: Lang;
}

export class CampaignSetupService {
  constructor(private readonly c: SetupContext) {}

  private get ws(): WorkspaceStore {
    return this.c.ws;
  }

  /** The criteria sets the set-up can choose: the built-in samples, then the workspace's own (imported). */
  options(): TemplateOption[] {
    const builtin = builtinTemplates().map((b) => optionOf(b.template, true));
    const own = this.ws.templates().filter((x) => !builtin.some((b) => b.ref === `${x.id}@${x.version}`)).map((x) => optionOf(x, false));
    return [...builtin, ...own];
  }

  /** A template by `id@version` (or a built-in's name): the workspace's copy first. */
  find(name: string): Template | null {
    const [id, v] = name.split('@');
    if (id && v !== undefined && /^\d+$/.test(v)) {
      const own = this.ws.template({ id, version: Number(v) });
      if (own) return own;
    }
    return builtinNamed(name);
  }

  private async exportRecord(): Promise<{ at: string; digest: string } | null> {
    try {
      const r = JSON.parse(await readFile(join(this.ws.dir, EXPORT_RECORD), 'utf8')) as { at?: unknown; digest?: unknown };
      return typeof r.at === 'string' && typeof r.digest === 'string' ? { at: r.at, digest: r.digest } : null;
    } catch {
      return null;
    }
  }

  async view(): Promise<CampaignSetupView> {
    requireRole(this.ws, 'home-affairs');
    const campaign = this.ws.campaign();
    const record = campaign ? await this.exportRecord() : null;
    return {
      campaign,
      submitted: this.ws.index.agencies.filter(received).length,
      options: this.options(),
      fingerprint: campaign ? (workspaceIdentity(this.ws)?.fingerprint ?? null) : null,
      exported: record && campaign ? { at: record.at, changedSince: record.digest !== digest(campaign) } : null,
    };
  }

  /** What an agency list holds, or every problem by sheet/row/column; nothing is stored. */
  async readAgencies(path: string, file: string, model: CampaignBasics['model']): Promise<AgencyListPreview> {
    const r = await readAgencyListXlsx(await readFile(path), file, { model });
    return r.ok ? { file, agencies: r.value, problems: [] } : { file, agencies: [], problems: sheetProblems(this.c.lang, r.error) };
  }

  private async agenciesOf(path: string, file: string, model: CampaignBasics['model']): Promise<Agency[]> {
    const r = await readAgencyListXlsx(await readFile(path), file, { model });
    if (!r.ok) throw new IssueError(r.error);
    return r.value;
  }

  /**
   * Creates the campaign in the open Home Affairs workspace (made empty by the first-run screen):
   * the agencies, their criteria sets stored, Home Affairs' key made and put into the campaign.
   */
  async create(basics: CampaignBasics, agencies: { path: string; file: string }, sets: CampaignTemplates): Promise<CampaignSetupView> {
    requireRole(this.ws, 'home-affairs');
    if (this.ws.campaign()) refuse('campaignui.err.exists', { file: 'campaign.json' });
    const list = await this.agenciesOf(agencies.path, agencies.file, basics.model);
    const built = buildCampaign({ ...basics, agencies: list, templates: sets.templates, additional: sets.additional, find: (n) => this.find(n) });
    if (!built.ok) throw new IssueError(built.error);
    for (const tpl of built.value.templates) await this.ws.putTemplate(tpl);
    await this.ws.updateIndex((d) => ({ ...d, agencies: list.map((a) => ({ ...a, status: 'not_submitted', hasAssessment: false, pinnedKey: null, submission: null })) }));
    await this.ws.setCampaign(built.value.campaign);
    const key = await setupHomeAffairs(this.ws, { name: this.ws.index.name });
    if (!key.ok) throw new IssueError(key.error);
    return this.view();
  }

  private async save(next: Campaign): Promise<CampaignSetupView> {
    const problems = [...campaignDateIssues(next, { file: 'campaign.json' }), ...unsafeTextIssues(next, { file: 'campaign.json' }, '')];
    if (problems.length > 0) throw new IssueError(problems);
    await this.ws.setCampaign(next);
    return this.view();
  }

  /** Year, title, province and model; the year and model only before anything was received. */
  async setBasics(b: CampaignBasics): Promise<CampaignSetupView> {
    const c = requireCampaign(this.ws);
    const submitted = this.ws.index.agencies.some(received);
    if (submitted && (b.year !== c.year || b.model !== c.model)) refuse('campaignui.err.basics_after_submissions');
    if (b.model === 'two-tier' && c.agencies.some((a) => a.group === 'district')) refuse('campaignui.err.model_districts', { field: 'model' });
    const province = b.province.trim();
    const title = b.title.trim() || t('vi', 'service.campaign.title', { year: String(b.year), province });
    return this.save({ ...c, year: b.year, id: submitted ? c.id : `cchc-${b.year}`, model: b.model, title: { vi: title, en: b.title.trim() || t('en', 'service.campaign.title', { year: String(b.year), province }) } });
  }

  /**
   * A new agency list: refused when it drops (or moves to another group) an agency whose
   * submission was received; the others keep their place in the cycle.
   */
  async setAgencies(path: string, file: string): Promise<CampaignSetupView> {
    const c = requireCampaign(this.ws);
    const list = await this.agenciesOf(path, file, c.model);
    const problems: Issue[] = [];
    for (const a of this.ws.index.agencies) {
      if (!received(a)) continue;
      const now = list.find((x) => x.code === a.code);
      if (!now) problems.push(issue('campaignui.err.agency_submitted_removed', undefined, { name: a.name, code: a.code }));
      else if (now.group !== a.group) problems.push(issue('campaignui.err.agency_submitted_group', undefined, { name: a.name, code: a.code }));
    }
    if (problems.length > 0) throw new IssueError(problems);
    const groups = new Set(list.map((a) => a.group));
    const missing = [...groups].filter((g) => !c.templates[g]);
    if (missing.length > 0) throw new IssueError(missing.map((g) => issue('campaignui.err.group_without_set', { field: `templates.${g}` }, { group: t(this.c.lang, `campaignui.group.${g}`) })));
    const byCode = new Map(this.ws.index.agencies.map((a) => [a.code, a]));
    await this.ws.updateIndex((d) => ({
      ...d,
      agencies: list.map((a) => {
        const old = byCode.get(a.code);
        return old ? { ...old, name: a.name, group: a.group, parent: a.parent } : { ...a, status: 'not_submitted' as const, hasAssessment: false, pinnedKey: null, submission: null };
      }),
    }));
    const exemptions = c.exemptions.filter((e) => list.some((a) => a.code === e.agency));
    return this.save({ ...c, agencies: list, exemptions });
  }

  /** Criteria sets per group: refused once a submission was received (it was scored against the old ones). */
  async setTemplates(sets: CampaignTemplates): Promise<CampaignSetupView> {
    const c = requireCampaign(this.ws);
    const built = buildCampaign({ year: c.year, province: c.issuer.place, model: c.model, agencies: c.agencies, templates: sets.templates, additional: sets.additional, find: (n) => this.find(n) });
    if (!built.ok) throw new IssueError(built.error);
    const { templates, additionalTemplates } = built.value.campaign;
    const same = JSON.stringify([templates, additionalTemplates]) === JSON.stringify([c.templates, c.additionalTemplates]);
    if (same) return this.view();
    if (this.ws.index.agencies.some(received)) refuse('campaignui.err.templates_after_submissions');
    for (const tpl of built.value.templates) await this.ws.putTemplate(tpl);
    // An exemption from a set no longer assessed means nothing.
    const exemptions = c.exemptions.filter((e) => {
      const g = c.agencies.find((a) => a.code === e.agency)?.group;
      return g !== undefined && (additionalTemplates[g] ?? []).some((r) => r.id === e.template);
    });
    return this.save({ ...c, templates, additionalTemplates, exemptions });
  }

  /**
   * A province's own criteria workbook: every problem by sheet/row/column and nothing stored, or
   * the template stored in the workspace (choosable for a group).
   */
  async importTemplate(path: string, file: string): Promise<TemplateImport> {
    requireRole(this.ws, 'home-affairs');
    const r = await readTemplateXlsx(await readFile(path), file);
    if (!r.ok) return { ok: false, file, problems: sheetProblems(this.c.lang, r.error) };
    const stored = await this.ws.putTemplate(r.value);
    return { ok: true, option: optionOf(stored, false) };
  }

  private template(ref: string): Template {
    const tpl = this.find(ref);
    if (!tpl) refuse('campaignui.err.template_unknown', undefined, { id: ref });
    return tpl;
  }

  /** A criteria set as a read-only tree (items under their parents, in the decision's order). */
  tree(ref: string): TemplateTreeNode[] {
    const tpl = this.template(ref);
    const nodes = new Map<string, TemplateTreeNode>();
    const roots: TemplateTreeNode[] = [];
    for (const i of tpl.items) nodes.set(i.code, { code: i.code, title: this.c.lang === 'en' && i.title.en ? i.title.en : i.title.vi, max: i.max, children: [] });
    for (const i of tpl.items) {
      const n = nodes.get(i.code)!;
      const parent = i.parent === null ? undefined : nodes.get(i.parent);
      (parent ? parent.children : roots).push(n);
    }
    return roots;
  }

  /** A criteria set as the province's workbook (the same layout `template import-xlsx` reads). */
  async templateWorkbook(ref: string): Promise<{ fileName: string; bytes: Uint8Array }> {
    const tpl = this.template(ref);
    return { fileName: `${tpl.id}@${tpl.version}.xlsx`, bytes: await writeTemplateXlsx(tpl, { lang: this.c.lang }) };
  }

  async setDeadlines(d: CampaignDeadlines): Promise<CampaignSetupView> {
    const c = requireCampaign(this.ws);
    const deadlines = Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined && v !== ''));
    return this.save({ ...c, deadlines });
  }

  async setRules(r: CampaignRules): Promise<CampaignSetupView> {
    const c = requireCampaign(this.ws);
    const bad = bandIssues(r.bands);
    if (bad.length > 0) throw new IssueError(bad.map((b) => issue(`campaignui.err.${b.code}`, { field: `bands.${b.index}` }, { code: r.bands[b.index]!.code })));
    return this.save({ ...c, bands: r.bands, tieBreaks: r.tieBreaks, late: r.late, surveyScale: r.surveyScale });
  }

  async setIssuer(i: CampaignIssuer): Promise<CampaignSetupView> {
    const r = await setIssuer(this.ws, { ...i, recipients: i.recipients ?? null });
    if (!r.ok) throw new IssueError(r.error);
    return this.view();
  }

  /** The signed campaign file; the workspace remembers what it exported (a later change needs a new file). */
  async exportFile(): Promise<{ fileName: string; bytes: Uint8Array; fingerprint: string }> {
    const c = requireCampaign(this.ws);
    const bytes = await exportCampaignPackage(this.ws);
    await writeFileDurable(join(this.ws.dir, EXPORT_RECORD), JSON.stringify({ at: new Date().toISOString(), digest: digest(c) }), { backups: 0 });
    return { fileName: `${c.id}.parscore`, bytes, fingerprint: c.homeAffairs?.fingerprint ?? '' };
  }
}

export { GROUPS };
