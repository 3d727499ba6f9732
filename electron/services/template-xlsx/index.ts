/**
 * Excel import and export of criteria templates: a province types its own decision into the sheet
 * and imports it; any template can be exported to the same sheet. Layout and parameter syntax:
 * docs/template-sheet.md.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/i18n/index.ts';
import type { Template } from '../../../shared/schema/index.ts';
import { parseTemplate } from '../../../shared/template/parse.ts';
import { type Result, fail, issue, ok } from '../../../shared/util/issue.ts';
import { technicianLog } from '../diagnostics.ts';
import { writeFileDurable } from '../store/durable-file.ts';
import { WORKBOOK_LIMITS, checkBeforeLoad } from '../xlsx-import/limits.ts';
import { issuePlacer } from './locate.ts';
import { LIMIT, readWorkbook } from './read.ts';
import { buildTemplateWorkbook } from './write.ts';

export interface WriteOptions {
  /** Language of the sheet names, headers and words; Vietnamese by default. */
  lang?: Lang;
}

/** The template as an .xlsx file in memory. */
export async function writeTemplateXlsx(t: Template, opts: WriteOptions = {}): Promise<Buffer> {
  const wb = buildTemplateWorkbook(t, opts.lang ?? 'vi');
  const out: unknown = await wb.xlsx.writeBuffer();
  if (Buffer.isBuffer(out)) return out;
  return Buffer.from(out as ArrayBuffer);
}

/** Writes the template to `file` with the store's durable write (no backups: it is an export). */
export async function exportTemplateXlsx(
  t: Template,
  file: string,
  opts: WriteOptions = {},
): Promise<Result<{ file: string; bytes: number }>> {
  const data = await writeTemplateXlsx(t, opts);
  try {
    await writeFileDurable(file, data, { backups: 0 });
    return ok({ file, bytes: data.length });
  } catch (e) {
    technicianLog('template export', file, e);
    return fail([issue('xlsx.file.write_failed', { file }, { detail: errorText(e) })]);
  }
}

/**
 * Reads a template workbook. Every problem is reported with its sheet, row and column (up to
 * about a hundred); a workbook with any problem gives no template at all.
 */
export async function readTemplateXlsx(data: Buffer | ArrayBuffer, file: string): Promise<Result<Template>> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data));
  // Limits first, on the zip itself: a bomb or a sheet of a million rows is never built in memory.
  const limits = await checkBeforeLoad(buf, file, WORKBOOK_LIMITS.template);
  if (limits.length > 0) return fail(limits);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it reads.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    technicianLog('exceljs load', file, e);
    return fail([issue('xlsx.file.unreadable', { file })]);
  }
  let read: ReturnType<typeof readWorkbook>;
  try {
    read = readWorkbook(wb, file);
  } catch (e) {
    // exceljs can trip over unusual parts of a workbook; the user still gets a message, not a crash.
    technicianLog('template sheet reader', file, e);
    return fail([issue('xlsx.file.unreadable', { file })]);
  }
  if (!read.raw) return fail(read.issues);
  const parsed = parseTemplate(read.raw, file);
  if (parsed.ok) return ok(parsed.value);
  const place = issuePlacer(read.positions);
  const issues = parsed.error.map(place);
  return fail(issues.length > LIMIT ? [...issues.slice(0, LIMIT), issue('xlsx.too_many', { file }, { n: LIMIT })] : issues);
}

/** Reads a template workbook from disk. */
export async function importTemplateXlsx(file: string): Promise<Result<Template>> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (e) {
    technicianLog('template read', file, e);
    return fail([issue('xlsx.file.read_failed', { file }, { detail: errorText(e) })]);
  }
  return readTemplateXlsx(data, file);
}

/** The file system's error code, told in plain words by formatIssue (`reason.ENOENT`); anything else is "other". */
function errorText(e: unknown): string {
  return (e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined) ?? 'other';
}

export { formatRuleParams, parseRuleParams } from './params.ts';
