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
import { writeFileDurable } from '../store/durable-file.ts';
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
    return fail([issue('xlsx.file.write_failed', { file }, { detail: errorText(e) })]);
  }
}

/**
 * Reads a template workbook. Every problem is reported with its sheet, row and column (up to
 * about a hundred); a workbook with any problem gives no template at all.
 */
export async function readTemplateXlsx(data: Buffer | ArrayBuffer, file: string): Promise<Result<Template>> {
  const wb = new ExcelJS.Workbook();
  try {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data));
    // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it reads.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    return fail([issue('xlsx.file.unreadable', { file }, { detail: errorText(e) })]);
  }
  let read: ReturnType<typeof readWorkbook>;
  try {
    read = readWorkbook(wb, file);
  } catch (e) {
    // exceljs can trip over unusual parts of a workbook; the user still gets a message, not a crash.
    return fail([issue('xlsx.file.unreadable', { file }, { detail: errorText(e) })]);
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
    return fail([issue('xlsx.file.read_failed', { file }, { detail: errorText(e) })]);
  }
  return readTemplateXlsx(data, file);
}

function errorText(e: unknown): string {
  if (e instanceof Error) return (e as NodeJS.ErrnoException).code ?? e.message;
  return String(e);
}

export { formatRuleParams, parseRuleParams } from './params.ts';
