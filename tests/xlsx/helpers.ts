/** Small helpers shared by the sheet tests. */
import ExcelJS from 'exceljs';
import { formatIssue } from '../../shared/i18n/index.ts';
import type { Issue, Result } from '../../shared/util/issue.ts';

export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

/** Opens an exported workbook, lets the test edit it like a user would, and saves it again. */
export async function edit(buf: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await loadWorkbook(buf);
  change(wb);
  return toBuffer(wb);
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The row (1-based) whose first cell holds `code`. */
export function rowOf(ws: ExcelJS.Worksheet, code: string, col = 1): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === code) return r;
  throw new Error(`no row with ${code}`);
}

/** The issues of a failed result (a passing result fails the test with its value). */
export function issuesOf<T>(r: Result<T>): Issue[] {
  if (r.ok) throw new Error('expected the import to be rejected, but it succeeded');
  return r.error;
}

/** Issues as a person reads them, in Vietnamese. */
export function readable(issues: readonly Issue[]): string[] {
  return issues.map((i) => formatIssue('vi', i));
}

export function describeFailure<T>(r: Result<T>): string {
  return r.ok ? 'ok' : readable(r.error).join('\n');
}
