import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { campaignRuleDefaults } from '../../../shared/campaign/defaults.ts';
import { t } from '../../../shared/i18n/index.ts';
import type { Agency, AgencyGroup, Campaign, Template } from '../../../shared/schema/index.ts';
import { campaignDateIssues } from '../../../shared/schema/plausible-dates.ts';
import { type Issue, type Result, fail, issue, ok } from '../../../shared/util/issue.ts';
import { unsafeTextIssues } from '../../../shared/util/text-safety.ts';
import { builtinTemplates, findBuiltin } from '../templates/builtin.ts';

/** The ranked template of each group when the set-up names none. */
export const DEFAULT_TEMPLATES: Record<AgencyGroup, string> = { department: 'par-so', district: 'par-huyen', commune: 'par-xa' };

/**
 * A built-in template by id (iso-9001), by `id@version`, or by its file's name (iso-9001-2008), as
 * `parscore template list` shows them.
 */
export function builtinNamed(name: string): Template | null {
  const [id, v] = name.split('@');
  if (v !== undefined) return findBuiltin(id ?? '', Number(v)) ?? null;
  return findBuiltin(name) ?? builtinTemplates().find((b) => basename(b.file, '.json') === name)?.template ?? null;
}

export interface BuildInput {
  year: number;
  province: string;
  model: 'two-tier' | 'three-tier';
  /** Empty or absent: "Chỉ số CCHC năm … tỉnh …". */
  title?: string;
  signerName?: string;
  signerTitle?: string;
  /** The self-assessment deadline (yyyy-mm-dd). */
  deadline?: string;
  agencies: Agency[];
  /** The ranked template per group (absent: the built-in sample of the group). */
  templates: Partial<Record<AgencyGroup, string>>;
  /** Templates assessed beside the ranked one, per group. */
  additional: Partial<Record<AgencyGroup, string[]>>;
  /** Finds a template the set-up names (built-in, or one the workspace holds); null when unknown. */
  find: (name: string) => Template | null;
  /** Field names the issues point at (the CLI says its options, the window its fields). */
  fields?: { deadline?: string; title?: string; province?: string; signerTitle?: string; signerName?: string };
}

/**
 * The campaign a Home Affairs workspace starts with, from what the set-up asks: the agencies,
 * one ranked template per group that has agencies (plus the additional sets), the default rules,
 * the issuer for the province. Every problem is returned; nothing is written here.
 */
export function buildCampaign(input: BuildInput): Result<{ campaign: Campaign; templates: Template[] }> {
  const problems: Issue[] = [];
  const templates: Template[] = [];
  const refs: Campaign['templates'] = {};
  const additional: Campaign['additionalTemplates'] = {};
  const use = (name: string): Template | null => {
    const x = input.find(name);
    if (x && !templates.some((y) => y.id === x.id && y.version === x.version)) templates.push(x);
    return x;
  };
  const groups = [...new Set(input.agencies.map((a) => a.group))];
  for (const g of groups) {
    const name = input.templates[g] ?? DEFAULT_TEMPLATES[g];
    const ranked = use(name);
    if (!ranked) {
      problems.push(issue('campaignui.err.template_unknown', { field: `templates.${g}` }, { id: name }));
      continue;
    }
    if (!ranked.appliesTo.includes(g)) problems.push(issue('campaignui.err.template_group', { field: `templates.${g}`, template: ranked.id }, { group: t('vi', `cli.group.${g}`) }));
    refs[g] = { id: ranked.id, version: ranked.version };
    for (const id of input.additional[g] ?? []) {
      const x = use(id);
      if (!x) {
        problems.push(issue('campaignui.err.template_unknown', { field: `additional.${g}` }, { id }));
        continue;
      }
      if (x.id === ranked.id || (additional[g] ?? []).some((r) => r.id === x.id)) {
        problems.push(issue('campaignui.err.template_twice', { field: `additional.${g}`, template: x.id }, { id: x.id }));
        continue;
      }
      (additional[g] ??= []).push({ id: x.id, version: x.version });
    }
  }
  const province = input.province.trim();
  const year = String(input.year);
  const title = input.title?.trim();
  const f = input.fields ?? {};
  const campaign: Campaign = {
    kind: 'parscore.campaign',
    schemaVersion: 5,
    // Random: campaign ids (cchc-<year>) repeat across provinces, this does not.
    uid: randomUUID(),
    additionalTemplates: additional,
    exemptions: [],
    headlines: [],
    id: `cchc-${input.year}`,
    title: { vi: title || t('vi', 'service.campaign.title', { year, province }), en: t('en', 'service.campaign.title', { year, province }) },
    year: input.year,
    model: input.model,
    templates: refs,
    agencies: input.agencies,
    deadlines: input.deadline ? { selfAssessment: input.deadline } : {},
    ...campaignRuleDefaults(),
    issuer: {
      parentBody: t('vi', 'service.campaign.parent_body', { province: province.toLocaleUpperCase('vi') }),
      body: t('vi', 'service.campaign.body'),
      place: province,
      signerTitle: input.signerTitle?.trim() || t('vi', 'service.campaign.signer_title'),
      signerName: input.signerName?.trim() || '…',
    },
  };
  // Typed by a person: the title, province and signer are free of bidi overrides and control characters.
  problems.push(
    ...campaignDateIssues(campaign, { field: f.deadline ?? 'deadlines.selfAssessment' }).map((i) => ({ ...i, at: { field: f.deadline ?? 'deadlines.selfAssessment' } })),
    ...unsafeTextIssues(
      { [f.title ?? 'title']: input.title, [f.province ?? 'province']: input.province, [f.signerTitle ?? 'signerTitle']: input.signerTitle, [f.signerName ?? 'signerName']: input.signerName },
      {},
      '',
    ),
  );
  if (problems.length > 0) return fail(problems);
  return ok({ campaign, templates });
}
