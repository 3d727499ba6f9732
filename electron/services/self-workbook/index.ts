/** The self-assessment workbook round trip of an agency workspace (docs in README: `self-workbook`). */
export { exportSelfWorkbook } from './export.ts';
export { importSelfWorkbook, type SelfWorkbookSummary } from './import.ts';
