/**
 * Excel importers of the campaign's agency list and of the sociological survey results, with the
 * blank forms to fill in. Layouts: docs/imports.md.
 */
export { AGENCY_GROUPS, type AgencyModel, MAX_AGENCIES, readAgencyListXlsx, readGroupWord, writeAgencyListForm } from './agencies.ts';
export {
  isPercentFormat,
  readPercent,
  readSurveyXlsx,
  type SurveyContext,
  type SurveyImport,
  type SurveyItem,
  surveyItemsOfTemplate,
  type SurveyMode,
  writeSurveyForm,
} from './survey.ts';
