import * as z from 'zod';
import { Code, IsoDateTime, Slug } from './common.ts';

export const SURVEY_KIND = 'parscore.survey';

/**
 * Sociological survey results of a campaign: per agency and survey item, the percent of the
 * item's points earned (mean over respondents when imported from raw answers).
 */
export const SurveyResultsV1 = z.strictObject({
  kind: z.literal(SURVEY_KIND),
  schemaVersion: z.literal(1),
  campaign: Slug,
  results: z.record(Code, z.record(Code, z.number().min(0).max(100))),
  /** Respondents behind each agency's figures (raw-answer imports only). */
  respondents: z.record(Code, z.number().int().nonnegative()).default({}),
  sources: z
    .array(z.strictObject({ file: z.string().min(1).max(300), mode: z.enum(['scores', 'answers']), importedAt: IsoDateTime, rows: z.number().int().nonnegative() }))
    .default([]),
});
export type SurveyResults = z.infer<typeof SurveyResultsV1>;
