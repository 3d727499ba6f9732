/**
 * Guards a workbook must pass before and after exceljs loads it: file size, inflated size and
 * sheet rows are checked on the zip itself (so a 100,000-row sheet or a zip bomb is refused without
 * building it in memory); hidden sheets, merged cells in the data area and formulas after loading.
 * Each refusal names the file, the sheet and, where it applies, the row and column.
 */
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { type Issue, issue } from '../../../shared/util/issue.ts';
import { columnLetter } from '../template-xlsx/text.ts';

export interface WorkbookLimits {
  maxFileBytes: number;
  maxInflatedBytes: number;
  maxRows: number;
}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = { maxFileBytes: 25 * 1024 * 1024, maxInflatedBytes: 200 * 1024 * 1024, maxRows: 20000 };

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

/** The central directory of a zip; null when it cannot be found (exceljs then reports the damage). */
function centralDirectory(buf: Buffer): ZipEntry[] | null {
  const floor = Math.max(0, buf.length - 22 - 65535);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    out.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function entryData(buf: Buffer, e: ZipEntry, cap: number): Buffer | null {
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) return null;
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const raw = buf.subarray(start, start + e.compressed);
  if (e.method === 0) return raw;
  if (e.method !== 8) return null;
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(cap, 1) });
  } catch {
    return null;
  }
}

/** The highest row number a sheet's XML declares (rows are written in order, so the last one). */
function lastRow(xml: string): number {
  const i = xml.lastIndexOf('<row ');
  if (i < 0) return 0;
  const m = /\br="(\d+)"/.exec(xml.slice(i, i + 200));
  return m ? Number(m[1]) : 0;
}

function xmlAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m?.[1]?.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Sheet names by part (xl/worksheets/sheet2.xml → "Số liệu"), from workbook.xml and its relations. */
function sheetNames(buf: Buffer, entries: ZipEntry[], cap: number): Map<string, string> {
  const text = (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e ? (entryData(buf, e, cap)?.toString('utf8') ?? '') : '';
  };
  const targets = new Map<string, string>();
  for (const tag of text('xl/_rels/workbook.xml.rels').match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = xmlAttr(tag, 'Id');
    const target = xmlAttr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const tag of text('xl/workbook.xml').match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = xmlAttr(tag, 'name');
    const id = xmlAttr(tag, 'r:id');
    const part = id ? targets.get(id) : undefined;
    if (name && part) out.set(part, name);
  }
  return out;
}

/** Checks size, inflated size and rows per sheet on the zip, before loading. */
export function checkBeforeLoad(buf: Buffer, file: string, limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS): Issue[] {
  if (buf.byteLength > limits.maxFileBytes) return [issue('ximport.limit.file_too_large', { file }, { size: buf.byteLength, max: limits.maxFileBytes })];
  const entries = centralDirectory(buf);
  if (!entries) return [];
  const total = entries.reduce((s, e) => s + (e.size === 0xffffffff ? Infinity : e.size), 0);
  if (total > limits.maxInflatedBytes) return [issue('ximport.limit.inflated_too_large', { file }, { max: limits.maxInflatedBytes })];
  const issues: Issue[] = [];
  const names = sheetNames(buf, entries, limits.maxInflatedBytes);
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    const data = entryData(buf, e, limits.maxInflatedBytes);
    if (!data) continue;
    const rows = lastRow(data.toString('utf8'));
    if (rows > limits.maxRows) issues.push(issue('ximport.limit.too_many_rows', { file, sheet: names.get(e.name) ?? e.name }, { rows, max: limits.maxRows }));
  }
  return issues;
}

interface MergeRange {
  model: { top: number; left: number; bottom: number; right: number };
}

/** Merged ranges of a loaded sheet (exceljs keeps them by master cell; not part of its typings). */
function merges(ws: ExcelJS.Worksheet): MergeRange['model'][] {
  const m = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges ?? {};
  return Object.values(m).map((r) => r.model);
}

/**
 * After loading: hidden sheets, merged cells at or below `firstDataRow` of the data sheets, and any
 * formula in them (a formula's result depends on cells the importer does not read, and a re-save may
 * drop it). `dataSheets` says which sheets hold data, with their first data row.
 */
export function checkAfterLoad(wb: ExcelJS.Workbook, file: string, dataSheets: (ws: ExcelJS.Worksheet) => number | null): Issue[] {
  const issues: Issue[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') {
      issues.push(issue('ximport.limit.hidden_sheet', { file, sheet: ws.name }, { sheet: ws.name }));
      continue;
    }
    const first = dataSheets(ws);
    if (first === null) continue;
    for (const m of merges(ws)) {
      if (m.bottom < first) continue;
      const range = `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;
      issues.push(issue('ximport.limit.merged_cells', { file, sheet: ws.name, row: Math.max(m.top, first), column: columnLetter(m.left) }, { range }));
    }
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v: unknown = cell.value;
        if (typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v)) {
          const f = 'formula' in v ? String(v.formula) : String((v as { sharedFormula: unknown }).sharedFormula);
          issues.push(issue('ximport.limit.formula', { file, sheet: ws.name, row: r, column: columnLetter(c) }, { formula: `=${f}` }));
        }
      });
    });
  }
  return issues;
}
