import * as z from 'zod';
import { CampaignBasics, CampaignDeadlines, CampaignIssuer, CampaignRules, CampaignTemplates, TemplateChoice } from '../campaign/setup.ts';
import type { Agency, AgencyGroup, Campaign, LocalizedText } from '../schema/index.ts';
import { pickedFile } from './files.ts';
import type { WrittenReport } from './report.ts';

/** An Excel file the set-up reads (agency list, criteria workbook): up to 20 MB. */
export const MAX_SETUP_XLSX_BYTES = 20 * 1024 * 1024;
const XlsxFile = pickedFile(MAX_SETUP_XLSX_BYTES);

/** One problem of a workbook, where Excel shows it, in the user's words. */
export interface SheetProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

/** What an agency list holds: every agency read, or every problem (nothing is stored either way). */
export interface AgencyListPreview {
  file: string;
  agencies: Agency[];
  problems: SheetProblem[];
}

/** A criteria set the set-up can choose: built-in sample or the province's own (imported into the workspace). */
export interface TemplateOption {
  /** `id@version`, what the choice sends back. */
  ref: string;
  id: string;
  version: number;
  title: LocalizedText;
  appliesTo: AgencyGroup[];
  builtin: boolean;
  /** Whether it is an additional set (ISO 9001 checklist), assessed beside the ranked index. */
  iso: boolean;
}

/** One node of a criteria tree, read-only. */
export interface TemplateTreeNode {
  code: string;
  title: string;
  max: number;
  children: TemplateTreeNode[];
}

/** A criteria workbook read: its tree (stored in the workspace) or every problem by sheet/row/column (nothing stored). */
export type TemplateImport = { ok: true; option: TemplateOption } | { ok: false; file: string; problems: SheetProblem[] };

/** The campaign set-up as the steps show it. */
export interface CampaignSetupView {
  campaign: Campaign | null;
  /** Agencies whose submission was received: their list entry and the criteria sets can no longer change. */
  submitted: number;
  options: TemplateOption[];
  /** Home Affairs' key fingerprint (hex), null before the campaign exists. */
  fingerprint: string | null;
  /** When the campaign file was last exported (ISO), and whether the campaign changed since (a new file must be sent). */
  exported: { at: string; changedSince: boolean } | null;
}

/** Channels of the campaign set-up (electron/services/campaign-setup). */
export const campaignChannels = {
  'campaign:state': { input: z.strictObject({}), output: z.custom<CampaignSetupView>() },
  'campaign:agenciesForm': { input: z.strictObject({}), output: z.custom<WrittenReport>() },
  'campaign:readAgencies': { input: z.strictObject({ file: XlsxFile, model: CampaignBasics.shape.model }), output: z.custom<AgencyListPreview>() },
  /** Creates the campaign in the open Home Affairs workspace: the basics, the agency list (read again) and the criteria sets. */
  'campaign:create': {
    input: z.strictObject({ basics: CampaignBasics, agencies: XlsxFile, sets: CampaignTemplates }),
    output: z.custom<CampaignSetupView>(),
  },
  'campaign:setBasics': { input: z.strictObject({ basics: CampaignBasics }), output: z.custom<CampaignSetupView>() },
  'campaign:setAgencies': { input: z.strictObject({ file: XlsxFile }), output: z.custom<CampaignSetupView>() },
  'campaign:setTemplates': { input: z.strictObject({ sets: CampaignTemplates }), output: z.custom<CampaignSetupView>() },
  'campaign:importTemplate': { input: z.strictObject({ file: XlsxFile }), output: z.custom<TemplateImport>() },
  'campaign:templateTree': { input: z.strictObject({ ref: TemplateChoice }), output: z.custom<TemplateTreeNode[]>() },
  'campaign:exportTemplate': { input: z.strictObject({ ref: TemplateChoice }), output: z.custom<WrittenReport>() },
  'campaign:setDeadlines': { input: z.strictObject({ deadlines: CampaignDeadlines }), output: z.custom<CampaignSetupView>() },
  'campaign:setRules': { input: z.strictObject({ rules: CampaignRules }), output: z.custom<CampaignSetupView>() },
  'campaign:setIssuer': { input: z.strictObject({ issuer: CampaignIssuer }), output: z.custom<CampaignSetupView>() },
  'campaign:export': { input: z.strictObject({}), output: z.custom<WrittenReport & { fingerprint: string }>() },
} as const;
