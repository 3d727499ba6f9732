import * as z from 'zod';
import { Code } from '../schema/index.ts';
import { pickedFile } from './files.ts';
import type { WrittenReport } from './report.ts';

/** A survey workbook is small (one row per agency and item, or per respondent): 20 MB is far above any province's. */
export const MAX_SURVEY_BYTES = 20 * 1024 * 1024;
export const SurveyFileInput = pickedFile(MAX_SURVEY_BYTES);

/** One agency's survey score as a file gives it (or as stored): points out of the survey items' maximum. */
export interface SurveyAgencyScore {
  code: string;
  name: string;
  group: 'department' | 'district' | 'commune';
  /** Points of the survey items (percent × item points), null when the file has no value for the agency. */
  score: number | null;
  max: number;
  /** Items with a value, of the group's survey items. */
  items: number;
  of: number;
  /** Respondents behind the figures (answers layout only). */
  respondents: number | null;
}

/** What a survey file holds, before anything is stored: per agency score, or every row error. */
export interface SurveyPreview {
  file: string;
  /** null when the file could not be read at all. */
  mode: 'scores' | 'answers' | null;
  rows: number;
  /** Each error in words, naming the sheet, row and column. Non-empty: the file cannot be stored. */
  errors: string[];
  agencies: SurveyAgencyScore[];
}

export interface SurveyStored {
  mode: 'scores' | 'answers';
  agencies: number;
  values: number;
  rows: number;
}

/** The survey scores stored in the workspace (the appraisal screen shows one agency's). */
export interface SurveyScoresView {
  /** When the last file was imported (ISO), null before any. */
  importedAt: string | null;
  sources: { file: string; mode: 'scores' | 'answers'; importedAt: string; rows: number }[];
  agencies: SurveyAgencyScore[];
}

/** Channels of the sociological survey at Home Affairs (electron/services/survey-service.ts). */
export const surveyChannels = {
  /** The blank form in one of its two modes (scores per agency, or A/B/C/D answers per respondent). */
  'survey:form': { input: z.strictObject({ mode: z.enum(['scores', 'answers']) }), output: z.custom<WrittenReport>() },
  /** Reads a survey file and says what it holds or what is wrong with it; stores nothing. */
  'survey:preview': { input: z.strictObject({ file: SurveyFileInput }), output: z.custom<SurveyPreview>() },
  /** Stores the survey file (all or nothing; a file with any error changes nothing). */
  'survey:store': { input: z.strictObject({ file: SurveyFileInput }), output: z.custom<SurveyStored>() },
  /** The stored survey scores, of every agency or of one (`agency`). */
  'survey:scores': { input: z.strictObject({ agency: Code.optional() }), output: z.custom<SurveyScoresView>() },
} as const;
