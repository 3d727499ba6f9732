/**
 * The self-assessment workbook: the agency's whole assessment as a fill-in .xlsx (guide, one sheet
 * per template, evidence, figures, bonus/penalty, nominations). Every value goes through the report
 * kit's cell gate (cleanText: formula-looking text neutralised). Layout: layout.ts.
 */
import type ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/i18n/index.ts';
import { t } from '../../../shared/i18n/index.ts';
import type { Assessment, ItemEntry, ItemInput, LocalizedText, Nomination, Rule, TemplateItem } from '../../../shared/schema/index.ts';
import type { Nominations } from '../store/cycle-docs.ts';
import { toCellValue } from '../reports/kit/cell.ts';
import { LINE_HEIGHT, lines } from '../reports/kit/sheet.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { newWorkbook, S_BOLD, S_GREY, S_HEADER, S_NUMBER, S_PLAIN, S_TEXT, S_TITLE, type Style, validate, workbookBuffer } from '../xlsx-import/common.ts';
import { columnLetter, formatNumberText } from '../template-xlsx/text.ts';
import {
  type Column,
  FIRST_ROW,
  GUIDE_IDENTITY_ROW,
  HEADER_ROW,
  identityLabel,
  ITEM_COLUMNS,
  SHEET_COLUMNS,
  type SheetKind,
  sheetName,
  TITLE_ROW,
  type Word,
  word,
} from './layout.ts';
import { type Scope, scopeOf } from './scope.ts';

/** Rows below the data that keep drop-downs, for rows a person adds. */
const SPARE = 200;

type Value = string | number | null;

/** The one way a value reaches a cell here: through the kit's gate, never an object. */
function put(cell: ExcelJS.Cell, value: Value, style: Style): void {
  const v = toCellValue(value);
  cell.value = v === '' ? null : v;
  cell.style = style;
}

function text(l: LocalizedText | undefined, lang: Lang): string {
  if (!l) return '';
  return lang === 'en' ? (l.en ?? l.vi) : l.vi;
}

const num = (n: number, lang: Lang) => formatNumberText(n, lang);

/** The rule as people read it. */
export function describeRule(item: TemplateItem, lang: Lang): string {
  const rule: Rule | undefined = item.rule;
  const max = num(item.max, lang);
  if (!rule) return t(lang, 'sbook.rule.parent', { max });
  switch (rule.type) {
    case 'BINARY':
      return t(lang, 'sbook.rule.binary', { max });
    case 'PERCENT_BANDS':
      return t(lang, 'sbook.rule.bands', { bands: rule.bands.map((b) => `≥ ${num(b.min, lang)}%: ${num(b.points, lang)}`).join('; ') });
    case 'RATIO':
      return t(lang, 'sbook.rule.ratio', { max });
    case 'COUNT_DEDUCT':
      return t(lang, 'sbook.rule.count', { max, per: num(rule.perCount, lang) });
    case 'MANUAL':
      return rule.step === undefined ? t(lang, 'sbook.rule.manual', { max }) : t(lang, 'sbook.rule.manual_step', { max, step: num(rule.step, lang) });
    case 'SURVEY':
      return t(lang, 'sbook.rule.survey', { max });
    case 'FORMULA':
      return t(lang, 'sbook.rule.formula', { max, expression: rule.expression, vars: rule.variables.map((v) => `${v.name}: ${text(v.label, lang)}`).join('; ') });
  }
}

/** What to type in the value cell(s). */
export function howTo(item: TemplateItem, lang: Lang): string {
  const rule = item.rule;
  if (!rule) return t(lang, 'sbook.how.parent');
  if (item.survey || rule.type === 'SURVEY') return t(lang, 'sbook.how.survey');
  let s: string;
  switch (rule.type) {
    case 'BINARY':
      s = t(lang, 'sbook.how.binary', { yes: word('yes', lang), no: word('no', lang) });
      break;
    case 'PERCENT_BANDS':
      s = t(lang, 'sbook.how.percent');
      break;
    case 'RATIO':
      s = t(lang, 'sbook.how.ratio');
      break;
    case 'COUNT_DEDUCT':
      s = t(lang, 'sbook.how.count');
      break;
    case 'MANUAL':
      s = t(lang, 'sbook.how.manual', { max: num(item.max, lang) });
      break;
    case 'FORMULA':
      s = t(lang, 'sbook.how.formula', { example: rule.variables.map((v) => `${v.name}=…`).join('; ') });
      break;
  }
  return item.notApplicableAllowed ? `${s} ${t(lang, 'sbook.how.or_na', { na: word('na', lang) })}` : s;
}

/** An input as the value and denominator cells show it. */
export function inputCells(input: ItemInput | undefined, lang: Lang): [Value, Value] {
  if (!input) return [null, null];
  switch (input.kind) {
    case 'binary':
      return [word(input.value === 'yes' ? 'yes' : 'no', lang), null];
    case 'notApplicable':
      return [word('na', lang), null];
    case 'percent':
    case 'count':
    case 'manual':
      return [input.value, null];
    case 'ratio':
      return [input.numerator, input.denominator];
    case 'variables':
      return [
        Object.entries(input.values)
          .map(([k, v]) => `${k}=${num(Number(v.toPrecision(12)), lang)}`)
          .join('; '),
        null,
      ];
  }
}

function sheetWith(wb: ExcelJS.Workbook, name: string, title: string, cols: readonly Column[], lang: Lang): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0, topLeftCell: `A${FIRST_ROW}`, activeCell: `A${FIRST_ROW}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    put(ws.getCell(HEADER_ROW, i + 1), t(lang, c.header), S_HEADER);
  });
  // The title sits in A1 without a merge: merged cells are refused in data sheets on import.
  put(ws.getCell(TITLE_ROW, 1), title, { ...S_TITLE, alignment: { vertical: 'middle', horizontal: 'left' } });
  ws.getRow(TITLE_ROW).height = 30;
  ws.getRow(HEADER_ROW).height = 32;
  fitRow(ws, HEADER_ROW);
  return ws;
}

/**
 * Sets a row's height to show its wrapped text: neither Excel nor LibreOffice grows a row written
 * without a height when the file opens, so a long title would overlap the next row.
 */
function fitRow(ws: ExcelJS.Worksheet, r: number): void {
  let need = 1;
  ws.getRow(r).eachCell((cell, c) => {
    if (typeof cell.value === 'string') need = Math.max(need, lines(cell.value, ws.getColumn(c).width ?? 10, 0.8));
  });
  if (need > 1) ws.getRow(r).height = Math.max(ws.getRow(r).height ?? 0, need * LINE_HEIGHT + 2);
}

function row(ws: ExcelJS.Worksheet, r: number, values: readonly Value[], cols: readonly Column[], grey = false): void {
  values.forEach((v, i) => put(ws.getCell(r, i + 1), v, grey ? S_GREY : cols[i]?.text ? S_TEXT : S_NUMBER));
  fitRow(ws, r);
}

/** A drop-down of words (a literal list: it survives any re-save); free typing stays allowed, the importer checks. */
function list(ws: ExcelJS.Worksheet, column: number, from: number, to: number, words: readonly string[]): void {
  const formula = `"${words.map((w) => w.replace(/"/g, '""')).join(',')}"`;
  if (formula.length > 255 || words.length === 0 || words.some((w) => w.includes(','))) return;
  const letter = columnLetter(column);
  validate(ws, `${letter}${from}:${letter}${to}`, { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: false });
}

const words = (ws: readonly Word[], lang: Lang) => ws.map((w) => word(w, lang));

function guide(wb: ExcelJS.Workbook, scope: Scope, lang: Lang): void {
  const ws = wb.addWorksheet(sheetName('guide', lang), { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const widths = [34, 60, 50];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // Title and guidance span the three columns (merged above the identity rows only: the importer
  // refuses merges from the identity down). A merged cell does not grow with its text: the height is set.
  const wide = (r: number, value: string, style: Style) => {
    ws.mergeCells(r, 1, r, widths.length);
    put(ws.getCell(r, 1), value, style);
    ws.getRow(r).height = lines(value, widths.reduce((a, b) => a + b, 0), 0.8) * LINE_HEIGHT + 4;
  };
  wide(1, t(lang, 'sbook.guide.title'), { ...S_TITLE, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } });
  let r = 3;
  for (const p of ['intro', 'values', 'evidence', 'figures', 'nominations', 'import'] as const) wide(r++, t(lang, `sbook.guide.${p}`), S_PLAIN);
  r = GUIDE_IDENTITY_ROW;
  put(ws.getCell(r, 1), identityLabel('agency', lang), S_BOLD);
  put(ws.getCell(r, 2), scope.agency.code, S_TEXT);
  put(ws.getCell(r, 3), scope.agency.name, S_PLAIN);
  fitRow(ws, r++);
  put(ws.getCell(r, 1), identityLabel('campaign', lang), S_BOLD);
  put(ws.getCell(r, 2), scope.campaign.id, S_TEXT);
  put(ws.getCell(r, 3), text(scope.campaign.title, lang), S_PLAIN);
  fitRow(ws, r++);
  r++;
  put(ws.getCell(r, 1), t(lang, 'sbook.guide.sheet'), S_HEADER);
  put(ws.getCell(r, 2), t(lang, 'sbook.guide.template'), S_HEADER);
  put(ws.getCell(r++, 3), t(lang, 'sbook.guide.version'), S_HEADER);
  for (const s of scope.templates) {
    put(ws.getCell(r, 1), s.sheet, S_TEXT);
    put(ws.getCell(r, 2), text(s.template.title, lang), S_TEXT);
    put(ws.getCell(r, 3), `${s.template.id} v${s.template.version}${s.ranked ? '' : ` (${t(lang, 'sbook.guide.additional')})`}`, S_TEXT);
    fitRow(ws, r++);
  }
  r++;
  put(ws.getCell(r, 1), t(lang, 'sbook.guide.rule_type'), S_HEADER);
  put(ws.getCell(r++, 2), t(lang, 'sbook.col.howTo'), S_HEADER);
  for (const k of ['binary', 'percent', 'ratio', 'count', 'manual', 'formula', 'survey'] as const) {
    put(ws.getCell(r, 1), t(lang, `sbook.guide.rule.${k}`), S_TEXT);
    put(ws.getCell(r, 2), t(lang, `sbook.how.${k}`, { yes: word('yes', lang), no: word('no', lang), max: 'max', example: 'a=…; b=…' }), S_TEXT);
    fitRow(ws, r++);
  }
}

function templateSheet(wb: ExcelJS.Workbook, s: Scope['templates'][number], items: Record<string, ItemEntry>, lang: Lang): void {
  const ws = sheetWith(wb, s.sheet, `${text(s.template.title, lang)} (${s.template.id} v${s.template.version})`, ITEM_COLUMNS, lang);
  const valueCol = ITEM_COLUMNS.findIndex((c) => c.field === 'value') + 1;
  let r = FIRST_ROW;
  for (const item of s.template.items) {
    const e = Object.hasOwn(items, item.code) ? items[item.code] : undefined;
    const leaf = item.rule !== undefined;
    const [v, d] = leaf ? inputCells(e?.input, lang) : [null, null];
    row(ws, r, [item.code, text(item.title, lang), item.max, describeRule(item, lang), howTo(item, lang), v, d, e?.selfScore ?? null, e?.note ?? null, e?.explanation ?? null], ITEM_COLUMNS);
    if (!leaf) for (let c = 1; c <= ITEM_COLUMNS.length; c++) ws.getCell(r, c).style = { ...S_GREY, font: { name: 'Times New Roman', size: 12, bold: true } };
    if (item.rule?.type === 'BINARY') list(ws, valueCol, r, r, words(item.notApplicableAllowed ? ['yes', 'no', 'na'] : ['yes', 'no'], lang));
    r++;
  }
}

function evidenceSheet(wb: ExcelJS.Workbook, scope: Scope, a: Assessment | null, lang: Lang): void {
  const cols = SHEET_COLUMNS.evidence;
  const ws = sheetWith(wb, sheetName('evidence', lang), t(lang, 'sbook.title.evidence'), cols, lang);
  let r = FIRST_ROW;
  for (const s of scope.templates) {
    const items = s.ranked ? (a?.items ?? {}) : (a?.additional[s.template.id]?.items ?? {});
    for (const item of s.template.items) {
      for (const ev of (Object.hasOwn(items, item.code) ? items[item.code]?.evidence : undefined) ?? []) {
        row(ws, r++, [s.template.id, item.code, ev.docNo, ev.date ? ev.date.split('-').reverse().join('/') : null, ev.issuer ?? null, ev.title ?? null, ev.fileName ?? null], cols);
      }
    }
  }
  list(ws, 1, FIRST_ROW, r + SPARE, scope.templates.map((s) => s.template.id));
}

function figureSheet(wb: ExcelJS.Workbook, scope: Scope, a: Assessment | null, lang: Lang): void {
  const cols = SHEET_COLUMNS.figures;
  const ws = sheetWith(wb, sheetName('figures', lang), t(lang, 'sbook.title.figures'), cols, lang);
  const ranked = scope.templates[0]!.template;
  let r = FIRST_ROW;
  for (const def of ranked.indicators) {
    const v = a && Object.hasOwn(a.indicators, def.code) ? a.indicators[def.code] : null;
    const shown: Value = typeof v === 'boolean' ? word(v ? 'yes' : 'no', lang) : (v ?? null);
    row(ws, r, [def.code, text(def.title, lang), t(lang, `sbook.type.${def.type}`), def.unit ?? null, shown], cols);
    if (def.type === 'boolean') list(ws, 5, r, r, words(['yes', 'no'], lang));
    r++;
  }
}

function adjustmentSheet(wb: ExcelJS.Workbook, scope: Scope, a: Assessment | null, lang: Lang): void {
  const cols = SHEET_COLUMNS.adjustments;
  const ws = sheetWith(wb, sheetName('adjustments', lang), t(lang, 'sbook.title.adjustments'), cols, lang);
  const ranked = scope.templates[0]!.template;
  let r = FIRST_ROW;
  for (const block of ['bonus', 'penalty'] as const) {
    for (const def of ranked[block].items) {
      const e = a && Object.hasOwn(a[block], def.code) ? a[block][def.code] : undefined;
      row(ws, r++, [word(block, lang), def.code, text(def.title, lang), def.max, e?.points ?? null, e?.note ?? null], cols);
    }
  }
}

function nominationSheets(wb: ExcelJS.Workbook, scope: Scope, n: Nominations | null, lang: Lang): void {
  const all: Nomination[] = n?.nominations ?? [];
  const awards = (kind: 'collectives' | 'individuals') => scope.campaign.commendation[kind].map((x) => x.id);
  const rating = (x: string | null) => (x === null ? null : word(x as Word, lang));

  const cc = SHEET_COLUMNS.collectives;
  const c = sheetWith(wb, sheetName('collectives', lang), t(lang, 'sbook.title.collectives'), cc, lang);
  let r = FIRST_ROW;
  for (const x of all) if (x.kind === 'collective') row(c, r++, [x.id, x.name, x.achievements, x.proposedAward, x.note ?? null], cc);
  list(c, 4, FIRST_ROW, r + SPARE, awards('collectives'));

  const ic = SHEET_COLUMNS.individuals;
  const i = sheetWith(wb, sheetName('individuals', lang), t(lang, 'sbook.title.individuals'), ic, lang);
  r = FIRST_ROW;
  for (const x of all) {
    if (x.kind !== 'individual') continue;
    row(
      i,
      r++,
      [x.id, x.fullName, word(x.gender, lang), x.birthYear, x.position, x.unit, rating(x.ratingThisYear), rating(x.ratingLastYear), x.achievements, x.discipline, x.initiatives, x.proposedAward, x.note ?? null],
      ic,
    );
  }
  const last = r + SPARE;
  list(i, 3, FIRST_ROW, last, words(['male', 'female'], lang));
  list(i, 7, FIRST_ROW, last, words(['excellent', 'good', 'complete', 'incomplete'], lang));
  list(i, 8, FIRST_ROW, last, words(['excellent', 'good', 'complete', 'incomplete'], lang));
  list(i, 12, FIRST_ROW, last, awards('individuals'));
}

export const SHEET_ORDER: readonly SheetKind[] = ['evidence', 'figures', 'adjustments', 'collectives', 'individuals'];

/**
 * The agency's workbook, filled with what the workspace holds (an empty form where nothing is
 * entered yet). Throws an IssueError: not an agency workspace, no campaign, a template missing.
 */
export async function exportSelfWorkbook(ws: WorkspaceStore, opts: { lang?: Lang } = {}): Promise<Buffer> {
  const lang = opts.lang ?? 'vi';
  const scope = scopeOf(ws);
  const a = await ws.readAssessment(scope.agency.code);
  const n = await ws.readNominations();
  const wb = newWorkbook(t(lang, 'sbook.guide.title'));
  guide(wb, scope, lang);
  for (const s of scope.templates) templateSheet(wb, s, s.ranked ? (a?.items ?? {}) : (a?.additional[s.template.id]?.items ?? {}), lang);
  evidenceSheet(wb, scope, a, lang);
  figureSheet(wb, scope, a, lang);
  adjustmentSheet(wb, scope, a, lang);
  nominationSheets(wb, scope, n, lang);
  return workbookBuffer(wb);
}
