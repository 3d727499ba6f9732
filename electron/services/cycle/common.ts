import type { Agency, Campaign, CampaignBinding, PublicKeyInfo, Template, TemplateRef } from '../../../shared/schema/index.ts';
import { type CompiledTemplate, compileTemplate } from '../../../shared/template/compile.ts';
import { type Issue, IssueError, type IssueLocation, type Result, fail, issue, ok } from '../../../shared/util/issue.ts';
import { type Identity, loadIdentity } from '../packages/keys.ts';
import type { WorkspaceStore } from '../store/workspace.ts';

/** Names of the payload documents inside the signed containers. */
export const PAYLOAD = {
  campaign: 'campaign-package.json',
  submission: 'submission.json',
  appraisal: 'appraisal.json',
} as const;

/** Where an evidence file travels inside a package. */
export function evidenceEntry(sha256: string): string {
  return `evidence/${sha256}`;
}

/** Throws an IssueError with one issue (for the functions that return their value directly). */
export function refuse(code: string, at?: IssueLocation, params?: Record<string, string | number>): never {
  throw new IssueError(issue(code, at, params));
}

/** Runs `fn`, turning an IssueError into a failed Result (anything else is a bug and propagates). */
export async function attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (e) {
    if (e instanceof IssueError) return fail(e.issues);
    throw e;
  }
}

/** Adds `file` / `agency` to issues that do not name them yet. */
export function locate(issues: readonly Issue[], at: IssueLocation): Issue[] {
  return issues.map((i) => ({ ...i, at: { ...at, ...i.at } }));
}

export function requireCampaign(ws: WorkspaceStore): Campaign {
  const c = ws.campaign();
  if (!c) refuse('cycle.no_campaign');
  return c;
}

export function requireRole(ws: WorkspaceStore, role: 'home-affairs' | 'agency'): void {
  if (ws.index.role !== role) refuse(role === 'agency' ? 'cycle.not_agency_workspace' : 'cycle.not_home_affairs_workspace');
}

/** The agency an agency workspace belongs to, as the campaign lists it. */
export function selfAgency(ws: WorkspaceStore, campaign: Campaign): Agency {
  requireRole(ws, 'agency');
  const self = ws.index.self;
  if (!self) refuse('cycle.not_agency_workspace');
  const agency = campaign.agencies.find((a) => a.code.normalize('NFC') === self.normalize('NFC'));
  if (!agency) refuse('cycle.unknown_agency', { agency: self }, { agency: self });
  return agency;
}

export function templateRefFor(campaign: Campaign, agency: Agency): TemplateRef {
  const ref = campaign.templates[agency.group];
  if (!ref) refuse('cycle.no_template_for_group', { agency: agency.code }, { group: agency.group });
  return ref;
}

export function templateFor(ws: WorkspaceStore, campaign: Campaign, agency: Agency): Template {
  const ref = templateRefFor(campaign, agency);
  const t = ws.template(ref);
  if (!t) refuse('cycle.template_missing', { agency: agency.code, template: ref.id }, { id: ref.id, version: ref.version });
  return t;
}

/**
 * Compiled templates of one workspace (a stored template version never changes, see
 * `WorkspaceStore.putTemplate`); `compiledFor` keeps one cache per open workspace.
 */
export class TemplateCache {
  private readonly compiled = new Map<string, CompiledTemplate>();
  get(t: Template): CompiledTemplate {
    const key = `${t.id}@${t.version}`;
    let ct = this.compiled.get(key);
    if (!ct) {
      ct = compileTemplate(t);
      this.compiled.set(key, ct);
    }
    return ct;
  }
}

export function sameRef(a: TemplateRef, b: TemplateRef): boolean {
  return a.id === b.id && a.version === b.version;
}

/**
 * The campaign identity every exchange file carries in its manifest (id, random uid, Home Affairs'
 * key). A campaign without Home Affairs' key yet cannot send or receive files (`cycle.campaign_without_key`).
 */
export function campaignBinding(campaign: Campaign): CampaignBinding {
  if (!campaign.homeAffairs) refuse('cycle.campaign_without_key', { file: 'campaign.json' });
  return { id: campaign.id, uid: campaign.uid, homeAffairs: campaign.homeAffairs.fingerprint };
}

/**
 * Issues when a file's manifest names another campaign than `campaign`: another uid (a campaign of
 * the same id, year and title in another province, or created again), or another Home Affairs key.
 * Checked before anything else of the file, at first contact as at any other.
 */
export function bindingProblems(binding: CampaignBinding, campaign: Campaign, at: IssueLocation): Issue[] {
  const ha = campaign.homeAffairs?.fingerprint ?? null;
  if (ha === null) return [issue('cycle.campaign_without_key', { file: 'campaign.json' })];
  if (binding.uid !== campaign.uid || binding.id !== campaign.id) {
    return [issue('cycle.other_campaign_uid', { ...at, field: 'manifest.json: campaign' }, { expected: campaign.id, actual: binding.id, expectedUid: campaign.uid, actualUid: binding.uid })];
  }
  if (binding.homeAffairs !== ha) {
    return [issue('cycle.other_home_affairs_key', { ...at, field: 'manifest.json: campaign.homeAffairs' }, { expected: ha, actual: binding.homeAffairs })];
  }
  return [];
}

export function sameKey(a: { publicKey: string; fingerprint: string } | null | undefined, b: PublicKeyInfo): boolean {
  return !!a && a.fingerprint === b.fingerprint && a.publicKey === b.publicKey;
}

/**
 * The workspace's signing identity: the private key from keys/ must belong to the public key the
 * index names (`cycle.no_identity`, `cycle.identity_mismatch`).
 */
export async function requireIdentity(ws: WorkspaceStore): Promise<Identity> {
  const pub = ws.index.identity;
  if (!pub) refuse('cycle.no_identity');
  const id = await loadIdentity(ws.dir);
  if (!id) refuse('cycle.identity_key_missing', { file: 'keys/identity.key' });
  if (id.fingerprint !== pub.fingerprint || id.publicKey !== pub.publicKey) {
    refuse('cycle.identity_mismatch', { file: 'keys/identity.key' }, { expected: pub.fingerprint, actual: id.fingerprint });
  }
  return id;
}

/** Who made a change, as the audit log records it. */
export function auditWho(ws: WorkspaceStore): { name: string; fingerprint: string } {
  const pub = ws.index.identity;
  if (!pub) refuse('cycle.no_identity');
  return { name: pub.name, fingerprint: pub.fingerprint };
}

/** Milliseconds of the end of a calendar day in Vietnam (UTC+7, no daylight saving). */
export function endOfDayVietnam(date: string): number {
  return Date.parse(`${date}T23:59:59.999+07:00`);
}

/** Received after the end (Vietnam time) of the deadline day; never late without a deadline. */
export function isLate(deadline: string | undefined, receivedAt: string): boolean {
  if (!deadline) return false;
  return Date.parse(receivedAt) > endOfDayVietnam(deadline);
}

/** `now` as given (an ISO date-time with an offset) or the current time. */
export function timestamp(now?: string): string {
  if (now === undefined) return new Date().toISOString();
  if (Number.isNaN(Date.parse(now)) || !/T.*(Z|[+-]\d{2}:\d{2})$/.test(now)) refuse('cycle.bad_time', undefined, { value: now });
  return now;
}

const perWorkspace = new WeakMap<WorkspaceStore, TemplateCache>();

export function compiledFor(ws: WorkspaceStore, t: Template): CompiledTemplate {
  let cache = perWorkspace.get(ws);
  if (!cache) {
    cache = new TemplateCache();
    perWorkspace.set(ws, cache);
  }
  return cache.get(t);
}

// ── additional templates (the ISO 9001 checklist beside the PAR index) ───────────────────────────

/** The agency does not apply this additional template (campaign.exemptions). */
export function isExempt(campaign: Campaign, agency: string, templateId: string): boolean {
  const code = agency.normalize('NFC');
  return campaign.exemptions.some((e) => e.template === templateId && e.agency.normalize('NFC') === code);
}

/** The additional templates of the agency's group (exempted ones included). */
export function additionalRefsOfGroup(campaign: Campaign, agency: Agency): TemplateRef[] {
  return campaign.additionalTemplates[agency.group] ?? [];
}

/** The additional templates the agency is to assess itself against: its group's, minus its exemptions. */
export function additionalRefsFor(campaign: Campaign, agency: Agency): TemplateRef[] {
  return additionalRefsOfGroup(campaign, agency).filter((r) => !isExempt(campaign, agency.code, r.id));
}

/**
 * One of the agency's additional templates by id: refused when the group has no such additional
 * template (`cycle.not_additional_template`), when the agency is exempted from it
 * (`cycle.template_exempted`) or when the workspace does not hold it.
 */
export function additionalTemplateFor(ws: WorkspaceStore, campaign: Campaign, agency: Agency, templateId: string): Template {
  const at = { agency: agency.code, template: templateId };
  const ref = additionalRefsOfGroup(campaign, agency).find((r) => r.id === templateId);
  if (!ref) refuse('cycle.not_additional_template', at, { template: templateId, group: agency.group, assigned: additionalRefsOfGroup(campaign, agency).map((r) => r.id).join(', ') || '—' });
  if (isExempt(campaign, agency.code, templateId)) refuse('cycle.template_exempted', at, { template: templateId, agency: agency.code });
  const t = ws.template(ref);
  if (!t) refuse('cycle.template_missing', at, { id: ref.id, version: ref.version });
  return t;
}

/** Every template the campaign uses (ranked and additional), once each, in group order. */
export function campaignTemplateRefs(campaign: Campaign): TemplateRef[] {
  const out: TemplateRef[] = [];
  const add = (r: TemplateRef | undefined): void => {
    if (r && !out.some((x) => sameRef(x, r))) out.push(r);
  };
  for (const r of Object.values(campaign.templates)) add(r);
  for (const list of Object.values(campaign.additionalTemplates)) for (const r of list ?? []) add(r);
  return out;
}
