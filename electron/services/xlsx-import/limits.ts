/**
 * Guards a workbook must pass before and after exceljs loads it. Before loading, on the zip itself
 * and in bounded time and memory: the file size, the number of parts, the compressed and inflated
 * size each part declares in the central directory and their total; then the sheets and the shared
 * strings are inflated as a stream that stops at the first limit passed (a zip bomb is never
 * inflated beyond the cap, a 100,000-row sheet is left at row 20,011), checking the declared
 * `<dimension ref>`, the rows, the columns, the number of shared strings and the length of every
 * text. Each input kind (agency list, template, survey, award rules, self-workbook) has its own
 * limits. After loading: hidden sheets, merged cells in the data area and formulas. Each refusal
 * names the file, the sheet and, where it applies, the row and column.
 */
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { type Issue, issue } from '../../../shared/util/issue.ts';
import { columnLetter } from '../template-xlsx/text.ts';

export interface WorkbookLimits {
  maxFileBytes: number;
  /** Inflated size of all parts together. */
  maxInflatedBytes: number;
  /** Inflated size of any one part. */
  maxPartBytes: number;
  maxParts: number;
  /** Rows of a sheet (title, header and data rows together), and columns. */
  maxRows: number;
  maxColumns: number;
  maxSharedStrings: number;
  /** Characters of one text (a cell, a shared string); Excel itself stops at 32,767. */
  maxStringChars: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = {
  maxFileBytes: 25 * MiB,
  maxInflatedBytes: 200 * MiB,
  maxPartBytes: 100 * MiB,
  maxParts: 2000,
  maxRows: 20000,
  maxColumns: 100,
  maxSharedStrings: 500_000,
  maxStringChars: 32767,
};

export type WorkbookKind = 'agencies' | 'template' | 'survey' | 'award-rules' | 'self-workbook';

/**
 * Limits per kind, generous for what a province really types: an agency list of 20,000 agencies
 * (plus a title and a header), a template of a few hundred items, a survey of every agency × item,
 * a rules sheet of a few dozen rules, a self-assessment of one agency.
 */
export const WORKBOOK_LIMITS: Record<WorkbookKind, WorkbookLimits> = {
  agencies: { ...DEFAULT_WORKBOOK_LIMITS, maxFileBytes: 10 * MiB, maxInflatedBytes: 100 * MiB, maxPartBytes: 60 * MiB, maxRows: 20010, maxColumns: 50 },
  template: { ...DEFAULT_WORKBOOK_LIMITS, maxFileBytes: 10 * MiB, maxInflatedBytes: 100 * MiB, maxPartBytes: 60 * MiB, maxRows: 5000, maxColumns: 50 },
  survey: { ...DEFAULT_WORKBOOK_LIMITS, maxRows: 200_000, maxColumns: 1000 },
  'award-rules': { ...DEFAULT_WORKBOOK_LIMITS, maxFileBytes: 5 * MiB, maxInflatedBytes: 50 * MiB, maxPartBytes: 30 * MiB, maxRows: 2000, maxColumns: 50 },
  'self-workbook': DEFAULT_WORKBOOK_LIMITS,
};

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

/** The central directory of a zip; null when it cannot be found (the zip check then reports the damage). */
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

function rawData(buf: Buffer, e: ZipEntry): Buffer | null {
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) return null;
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  if (start + e.compressed > buf.length) return null;
  return buf.subarray(start, start + e.compressed);
}

/**
 * The text of a part, chunk by chunk, inflated as a stream: the caller stops reading when a limit
 * is passed, and the inflater is destroyed then, so no more than a chunk beyond the cap is ever
 * inflated. Yields nothing more once `cap` bytes are out (the part is then too large). A damaged
 * part ends the stream early; the zip check before exceljs reports it.
 */
async function* partText(buf: Buffer, e: ZipEntry, cap: number): AsyncGenerator<string, 'ok' | 'too_large' | 'damaged'> {
  const raw = rawData(buf, e);
  if (!raw || (e.method !== 0 && e.method !== 8)) return 'damaged';
  const decoder = new StringDecoder('utf8');
  if (e.method === 0) {
    if (raw.length > cap) return 'too_large';
    for (let i = 0; i < raw.length; i += 64 * 1024) yield decoder.write(raw.subarray(i, i + 64 * 1024));
    return 'ok';
  }
  const z = createInflateRaw({ chunkSize: 64 * 1024 });
  z.on('error', () => undefined);
  z.end(raw);
  let out = 0;
  try {
    for await (const chunk of z) {
      out += (chunk as Buffer).length;
      if (out > cap) return 'too_large';
      yield decoder.write(chunk as Buffer);
    }
  } catch {
    return 'damaged';
  } finally {
    z.destroy();
  }
  return 'ok';
}

function xmlAttr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  const v = m ? (m[1] ?? m[2]) : undefined;
  return v?.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** A1 → { row: 1, col: 1 }; the row is absent in a column-only reference. */
function cellRef(ref: string): { row?: number; col: number } | null {
  const m = /^\$?([A-Z]{1,4})\$?(\d*)$/i.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return m[2] ? { row: Number(m[2]), col } : { col };
}

/** What a scan found wrong: a message key, its place in the sheet and parameters. */
interface Finding {
  code: string;
  row?: number;
  column?: string;
  params: Record<string, string | number>;
}

/** A tag-by-tag reader of a sheet or shared-strings part, fed chunk by chunk; stops at the first finding. */
class PartScan {
  private carry = '';
  private inText = false;
  private textChars = 0;
  private row = 0;
  private col = 0;
  private strings = 0;
  finding: Finding | null = null;

  constructor(
    private readonly limits: WorkbookLimits,
    private readonly kind: 'sheet' | 'strings',
  ) {}

  feed(chunk: string): boolean {
    const s = this.carry + chunk;
    this.carry = '';
    let i = 0;
    while (i < s.length && !this.finding) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        this.text(s.slice(i));
        break;
      }
      if (lt > i) this.text(s.slice(i, lt));
      const gt = s.indexOf('>', lt);
      if (gt < 0) {
        // A tag cut by the chunk: kept for the next one. A tag longer than any a spreadsheet writes is refused.
        this.carry = s.slice(lt);
        if (this.carry.length > 1024 * 1024) this.finding = { code: 'ximport.limit.string_too_long', params: { max: this.limits.maxStringChars } };
        break;
      }
      this.tag(s.slice(lt, gt + 1));
      i = gt + 1;
    }
    return this.finding === null;
  }

  private text(t: string): void {
    if (!this.inText) return;
    this.textChars += t.includes('&') ? t.replace(/&(?:#\d+|#x[0-9a-f]+|\w+);/gi, '&').length : t.length;
    if (this.textChars > this.limits.maxStringChars) {
      const at = this.kind === 'sheet' ? { row: this.row, column: columnLetter(Math.max(1, this.col)) } : {};
      this.finding = { code: 'ximport.limit.string_too_long', ...at, params: { max: this.limits.maxStringChars } };
    }
  }

  private tag(tag: string): void {
    const m = /^<\/?(?:\w+:)?(\w+)/.exec(tag);
    if (!m) return;
    const name = m[1];
    const closing = tag.startsWith('</');
    if (name === 't' || name === 'v') {
      this.inText = !closing && !tag.endsWith('/>');
      return;
    }
    if (closing) return;
    const L = this.limits;
    switch (name) {
      case 'dimension': {
        const range = xmlAttr(tag, 'ref') ?? '';
        const end = cellRef(range.split(':').pop() ?? '');
        if (!end) return;
        const rows = end.row ?? 1048576;
        if (rows > L.maxRows || end.col > L.maxColumns) {
          this.finding = { code: 'ximport.limit.dimension', params: { range, rows, columns: end.col, maxRows: L.maxRows, maxColumns: L.maxColumns } };
        }
        return;
      }
      case 'row': {
        const r = Number(xmlAttr(tag, 'r'));
        this.row = Number.isInteger(r) && r > 0 ? r : this.row + 1;
        this.col = 0;
        if (this.row > L.maxRows) this.finding = { code: 'ximport.limit.too_many_rows', row: this.row, params: { max: L.maxRows } };
        return;
      }
      case 'c': {
        const ref = cellRef(xmlAttr(tag, 'r') ?? '');
        this.col = ref ? ref.col : this.col + 1;
        this.textChars = 0;
        if (this.col > L.maxColumns) this.finding = { code: 'ximport.limit.too_many_columns', row: this.row, column: columnLetter(this.col), params: { max: L.maxColumns } };
        return;
      }
      case 'sst': {
        const declared = Number(xmlAttr(tag, 'uniqueCount') ?? xmlAttr(tag, 'count') ?? 0);
        if (declared > L.maxSharedStrings) this.finding = { code: 'ximport.limit.too_many_strings', params: { max: L.maxSharedStrings } };
        return;
      }
      case 'si':
        this.textChars = 0;
        if (++this.strings > L.maxSharedStrings) this.finding = { code: 'ximport.limit.too_many_strings', params: { max: L.maxSharedStrings } };
        return;
      default:
        return;
    }
  }
}

/** Sheet names by part (xl/worksheets/sheet2.xml → "Số liệu"), from workbook.xml and its relations. */
async function sheetNames(buf: Buffer, entries: ZipEntry[], cap: number): Promise<Map<string, string>> {
  const text = async (name: string) => {
    const e = entries.find((x) => x.name === name);
    if (!e) return '';
    let s = '';
    const it = partText(buf, e, Math.min(cap, e.size));
    for await (const chunk of it) s += chunk;
    return s;
  };
  const targets = new Map<string, string>();
  for (const tag of (await text('xl/_rels/workbook.xml.rels')).match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = xmlAttr(tag, 'Id');
    const target = xmlAttr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const tag of (await text('xl/workbook.xml')).match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = xmlAttr(tag, 'name');
    const id = xmlAttr(tag, 'r:id');
    const part = id ? targets.get(id) : undefined;
    if (name && part) out.set(part, name);
  }
  return out;
}

const mb = (n: number) => Math.ceil(n / MiB);

/**
 * Checks the zip before loading: sizes declared in the central directory first (nothing inflated),
 * then each sheet and the shared strings as a stream that stops at the first limit passed. A zip
 * whose directory cannot be read passes here: the zip check before exceljs tells it as damaged.
 */
export async function checkBeforeLoad(buf: Buffer, file: string, limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS): Promise<Issue[]> {
  if (buf.byteLength > limits.maxFileBytes) return [issue('ximport.limit.file_too_large', { file }, { size: mb(buf.byteLength), max: mb(limits.maxFileBytes) })];
  const entries = centralDirectory(buf);
  if (!entries) return [];
  if (entries.length > limits.maxParts) return [issue('ximport.limit.too_many_parts', { file }, { max: limits.maxParts })];
  // A size of 0xffffffff means a zip64 entry: far beyond any limit here.
  const declared = (e: ZipEntry) => (e.size === 0xffffffff ? Infinity : e.size);
  const total = entries.reduce((s, e) => s + declared(e), 0);
  if (total > limits.maxInflatedBytes) return [issue('ximport.limit.inflated_too_large', { file }, { max: mb(limits.maxInflatedBytes) })];
  const names = await sheetNames(buf, entries, limits.maxPartBytes);
  const sheetOf = (e: ZipEntry) => names.get(e.name) ?? e.name;
  const big = entries.find((e) => declared(e) > limits.maxPartBytes);
  if (big) return [issue('ximport.limit.part_too_large', { file }, { part: sheetOf(big), max: mb(limits.maxPartBytes) })];

  const issues: Issue[] = [];
  for (const e of entries) {
    // A sheet is any part workbook.xml names as one (another program may keep it elsewhere than xl/worksheets).
    const kind = names.has(e.name) || /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) ? 'sheet' : /^xl\/[^/]*sharedStrings[^/]*\.xml$/i.test(e.name) ? 'strings' : null;
    if (!kind) continue;
    const scan = new PartScan(limits, kind);
    // Never more than the part declares: a part that inflates beyond its declared size is damaged (or a bomb).
    const it = partText(buf, e, declared(e));
    let end: IteratorResult<string, 'ok' | 'too_large' | 'damaged'>;
    while (!(end = await it.next()).done) {
      if (!scan.feed(end.value)) {
        await it.return('ok');
        break;
      }
    }
    if (end.done && end.value === 'too_large') {
      issues.push(issue('ximport.file.damaged', { file }));
      break;
    }
    const f = scan.finding;
    if (!f) continue;
    const at: Issue['at'] = { file };
    if (kind === 'sheet') at.sheet = sheetOf(e);
    if (f.row) at.row = f.row;
    if (f.column) at.column = f.column;
    issues.push(issue(f.code, at, f.params));
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
