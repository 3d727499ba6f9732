/**
 * What every entry service needs: which agency is entering, against which template (the ranked one
 * or an additional one), and one durable read-modify-write that leaves the file alone when nothing
 * changes and changes nothing when the entry is refused.
 */
import type { Agency, Assessment, Campaign, Template, TemplateRef } from '../../../shared/schema/index.ts';
import type { CompiledTemplate } from '../../../shared/template/compile.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { newUnsafeTextIssues } from '../../../shared/util/text-safety.ts';
import { compiledFor, refuse, requireCampaign, selfAgency, templateFor } from '../cycle/common.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { requireSelfEntryOpen } from './read-only.ts';

/** The agency entering, by default the agency workspace's own. */
export interface EntryTarget {
  /** Agency code; defaults to the workspace's own agency (agency workspaces). */
  agency?: string;
  /** Id of an additional template (e.g. "iso-9001"); absent = the ranked template. */
  template?: string;
}

export interface Resolved {
  campaign: Campaign;
  agency: Agency;
  template: Template;
  ct: CompiledTemplate;
  /** The additional template's id, or null for the ranked template. */
  additional: string | null;
}

/** The agency and template an entry is for; refuses an unknown agency, an unassigned or exempted template. */
export function resolve(ws: WorkspaceStore, target: EntryTarget = {}): Resolved {
  const campaign = requireCampaign(ws);
  const agency =
    target.agency === undefined
      ? selfAgency(ws, campaign)
      : (campaign.agencies.find((a) => a.code.normalize('NFC') === target.agency!.normalize('NFC')) ??
        refuse('cycle.unknown_agency', { agency: target.agency }, { agency: target.agency }));
  const ranked = templateFor(ws, campaign, agency);
  if (target.template === undefined || target.template === ranked.id) {
    return { campaign, agency, template: ranked, ct: compiledFor(ws, ranked), additional: null };
  }
  const id = target.template;
  const refs = campaign.additionalTemplates[agency.group] ?? [];
  const ref = refs.find((r) => r.id === id);
  if (!ref) refuse('entry.template_not_assigned', { agency: agency.code, template: id }, { template: id, group: agency.group });
  const exempt = campaign.exemptions.find((e) => e.agency.normalize('NFC') === agency.code.normalize('NFC') && e.template === id);
  if (exempt) refuse('entry.template_exempted', { agency: agency.code, template: id }, { template: id, reason: exempt.reason ?? '—' });
  const t = ws.template(ref);
  if (!t) refuse('cycle.template_missing', { agency: agency.code, template: id }, { id, version: ref.version });
  return { campaign, agency, template: t, ct: compiledFor(ws, t), additional: id };
}

/** An empty assessment of the agency against its ranked template (the first entry creates the file). */
export function emptyAssessment(r: Resolved, ranked: TemplateRef): Assessment {
  return {
    kind: 'parscore.assessment',
    schemaVersion: 2,
    agency: r.agency.code,
    campaign: r.campaign.id,
    template: { id: ranked.id, version: ranked.version },
    revision: 0,
    items: {},
    indicators: {},
    bonus: {},
    penalty: {},
    additional: {},
    updatedAt: new Date().toISOString(),
  };
}

/** JSON with sorted keys: two documents with the same content compare equal whatever their key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

export function sameContent(a: Assessment, b: Assessment): boolean {
  return canonical({ ...a, updatedAt: '' }) === canonical({ ...b, updatedAt: '' });
}

/**
 * Applies `change` to the agency's assessment (created if there is none) and saves it durably.
 * Refused (IssueError, nothing written) where the self-assessment is read-only (read-only.ts).
 * `change` throws an IssueError to refuse (nothing is written); a change that gives the same content
 * writes nothing. Returns what `change` returned, and whether the file was written.
 */
export async function changeAssessment<T>(
  ws: WorkspaceStore,
  r: Resolved,
  change: (a: Assessment) => { next: Assessment; value: T },
  beforeWrite?: () => Promise<void>,
): Promise<{ value: T; changed: boolean }> {
  // A received (signed) self-assessment, another agency's, or a closed cycle: refused before anything is read or written.
  await requireSelfEntryOpen(ws, r.agency.code);
  const ranked = ranktemplateRef(r);
  const current = await ws.readAssessment(r.agency.code);
  const base = current ?? emptyAssessment(r, ranked);
  const first = change(base);
  if (current && sameContent(current, first.next)) return { value: first.value, changed: false };
  // Text typed in (notes, explanations, evidence details): no bidi override or control character.
  const unsafe = newUnsafeTextIssues(base, first.next, { agency: r.agency.code }, '');
  if (unsafe.length > 0) throw new IssueError(unsafe);
  let value = first.value;
  // Only once the change is known to be accepted (e.g. storing the evidence file it references).
  if (beforeWrite) await beforeWrite();
  await ws.updateAssessment(r.agency.code, (cur) => {
    const out = change(cur ?? emptyAssessment(r, ranked));
    value = out.value;
    return { ...out.next, updatedAt: new Date().toISOString() };
  });
  return { value, changed: true };
}

function ranktemplateRef(r: Resolved): TemplateRef {
  const ref = r.campaign.templates[r.agency.group];
  if (!ref) throw new IssueError(issue('cycle.no_template_for_group', { agency: r.agency.code }, { group: r.agency.group }));
  return ref;
}

/** The item entries the target template's answers live in (the additional block is created if absent). */
export function itemsOf(a: Assessment, r: Resolved): Assessment['items'] {
  if (r.additional === null) return a.items;
  return a.additional[r.additional]?.items ?? {};
}

/** `a` with the target template's item entries replaced. */
export function withItems(a: Assessment, r: Resolved, items: Assessment['items']): Assessment {
  if (r.additional === null) return { ...a, items };
  return { ...a, additional: { ...a.additional, [r.additional]: { template: { id: r.template.id, version: r.template.version }, items } } };
}
