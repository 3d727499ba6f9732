/**
 * What one agency's workbook covers: the agency, the campaign, and the templates it assesses (the
 * ranked one first, then each additional template it is not exempted from), each with its sheet name.
 */
import type { Agency, Campaign, Template } from '../../../shared/schema/index.ts';
import type { CompiledTemplate } from '../../../shared/template/compile.ts';
import { compiledFor, refuse, requireCampaign, selfAgency, templateFor } from '../cycle/common.ts';
import { safeSheetName } from '../reports/kit/cell.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { SHEET_KINDS, sheetName } from './layout.ts';
import { LANGS } from '../../../shared/i18n/index.ts';

export interface ScopeTemplate {
  template: Template;
  ct: CompiledTemplate;
  ranked: boolean;
  sheet: string;
}

export interface Scope {
  agency: Agency;
  campaign: Campaign;
  templates: ScopeTemplate[];
}

/** Throws an IssueError: not an agency workspace, no campaign, a template missing from the workspace. */
export function scopeOf(ws: WorkspaceStore): Scope {
  const campaign = requireCampaign(ws);
  const agency = selfAgency(ws, campaign);
  const ranked = templateFor(ws, campaign, agency);
  // Template sheet names never take a fixed sheet's name in either language.
  const taken = new Set<string>(LANGS.flatMap((lang) => ['guide' as const, ...SHEET_KINDS].map((k) => sheetName(k, lang))));
  const templates: ScopeTemplate[] = [{ template: ranked, ct: compiledFor(ws, ranked), ranked: true, sheet: safeSheetName(ranked.id, taken) }];
  for (const ref of campaign.additionalTemplates[agency.group] ?? []) {
    if (campaign.exemptions.some((e) => e.agency === agency.code && e.template === ref.id)) continue;
    const t = ws.template(ref);
    if (!t) refuse('cycle.template_missing', { agency: agency.code, template: ref.id }, { id: ref.id, version: ref.version });
    templates.push({ template: t, ct: compiledFor(ws, t), ranked: false, sheet: safeSheetName(t.id, taken) });
  }
  return { agency, campaign, templates };
}
