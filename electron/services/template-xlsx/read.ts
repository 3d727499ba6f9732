/**
 * Reads the template workbook a province filled in. Problems are collected (up to LIMIT) with the
 * sheet, row and column they come from; the template is built only when the sheets are clean, then
 * checked by parseTemplate, whose issues are mapped back to the rows and columns of the sheet.
 */
import type ExcelJS from 'exceljs';
import type * as z from 'zod';
import { type Lang, t } from '../../../shared/i18n/index.ts';
import {
  AdjustmentItem,
  type AgencyGroup,
  Indicator,
  type Rule,
  TEMPLATE_KIND,
  type TemplateInput,
  TemplateItem,
  type TemplateItemInput,
} from '../../../shared/schema/index.ts';
import { zodIssues } from '../../../shared/schema/zod-issues.ts';
import { type Issue, type IssueLocation, type IssueParams, issue } from '../../../shared/util/issue.ts';
import { type CellRead, readCell } from './cells.ts';
import { parseRuleParams } from './params.ts';
import { columnLetter, fold, parseNumberText, splitList } from './text.ts';
import {
  ADJUSTMENT_COLUMNS,
  ADJUSTMENT_KINDS,
  type AdjustmentField,
  AGGREGATES,
  type ColumnDef,
  DEFAULT_AGGREGATE,
  GROUPS,
  INDICATOR_COLUMNS,
  INDICATOR_TYPES,
  type IndicatorField,
  INFO_COLUMNS,
  type InfoKey,
  INFO_KEYS,
  ISO_PHASES,
  ITEM_COLUMNS,
  type ItemField,
  REQUIRED_INFO,
  RULES,
  SHEET_KEYS,
  type SheetId,
  YES_NO,
} from './vocab.ts';

/** Problems reported before giving up (a sheet with more needs fixing in bulk anyway). */
export const LIMIT = 100;

const ISO_CLAUSE_RE = /^[4-8](\.\d+)*$/;

class Collector {
  readonly issues: Issue[] = [];
  private dropped = 0;
  constructor(readonly file: string) {}
  add(code: string, at: IssueLocation, params?: IssueParams): void {
    if (this.issues.length >= LIMIT) {
      this.dropped++;
      return;
    }
    this.issues.push(issue(code, { file: this.file, ...at }, params));
  }
  push(i: Issue): void {
    if (this.issues.length >= LIMIT) this.dropped++;
    else this.issues.push(i);
  }
  get count(): number {
    return this.issues.length + this.dropped;
  }
  result(): Issue[] {
    return this.dropped > 0 ? [...this.issues, issue('xlsx.too_many', { file: this.file }, { n: LIMIT })] : this.issues;
  }
}

/** Where each part of the template sits in the workbook, to place validation issues. */
export interface SheetMap<F extends string> {
  sheet: string;
  cols: Map<F, number>;
  /** Row of each entry, by its index in the template's list. */
  rows: number[];
  codes: string[];
}

export interface Positions {
  info: { sheet: string; valueCol: number | undefined; rows: Partial<Record<InfoKey, number>>; sources: number[] };
  items: SheetMap<ItemField>;
  indicators: SheetMap<IndicatorField>;
  bonus: SheetMap<AdjustmentField>;
  penalty: SheetMap<AdjustmentField>;
}

export interface SheetRead {
  /** The template as typed, before validation; undefined when the sheets have problems. */
  raw: TemplateInput | undefined;
  issues: Issue[];
  positions: Positions;
  /** Language of the workbook's sheet names (for the words quoted in messages). */
  lang: Lang;
}

// ── Finding sheets and columns ──────────────────────────────────────────────────────────────────

function findSheet(wb: ExcelJS.Workbook, id: SheetId): { ws: ExcelJS.Worksheet; lang: Lang } | undefined {
  const vi = fold(t('vi', SHEET_KEYS[id]));
  const en = fold(t('en', SHEET_KEYS[id]));
  for (const ws of wb.worksheets) {
    const f = fold(ws.name);
    if (f === vi) return { ws, lang: 'vi' };
    if (f === en) return { ws, lang: 'en' };
  }
  return undefined;
}

function headerKey(s: string): string {
  return fold(s).replace(/[*:]+$/u, '').trim();
}

/** Rows searched for the header row (a province may put a title above the table). */
const HEADER_SEARCH_ROWS = 10;

interface Header<F extends string> {
  cols: Map<F, number>;
  /** Row of the headers; data starts below it. */
  row: number;
}

/**
 * Finds the header row (the first of the top rows holding every required header, else the one
 * matching most headers) and the column of each known header, in either language. Unknown columns
 * are ignored. Without any header, `fallback` (when given) is used with data from row 1.
 */
function mapHeaders<F extends string>(
  ws: ExcelJS.Worksheet,
  defs: readonly ColumnDef<F>[],
  lang: Lang,
  c: Collector,
  fallback?: Map<F, number>,
): Header<F> {
  const byHeader = new Map<string, ColumnDef<F>>();
  for (const d of defs) {
    byHeader.set(headerKey(t('vi', d.header)), d);
    byHeader.set(headerKey(t('en', d.header)), d);
  }
  const width = Math.max(ws.columnCount, 1);
  const match = (row: number) => {
    const cols = new Map<F, number>();
    const duplicates: { col: number; text: string }[] = [];
    for (let col = 1; col <= width; col++) {
      const cell = readCell(ws, row, col);
      if (cell.kind !== 'text') continue;
      const def = byHeader.get(headerKey(cell.text));
      if (!def) continue;
      if (cols.has(def.field)) duplicates.push({ col, text: cell.text });
      else cols.set(def.field, col);
    }
    return { row, cols, duplicates };
  };
  const complete = (m: ReturnType<typeof match>) => defs.every((d) => !d.required || m.cols.has(d.field));
  let best = match(1);
  for (let row = 1; row <= Math.min(HEADER_SEARCH_ROWS, Math.max(ws.rowCount, 1)); row++) {
    const m = row === 1 ? best : match(row);
    if (complete(m)) {
      best = m;
      break;
    }
    if (m.cols.size > best.cols.size) best = m;
  }
  if (best.cols.size === 0 && fallback) return { cols: fallback, row: 0 };
  for (const d of best.duplicates) {
    c.add('xlsx.header.duplicate', { sheet: ws.name, row: best.row, column: columnLetter(d.col) }, { header: d.text });
  }
  for (const d of defs) {
    if (d.required && !best.cols.has(d.field)) c.add('xlsx.header.missing', { sheet: ws.name, row: best.row }, { header: t(lang, d.header) });
  }
  return { cols: best.cols, row: best.row };
}

function missingRequired<F extends string>(defs: readonly ColumnDef<F>[], cols: Map<F, number>): boolean {
  return defs.some((d) => d.required && !cols.has(d.field));
}

// ── Reading one row ─────────────────────────────────────────────────────────────────────────────

class RowReader<F extends string> {
  /** Problems found in this row. */
  problems = 0;
  constructor(
    private readonly ws: ExcelJS.Worksheet,
    readonly row: number,
    private readonly cols: Map<F, number>,
    private readonly c: Collector,
  ) {}

  at(field: F): IssueLocation {
    const col = this.cols.get(field);
    return col === undefined ? { sheet: this.ws.name, row: this.row } : { sheet: this.ws.name, row: this.row, column: columnLetter(col) };
  }

  report(field: F, code: string, params?: IssueParams): void {
    this.problems++;
    this.c.add(code, this.at(field), params);
  }

  cell(field: F): CellRead {
    const col = this.cols.get(field);
    return col === undefined ? { kind: 'empty' } : readCell(this.ws, this.row, col);
  }

  isEmpty(): boolean {
    for (const col of this.cols.values()) if (readCell(this.ws, this.row, col).kind !== 'empty') return false;
    return true;
  }

  private bad(field: F, cell: CellRead): boolean {
    if (cell.kind !== 'bad') return false;
    this.report(field, cell.code, cell.params);
    return true;
  }

  /** Text of a cell; numbers are taken as typed (1 → "1"), dates are refused. */
  text(field: F, required = false): string | undefined {
    const cell = this.cell(field);
    if (this.bad(field, cell)) return undefined;
    switch (cell.kind) {
      case 'empty':
        if (required) this.report(field, 'xlsx.cell.required');
        return undefined;
      case 'text':
        return cell.text;
      case 'number':
        return String(cell.value);
      case 'boolean':
        return YES_NO.word(cell.value ? 'yes' : 'no', 'vi');
      case 'date':
        this.report(field, 'xlsx.cell.unexpected_date');
        return undefined;
      default:
        return undefined;
    }
  }

  number(field: F, required = false): number | undefined {
    const cell = this.cell(field);
    if (this.bad(field, cell)) return undefined;
    switch (cell.kind) {
      case 'empty':
        if (required) this.report(field, 'xlsx.cell.required');
        return undefined;
      case 'number':
        return cell.value;
      case 'text': {
        const n = parseNumberText(cell.text);
        if (n === null) this.report(field, 'xlsx.cell.not_number', { value: cell.text });
        return n ?? undefined;
      }
      case 'boolean':
        this.report(field, 'xlsx.cell.not_number', { value: String(cell.value) });
        return undefined;
      case 'date':
        this.report(field, 'xlsx.cell.not_number', { value: cellText(cell) });
        return undefined;
      default:
        return undefined;
    }
  }

  positiveInt(field: F, required = false): number | undefined {
    const cell = this.cell(field);
    const n = this.number(field, required);
    if (n === undefined) return undefined;
    if (!Number.isInteger(n) || n < 1) {
      this.report(field, 'xlsx.cell.not_integer', { value: cell.kind === 'text' ? cell.text : String(n) });
      return undefined;
    }
    return n;
  }

  /** Có / Không (or yes / no, x, 1 / 0, TRUE / FALSE); empty is `fallback`. */
  yesNo(field: F, fallback = false): boolean {
    const cell = this.cell(field);
    if (this.bad(field, cell)) return fallback;
    switch (cell.kind) {
      case 'empty':
        return fallback;
      case 'boolean':
        return cell.value;
      case 'number':
        if (cell.value === 1 || cell.value === 0) return cell.value === 1;
        this.report(field, 'xlsx.value.yes_no', { value: String(cell.value) });
        return fallback;
      case 'text': {
        const v = YES_NO.read(cell.text);
        if (v === undefined) this.report(field, 'xlsx.value.yes_no', { value: cell.text });
        return v === undefined ? fallback : v === 'yes';
      }
      default:
        this.report(field, 'xlsx.value.yes_no', { value: '' });
        return fallback;
    }
  }

  /** A Vietnamese text with its optional English form; English alone is a problem. */
  localized(vi: F, en: F, required: boolean): { vi: string; en?: string } | undefined {
    const v = this.text(vi, false);
    const e = this.text(en, false);
    if (v === undefined) {
      if (e !== undefined) this.report(vi, 'xlsx.text.vi_required');
      else if (required) this.report(vi, 'xlsx.cell.required');
      return undefined;
    }
    return e === undefined ? { vi: v } : { vi: v, en: e };
  }

  /** A word of a vocabulary; `code` is reported when the word is unknown. */
  word<T extends string>(field: F, read: (s: string) => T | undefined, code: string, required = false): T | undefined {
    const s = this.text(field, required);
    if (s === undefined) return undefined;
    const v = read(s);
    if (v === undefined) this.report(field, code, { value: s });
    return v;
  }
}

function* dataRows<F extends string>(ws: ExcelJS.Worksheet, header: Header<F>, c: Collector): Generator<RowReader<F>> {
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const rr = new RowReader(ws, r, header.cols, c);
    if (!rr.isEmpty()) yield rr;
  }
}

/** Issues from a zod check of one row, placed at the row and the column of the field. */
function rowSchemaIssues<F extends string>(
  schema: z.ZodType,
  value: unknown,
  sheet: string,
  row: number,
  code: string,
  cols: Map<F, number>,
  fieldColumn: (field: string) => F | undefined,
  c: Collector,
): boolean {
  const parsed = schema.safeParse(value);
  if (parsed.success) return true;
  for (const i of zodIssues(parsed.error, value, {})) {
    const field = i.at?.field ?? '';
    const f = fieldColumn(field);
    const col = f === undefined ? undefined : cols.get(f);
    const at: IssueLocation = { sheet, row, item: code, field };
    if (col !== undefined) at.column = columnLetter(col);
    c.add(i.code, at, i.params);
  }
  return false;
}

// ── Field ↔ column ──────────────────────────────────────────────────────────────────────────────

export function itemFieldColumn(field: string): ItemField | undefined {
  const f = field.replace(/^\.+/, '');
  if (f === 'code') return 'code';
  if (f === 'parent') return 'parent';
  if (f === 'title' || f === 'title.vi') return 'titleVi';
  if (f === 'title.en') return 'titleEn';
  if (f === 'max') return 'max';
  if (f === 'rule' || f === 'rule.type') return 'rule';
  if (f.startsWith('rule.') || f.startsWith('rule[')) return 'params';
  if (f === 'notApplicableAllowed') return 'na';
  if (f === 'survey') return 'survey';
  if (f === 'scoringGuide' || f === 'scoringGuide.vi') return 'guideVi';
  if (f === 'scoringGuide.en') return 'guideEn';
  if (f === 'evidenceHint' || f === 'evidenceHint.vi') return 'evidenceVi';
  if (f === 'evidenceHint.en') return 'evidenceEn';
  if (f.startsWith('isoClauses')) return 'isoClauses';
  if (f === 'isoPhase') return 'isoPhase';
  return undefined;
}

export function indicatorFieldColumn(field: string): IndicatorField | undefined {
  const f = field.replace(/^\.+/, '');
  if (f === 'code' || f === 'type' || f === 'unit' || f === 'aggregate' || f === 'item' || f === 'min' || f === 'max' || f === 'itemTemplate') return f;
  if (f === 'title' || f === 'title.vi') return 'titleVi';
  if (f === 'title.en') return 'titleEn';
  return undefined;
}

export function adjustmentFieldColumn(field: string): AdjustmentField | undefined {
  const f = field.replace(/^\.+/, '');
  if (f === 'code' || f === 'max') return f;
  if (f === 'title' || f === 'title.vi') return 'titleVi';
  if (f === 'title.en') return 'titleEn';
  return undefined;
}

/** The cell as the user sees it, for quoting in a message. */
function cellText(cell: CellRead): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
    case 'boolean':
      return String(cell.value);
    case 'date':
      return cell.value.toISOString().slice(0, 10);
    default:
      return '';
  }
}

// ── Dates ───────────────────────────────────────────────────────────────────────────────────────

function isoFromParts(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date typed as 15/03/2024, 15-03-2024, 15.03.2024, 2024-03-15, an Excel date or its serial number. */
export function readDate(cell: CellRead): string | null | undefined {
  switch (cell.kind) {
    case 'empty':
      return undefined;
    case 'date':
      return isoFromParts(cell.value.getUTCFullYear(), cell.value.getUTCMonth() + 1, cell.value.getUTCDate());
    case 'number': {
      if (!Number.isInteger(cell.value) || cell.value < 1 || cell.value > 2958465) return null;
      const dt = new Date(Date.UTC(1899, 11, 30) + cell.value * 86_400_000);
      return isoFromParts(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
    }
    case 'text': {
      const s = cell.text.replace(/\s+/g, '');
      let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
      if (m) return isoFromParts(Number(m[3]), Number(m[2]), Number(m[1]));
      m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
      if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
      return null;
    }
    default:
      return null;
  }
}

// ── The sheets ──────────────────────────────────────────────────────────────────────────────────

interface InfoValues {
  id?: string;
  version?: number;
  title?: { vi: string; en?: string };
  decisionNo?: string;
  date?: string;
  issuer?: string;
  sample: boolean;
  appliesTo?: AgencyGroup[];
  maxPoints?: number;
  bonusCap: number;
  penaltyCap: number;
  sources: string[];
}

function readInfo(ws: ExcelJS.Worksheet, lang: Lang, c: Collector, pos: Positions['info']): InfoValues {
  const out: InfoValues = { sample: false, bonusCap: 0, penaltyCap: 0, sources: [] };
  // Without a header row, column A holds the names and column B the values.
  const header = mapHeaders(ws, INFO_COLUMNS, lang, c, new Map([['key', 1], ['value', 2]]));
  pos.valueCol = header.cols.get('value');
  if (missingRequired(INFO_COLUMNS, header.cols)) return out;

  // Each key's row, checked for unknown and repeated keys.
  const rows = new Map<InfoKey, RowReader<'key' | 'value'>>();
  for (const rr of dataRows(ws, header, c)) {
    const keyText = rr.text('key');
    if (keyText === undefined) {
      if (rr.problems === 0) rr.report('key', 'xlsx.cell.required');
      continue;
    }
    const key = INFO_KEYS.read(keyText);
    if (key === undefined) {
      rr.report('key', 'xlsx.info.unknown_key', { value: keyText });
      continue;
    }
    if (key === 'source') {
      const s = rr.text('value');
      if (s !== undefined) {
        out.sources.push(s);
        pos.sources.push(rr.row);
      }
      continue;
    }
    if (rows.has(key)) {
      rr.report('key', 'xlsx.info.duplicate_key', { value: keyText });
      continue;
    }
    rows.set(key, rr);
    pos.rows[key] = rr.row;
  }

  for (const key of REQUIRED_INFO) {
    if (!rows.has(key)) c.add('xlsx.info.missing_key', { sheet: ws.name }, { key: INFO_KEYS.word(key, lang) });
  }
  const get = (key: InfoKey) => rows.get(key);
  const required = (key: InfoKey) => REQUIRED_INFO.includes(key);
  const text = (key: InfoKey) => get(key)?.text('value', required(key));

  out.id = text('id');
  out.version = get('version')?.positiveInt('value', true);
  const vi = text('titleVi');
  const en = text('titleEn');
  if (vi !== undefined) out.title = en === undefined ? { vi } : { vi, en };
  out.decisionNo = text('decisionNo');
  const dateRow = get('date');
  if (dateRow) {
    const cell = dateRow.cell('value');
    if (cell.kind === 'bad') dateRow.report('value', cell.code, cell.params);
    else {
      const d = readDate(cell);
      if (d === undefined) dateRow.report('value', 'xlsx.cell.required');
      else if (d === null) dateRow.report('value', 'xlsx.cell.not_date', { value: cellText(cell) });
      else out.date = d;
    }
  }
  out.issuer = text('issuer');
  out.sample = get('sample')?.yesNo('value') ?? false;
  const groupsRow = get('appliesTo');
  const groupsText = groupsRow?.text('value', true);
  if (groupsRow && groupsText !== undefined) {
    const groups: AgencyGroup[] = [];
    for (const part of splitList(groupsText)) {
      const g = GROUPS.read(part);
      if (g === undefined) groupsRow.report('value', 'xlsx.value.group', { value: part });
      else groups.push(g);
    }
    out.appliesTo = groups;
  }
  out.maxPoints = get('maxPoints')?.number('value', true);
  out.bonusCap = get('bonusCap')?.number('value') ?? 0;
  out.penaltyCap = get('penaltyCap')?.number('value') ?? 0;
  return out;
}

interface ItemRowData {
  row: number;
  code: string;
  parentText?: string;
  level?: number;
  item?: Omit<TemplateItemInput, 'parent'>;
  reader: RowReader<ItemField>;
}

function readItems(ws: ExcelJS.Worksheet, lang: Lang, c: Collector, pos: SheetMap<ItemField>): TemplateItemInput[] {
  const header = mapHeaders(ws, ITEM_COLUMNS, lang, c);
  const cols = header.cols;
  pos.cols = cols;
  if (!cols.has('parent') && !cols.has('level')) {
    c.add(
      'xlsx.header.missing_parent_or_level',
      { sheet: ws.name, row: header.row },
      { parent: t(lang, 'xlsx.col.items.parent'), level: t(lang, 'xlsx.col.items.level') },
    );
    return [];
  }
  if (missingRequired(ITEM_COLUMNS, cols)) return [];
  const none = new Set([fold(t('vi', 'xlsx.word.none')), fold(t('en', 'xlsx.word.none'))]);

  const rows: ItemRowData[] = [];
  for (const rr of dataRows(ws, header, c)) {
    const code = rr.text('code');
    if (code === undefined) {
      if (rr.problems === 0) rr.report('code', 'xlsx.cell.code_empty');
      continue;
    }
    const data: ItemRowData = { row: rr.row, code, reader: rr };
    const parentText = rr.text('parent');
    if (parentText !== undefined) data.parentText = parentText;
    const level = rr.positiveInt('level');
    if (level !== undefined) data.level = level;

    const title = rr.localized('titleVi', 'titleEn', true);
    const max = rr.number('max', true);
    const ruleType = rr.word('rule', (s) => RULES.read(s), 'xlsx.value.rule');
    const paramsText = rr.text('params') ?? '';
    let rule: Rule | undefined;
    if (ruleType !== undefined) {
      const p = parseRuleParams(ruleType, paramsText);
      if (p.ok) rule = p.rule;
      else for (const pr of p.problems) rr.report('params', pr.code, pr.params);
    } else if (paramsText !== '' && rr.cell('rule').kind === 'empty') {
      rr.report('params', 'xlsx.param.without_rule');
    }
    const na = rr.yesNo('na');
    const survey = rr.yesNo('survey');
    const guide = rr.localized('guideVi', 'guideEn', false);
    const evidence = rr.localized('evidenceVi', 'evidenceEn', false);

    let isoClauses: string[] | undefined;
    const clausesText = rr.text('isoClauses');
    if (clausesText !== undefined) {
      if (none.has(fold(clausesText))) isoClauses = [];
      else {
        isoClauses = clausesText.split(/[;,\s]+/).filter((s) => s !== '');
        for (const cl of isoClauses) if (!ISO_CLAUSE_RE.test(cl)) rr.report('isoClauses', 'xlsx.value.iso_clause', { value: cl });
      }
    }
    const isoPhase = rr.word('isoPhase', (s) => ISO_PHASES.read(s), 'xlsx.value.iso_phase');

    if (rr.problems === 0 && title !== undefined && max !== undefined) {
      const item: Omit<TemplateItemInput, 'parent'> = { code, title, max };
      if (rule) item.rule = rule;
      if (guide) item.scoringGuide = guide;
      if (evidence) item.evidenceHint = evidence;
      item.survey = survey;
      item.notApplicableAllowed = na;
      if (isoClauses !== undefined) item.isoClauses = isoClauses;
      if (isoPhase !== undefined) item.isoPhase = isoPhase;
      data.item = item;
    }
    rows.push(data);
  }
  if (rows.length === 0) c.add('xlsx.items.empty', { sheet: ws.name });

  // Parents: the "Mã cha" cell, else the nearest row above whose level is one less.
  const levelOf = new Map<string, number>();
  const effective: (number | undefined)[] = [];
  const out: TemplateItemInput[] = [];
  rows.forEach((d, i) => {
    let parent: string | null = null;
    if (d.parentText !== undefined) parent = d.parentText;
    else if (d.level !== undefined && d.level > 1) {
      const want = d.level - 1;
      for (let j = i - 1; j >= 0; j--) {
        const lj = effective[j];
        if (lj === undefined) continue;
        if (lj === want) {
          parent = rows[j]?.code ?? null;
          break;
        }
        if (lj < want) break;
      }
      if (parent === null) d.reader.report('level', 'xlsx.level.no_parent', { level: want });
    }
    const parentLevel = parent === null ? undefined : levelOf.get(parent);
    const eff = d.level ?? (parent === null ? 1 : parentLevel === undefined ? undefined : parentLevel + 1);
    effective.push(eff);
    if (eff !== undefined && !levelOf.has(d.code)) levelOf.set(d.code, eff);

    pos.rows.push(d.row);
    pos.codes.push(d.code);
    if (d.item && d.reader.problems === 0) {
      const item: TemplateItemInput = { ...d.item, parent };
      const ok = rowSchemaIssues(TemplateItem, item, ws.name, d.row, d.code, cols, itemFieldColumn, c);
      if (ok) out.push(item);
    }
  });
  return out;
}

function readIndicators(ws: ExcelJS.Worksheet, lang: Lang, c: Collector, pos: SheetMap<IndicatorField>): z.input<typeof Indicator>[] {
  const header = mapHeaders(ws, INDICATOR_COLUMNS, lang, c);
  const cols = header.cols;
  pos.cols = cols;
  if (missingRequired(INDICATOR_COLUMNS, cols)) return [];
  const out: z.input<typeof Indicator>[] = [];
  for (const rr of dataRows(ws, header, c)) {
    const code = rr.text('code');
    if (code === undefined) {
      if (rr.problems === 0) rr.report('code', 'xlsx.cell.code_empty');
      continue;
    }
    const title = rr.localized('titleVi', 'titleEn', true);
    const type = rr.word('type', (s) => INDICATOR_TYPES.read(s), 'xlsx.value.indicator_type', true);
    const unit = rr.text('unit');
    const aggregate = rr.word('aggregate', (s) => AGGREGATES.read(s), 'xlsx.value.aggregate');
    const min = rr.number('min');
    const max = rr.number('max');
    const item = rr.text('item');
    const itemTemplate = rr.text('itemTemplate');
    pos.rows.push(rr.row);
    pos.codes.push(code);
    if (rr.problems > 0 || title === undefined || type === undefined) continue;
    const ind: z.input<typeof Indicator> = { code, title, type, aggregate: aggregate ?? DEFAULT_AGGREGATE[type] };
    if (unit !== undefined) ind.unit = unit;
    if (min !== undefined) ind.min = min;
    if (max !== undefined) ind.max = max;
    if (item !== undefined) ind.item = item;
    if (itemTemplate !== undefined) ind.itemTemplate = itemTemplate;
    if (rowSchemaIssues(Indicator, ind, ws.name, rr.row, code, cols, indicatorFieldColumn, c)) out.push(ind);
  }
  return out;
}

type AdjustmentInput = z.input<typeof AdjustmentItem>;

function readAdjustments(
  ws: ExcelJS.Worksheet,
  lang: Lang,
  c: Collector,
  pos: { bonus: SheetMap<AdjustmentField>; penalty: SheetMap<AdjustmentField> },
): { bonus: AdjustmentInput[]; penalty: AdjustmentInput[] } {
  const out = { bonus: [] as AdjustmentInput[], penalty: [] as AdjustmentInput[] };
  const header = mapHeaders(ws, ADJUSTMENT_COLUMNS, lang, c);
  const cols = header.cols;
  pos.bonus.cols = cols;
  pos.penalty.cols = cols;
  if (missingRequired(ADJUSTMENT_COLUMNS, cols)) return out;
  for (const rr of dataRows(ws, header, c)) {
    const kind = rr.word('kind', (s) => ADJUSTMENT_KINDS.read(s), 'xlsx.value.adjustment_kind', true);
    const code = rr.text('code');
    if (code === undefined) {
      if (rr.problems === 0) rr.report('code', 'xlsx.cell.code_empty');
      continue;
    }
    const title = rr.localized('titleVi', 'titleEn', true);
    const max = rr.number('max', true);
    if (kind === undefined) continue;
    pos[kind].rows.push(rr.row);
    pos[kind].codes.push(code);
    if (rr.problems > 0 || title === undefined || max === undefined) continue;
    const a: AdjustmentInput = { code, title, max };
    if (rowSchemaIssues(AdjustmentItem, a, ws.name, rr.row, code, cols, adjustmentFieldColumn, c)) out[kind].push(a);
  }
  return out;
}

function emptyMap<F extends string>(sheet: string): SheetMap<F> {
  return { sheet, cols: new Map(), rows: [], codes: [] };
}

/** Reads every sheet; `raw` is set only when no problem was found. */
export function readWorkbook(wb: ExcelJS.Workbook, file: string): SheetRead {
  const c = new Collector(file);
  const found = {
    info: findSheet(wb, 'info'),
    items: findSheet(wb, 'items'),
    indicators: findSheet(wb, 'indicators'),
    adjustments: findSheet(wb, 'adjustments'),
  };
  // The workbook's language: the one most sheet names are in (Vietnamese when undecided).
  const langs = Object.values(found).map((f) => f?.lang);
  const lang: Lang = langs.filter((l) => l === 'en').length > langs.filter((l) => l === 'vi').length ? 'en' : 'vi';
  const name = (id: SheetId) => t(lang, SHEET_KEYS[id]);
  const adjustmentsSheet = found.adjustments?.ws.name ?? name('adjustments');
  const positions: Positions = {
    info: { sheet: found.info?.ws.name ?? name('info'), valueCol: undefined, rows: {}, sources: [] },
    items: emptyMap(found.items?.ws.name ?? name('items')),
    indicators: emptyMap(found.indicators?.ws.name ?? name('indicators')),
    bonus: emptyMap(adjustmentsSheet),
    penalty: emptyMap(adjustmentsSheet),
  };

  for (const id of ['info', 'items'] as const) {
    if (!found[id]) c.add('xlsx.missing_sheet', { sheet: name(id) }, { sheet: name(id) });
  }
  const info = found.info ? readInfo(found.info.ws, lang, c, positions.info) : undefined;
  const items = found.items ? readItems(found.items.ws, lang, c, positions.items) : [];
  const indicators = found.indicators ? readIndicators(found.indicators.ws, lang, c, positions.indicators) : [];
  const adjustments = found.adjustments ? readAdjustments(found.adjustments.ws, lang, c, positions) : { bonus: [], penalty: [] };

  if (c.count > 0 || !info) return { raw: undefined, issues: c.result(), positions, lang };
  const { id, version, title, decisionNo, date, issuer, appliesTo, maxPoints } = info;
  if (
    id === undefined ||
    version === undefined ||
    title === undefined ||
    decisionNo === undefined ||
    date === undefined ||
    issuer === undefined ||
    appliesTo === undefined ||
    maxPoints === undefined
  ) {
    // Every missing value was reported above; this only narrows the types.
    return { raw: undefined, issues: c.result(), positions, lang };
  }
  const raw: TemplateInput = {
    kind: TEMPLATE_KIND,
    schemaVersion: 2,
    id,
    version,
    title,
    legalBasis: { decisionNo, date, issuer },
    sample: info.sample,
    sources: info.sources,
    appliesTo,
    maxPoints,
    items,
    indicators,
    bonus: { cap: info.bonusCap, items: adjustments.bonus },
    penalty: { cap: info.penaltyCap, items: adjustments.penalty },
  };
  return { raw, issues: [], positions, lang };
}
