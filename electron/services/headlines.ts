/**
 * Adding and removing the campaign's headline figures (campaign.headlines) in a Home Affairs
 * workspace. Checked before anything is written: a refused headline changes nothing.
 */
import { unsafeTextIssues } from '../../shared/util/text-safety.ts';
import { checkHeadline } from '../../shared/campaign/headlines.ts';
import { type Campaign, Headline, type HeadlinePart } from '../../shared/schema/campaign.ts';
import type { AgencyGroup } from '../../shared/schema/common.ts';
import { type Result, fail, issue, ok } from '../../shared/util/issue.ts';
import { zodReason } from '../../shared/util/reason.ts';
import type { WorkspaceStore } from './store/workspace.ts';

export interface HeadlineInput {
  code: string;
  title: { vi: string; en?: string };
  unit?: string;
  parts: HeadlinePart[];
}

export async function addHeadline(ws: WorkspaceStore, input: HeadlineInput): Promise<Result<Campaign>> {
  const campaign = ws.campaign();
  if (!campaign) return fail([issue('service.no_campaign', { file: 'campaign.json' })]);
  const parsed = Headline.safeParse(input);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => issue('headline.invalid', { item: input.code, field: i.path.join('.') }, zodReason(i))));
  }
  const templateOf = (g: AgencyGroup) => {
    const ref = campaign.templates[g];
    return ref ? ws.template(ref) : null;
  };
  const problems = [...unsafeTextIssues(parsed.data, { item: input.code }, ''), ...checkHeadline(campaign, templateOf, parsed.data)];
  if (problems.length > 0) return fail(problems);
  return ok(await ws.setCampaign({ ...campaign, headlines: [...campaign.headlines, parsed.data] }));
}

export async function removeHeadline(ws: WorkspaceStore, code: string): Promise<Result<Campaign>> {
  const campaign = ws.campaign();
  if (!campaign) return fail([issue('service.no_campaign', { file: 'campaign.json' })]);
  if (!campaign.headlines.some((h) => h.code === code)) return fail([issue('headline.not_found', { item: code }, { code })]);
  return ok(await ws.setCampaign({ ...campaign, headlines: campaign.headlines.filter((h) => h.code !== code) }));
}
