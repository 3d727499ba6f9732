import * as z from 'zod';
import { ClassificationBand, Deadlines, Issuer, IssuerV3, LateRule, TieBreakRule } from '../schema/campaign.ts';
import { AgencyGroup } from '../schema/common.ts';

/*
 * What the campaign set-up asks, step by step (the window's steps and `parscore campaign create`):
 * the service validates with these schemas and the window's forms use the same ones, so an error
 * is said at its field before anything is sent.
 */

/** Step 1: the year, the title (empty: "Chỉ số CCHC năm … tỉnh …"), the province and the model. */
export const CampaignBasics = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().max(300).default(''),
  province: z.string().trim().min(1).max(100),
  model: z.enum(['two-tier', 'three-tier']),
});
export type CampaignBasics = z.infer<typeof CampaignBasics>;

/** A template as the set-up names it: `id@version` (or a built-in's id alone, its newest version). */
export const TemplateChoice = z.string().trim().min(1).max(120);

/** Step 3: the ranked template per group and the sets assessed beside it (the ISO 9001 checklist). */
export const CampaignTemplates = z.strictObject({
  templates: z.partialRecord(AgencyGroup, TemplateChoice),
  additional: z.partialRecord(AgencyGroup, z.array(TemplateChoice).max(5)).default({}),
});
export type CampaignTemplates = z.infer<typeof CampaignTemplates>;

/** Step 4: the deadline of each phase (yyyy-mm-dd), each optional. */
export const CampaignDeadlines = Deadlines;
export type CampaignDeadlines = z.infer<typeof Deadlines>;

/** Step 5: bands, tie-breaks, late rule and survey answer scale. */
export const CampaignRules = z.strictObject({
  bands: z.array(ClassificationBand).min(1).max(10),
  tieBreaks: z.array(TieBreakRule).max(5),
  late: LateRule,
  surveyScale: z.record(z.string().regex(/^[A-Z]$/), z.number().min(0).max(100)),
});
export type CampaignRules = z.infer<typeof CampaignRules>;

/** Step 7: who issues the campaign and its reports, who signs, and the reports' recipients ("Nơi nhận"; absent: the usual ones). */
export const CampaignIssuer = z.strictObject({ ...Issuer.shape, recipients: IssuerV3.shape.recipients });
export type CampaignIssuer = z.infer<typeof CampaignIssuer>;

/** Bands must fall from the best to the lowest, each code once: the order the results use. */
export function bandIssues(bands: readonly { code: string; minIndex: number }[]): { index: number; code: 'band_order' | 'band_twice' }[] {
  const out: { index: number; code: 'band_order' | 'band_twice' }[] = [];
  bands.forEach((b, i) => {
    if (bands.findIndex((x) => x.code === b.code) !== i) out.push({ index: i, code: 'band_twice' });
    else if (i > 0 && b.minIndex >= bands[i - 1]!.minIndex) out.push({ index: i, code: 'band_order' });
  });
  return out;
}

/** Groups of four hex characters for reading a key fingerprint over the phone ("3f2a 91bc …"). */
export function fingerprintGroups(fp: string): string[] {
  return fp.match(/.{1,4}/g) ?? [];
}
