/**
 * A campaign's headline figures (province-wide figures combining groups): what a headline must be
 * before it is stored, so that consolidation can always add its parts up.
 */
import type { Campaign, Headline } from '../schema/campaign.ts';
import type { AgencyGroup } from '../schema/common.ts';
import type { Template } from '../schema/template.ts';
import { type Issue, issue } from '../util/issue.ts';

/** The aggregations a headline can add: a group's sum, its shared value, its count of "yes". */
const ADDITIVE = new Set(['SUM', 'SHARED', 'COUNT_YES']);

/**
 * Problems of a headline to be added: a code already used, a group the campaign has no template for,
 * a figure the group's ranked template does not declare, an average or text figure (nothing to add),
 * the same part twice. Each names the headline, the group and the figure.
 */
export function checkHeadline(campaign: Campaign, templateOf: (group: AgencyGroup) => Template | null, h: Headline): Issue[] {
  const out: Issue[] = [];
  const at = { item: h.code, field: 'parts' };
  if (campaign.headlines.some((x) => x.code === h.code)) out.push(issue('headline.duplicate_code', { item: h.code, field: 'code' }, { code: h.code }));
  const seen = new Set<string>();
  for (const p of h.parts) {
    const key = `${p.group}\u0000${p.indicator}`;
    if (seen.has(key)) out.push(issue('headline.duplicate_part', at, { group: p.group, indicator: p.indicator }));
    seen.add(key);
    const t = campaign.templates[p.group] ? templateOf(p.group) : null;
    if (!t) {
      out.push(issue('headline.group_without_template', at, { group: p.group, indicator: p.indicator }));
      continue;
    }
    const def = t.indicators.find((d) => d.code === p.indicator);
    if (!def) out.push(issue('headline.indicator_not_found', at, { group: p.group, indicator: p.indicator, template: t.id }));
    else if (!ADDITIVE.has(def.aggregate)) out.push(issue('headline.indicator_not_additive', at, { group: p.group, indicator: p.indicator, aggregate: def.aggregate }));
  }
  return out;
}
