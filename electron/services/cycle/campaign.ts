import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type Campaign,
  CAMPAIGN_PACKAGE_KIND,
  CampaignDoc,
  CampaignPackageDoc,
  type CampaignPackage,
  type Template,
  type TemplateExemption,
  IssuerV3,
  type TemplateRef,
} from '../../../shared/schema/index.ts';
import { campaignDateIssues, implausibleDate } from '../../../shared/schema/plausible-dates.ts';
import { unsafeTextIssues } from '../../../shared/util/text-safety.ts';
import { zodIssues } from '../../../shared/schema/zod-issues.ts';
import { parseTemplate } from '../../../shared/template/parse.ts';
import { type Issue, IssueError, type Result, fail, issue, ok } from '../../../shared/util/issue.ts';
import { type PackageLimits, readPackage, writePackage } from '../packages/container.ts';
import { type Identity, generateIdentity, publicInfo, saveIdentity } from '../packages/keys.ts';
import { WorkspaceStore } from '../store/workspace.ts';
import { PAYLOAD, additionalRefsOfGroup, bindingProblems, campaignBinding, attempt, campaignTemplateRefs, locate, refuse, requireCampaign, requireIdentity, requireRole, sameKey, timestamp } from './common.ts';

/**
 * The campaign file Home Affairs sends to every agency: the campaign and the templates it names,
 * signed with Home Affairs' key (which the campaign carries in `homeAffairs`, see
 * `setupHomeAffairs`). Throws an IssueError: not a Home Affairs workspace, no campaign, no identity,
 * a campaign without (or with another) Home Affairs key, a template the campaign names missing.
 */
export async function exportCampaignPackage(ws: WorkspaceStore, opts: { now?: string } = {}): Promise<Uint8Array> {
  requireRole(ws, 'home-affairs');
  const campaign = requireCampaign(ws);
  const identity = await requireIdentity(ws);
  if (!campaign.homeAffairs) refuse('cycle.campaign_without_key', { file: 'campaign.json' });
  if (!sameKey(campaign.homeAffairs, publicInfo(identity))) {
    refuse('cycle.campaign_key_differs', { file: 'campaign.json' }, { expected: campaign.homeAffairs.fingerprint, actual: identity.fingerprint });
  }
  const templates: Template[] = [];
  // The ranked templates and the additional ones (ISO 9001 checklist): the agency assesses itself against both.
  for (const ref of campaignTemplateRefs(campaign)) {
    const t = ws.template(ref);
    if (!t) refuse('cycle.template_missing', { template: ref.id }, { id: ref.id, version: ref.version });
    templates.push(t);
  }
  if (templates.length === 0) refuse('cycle.campaign_without_templates', { file: 'campaign.json' });
  const createdAt = timestamp(opts.now);
  const payload: CampaignPackage = { kind: CAMPAIGN_PACKAGE_KIND, schemaVersion: 1, createdAt, campaign, templates };
  return writePackage({ kind: CAMPAIGN_PACKAGE_KIND, payload: { path: PAYLOAD.campaign, json: payload }, identity, campaign: campaignBinding(campaign), createdAt });
}

/** What a verified campaign file holds. */
export interface OpenedCampaign {
  campaign: Campaign;
  templates: Template[];
  signer: { name: string; publicKey: string; fingerprint: string };
  createdAt: string;
}

/**
 * Checks a campaign file: container (signature, hashes, zip safety), the documents, and that it is
 * signed by the Home Affairs key the campaign itself names; every template the campaign assigns to
 * a group is in it and passes the template checks.
 */
export async function openCampaignPackage(bytes: Uint8Array, file: string, opts: { limits?: Partial<PackageLimits> } = {}): Promise<Result<OpenedCampaign>> {
  const opened = await readPackage(bytes, file, { expectKind: CAMPAIGN_PACKAGE_KIND, limits: opts.limits ?? {} });
  if (!opened.ok) return opened;
  const pkg = CampaignPackageDoc.parse(opened.value.payload, file);
  if (!pkg.ok) return pkg;
  const c = CampaignDoc.parse(pkg.value.value.campaign, file);
  if (!c.ok) return fail(c.error.map((i) => ({ ...i, at: { ...i.at, field: `campaign.${i.at?.field ?? ''}`.replace(/\.$/, '') } })));
  const campaign = c.value.value;
  const at = { file };
  if (!campaign.homeAffairs) return fail([issue('cycle.campaign_without_key', at)]);
  const signer = opened.value.signer;
  if (!sameKey(campaign.homeAffairs, signer)) {
    return fail([issue('cycle.campaign_signer_mismatch', at, { expected: campaign.homeAffairs.fingerprint, actual: signer.fingerprint })]);
  }
  // The manifest names the campaign the file carries (a file put together from two campaigns is not one).
  const binding = bindingProblems(opened.value.manifest.campaign, campaign, at);
  if (binding.length > 0) return fail(binding);
  const templates: Template[] = [];
  const problems: Issue[] = [...campaignDateIssues(campaign, at, 'campaign.'), ...unsafeTextIssues(campaign, at, 'campaign'), ...unsafeTextIssues(pkg.value.value.templates, at, 'templates')];
  const made = implausibleDate(opened.value.manifest.createdAt, { ...at, field: 'manifest.createdAt' }) ?? implausibleDate(pkg.value.value.createdAt, { ...at, field: 'createdAt' });
  if (made) problems.push(made);
  for (const [i, raw] of pkg.value.value.templates.entries()) {
    const t = parseTemplate(raw, file);
    if (t.ok) templates.push(t.value);
    else problems.push(...t.error.map((p) => ({ ...p, at: { ...p.at, field: p.at?.field ? `templates[${i}].${p.at.field}` : `templates[${i}]` } })));
  }
  if (problems.length > 0) return fail(problems);
  const assigned: [string, TemplateRef | undefined][] = [
    ...Object.entries(campaign.templates),
    ...Object.entries(campaign.additionalTemplates).flatMap(([group, list]) => (list ?? []).map((r) => [group, r] as [string, TemplateRef])),
  ];
  for (const [group, ref] of assigned) {
    if (ref && !templates.some((t) => t.id === ref.id && t.version === ref.version)) {
      problems.push(issue('cycle.template_missing', { file, template: ref.id }, { id: ref.id, version: ref.version, group }));
    }
  }
  if (problems.length > 0) return fail(problems);
  return ok({ campaign, templates, signer: { ...signer }, createdAt: pkg.value.value.createdAt });
}

export interface InitAgencyOptions {
  /** The agency's code in the campaign. */
  agency: string;
  /** Workspace name (default: the agency's name and the campaign year). */
  name?: string;
  /**
   * The agency's signing identity: a name for a new key pair (default: the agency's name), or an
   * existing identity to keep (e.g. last year's, so that Home Affairs sees the same key).
   */
  signer?: string | Identity;
}

/**
 * Creates an agency workspace in `dir` (empty or new) from a campaign file: verifies the file (see
 * `openCampaignPackage`), refuses an agency code the campaign does not list, stores the campaign and
 * its templates, and gives the workspace its own identity (keys/). Home Affairs' key stays pinned
 * in the stored campaign; appraisal files are checked against it. The returned store is open for
 * writing; close it when done. Nothing is left in `dir` if this fails.
 */
export async function initAgencyWorkspace(dir: string, packageBytes: Uint8Array, file: string, opts: InitAgencyOptions): Promise<Result<WorkspaceStore>> {
  const opened = await openCampaignPackage(packageBytes, file);
  if (!opened.ok) return opened;
  const { campaign, templates } = opened.value;
  const code = opts.agency.normalize('NFC');
  const agency = campaign.agencies.find((a) => a.code.normalize('NFC') === code);
  if (!agency) return fail([issue('cycle.unknown_agency', { file, agency: opts.agency }, { agency: opts.agency })]);
  const identity =
    typeof opts.signer === 'object' ? opts.signer : generateIdentity((opts.signer ?? '').trim() || agency.name);

  const abs = resolve(dir);
  const before = new Set(await readdir(abs).catch(() => [] as string[]));
  let ws: WorkspaceStore | null = null;
  try {
    ws = await WorkspaceStore.create(abs, {
      name: opts.name?.trim() || `${agency.name} — ${campaign.year}`,
      role: 'agency',
      campaign,
      templates,
      agencies: [{ code: agency.code, name: agency.name, group: agency.group, parent: agency.parent }],
      self: agency.code,
    });
    await saveIdentity(abs, identity);
    await ws.updateIndex((d) => ({ ...d, identity: publicInfo(identity) }));
    return ok(ws);
  } catch (e) {
    if (!(e instanceof IssueError)) throw e;
    if (ws) {
      // Created here and then failed: take back what was created, so the folder can be used again.
      await ws.close().catch(() => undefined);
      for (const n of await readdir(abs).catch(() => [] as string[])) {
        if (!before.has(n)) await rm(join(abs, n), { recursive: true, force: true }).catch(() => undefined);
      }
    }
    return fail(locate(e.issues, {}));
  }
}

export interface ExemptionChange {
  agency: string;
  /** Id of one of the agency's group's additional templates (e.g. iso-9001). */
  template: string;
  reason?: string;
  /** Takes the exemption back: the agency applies the template again. */
  remove?: boolean;
}

/**
 * Marks (or, with `remove`, unmarks) an agency as not applying one of its group's additional
 * templates (a commune without ISO 9001): its assessment then has no part for that template and no
 * submission may carry one. Home Affairs only; refused for an agency the campaign does not list
 * (`cycle.unknown_agency`) and a template that is not additional for the agency's group
 * (`cycle.not_additional_template`). Marking again replaces the reason; removing an exemption
 * that is not there changes nothing. Returns the campaign as stored.
 */
export async function setExemption(ws: WorkspaceStore, change: ExemptionChange): Promise<Result<Campaign>> {
  return attempt(async () => {
    requireRole(ws, 'home-affairs');
    const campaign = requireCampaign(ws);
    const code = change.agency.normalize('NFC');
    const agency = campaign.agencies.find((a) => a.code.normalize('NFC') === code);
    if (!agency) refuse('cycle.unknown_agency', { agency: change.agency, file: 'campaign.json' }, { agency: change.agency });
    const refs = additionalRefsOfGroup(campaign, agency);
    if (!refs.some((r) => r.id === change.template)) {
      refuse('cycle.not_additional_template', { agency: agency.code, template: change.template, file: 'campaign.json' }, {
        template: change.template,
        group: agency.group,
        assigned: refs.map((r) => r.id).join(', ') || '—',
      });
    }
    const others = campaign.exemptions.filter((e) => !(e.template === change.template && e.agency.normalize('NFC') === code));
    const reason = change.reason?.trim();
    const exemptions: TemplateExemption[] = change.remove ? others : [...others, { agency: agency.code, template: change.template, ...(reason ? { reason } : {}) }];
    if (JSON.stringify(exemptions) === JSON.stringify(campaign.exemptions)) return campaign;
    return ws.setCampaign({ ...campaign, exemptions });
  });
}

/** A change of the issuer block: a field given a value is set, a field given null is cleared (optional ones only). */
export interface IssuerChange {
  parentBody?: string;
  body?: string;
  place?: string;
  signerTitle?: string;
  signerName?: string;
  reportNumber?: string | null;
  reportDate?: string | null;
  /** "Nơi nhận" of the reports; null: the usual ones. */
  recipients?: string[] | null;
}

/**
 * Sets the issuer printed on every report: who issues, who signs, and the number and date the
 * reports carry when none is given at the command. Checked by the issuer schema; a refused change
 * leaves campaign.json as it was.
 */
export async function setIssuer(ws: WorkspaceStore, change: IssuerChange): Promise<Result<Campaign>> {
  return attempt(async () => {
    requireRole(ws, 'home-affairs');
    const campaign = requireCampaign(ws);
    const next: Record<string, unknown> = { ...campaign.issuer };
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) continue;
      if (v === null) delete next[k];
      else next[k] = v;
    }
    const parsed = IssuerV3.safeParse(next);
    if (!parsed.success) throw new IssueError(zodIssues(parsed.error, next, { file: 'campaign.json' }).map((i) => ({ ...i, at: { ...i.at, field: `issuer.${i.at?.field ?? ''}` } })));
    const reportDate = parsed.data.reportDate === undefined ? null : implausibleDate(parsed.data.reportDate, { file: 'campaign.json', field: 'issuer.reportDate' });
    if (reportDate) throw new IssueError(reportDate);
    const unsafe = unsafeTextIssues(parsed.data, { file: 'campaign.json' }, 'issuer');
    if (unsafe.length > 0) throw new IssueError(unsafe);
    if (JSON.stringify(parsed.data) === JSON.stringify(campaign.issuer)) return campaign;
    return ws.setCampaign({ ...campaign, issuer: parsed.data });
  });
}
