import type { ximport as vi } from '../vi/ximport.ts';

export const ximport: Record<keyof typeof vi, string> = {
  // ── Sheet names and titles of the blank forms ───────────────────────────────────────────────
  'ximport.sheet.agencies': 'Agencies',
  'ximport.sheet.scores': 'Survey scores',
  'ximport.sheet.answers': 'Survey answers',
  'ximport.sheet.scores.group': 'Survey - {group}',
  'ximport.sheet.guide': 'Guide',
  'ximport.title.agencies': 'AGENCIES ASSESSED IN THE ADMINISTRATIVE REFORM (PAR) INDEX',
  'ximport.title.scores': 'SOCIOLOGICAL SURVEY RESULTS (PERCENT OF POINTS PER QUESTION)',
  'ximport.title.scores.group': 'SOCIOLOGICAL SURVEY RESULTS: {group} (PERCENT OF POINTS PER QUESTION)',
  'ximport.title.answers': 'SOCIOLOGICAL SURVEY ANSWERS (ONE ANSWER PER ROW)',

  'ximport.col.no': 'No.',

  // ── Agency list: column headers and accepted variants ───────────────────────────────────────
  'ximport.col.agency.code': 'Code',
  'ximport.col.agency.code.aliases': 'Agency code|Code of agency',
  'ximport.col.agency.name': 'Name',
  'ximport.col.agency.name.aliases': 'Agency name|Agency|Name of agency',
  'ximport.col.agency.group': 'Group',
  'ximport.col.agency.group.aliases': 'Agency group|Type|Kind|Level',
  'ximport.col.agency.parent': 'Parent code',
  'ximport.col.agency.parent.aliases': 'Parent|Parent agency|Parent agency code|District code|District',

  // ── Agency groups ───────────────────────────────────────────────────────────────────────────
  'ximport.group.department': 'Department',
  'ximport.group.district': 'District',
  'ximport.group.commune': 'Commune',
  'ximport.group.department.aliases': 'Departments|Provincial department|Dept',
  'ximport.group.district.aliases': 'Districts|District-level|District committee',
  'ximport.group.commune.aliases': 'Communes|Commune-level|Ward|Wards|Township|Commune or ward|Communes and wards',

  // ── Survey sheets: column headers and accepted variants ─────────────────────────────────────
  'ximport.col.survey.agency': 'Agency code',
  'ximport.col.survey.agency.aliases': 'Agency|Code',
  'ximport.col.survey.name': 'Agency name',
  'ximport.col.survey.name.aliases': 'Name',
  'ximport.col.survey.item': 'Item code',
  'ximport.col.survey.item.aliases': 'Item|Question|Question code|Criterion',
  'ximport.col.survey.answer': 'Answer',
  'ximport.col.survey.answer.aliases': 'Answer letter|Response|Choice',
  'ximport.col.survey.respondent': 'Respondent',
  'ximport.col.survey.respondent.aliases': 'Respondent id|Respondent no.|Form|Form no.',
  'ximport.col.survey.respondentGroup': 'Respondent group',
  'ximport.col.survey.respondentGroup.aliases': 'Respondent type|Group',
  'ximport.col.survey.itemPrefix': 'Item|Question|Criterion|Score|Percent',

  // ── File, sheet and header problems ────────────────────────────────────────────────────────
  'ximport.file.unreadable':
    'The content of the Excel file cannot be read: the file is damaged or has parts that do not follow the .xlsx standard. Open it in Excel (or LibreOffice), save it again as an Excel Workbook (.xlsx) and import it again.',
  'ximport.file.empty': 'The file is empty (0 bytes); copy it again from the original.',
  'ximport.file.not_zip':
    'The file is not an Excel .xlsx file (it may be a CSV, PDF, text or picture file renamed to .xlsx). Open it in Excel and save it as an Excel Workbook (.xlsx).',
  'ximport.file.legacy_xls':
    'The file is an Excel 97–2003 workbook (.xls) or an Excel file with an opening password; only .xlsx files without a password can be read. Open it in Excel, remove any password and save it as an Excel Workbook (.xlsx).',
  'ximport.file.damaged': 'The Excel file is damaged or incomplete (perhaps not fully copied or downloaded). Copy it again from the original, or open it in Excel and save it again.',
  'ximport.file.not_workbook':
    'The file is a zip archive but not an Excel workbook (it may be a Word .docx, PowerPoint .pptx or .zip file renamed). Choose the Excel workbook (.xlsx) itself.',
  'ximport.file.opendocument': 'The file is an OpenDocument spreadsheet (.ods); open it in LibreOffice or Excel and save it as an Excel Workbook (.xlsx).',
  'ximport.file.too_large': 'The Excel file unpacks to {size} MB, more than the {max} MB allowed.',
  'ximport.file.no_sheet': 'The Excel file has no worksheet.',
  'ximport.too_many': 'More problems are not shown (stopped at {n}); fix the ones above and import again.',
  'ximport.header.missing': 'Column "{header}" was not found in the header row of the table.',
  'ximport.header.duplicate': 'Column "{header}" appears twice (columns {first} and {second}); delete one of them.',
  'ximport.no_rows': 'The table has no data rows below its header row.',
  'ximport.cell.formula_without_value': 'The cell holds an Excel formula ({formula}) without a computed value; type the value itself.',
  'ximport.cell.error_value': 'The cell holds the error value {value}; type the right value.',
  'ximport.cell.unsupported': 'The value of the cell cannot be read; type it again as text or a number.',
  'ximport.cell.unexpected_date': 'The cell holds a date ({value}) where a code or text is needed; format the column as Text and type it again.',

  // ── Agency list problems ────────────────────────────────────────────────────────────────────
  'ximport.agency.code_required': 'The row has content but no agency code.',
  'ximport.agency.code_invalid':
    'Code "{value}" is not valid: a code starts with a letter or digit and holds only letters, digits and . _ - (no spaces), at most 40 characters.',
  'ximport.agency.code_duplicate': 'Code "{value}" is repeated: first on row {first}, again on row {second}.',
  'ximport.agency.name_required': 'The agency with code "{code}" has no name.',
  'ximport.agency.name_too_long': 'Name "{value}" is {length} characters long, more than the {max} allowed.',
  'ximport.agency.group_required': 'Agency "{code}" has no group (Department, District or Commune).',
  'ximport.agency.group_unknown': 'Unknown group "{value}"; write one of: Department, District, Commune (or the Vietnamese words sở, huyện, xã, phường).',
  'ximport.agency.district_two_tier': '"{code}" is a district, but the campaign follows the two-tier local government model, which has no districts.',
  'ximport.agency.parent_required': 'Commune "{code}" has no parent code (the district it belongs to in the three-tier model).',
  'ximport.agency.parent_not_found': 'No agency in the list has code "{value}" to be the parent.',
  'ximport.agency.parent_not_district': 'Parent "{value}" is in group {group}, not a district.',
  'ximport.agency.parent_not_commune': '"{code}" is in group {group}; only communes have a parent (here "{value}").',
  'ximport.agency.parent_two_tier': 'The two-tier model has no parent agencies; remove "{value}" from this row.',
  'ximport.agency.too_many_rows': 'The list has {n} agencies, more than the limit of {max}.',

  // ── Survey problems ─────────────────────────────────────────────────────────────────────────
  'ximport.survey.layout_unknown':
    'The layout of the table is not recognised: a percent table needs column "{agency}" and columns headed by question codes (e.g. 8.1, 8.2); an answer table needs columns "{agency}", "{item}" and "{answer}".',
  'ximport.survey.agency_required': 'The row has content but no agency code.',
  'ximport.survey.agency_unknown': 'There is no agency "{value}" in the campaign.',
  'ximport.survey.agency_duplicate': 'Agency "{value}" has two rows: row {first} and row {second}.',
  'ximport.survey.agency_duplicate_sheets': 'Agency "{value}" has two rows: row {first} of sheet "{firstSheet}" and row {second} here.',
  'ximport.survey.item_required': 'The question code is missing.',
  'ximport.survey.item_not_survey': '"{item}" is not a sociological survey question of the criteria of "{agency}" ({group}).',
  'ximport.survey.column_not_survey': 'Column "{item}" is not a sociological survey question of any criteria set of the campaign.',
  'ximport.survey.not_percent': '"{value}" is not a percentage (e.g. 85, 85.5 or 85%).',
  'ximport.survey.percent_range': 'Percentage "{value}" is outside 0 to 100%.',
  'ximport.survey.answer_unknown': 'Answer "{value}" is not on the campaign\'s answer scale ({letters}).',
  'ximport.survey.answer_duplicate': 'Respondent "{respondent}" already answered question "{item}" for "{agency}" on row {first}.',
  'ximport.survey.answer_duplicate_sheets': 'Respondent "{respondent}" already answered question "{item}" for "{agency}" on row {first} of sheet "{firstSheet}".',
  'ximport.survey.not_found':
    'The file holds no sociological survey table: in the first {rows} rows of sheet {sheets} no header row has an "{agency}" column with question code columns (percent table) or "{item}" and "{answer}" columns (answer table). Check that this is the right file.',
  'ximport.survey.only_guide':
    'Only the "{sheet}" sheet of the form is left; the sheet for the results has been deleted. Enter the results on the data sheet of the form (or download the form again) and import again.',
  'ximport.survey.layout_mixed_scores':
    'This sheet is a percent table, but sheet "{first}" is an answer table; one import reads one kind of table only, so put the two tables in two files.',
  'ximport.survey.layout_mixed_answers':
    'This sheet is an answer table, but sheet "{first}" is a percent table; one import reads one kind of table only, so put the two tables in two files.',
  'ximport.survey.scale_empty': 'The campaign has no answer scale (A, B, C, D …).',
  'ximport.survey.no_data': 'Nothing to import: every percent or answer cell is empty.',

  // ── Guide sheets and input hints of the blank forms ─────────────────────────────────────────
  'ximport.guide.col.column': 'Column',
  'ximport.guide.col.meaning': 'What to write',
  'ximport.guide.general':
    'A title may stand above the table; columns may be in any order and other columns (no., notes …) may be added; headers may be typed in Vietnamese or English, with or without diacritics. Every problem is reported with its sheet, row and column; a file with any problem imports nothing.',
  'ximport.guide.agencies.title': 'HOW TO FILL IN THE AGENCY LIST',
  'ximport.guide.agencies.code': 'A short unique code without spaces, e.g. SNV, H01, X0101; letters, digits and . _ - only (at most 40 characters).',
  'ximport.guide.agencies.name': 'The full name of the agency (at most 300 characters).',
  'ximport.guide.agencies.group': 'Choose from the list: Department, District, Commune (Vietnamese words such as sở, huyện, xã, phường are accepted too).',
  'ximport.guide.agencies.parent':
    'Communes in the three-tier model only: the code (or name) of the district the commune belongs to. Two-tier model (no districts): leave empty.',
  'ximport.guide.groups': 'Agency groups',
  'ximport.guide.scores.title': 'HOW TO FILL IN THE SOCIOLOGICAL SURVEY RESULTS (PERCENT)',
  'ximport.guide.scores.body':
    'One sheet per agency group, one row per agency; one column per survey question in the criteria of that group, headed by the question code and title (e.g. "8.1. Citizens assess …"; when editing a header, keep the code first). Write the percent of the points earned, 0 to 100: 85, 85.5 or 85%. An empty cell means not surveyed.',
  'ximport.guide.answers.title': 'HOW TO ENTER SOCIOLOGICAL SURVEY ANSWERS',
  'ximport.guide.answers.body':
    'One answer per row: the code of the agency assessed, the question code and the answer letter (from the scale below, upper or lower case). Respondent id and group are optional; with ids, respondents are counted by id, otherwise as the largest number of answers to one question. An empty answer means the person did not answer that question. The percent of each question is the mean over the answers, by the scale.',
  'ximport.guide.items': 'Sociological survey questions',
  'ximport.guide.items.code': 'Question code',
  'ximport.guide.items.body':
    'The questions in the criteria of each agency group: one question code may be a different question in another group; an empty cell means the question is not in that group’s criteria.',
  'ximport.guide.items.groups': 'Applies to',
  'ximport.guide.scale': 'Answer scale',
  'ximport.guide.scale.letter': 'Answer',
  'ximport.guide.scale.percent': 'Percent of points',
  'ximport.guide.agencyList': 'Agencies',
  'ximport.input.group.title': 'Group',
  'ximport.input.group.text': 'Choose from the list or type: department, district, commune.',
  'ximport.input.percent.title': 'Percent',
  'ximport.input.percent.text': '0 to 100, e.g. 85 or 85.5.',
  'ximport.input.answer.title': 'Answer',
  'ximport.input.answer.text': 'A letter of the scale: {letters}.',
  // Guards before and after loading a workbook (limits.ts).
  'ximport.limit.file_too_large': 'The file is too large: {size} MB, at most {max} MB; it was not read.',
  'ximport.limit.inflated_too_large': 'The file unpacks to too much data (more than {max} MB); it is refused without being read.',
  'ximport.limit.part_too_large': 'A part of the file ({part}) unpacks to more than {max} MB; it is refused without being read. Delete the extra data and save again.',
  'ximport.limit.too_many_parts': 'The file has too many parts (more than {max}); it is not an ordinary workbook.',
  'ximport.limit.too_many_rows': 'The sheet has more than {max} rows (at most {max}); delete the extra rows or split it into several files.',
  'ximport.limit.too_many_columns': 'The sheet has data in too many columns (at most {max}); delete the extra columns.',
  'ximport.limit.dimension':
    'The sheet declares the data range {range} ({rows} rows, {columns} columns), beyond the limit of {maxRows} rows and {maxColumns} columns; delete the extra rows and columns and save again.',
  'ximport.limit.too_many_strings': 'The file holds too many distinct texts (more than {max}); delete the extra data and save again.',
  'ximport.limit.string_too_long': 'The cell holds more than {max} characters (the Excel limit); shorten it.',
  'ximport.limit.hidden_sheet': 'The sheet “{sheet}” is hidden; unhide it (or delete it if not needed) and save again.',
  'ximport.limit.merged_cells': 'The data area has merged cells ({range}); unmerge them and type a value in each cell.',
  'ximport.limit.formula': 'The cell holds a formula ({formula}); type the value itself (Paste special → Values).',
};
