import * as z from 'zod';
import type { AgencyGroup, LocalizedText } from '../schema/common.ts';
import { Code } from '../schema/index.ts';
import { pickedFile } from './files.ts';

/** An earlier year's results.json: a national campaign's is large. */
export const MAX_RESULTS_BYTES = 200 * 1024 * 1024;

/** One row of the ranking, as the dashboard lists it (everything else of the agency is asked on selection). */
export interface RankingRow {
  code: string;
  name: string;
  group: AgencyGroup;
  index: number;
  rank: number | null;
  band: string | null;
  late: boolean;
  submitted: boolean;
  /** Why not ranked, in the user's words; null when ranked. */
  unranked: string | null;
  survey: number;
  surveyMax: number;
}

export interface AreaAverage {
  code: string;
  title: LocalizedText;
  /** Mean area index of the group's agencies that submitted (and have the area applicable); null when none. */
  average: number | null;
}

export interface GroupView {
  group: AgencyGroup;
  agencies: number;
  submitted: number;
  ranked: number;
  late: number;
  averageIndex: number | null;
  /** Band code → agencies, in the campaign's band order (every band, 0 included). */
  bands: { code: string; count: number }[];
  areas: AreaAverage[];
}

/**
 * A figure card as the province reports it ("18/21 sở, ban, ngành", "8/8 huyện", "100% xã",
 * "2.261 thủ tục"). `filter` says which agencies are behind it, when the results name them.
 */
export interface HeadlineCard {
  /** Stable: `headline:<code>`, `figure:<scope>:<code>`, `iso:<scope>:<step>`. */
  key: string;
  title: string;
  scope: AgencyGroup | 'all';
  phrase: string;
  filter: RankingFilter | null;
}

/** Which agencies a figure stands for (the ranking filtered to them). */
export interface RankingFilter {
  group: AgencyGroup | null;
  band?: string | null;
  /** Explicit agency codes (an ISO step's agencies, …). */
  codes?: string[];
  /** late | unranked | submitted. */
  state?: 'late' | 'unranked' | 'submitted';
  /** Said above the filtered list ("Sở, ban, ngành · Xuất sắc"). */
  label: string;
}

export interface IsoStepView {
  count: number;
  of: number;
  percent: number | null;
  phrase: string;
  /** The agencies that have done the step. */
  codes: string[];
}

export interface IsoScopeView {
  scope: AgencyGroup | 'all';
  agencies: number;
  built: IsoStepView;
  announced: IsoStepView;
  maintained: IsoStepView;
  complete: IsoStepView;
}

export interface TrendPoint {
  year: number;
  /** The stored results of this workspace (not an earlier file). */
  current: boolean;
  groups: { group: AgencyGroup; averageIndex: number | null; submitted: number; agencies: number }[];
}

export interface ResultsView {
  /** Where the results are stored, in the workspace (results/results.json). */
  file: string;
  generatedAt: string;
  /** The workspace changed after the results were made (imports, appraisals, survey): "Tổng hợp lại". */
  stale: boolean;
  lastChange: string | null;
  campaign: { id: string; year: number; title: string };
  bands: { code: string; label: string; minIndex: number }[];
  groups: GroupView[];
  rows: RankingRow[];
  cards: HeadlineCard[];
  iso: IsoScopeView[] | null;
  /** Earlier years loaded, then this one; empty without earlier years. */
  trend: TrendPoint[];
  /** Problems consolidation noted (documents missing, figures that disagree …), in words: the first 200. */
  warnings: string[];
  warningCount: number;
}

/** One agency's areas against its group's averages (the chart on selecting an agency). */
export interface AgencyAreasView {
  code: string;
  name: string;
  group: AgencyGroup;
  index: number;
  areas: { code: string; title: string; index: number | null; groupAverage: number | null }[];
}

/** Channels of the results at Home Affairs (electron/services/results-service.ts). */
export const resultsChannels = {
  /** Consolidates the open workspace (progress: job:progress) and stores results/results.json. */
  'results:consolidate': { input: z.strictObject({}), output: z.custom<{ generatedAt: string; agencies: number; ranked: number }>() },
  /** The dashboard from the stored results (no re-scoring); null before the first consolidation. */
  'results:get': { input: z.strictObject({}), output: z.custom<ResultsView | null>() },
  'results:agency': { input: z.strictObject({ agency: Code }), output: z.custom<AgencyAreasView>() },
  /** Earlier years' results.json files, kept in the workspace (results/history/) for the comparison. */
  'results:loadEarlier': { input: z.strictObject({ file: pickedFile(MAX_RESULTS_BYTES) }), output: z.custom<{ year: number; campaign: string }>() },
} as const;
