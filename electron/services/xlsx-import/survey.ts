/**
 * Sociological survey (điều tra xã hội học) results from Excel, in either of two layouts told
 * apart by the headers: a percent per agency and survey question ("scores"), or the raw answers,
 * one row per answer of a respondent ("answers"), turned into percents with the campaign's answer
 * scale. Layouts: docs/imports.md.
 */
import type ExcelJS from 'exceljs';
import { type Lang, t } from '../../../shared/i18n/index.ts';
import type { Agency, AgencyGroup, Template } from '../../../shared/schema/index.ts';
import { type IssueParams, type Result, fail, ok } from '../../../shared/util/issue.ts';
import type { CellRead } from '../template-xlsx/cells.ts';
import { columnLetter, fold, formatNumberText, parseNumberText } from '../template-xlsx/text.ts';
import { AGENCY_GROUPS } from './agencies.ts';
import {
  cellAt,
  cellText,
  Collector,
  codeKey,
  type ColumnSpec,
  findTables,
  type FormColumn,
  GuideWriter,
  guarded,
  isGuideSheet,
  heightFor,
  HEADER_SEARCH_ROWS,
  type HeaderScan,
  HeaderWords,
  isRowEmpty,
  loadWorkbook,
  newWorkbook,
  put,
  quote,
  reportDuplicateHeaders,
  rowParam,
  S_BOLD,
  S_NUMBER,
  S_TEXT,
  S_TITLE,
  setupForm,
  sheetRange,
  SPARE_ROWS,
  validate,
  workbookBuffer,
} from './common.ts';

export interface SurveyItem {
  code: string;
  title: string;
}

export interface SurveyContext {
  agencies: Agency[];
  /** Survey leaf items of the template of each agency group. */
  surveyItems: Map<string, SurveyItem[]>;
  /** Answer letter → percent of the item's points (campaign.surveyScale). */
  scale: Record<string, number>;
}

export type SurveyMode = 'scores' | 'answers';

export interface SurveyImport {
  mode: SurveyMode;
  /** Agency code → survey item code → percent 0..100 (exact means in the answers layout). */
  results: Record<string, Record<string, number>>;
  /** Agency code → respondents behind its figures (answers layout only). */
  respondents: Record<string, number>;
  /** Data rows read. */
  rows: number;
}

/** The survey items of a template: leaves marked as surveyed and scored by the SURVEY rule. */
export function surveyItemsOfTemplate(tpl: Template): SurveyItem[] {
  const parents = new Set(tpl.items.map((i) => i.parent).filter((p): p is string => p !== null));
  return tpl.items.filter((i) => i.survey && i.rule?.type === 'SURVEY' && !parents.has(i.code)).map((i) => ({ code: i.code, title: i.title.vi }));
}

type Field = 'agency' | 'name' | 'item' | 'answer' | 'respondent' | 'respondentGroup';
const COLUMNS: readonly ColumnSpec<Field>[] = [
  { field: 'agency', header: 'ximport.col.survey.agency', aliases: 'ximport.col.survey.agency.aliases' },
  { field: 'name', header: 'ximport.col.survey.name', aliases: 'ximport.col.survey.name.aliases' },
  { field: 'item', header: 'ximport.col.survey.item', aliases: 'ximport.col.survey.item.aliases' },
  { field: 'answer', header: 'ximport.col.survey.answer', aliases: 'ximport.col.survey.answer.aliases' },
  { field: 'respondent', header: 'ximport.col.survey.respondent', aliases: 'ximport.col.survey.respondent.aliases' },
  { field: 'respondentGroup', header: 'ximport.col.survey.respondentGroup', aliases: 'ximport.col.survey.respondentGroup.aliases' },
];
const HEADERS = new HeaderWords(COLUMNS);

const ITEM_PREFIXES: readonly string[] = (['vi', 'en'] as const)
  .flatMap((lang) => t(lang, 'ximport.col.survey.itemPrefix').split('|'))
  .map((p) => fold(p))
  .filter((p) => p !== '')
  // Longest first, so that "tiêu chí thành phần" is removed before "tiêu chí".
  .sort((a, b) => b.length - a.length);

// ── What the campaign knows ───────────────────────────────────────────────────────────────────

class Lookup {
  private readonly agencyByCode = new Map<string, Agency>();
  private readonly agencyByName = new Map<string, Agency[]>();
  /** Group → item key → canonical item. */
  private readonly itemsByGroup = new Map<string, Map<string, SurveyItem>>();
  /** Item key → canonical code (any group). */
  readonly anyItem = new Map<string, string>();

  constructor(ctx: SurveyContext) {
    for (const a of ctx.agencies) {
      const k = codeKey(a.code);
      if (!this.agencyByCode.has(k)) this.agencyByCode.set(k, a);
      const n = codeKey(a.name);
      this.agencyByName.set(n, [...(this.agencyByName.get(n) ?? []), a]);
    }
    for (const [group, items] of ctx.surveyItems) {
      const m = new Map<string, SurveyItem>();
      for (const it of items) {
        const k = codeKey(it.code);
        if (!m.has(k)) m.set(k, it);
        if (!this.anyItem.has(k)) this.anyItem.set(k, it.code);
      }
      this.itemsByGroup.set(group, m);
    }
  }

  /** An agency by its code, or else by its exact name (when only one agency bears it). */
  agency(s: string): Agency | undefined {
    const byCode = this.agencyByCode.get(codeKey(s));
    if (byCode) return byCode;
    const named = this.agencyByName.get(codeKey(s));
    return named && named.length === 1 ? named[0] : undefined;
  }

  item(group: string, s: string): SurveyItem | undefined {
    return this.itemsByGroup.get(group)?.get(codeKey(s));
  }
}

/**
 * The item code a header of the percent layout stands for: "8.1", "8.1 (%)", "Câu 8.1",
 * "8.1. Mức độ hài lòng …". Returns the typed code (first word after an optional prefix).
 */
function headerItemCode(text: string): { code: string; alone: boolean } | undefined {
  let s = fold(text)
    .replace(/\(\s*%\s*\)\s*$/u, '')
    .replace(/%\s*$/u, '')
    .trim();
  for (const p of ITEM_PREFIXES) {
    if (s.startsWith(`${p} `)) {
      s = s.slice(p.length + 1).trim();
      break;
    }
  }
  const words = s.split(' ');
  const first = (words[0] ?? '').replace(/[.:]+$/u, '');
  if (first === '') return undefined;
  return { code: first, alone: words.length === 1 };
}

// ── Reading cells ───────────────────────────────────────────────────────────────────────────────

/** True when a number format shows percentages (a % outside quotes and escapes). */
export function isPercentFormat(numFmt: string): boolean {
  return /%/.test(numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** n × 100 without binary noise: 0.855 → 85.5 (not 85.49999999999999). */
function times100(n: number): number {
  const s = String(n);
  return /e/i.test(s) ? n * 100 : Number(`${s}e2`);
}

type PercentRead = { kind: 'empty' } | { kind: 'value'; value: number } | { kind: 'bad'; code: string; params?: IssueParams };

/** A percent as typed: 85, "85", "85,5", "85%", or 0.85 in a cell formatted as a percentage. */
export function readPercent(read: CellRead, numFmt: string, lang: Lang): PercentRead {
  let value: number;
  let shown: string;
  switch (read.kind) {
    case 'empty':
      return { kind: 'empty' };
    case 'number':
      if (isPercentFormat(numFmt)) {
        value = times100(read.value);
        shown = `${formatNumberText(value, lang)}%`;
      } else {
        value = read.value;
        shown = formatNumberText(value, lang);
      }
      break;
    case 'text': {
      const m = /^(.*?)\s*%$/su.exec(read.text);
      const n = parseNumberText(m ? (m[1] ?? '') : read.text);
      if (n === null) return { kind: 'bad', code: 'ximport.survey.not_percent', params: { value: quote(read.text) } };
      value = n;
      shown = read.text;
      break;
    }
    case 'boolean':
      return { kind: 'bad', code: 'ximport.survey.not_percent', params: { value: read.value ? 'TRUE' : 'FALSE' } };
    case 'date':
      return { kind: 'bad', code: 'ximport.survey.not_percent', params: { value: read.value.toISOString().slice(0, 10) } };
    case 'bad': {
      const v = cellText(read);
      return v.kind === 'bad' ? v : { kind: 'bad', code: 'ximport.cell.unsupported' };
    }
  }
  if (!(value >= 0 && value <= 100)) return { kind: 'bad', code: 'ximport.survey.percent_range', params: { value: shown } };
  return { kind: 'value', value };
}

/** The letter of an answer: "A", "a", "B.", "c)". */
function answerLetter(s: string): string | undefined {
  const m = /^([\p{L}])[.)]?$/u.exec(s.trim());
  return m ? (m[1] ?? '').toUpperCase() : undefined;
}

// ── Reading the workbook ───────────────────────────────────────────────────────────────────────

interface Layout {
  mode: SurveyMode;
  items: { col: number; code: string }[];
  unknownItems: { col: number; text: string }[];
  duplicateItems: { col: number; first: number; text: string }[];
}

function layoutOf(scan: HeaderScan<Field>, lookup: Lookup): Layout {
  const hasAgency = scan.cols.has('agency') || scan.cols.has('name');
  const items: Layout['items'] = [];
  const unknownItems: Layout['unknownItems'] = [];
  const duplicateItems: Layout['duplicateItems'] = [];
  const seen = new Map<string, number>();
  for (const o of scan.others) {
    const h = headerItemCode(o.text);
    if (!h) continue;
    const code = lookup.anyItem.get(h.code);
    if (code !== undefined) {
      const first = seen.get(code);
      if (first !== undefined) duplicateItems.push({ col: o.col, first, text: o.text });
      else {
        seen.set(code, o.col);
        items.push({ col: o.col, code });
      }
    } else if (h.alone && /\p{N}/u.test(h.code) && /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(h.code)) {
      unknownItems.push({ col: o.col, text: o.text });
    }
  }
  const answers = hasAgency && scan.cols.has('item') && scan.cols.has('answer');
  return { mode: answers || items.length === 0 ? 'answers' : 'scores', items, unknownItems, duplicateItems };
}

/**
 * Reads survey results. The layout is told from the headers; every sheet holding a table is read
 * (the blank percent form has a sheet per agency group), all of one layout. Every problem is
 * reported with its sheet, row and column (up to about a hundred), and a file with any problem gives
 * no results.
 */
export async function readSurveyXlsx(data: Buffer | ArrayBuffer, file: string, ctx: SurveyContext): Promise<Result<SurveyImport>> {
  const wb = await loadWorkbook(data, file, 'survey');
  if (!wb.ok) return wb;
  return guarded(file, () => readSurveyWorkbook(wb.value, file, ctx));
}

/** A table of the workbook with its layout. */
interface Table {
  scan: HeaderScan<Field>;
  layout: Layout;
}

/** Where an agency row or an answer was first met. */
interface Place {
  sheet: string;
  row: number;
}

function readSurveyWorkbook(wb: ExcelJS.Workbook, file: string, ctx: SurveyContext): Result<SurveyImport> {
  const lookup = new Lookup(ctx);
  const hasAgency = (s: HeaderScan<Field>) => s.cols.has('agency') || s.cols.has('name');
  const isAnswers = (s: HeaderScan<Field>) => hasAgency(s) && s.cols.has('item') && s.cols.has('answer');
  const isScores = (s: HeaderScan<Field>) => hasAgency(s) && layoutOf(s, lookup).items.length > 0;
  const found = findTables(
    wb,
    HEADERS,
    (s) => isAnswers(s) || isScores(s),
    (s) => s.cols.size + s.others.filter((o) => headerItemCode(o.text) !== undefined).length / 100,
  );
  if (!found) return fail([{ code: 'ximport.file.no_sheet', at: { file } }]);
  const c = new Collector(file);
  if (found.tables.length === 0) {
    // The form with its data sheets deleted: only the guide is left.
    if (wb.worksheets.every(isGuideSheet)) {
      c.add('ximport.survey.only_guide', {}, { sheet: wb.worksheets.map((w) => w.name).join(', ') });
      return fail(c.result());
    }
    const scan = found.best;
    const lang = scan.lang;
    const labels = { agency: HEADERS.label('agency', lang), item: HEADERS.label('item', lang), answer: HEADERS.label('answer', lang) };
    if (scan.cols.size === 0 && layoutOf(scan, lookup).items.length === 0) {
      // Nothing on any sheet looks like a survey table: another workbook, or the wrong file.
      c.add('ximport.survey.not_found', {}, { sheets: found.searched.map((n) => `"${n}"`).join(', '), rows: HEADER_SEARCH_ROWS, ...labels });
    } else c.add('ximport.survey.layout_unknown', { sheet: scan.ws.name, row: scan.row }, labels);
    return fail(c.result());
  }
  const tables: Table[] = found.tables.map((scan) => ({ scan, layout: layoutOf(scan, lookup) }));
  const first = tables[0] as Table;
  const mode = first.layout.mode;
  for (const tb of tables) {
    if (tb.layout.mode !== mode) {
      c.add(`ximport.survey.layout_mixed_${tb.layout.mode}`, { sheet: tb.scan.ws.name, row: tb.scan.row }, { first: first.scan.ws.name });
    }
  }
  if (c.count > 0) return fail(c.result());
  for (const tb of tables) reportDuplicateHeaders(tb.scan, c);
  const read = mode === 'answers' ? readAnswers(tables, lookup, ctx, c) : readScores(tables, lookup, c);
  if (c.count > 0) return fail(c.result());
  return read;
}

/** Reads the agency of a row (its code, or its name), reporting what is wrong. */
function rowAgency(scan: HeaderScan<Field>, r: number, lookup: Lookup, c: Collector): Agency | undefined {
  const { ws } = scan;
  const codeCol = scan.cols.get('agency');
  const nameCol = scan.cols.get('name');
  for (const col of [codeCol, nameCol]) {
    if (col === undefined) continue;
    const v = cellText(cellAt(ws, r, col).read);
    const at = { sheet: ws.name, row: r, column: columnLetter(col) };
    if (v.kind === 'bad') {
      c.add(v.code, at, v.params);
      return undefined;
    }
    if (v.kind === 'empty') continue;
    const a = lookup.agency(v.text);
    if (!a) c.add('ximport.survey.agency_unknown', at, { value: quote(v.text) });
    return a;
  }
  const col = codeCol ?? nameCol;
  c.add('ximport.survey.agency_required', col === undefined ? { sheet: ws.name, row: r } : { sheet: ws.name, row: r, column: columnLetter(col) });
  return undefined;
}

function readScores(tables: readonly Table[], lookup: Lookup, c: Collector): Result<SurveyImport> {
  const results: Record<string, Record<string, number>> = {};
  const firstRow = new Map<string, Place>();
  let rows = 0;
  let values = 0;
  for (const { scan, layout } of tables) {
    const { ws, lang } = scan;
    const sheet = ws.name;
    for (const d of layout.duplicateItems) {
      c.add(
        'ximport.header.duplicate',
        { sheet, row: scan.row, column: columnLetter(d.col) },
        { header: d.text, first: columnLetter(d.first), second: columnLetter(d.col) },
      );
    }
    for (const u of layout.unknownItems) c.add('ximport.survey.column_not_survey', { sheet, row: scan.row, column: columnLetter(u.col) }, { item: quote(u.text) });

    const agencyCols = [scan.cols.get('agency'), scan.cols.get('name')].filter((x): x is number => x !== undefined);
    const mapped = [...agencyCols, ...layout.items.map((i) => i.col)];
    for (let r = scan.row + 1; r <= ws.rowCount; r++) {
      if (isRowEmpty(ws, r, mapped)) continue;
      rows++;
      const agency = rowAgency(scan, r, lookup, c);
      if (agency) {
        const first = firstRow.get(agency.code);
        if (first !== undefined) {
          const col = scan.cols.get('agency') ?? scan.cols.get('name');
          const at = { sheet, row: r, agency: agency.code, ...(col === undefined ? {} : { column: columnLetter(col) }) };
          if (first.sheet === sheet) c.add('ximport.survey.agency_duplicate', at, { value: agency.code, first: rowParam(first.row), second: rowParam(r) });
          else c.add('ximport.survey.agency_duplicate_sheets', at, { value: agency.code, first: rowParam(first.row), firstSheet: first.sheet, second: rowParam(r) });
          continue;
        }
        firstRow.set(agency.code, { sheet, row: r });
      }
      for (const it of layout.items) {
        const cell = cellAt(ws, r, it.col);
        if (cell.read.kind === 'empty') continue; // not surveyed
        const at = { sheet, row: r, column: columnLetter(it.col), item: it.code, ...(agency ? { agency: agency.code } : {}) };
        if (agency && !lookup.item(agency.group, it.code)) {
          c.add('ximport.survey.item_not_survey', at, { item: it.code, agency: agency.code, group: AGENCY_GROUPS.word(agency.group, lang) });
          continue;
        }
        const p = readPercent(cell.read, cell.numFmt, lang);
        if (p.kind === 'bad') c.add(p.code, at, p.params);
        else if (p.kind === 'value' && agency) {
          (results[agency.code] ??= {})[it.code] = p.value;
          values++;
        }
      }
    }
  }
  const first = (tables[0] as Table).scan;
  if (rows === 0) c.add('ximport.no_rows', { sheet: first.ws.name, row: first.row });
  else if (values === 0 && c.count === 0) c.add('ximport.survey.no_data', tables.length === 1 ? { sheet: first.ws.name } : {});
  return ok({ mode: 'scores', results, respondents: {}, rows });
}

function readAnswers(tables: readonly Table[], lookup: Lookup, ctx: SurveyContext, c: Collector): Result<SurveyImport> {
  const firstTable = (tables[0] as Table).scan;
  const scale = new Map<string, number>();
  for (const [letter, percent] of Object.entries(ctx.scale)) scale.set(letter.toUpperCase(), percent);
  const letters = [...scale.keys()].sort().join(', ');
  if (scale.size === 0) {
    c.add('ximport.survey.scale_empty', { sheet: firstTable.ws.name });
    return fail(c.result());
  }
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  const ids = new Map<string, Set<string>>();
  const answered = new Map<string, Place>();
  let rows = 0;
  let answers = 0;
  for (const { scan } of tables) {
    const { ws, lang } = scan;
    const sheet = ws.name;
    const col = (f: Field) => scan.cols.get(f);
    const at = (r: number, f: Field, extra: { agency?: string; item?: string } = {}) => {
      const n = col(f);
      return { sheet, row: r, ...(n === undefined ? {} : { column: columnLetter(n) }), ...extra };
    };
    const text = (r: number, f: Field): string | undefined => {
      const n = col(f);
      if (n === undefined) return undefined;
      const v = cellText(cellAt(ws, r, n).read);
      if (v.kind === 'bad') {
        c.add(v.code, at(r, f), v.params);
        return undefined;
      }
      return v.kind === 'text' ? v.text : undefined;
    };

    const mapped = [...scan.cols.values()];
    for (let r = scan.row + 1; r <= ws.rowCount; r++) {
      if (isRowEmpty(ws, r, mapped)) continue;
      rows++;
      const agency = rowAgency(scan, r, lookup, c);
      const itemText = text(r, 'item');
      const itemCell = col('item');
      let item: string | undefined;
      if (itemText === undefined) {
        if (itemCell !== undefined && cellAt(ws, r, itemCell).read.kind === 'empty') c.add('ximport.survey.item_required', at(r, 'item', agency ? { agency: agency.code } : {}));
      } else if (agency) {
        const it = lookup.item(agency.group, itemText);
        if (!it) {
          c.add('ximport.survey.item_not_survey', at(r, 'item', { agency: agency.code }), {
            item: quote(itemText),
            agency: agency.code,
            group: AGENCY_GROUPS.word(agency.group, lang),
          });
        } else item = it.code;
      }

      const respondent = text(r, 'respondent');
      const respondentGroup = text(r, 'respondentGroup') ?? '';
      const answerText = text(r, 'answer');
      let percent: number | undefined;
      if (answerText !== undefined) {
        const letter = answerLetter(answerText);
        percent = letter === undefined ? undefined : scale.get(letter);
        if (percent === undefined) c.add('ximport.survey.answer_unknown', at(r, 'answer', agency ? { agency: agency.code } : {}), { value: quote(answerText), letters });
      }
      if (!agency) continue;
      if (respondent !== undefined) {
        const set = ids.get(agency.code) ?? new Set<string>();
        set.add(`${fold(respondentGroup)}\u0000${fold(respondent)}`);
        ids.set(agency.code, set);
      }
      if (item === undefined || percent === undefined) continue;
      if (respondent !== undefined) {
        const key = `${agency.code}\u0000${item}\u0000${fold(respondentGroup)}\u0000${fold(respondent)}`;
        const first = answered.get(key);
        if (first !== undefined) {
          const params = {
            respondent: quote(respondentGroup === '' ? respondent : `${respondentGroup} ${respondent}`),
            item,
            agency: agency.code,
            first: rowParam(first.row),
          };
          const where = at(r, 'respondent', { agency: agency.code, item });
          if (first.sheet === sheet) c.add('ximport.survey.answer_duplicate', where, params);
          else c.add('ximport.survey.answer_duplicate_sheets', where, { ...params, firstSheet: first.sheet });
          continue;
        }
        answered.set(key, { sheet, row: r });
      }
      const byItem = sums.get(agency.code) ?? new Map<string, { sum: number; n: number }>();
      const acc = byItem.get(item) ?? { sum: 0, n: 0 };
      acc.sum += percent;
      acc.n++;
      byItem.set(item, acc);
      sums.set(agency.code, byItem);
      answers++;
    }
  }
  if (rows === 0) c.add('ximport.no_rows', { sheet: firstTable.ws.name, row: firstTable.row });
  else if (answers === 0 && c.count === 0) c.add('ximport.survey.no_data', tables.length === 1 ? { sheet: firstTable.ws.name } : {});
  if (c.count > 0) return fail(c.result());

  const results: Record<string, Record<string, number>> = {};
  const respondents: Record<string, number> = {};
  for (const [agency, byItem] of sums) {
    const out: Record<string, number> = {};
    let most = 0;
    for (const [item, { sum, n }] of byItem) {
      out[item] = sum / n;
      most = Math.max(most, n);
    }
    results[agency] = out;
    respondents[agency] = Math.max(most, ids.get(agency)?.size ?? 0);
  }
  return ok({ mode: 'answers', results, respondents, rows });
}

// ── The blank forms ─────────────────────────────────────────────────────────────────────────────

const GROUP_ORDER: readonly AgencyGroup[] = ['department', 'district', 'commune'];

/** The agency groups of the campaign that have survey items, in the usual order. */
function groupsOf(ctx: SurveyContext): string[] {
  const keys = [...ctx.surveyItems.keys()].filter((g) => (ctx.surveyItems.get(g) ?? []).length > 0);
  return [...GROUP_ORDER.filter((g) => keys.includes(g)), ...keys.filter((g) => !GROUP_ORDER.includes(g as AgencyGroup))];
}

/**
 * Every survey item code of the campaign once, in template order, with its title in each group's
 * template (groups share codes with different questions: 8.1 of the departments is not 8.1 of the
 * communes).
 */
function itemTable(ctx: SurveyContext, groups: readonly string[]): { code: string; titles: Map<string, string> }[] {
  const out = new Map<string, { code: string; titles: Map<string, string> }>();
  for (const g of groups) {
    for (const it of ctx.surveyItems.get(g) ?? []) {
      const k = codeKey(it.code);
      const e = out.get(k) ?? { code: it.code, titles: new Map<string, string>() };
      if (!e.titles.has(g)) e.titles.set(g, it.title);
      out.set(k, e);
    }
  }
  return [...out.values()];
}

function groupWord(g: string, lang: Lang): string {
  return GROUP_ORDER.includes(g as AgencyGroup) ? AGENCY_GROUPS.word(g as AgencyGroup, lang) : g;
}

/** A sheet name Excel accepts: without : \ / ? * [ ] and at most 31 characters. */
function sheetName(s: string): string {
  const clean = s.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  return [...clean].slice(0, 31).join('').trim();
}

/** The header of a question column: its code, then its title in the group's template ("8.1. Người dân đánh giá …"). */
function itemHeader(it: SurveyItem): string {
  const title = it.title.trim();
  return title === '' ? it.code : `${it.code}. ${title}`;
}

const ITEM_WIDTH = 24;

/**
 * One percent sheet: a row per agency of the group, a column per survey question of the group's
 * template, headed by the question's code and title. The headers are plain cells, which every
 * program keeps when it saves the workbook again (notes and hidden parts are not relied upon).
 */
function writeScoresSheet(wb: ExcelJS.Workbook, name: string, title: string, items: readonly SurveyItem[], agencies: readonly Agency[], lang: Lang): void {
  const cols: FormColumn[] = [
    { header: t(lang, 'ximport.col.no'), width: 6, text: false },
    { header: t(lang, 'ximport.col.survey.agency'), width: 16, text: true },
    { header: t(lang, 'ximport.col.survey.name'), width: 40, text: true },
    ...items.map((it) => ({ header: itemHeader(it), width: ITEM_WIDTH, text: false })),
  ];
  const { ws, first } = setupForm(wb, name, title, cols);
  ws.getRow(2).height = Math.min(160, Math.max(32, ...items.map((it) => heightFor(itemHeader(it), ITEM_WIDTH))));
  agencies.forEach((a, i) => {
    const r = first + i;
    put(ws.getCell(r, 1), i + 1, S_NUMBER);
    put(ws.getCell(r, 2), a.code, S_TEXT);
    put(ws.getCell(r, 3), a.name, S_TEXT);
    items.forEach((_it, j) => put(ws.getCell(r, 4 + j), null, S_NUMBER));
  });
  if (items.length > 0) {
    const last = first + agencies.length + SPARE_ROWS;
    validate(ws, `${columnLetter(4)}${first}:${columnLetter(3 + items.length)}${last}`, {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: false,
      showInputMessage: true,
      promptTitle: t(lang, 'ximport.input.percent.title'),
      prompt: t(lang, 'ximport.input.percent.text'),
    });
  }
}

/**
 * A form to fill in: "scores" has a sheet per agency group, listing its agencies with a column per
 * survey question of the group's own template; "answers" has the answer columns and drop-down
 * lists. Both come with a guide sheet listing the questions of each group (and the scale and agencies).
 */
export async function writeSurveyForm(mode: SurveyMode, ctx: SurveyContext, lang: Lang): Promise<Buffer> {
  const groups = groupsOf(ctx);
  const items = itemTable(ctx, groups);
  const wb = newWorkbook(t(lang, mode === 'scores' ? 'ximport.title.scores' : 'ximport.title.answers'));
  const scaleLetters = Object.keys(ctx.scale)
    .map((l) => l.toUpperCase())
    .sort();

  if (mode === 'scores') {
    const withAgencies = groups.filter((g) => ctx.agencies.some((a) => a.group === g));
    const sheets = withAgencies.length > 0 ? withAgencies : groups;
    for (const g of sheets) {
      const word = groupWord(g, lang);
      writeScoresSheet(
        wb,
        sheetName(t(lang, 'ximport.sheet.scores.group', { group: word })),
        t(lang, 'ximport.title.scores.group', { group: word }),
        ctx.surveyItems.get(g) ?? [],
        ctx.agencies.filter((a) => a.group === g),
        lang,
      );
    }
    // No survey question in any template: a sheet of the agencies alone, which still reads back.
    if (sheets.length === 0) writeScoresSheet(wb, t(lang, 'ximport.sheet.scores'), t(lang, 'ximport.title.scores'), [], ctx.agencies, lang);
  }

  // The data sheet comes first; its drop-down lists refer to the guide written after it.
  let answerSheet: { ws: ExcelJS.Worksheet; first: number } | undefined;
  if (mode === 'answers') {
    const cols: FormColumn[] = [
      { header: t(lang, 'ximport.col.no'), width: 6, text: false },
      { header: t(lang, 'ximport.col.survey.respondent'), width: 12, text: true },
      { header: t(lang, 'ximport.col.survey.respondentGroup'), width: 22, text: true },
      { header: t(lang, 'ximport.col.survey.agency'), width: 18, text: true },
      { header: t(lang, 'ximport.col.survey.item'), width: 14, text: true },
      { header: t(lang, 'ximport.col.survey.answer'), width: 14, text: true },
    ];
    answerSheet = setupForm(wb, t(lang, 'ximport.sheet.answers'), t(lang, 'ximport.title.answers'), cols);
  }

  // A code column, then a column per group with that group's titles (at least three columns, for the agency table).
  const groupCols = Math.max(groups.length, 2);
  const guide = new GuideWriter(wb, lang, [16, ...Array.from({ length: groupCols }, () => (groups.length >= 3 ? 40 : 55))]);
  guide.paragraph(t(lang, mode === 'scores' ? 'ximport.guide.scores.title' : 'ximport.guide.answers.title'), S_TITLE);
  guide.paragraph(t(lang, mode === 'scores' ? 'ximport.guide.scores.body' : 'ximport.guide.answers.body'));
  guide.paragraph(t(lang, 'ximport.guide.general'));
  guide.skip();
  if (answerSheet) {
    guide.paragraph(t(lang, 'ximport.guide.scale'), S_BOLD);
    guide.table(
      [t(lang, 'ximport.guide.scale.letter'), t(lang, 'ximport.guide.scale.percent')],
      scaleLetters.map((l) => [l, ctx.scale[l] ?? ctx.scale[l.toLowerCase()] ?? null]),
    );
    guide.skip();
  }
  guide.paragraph(t(lang, 'ximport.guide.items'), S_BOLD);
  guide.paragraph(t(lang, 'ximport.guide.items.body'));
  const itemRows = guide.table(
    [t(lang, 'ximport.guide.items.code'), ...groups.map((g) => groupWord(g, lang))],
    items.map((it) => [it.code, ...groups.map((g) => it.titles.get(g) ?? null)]),
  );

  if (answerSheet) {
    guide.skip();
    guide.paragraph(t(lang, 'ximport.guide.agencyList'), S_BOLD);
    const agencyRows = guide.table(
      [t(lang, 'ximport.col.survey.agency'), t(lang, 'ximport.col.survey.name'), t(lang, 'ximport.guide.items.groups')],
      ctx.agencies.map((a) => [a.code, a.name, groupWord(a.group, lang)]),
    );
    const { ws, first } = answerSheet;
    const last = first + SPARE_ROWS * 10;
    if (ctx.agencies.length > 0) {
      validate(ws, `D${first}:D${last}`, { type: 'list', allowBlank: true, formulae: [sheetRange(guide.ws.name, 1, agencyRows.first, agencyRows.last)], showErrorMessage: false });
    }
    if (items.length > 0) {
      validate(ws, `E${first}:E${last}`, { type: 'list', allowBlank: true, formulae: [sheetRange(guide.ws.name, 1, itemRows.first, itemRows.last)], showErrorMessage: false });
    }
    if (scaleLetters.length > 0) {
      validate(ws, `F${first}:F${last}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${scaleLetters.join(',')}"`],
        showErrorMessage: false,
        showInputMessage: true,
        promptTitle: t(lang, 'ximport.input.answer.title'),
        prompt: t(lang, 'ximport.input.answer.text', { letters: scaleLetters.join(', ') }),
      });
    }
  }
  return workbookBuffer(wb);
}
