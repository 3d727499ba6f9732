/**
 * Reading cells as people leave them: numbers, text, rich text, hyperlinks, formulas (their cached
 * result), dates, booleans, error values and empty cells all become one small union.
 */
import type ExcelJS from 'exceljs';
import type { IssueParams } from '../../../shared/util/issue.ts';
import { nfc } from './text.ts';

export type CellRead =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'bad'; code: string; params?: IssueParams };

const EMPTY: CellRead = { kind: 'empty' };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function richText(v: unknown): string | null {
  if (!isRecord(v) || !Array.isArray(v.richText)) return null;
  return v.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
}

function text(s: string): CellRead {
  const t = nfc(s).trim();
  return t === '' ? EMPTY : { kind: 'text', text: t };
}

/** One cell value as exceljs gives it. A formula counts as its cached result. */
export function readValue(v: unknown): CellRead {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'string') return text(v);
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'bad', code: 'xlsx.cell.unsupported' };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { kind: 'bad', code: 'xlsx.cell.unsupported' } : { kind: 'date', value: v };
  if (!isRecord(v)) return { kind: 'bad', code: 'xlsx.cell.unsupported' };

  const rich = richText(v);
  if (rich !== null) return text(rich);

  if (typeof v.formula === 'string' || typeof v.sharedFormula === 'string') {
    if (v.result === undefined || v.result === null) {
      const f = typeof v.formula === 'string' ? v.formula : String(v.sharedFormula);
      return { kind: 'bad', code: 'xlsx.cell.formula_without_value', params: { formula: `=${f}` } };
    }
    return readValue(v.result);
  }

  if (typeof v.error === 'string') return { kind: 'bad', code: 'xlsx.cell.error_value', params: { value: v.error } };

  if ('hyperlink' in v && 'text' in v) {
    if (typeof v.text === 'string') return text(v.text);
    const inner = richText(v.text);
    if (inner !== null) return text(inner);
  }
  return { kind: 'bad', code: 'xlsx.cell.unsupported' };
}

/**
 * The value of the cell at (row, col). A cell covered by a merge reads as its master when the merge
 * runs down the column (the same value for several rows), and as empty when it runs across columns
 * (one title spread over the English column must not become the English title).
 */
export function readCell(ws: ExcelJS.Worksheet, row: number, col: number): CellRead {
  const cell = ws.getCell(row, col);
  if (cell.isMerged && cell.master.address !== cell.address) {
    const master = cell.master;
    if (Number(master.col) !== col) return EMPTY;
    return readValue(master.value);
  }
  return readValue(cell.value);
}
