/**
 * Writes a criteria template as the workbook a province edits (see docs/template-sheet.md).
 * Every cell value is a plain string or number: text that starts with = + - @ stays text (never a
 * formula object), and text columns are formatted as Text so that Excel keeps what is typed later.
 */
import { stripUnsafe } from '../../../shared/util/text-safety.ts';
import ExcelJS from 'exceljs';
import { type Lang, formatDate, type MessageKey, t } from '../../../shared/i18n/index.ts';
import type { Template, TemplateItem } from '../../../shared/schema/index.ts';
import { formatRuleParams } from './params.ts';
import { columnLetter } from './text.ts';
import {
  ADJUSTMENT_COLUMNS,
  ADJUSTMENT_KINDS,
  AGGREGATES,
  type ColumnDef,
  GROUPS,
  INDICATOR_COLUMNS,
  INDICATOR_TYPES,
  INFO_COLUMNS,
  type InfoKey,
  INFO_KEYS,
  ISO_PHASES,
  ITEM_COLUMNS,
  RULE_ENTRIES,
  RULES,
  SHEET_KEYS,
  YES_NO,
} from './vocab.ts';

type Value = string | number | null;
type Style = Partial<ExcelJS.Style>;

// Style objects are built once and shared by every cell (exceljs caches styles by identity).
const FONT_NAME = 'Times New Roman';
const FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 12 };
const FONT_BOLD: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 12, bold: true };
const FONT_TITLE: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 14, bold: true };
const TOP_WRAP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFA6A6A6' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

const S_HEADER: Style = {
  font: FONT_BOLD,
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  fill: HEADER_FILL,
  border: BORDER,
};
const S_TEXT: Style = { font: FONT, alignment: TOP_WRAP, numFmt: '@', border: BORDER };
const S_TEXT_BOLD: Style = { font: FONT_BOLD, alignment: TOP_WRAP, numFmt: '@', border: BORDER };
const S_NUMBER: Style = { font: FONT, alignment: { vertical: 'top' }, border: BORDER };
const S_NUMBER_LEFT: Style = { font: FONT, alignment: { vertical: 'top', horizontal: 'left' }, border: BORDER };
const S_NUMBER_BOLD: Style = { font: FONT_BOLD, alignment: { vertical: 'top' }, border: BORDER };
const S_COL_TEXT: Style = { font: FONT, alignment: TOP_WRAP, numFmt: '@' };
const S_COL_NUMBER: Style = { font: FONT, alignment: { vertical: 'top' } };
const S_PLAIN: Style = { font: FONT, alignment: TOP_WRAP };
const S_TITLE: Style = { font: FONT_TITLE, alignment: { vertical: 'middle' } };

/** Rows below the data that keep the drop-down lists, so that a province can add items. */
const SPARE_ROWS = 300;

/**
 * Text as stored in the file. XML cannot keep a carriage return or control characters, so they are
 * written with the spreadsheet escape _xHHHH_ (which Excel and exceljs decode), and a literal
 * "_xHHHH_" in the text is protected as "_x005F_xHHHH_". Bidi overrides and the control
 * characters text-safety refuses are left out.
 */
export function encodeCellText(s: string): string {
  // Bidi overrides/isolates and control characters never reach a cell (shared/util/text-safety.ts).
  const protectedText = stripUnsafe(s).replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
  let out = '';
  for (const ch of protectedText) {
    const c = ch.charCodeAt(0);
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f;
    out += control ? `_x${c.toString(16).toUpperCase().padStart(4, '0')}_` : ch;
  }
  return out;
}

/** The one way a value reaches a cell: strings and numbers only, never an object. */
function put(cell: ExcelJS.Cell, value: Value, style: Style): void {
  cell.value = value === null || value === '' ? null : typeof value === 'string' ? encodeCellText(value) : value;
  cell.style = style;
}

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** A drop-down list that suggests the words but accepts anything (the importer checks). */
function dropDown(ws: ExcelJS.Worksheet, col: number, lastRow: number, words: readonly string[]): void {
  const list = words.filter((w) => !/[,"]/.test(w));
  const formula = `"${list.join(',')}"`;
  if (list.length === 0 || formula.length > 255) return;
  const letter = columnLetter(col);
  // exceljs 4.4 implements worksheet.dataValidations but does not declare it.
  const dv = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  dv.add(`${letter}2:${letter}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: false,
  });
}

function setupSheet<F extends string>(wb: ExcelJS.Workbook, name: string, cols: readonly ColumnDef<F>[], lang: Lang): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }],
    properties: { defaultRowHeight: 18 },
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.style = c.text ? S_COL_TEXT : S_COL_NUMBER;
    put(ws.getCell(1, i + 1), t(lang, c.header), S_HEADER);
  });
  ws.getRow(1).height = 32;
  return ws;
}

function colIndex<F extends string>(cols: readonly ColumnDef<F>[], field: F): number {
  return cols.findIndex((c) => c.field === field) + 1;
}

function writeRow<F extends string>(ws: ExcelJS.Worksheet, r: number, cols: readonly ColumnDef<F>[], values: Partial<Record<F, Value>>, bold = false): void {
  cols.forEach((c, i) => {
    const v = values[c.field] ?? null;
    const style = typeof v === 'number' ? (bold ? S_NUMBER_BOLD : S_NUMBER) : bold ? S_TEXT_BOLD : S_TEXT;
    put(ws.getCell(r, i + 1), v, style);
  });
}

/** Depth of each item in the tree (roots are 1), robust to missing parents and cycles. */
export function itemLevels(items: readonly TemplateItem[]): Map<string, number> {
  const byCode = new Map<string, TemplateItem>();
  for (const it of items) if (!byCode.has(it.code)) byCode.set(it.code, it);
  const out = new Map<string, number>();
  const level = (code: string): number => {
    const known = out.get(code);
    if (known !== undefined) return known;
    const chain: string[] = [];
    const seen = new Set<string>();
    let cur = byCode.get(code);
    let base = 0;
    while (cur && !seen.has(cur.code)) {
      const k = out.get(cur.code);
      if (k !== undefined) {
        base = k;
        break;
      }
      seen.add(cur.code);
      chain.push(cur.code);
      cur = cur.parent === null ? undefined : byCode.get(cur.parent);
    }
    for (let i = chain.length - 1; i >= 0; i--) out.set(chain[i] as string, base + (chain.length - i));
    return out.get(code) ?? 1;
  };
  for (const it of items) level(it.code);
  return out;
}

function yesNo(b: boolean, lang: Lang): string {
  return YES_NO.word(b ? 'yes' : 'no', lang);
}

function writeInfo(wb: ExcelJS.Workbook, tpl: Template, lang: Lang): void {
  const ws = setupSheet(wb, t(lang, SHEET_KEYS.info), INFO_COLUMNS, lang);
  const rows: [InfoKey, Value][] = [
    ['id', tpl.id],
    ['version', tpl.version],
    ['titleVi', tpl.title.vi],
    ['titleEn', tpl.title.en ?? null],
    ['decisionNo', tpl.legalBasis.decisionNo],
    ['date', formatDate(lang, tpl.legalBasis.date)],
    ['issuer', tpl.legalBasis.issuer],
    ['sample', yesNo(tpl.sample, lang)],
    ['appliesTo', tpl.appliesTo.map((g) => GROUPS.word(g, lang)).join('; ')],
    ['maxPoints', tpl.maxPoints],
    ['bonusCap', tpl.bonus.cap],
    ['penaltyCap', tpl.penalty.cap],
  ];
  const sources = tpl.sources.length ? tpl.sources : [null];
  for (const s of sources) rows.push(['source', s]);
  rows.forEach(([key, value], i) => {
    put(ws.getCell(i + 2, 1), INFO_KEYS.word(key, lang), S_TEXT_BOLD);
    put(ws.getCell(i + 2, 2), value, typeof value === 'number' ? S_NUMBER_LEFT : S_TEXT);
  });
}

function writeItems(wb: ExcelJS.Workbook, tpl: Template, lang: Lang): void {
  const cols = ITEM_COLUMNS;
  const ws = setupSheet(wb, t(lang, SHEET_KEYS.items), cols, lang);
  const levels = itemLevels(tpl.items);
  const hasChildren = new Set(tpl.items.map((i) => i.parent).filter((p): p is string => p !== null));
  const none = t(lang, 'xlsx.word.none');
  tpl.items.forEach((it, i) => {
    const level = levels.get(it.code) ?? 1;
    writeRow(
      ws,
      i + 2,
      cols,
      {
        code: it.code,
        parent: it.parent,
        level,
        titleVi: it.title.vi,
        titleEn: it.title.en ?? null,
        max: it.max,
        rule: it.rule ? RULES.word(it.rule.type, lang) : null,
        params: it.rule ? formatRuleParams(it.rule, lang) : null,
        na: yesNo(it.notApplicableAllowed, lang),
        survey: yesNo(it.survey, lang),
        guideVi: it.scoringGuide?.vi ?? null,
        guideEn: it.scoringGuide?.en ?? null,
        evidenceVi: it.evidenceHint?.vi ?? null,
        evidenceEn: it.evidenceHint?.en ?? null,
        isoClauses: it.isoClauses === undefined ? null : it.isoClauses.length ? it.isoClauses.join('; ') : none,
        isoPhase: it.isoPhase === undefined ? null : ISO_PHASES.word(it.isoPhase, lang),
      },
      level === 1 && hasChildren.has(it.code),
    );
  });
  const last = tpl.items.length + 1 + SPARE_ROWS;
  dropDown(ws, colIndex(cols, 'rule'), last, RULES.values.map((r) => RULES.word(r, lang)));
  const yn = [yesNo(true, lang), yesNo(false, lang)];
  dropDown(ws, colIndex(cols, 'na'), last, yn);
  dropDown(ws, colIndex(cols, 'survey'), last, yn);
  dropDown(ws, colIndex(cols, 'isoPhase'), last, ISO_PHASES.values.map((p) => ISO_PHASES.word(p, lang)));
}

function writeIndicators(wb: ExcelJS.Workbook, tpl: Template, lang: Lang): void {
  const cols = INDICATOR_COLUMNS;
  const ws = setupSheet(wb, t(lang, SHEET_KEYS.indicators), cols, lang);
  tpl.indicators.forEach((ind, i) => {
    writeRow(ws, i + 2, cols, {
      code: ind.code,
      titleVi: ind.title.vi,
      titleEn: ind.title.en ?? null,
      type: INDICATOR_TYPES.word(ind.type, lang),
      unit: ind.unit ?? null,
      aggregate: AGGREGATES.word(ind.aggregate, lang),
      min: ind.min ?? null,
      max: ind.max ?? null,
      item: ind.item ?? null,
      itemTemplate: ind.itemTemplate ?? null,
    });
  });
  const last = tpl.indicators.length + 1 + SPARE_ROWS;
  dropDown(ws, colIndex(cols, 'type'), last, INDICATOR_TYPES.values.map((v) => INDICATOR_TYPES.word(v, lang)));
  dropDown(ws, colIndex(cols, 'aggregate'), last, AGGREGATES.values.map((v) => AGGREGATES.word(v, lang)));
}

function writeAdjustments(wb: ExcelJS.Workbook, tpl: Template, lang: Lang): void {
  const cols = ADJUSTMENT_COLUMNS;
  const ws = setupSheet(wb, t(lang, SHEET_KEYS.adjustments), cols, lang);
  let r = 2;
  for (const kind of ['bonus', 'penalty'] as const) {
    for (const a of tpl[kind].items) {
      writeRow(ws, r++, cols, {
        kind: ADJUSTMENT_KINDS.word(kind, lang),
        code: a.code,
        titleVi: a.title.vi,
        titleEn: a.title.en ?? null,
        max: a.max,
      });
    }
  }
  dropDown(ws, colIndex(cols, 'kind'), r + SPARE_ROWS, ADJUSTMENT_KINDS.values.map((v) => ADJUSTMENT_KINDS.word(v, lang)));
}

/** Rough row height (points) for wrapped text in a column `width` characters wide. */
function heightFor(text: string, width: number): number {
  const lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil((l.length * 1.1) / width)), 0);
  return Math.max(18, lines * 16);
}

function writeGuide(wb: ExcelJS.Workbook, lang: Lang): void {
  const ws = wb.addWorksheet(t(lang, SHEET_KEYS.guide), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths = [24, 40, 60, 40];
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    col.style = S_PLAIN;
  });
  const total = widths.reduce((a, b) => a + b, 0);
  let r = 1;
  const paragraph = (key: MessageKey, style: Style = S_PLAIN) => {
    const text = t(lang, key);
    ws.mergeCells(r, 1, r, widths.length);
    put(ws.getCell(r, 1), text, style);
    ws.getRow(r).height = style === S_TITLE ? 24 : heightFor(text, total);
    r++;
  };
  paragraph('xlsx.guide.title', S_TITLE);
  for (const key of [
    'xlsx.guide.intro',
    'xlsx.guide.info',
    'xlsx.guide.items',
    'xlsx.guide.numbers',
    'xlsx.guide.flags',
    'xlsx.guide.indicators',
    'xlsx.guide.adjustments',
  ] as const) {
    paragraph(key);
  }
  r++;
  paragraph('xlsx.guide.rules', { font: FONT_BOLD, alignment: TOP_WRAP });
  const header: MessageKey[] = ['xlsx.guide.col.rule', 'xlsx.guide.col.meaning', 'xlsx.guide.col.syntax', 'xlsx.guide.col.example'];
  header.forEach((k, i) => put(ws.getCell(r, i + 1), t(lang, k), S_HEADER));
  r++;
  for (const e of RULE_ENTRIES) {
    const cells: string[] = [
      `${t(lang, e.key)}\n(${e.value})`,
      t(lang, `xlsx.guide.rule.${e.value}.meaning`),
      t(lang, `xlsx.guide.rule.${e.value}.syntax`),
      t(lang, `xlsx.guide.rule.${e.value}.example`),
    ];
    cells.forEach((c, i) => put(ws.getCell(r, i + 1), c, S_TEXT));
    ws.getRow(r).height = Math.max(...cells.map((c, i) => heightFor(c, widths[i] ?? 40)));
    r++;
  }
}

/** Builds the workbook in memory (templates are small: a few hundred rows). */
export function buildTemplateWorkbook(tpl: Template, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ParScore';
  wb.title = tpl.title.vi;
  wb.created = new Date();
  writeInfo(wb, tpl, lang);
  writeItems(wb, tpl, lang);
  writeIndicators(wb, tpl, lang);
  writeAdjustments(wb, tpl, lang);
  writeGuide(wb, lang);
  return wb;
}
