/**
 * An agency's additional templates (the ISO 9001 checklist beside the PAR index) as the reports
 * show them: which templates its group is assigned, whether the agency is exempt and why, and its
 * per-item figures, scored as shared/results/additional.ts scores them (an appraised item replaces
 * the self score; no survey, no bonus or penalty).
 */
import { type Lang, t } from '../../../../shared/i18n/index.ts';
import type { AdditionalResult } from '../../../../shared/results/schema.ts';
import type { Agency } from '../../../../shared/schema/agency.ts';
import type { Appraisal } from '../../../../shared/schema/appraisal.ts';
import type { Assessment } from '../../../../shared/schema/assessment.ts';
import type { Campaign, TemplateExemption } from '../../../../shared/schema/campaign.ts';
import type { AgencyGroup } from '../../../../shared/schema/common.ts';
import type { Template, TemplateRef } from '../../../../shared/schema/template.ts';
import type { CompiledTemplate } from '../../../../shared/template/compile.ts';
import { agencyScores, type AgencyScores } from './scores.ts';
import { localized } from './words.ts';

/** Exemptions by agency and template id, looked up once per agency × template (40,000 may be listed). */
export class Exemptions {
  private readonly map = new Map<string, TemplateExemption>();
  constructor(campaign: Campaign) {
    for (const e of campaign.exemptions) this.map.set(`${e.agency}\u0000${e.template}`, e);
  }
  of(agency: string, template: string): TemplateExemption | null {
    return this.map.get(`${agency}\u0000${template}`) ?? null;
  }
}

/** The additional templates of a group, in the campaign's order. */
export function additionalRefs(campaign: Campaign, group: AgencyGroup): TemplateRef[] {
  return campaign.additionalTemplates[group] ?? [];
}

/** Every distinct additional template of the campaign, groups in `groups` order. */
export function allAdditionalRefs(campaign: Campaign, groups: readonly AgencyGroup[]): TemplateRef[] {
  const out = new Map<string, TemplateRef>();
  for (const g of groups) for (const ref of additionalRefs(campaign, g)) out.set(`${ref.id}@${ref.version}`, ref);
  return [...out.values()];
}

/** Whether an agency's group is assigned this additional template (id and version). */
export function applies(campaign: Campaign, agency: Agency, ref: TemplateRef): boolean {
  return additionalRefs(campaign, agency.group).some((r) => r.id === ref.id && r.version === ref.version);
}

/** Per-item figures of one additional template: the agency's own items, Home Affairs' appraised ones. */
export function additionalScores(ct: CompiledTemplate, assessment: Assessment | null, appraisal: Appraisal | null): AgencyScores {
  const id = ct.ref.id;
  const own = assessment?.additional[id];
  // Once Home Affairs has appraised the agency the appraised column is filled (the self score where
  // an item is not appraised), as for the ranked template.
  return agencyScores(ct, own ? { items: own.items } : null, appraisal ? { items: appraisal.additional[id]?.items ?? {} } : null, null);
}

/** "Bộ tiêu chí … (mã iso-9001, phiên bản 1)". */
export function templateLabel(lang: Lang, template: Template): string {
  return t(lang, 'radd.template', { title: localized(template.title, lang), id: template.id, version: String(template.version) });
}

/** "Không áp dụng (miễn) — lý do: …". */
export function exemptText(lang: Lang, exemption: TemplateExemption): string {
  return exemption.reason ? t(lang, 'radd.exempt_reason', { reason: exemption.reason }) : t(lang, 'radd.exempt_no_reason');
}

/** The band and phase of an assessed ISO checklist result in words (null when results give none). */
export function bandText(lang: Lang, r: AdditionalResult): string | null {
  return r.status === 'assessed' && r.band ? t(lang, `results.iso_band.${r.band}`) : null;
}
export function phaseText(lang: Lang, r: AdditionalResult): string | null {
  return r.status === 'assessed' && r.iso ? t(lang, `results.iso_phase.${r.phase ?? 'none'}`) : null;
}

