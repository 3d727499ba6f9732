/**
 * The campaign's commendation rules as a sheet: a sheet "Tập thể" and a sheet "Cá nhân", one row
 * per rule in the rules' order (highest award first), one column per parameter, and a guide sheet.
 * `writeRulesForm` writes given rules in this layout and `readRulesXlsx` reads them back exactly.
 * Cell problems (a word or number that cannot be read) are reported here; the rules read are then
 * checked like a JSON rules file (shared/awards/rules.ts), placed by sheet, row and column.
 */
import type ExcelJS from 'exceljs';
import { type RuleKind, RULE_KINDS, type RulesContext, checkRules } from '../../../shared/awards/rules.ts';
import { type Lang, LANGS, type MessageKey, t } from '../../../shared/i18n/index.ts';
import type { CollectiveAwardRule, CommendationRules, IndividualAwardRule } from '../../../shared/schema/awards.ts';
import type { AgencyGroup } from '../../../shared/schema/common.ts';
import { RATINGS, type Rating } from '../../../shared/schema/nomination.ts';
import { type Issue, type IssueLocation, type IssueParams, type Result, fail } from '../../../shared/util/issue.ts';
import { columnLetter, fold, parseNumberText } from '../template-xlsx/text.ts';
import { YES_NO, vocab } from '../template-xlsx/vocab.ts';
import {
  type CellAt,
  cellAt,
  cellText,
  Collector,
  type ColumnSpec,
  type FormColumn,
  GuideWriter,
  guarded,
  HEADER_SEARCH_ROWS,
  type HeaderScan,
  HeaderWords,
  isRowEmpty,
  loadWorkbook,
  newWorkbook,
  put,
  quote,
  reportDuplicateHeaders,
  S_NUMBER,
  S_TEXT,
  S_TITLE,
  scanRow,
  setupForm,
  SPARE_ROWS,
  validate,
  workbookBuffer,
} from './common.ts';

/** How a column's cells are read and written. */
type CellKind = 'text' | 'level' | 'bands' | 'integer' | 'number' | 'boolean' | 'ratings';

interface Column {
  /** Path of the parameter in the rule ("topN.department"); "no" is the STT column, not read. */
  field: string;
  header: MessageKey;
  aliases?: MessageKey;
  kind: CellKind;
  width: number;
  required?: boolean;
  /** Explanation in the guide sheet. */
  guide: MessageKey;
}

const GROUPS: readonly AgencyGroup[] = ['department', 'district', 'commune'];
const NO: Column = { field: 'no', header: 'ximport.col.no', kind: 'integer', width: 6, guide: 'awards.sheet.guide.no' };

const common = (topField: 'topN' | 'agencyTopN', bandsField: 'bands' | 'agencyBands'): { head: Column[]; bands: Column; topN: Column[]; tail: Column[] } => ({
  head: [
    NO,
    { field: 'id', header: 'awards.sheet.col.id', aliases: 'awards.sheet.col.id.aliases', kind: 'text', width: 14, required: true, guide: 'awards.sheet.guide.id' },
    { field: 'award.vi', header: 'awards.sheet.col.award', kind: 'text', width: 34, required: true, guide: 'awards.sheet.guide.award' },
    { field: 'award.en', header: 'awards.sheet.col.award_en', kind: 'text', width: 30, guide: 'awards.sheet.guide.award_en' },
    { field: 'level', header: 'awards.sheet.col.level', kind: 'level', width: 12, required: true, guide: 'awards.sheet.guide.level' },
  ],
  bands: { field: bandsField, header: `awards.sheet.col.${bandsField}`, kind: 'bands', width: 14, required: true, guide: `awards.sheet.guide.${bandsField}` },
  topN: GROUPS.map((g): Column => ({ field: `${topField}.${g}`, header: `awards.sheet.col.${topField}.${g}`, kind: 'integer', width: 14, guide: `awards.sheet.guide.${topField}` })),
  tail: [
    { field: 'cumulative', header: 'awards.sheet.col.cumulative', kind: 'boolean', width: 14, guide: 'awards.sheet.guide.cumulative' },
    { field: 'certificateWording.vi', header: 'awards.sheet.col.wording', kind: 'text', width: 44, required: true, guide: 'awards.sheet.guide.wording' },
    { field: 'certificateWording.en', header: 'awards.sheet.col.wording_en', kind: 'text', width: 40, guide: 'awards.sheet.guide.wording_en' },
  ],
});

const C = common('topN', 'bands');
const I = common('agencyTopN', 'agencyBands');
const COLUMNS: Record<RuleKind, readonly Column[]> = {
  collectives: [
    ...C.head,
    C.bands,
    ...C.topN,
    { field: 'minIndex', header: 'awards.sheet.col.minIndex', kind: 'number', width: 12, guide: 'awards.sheet.guide.minIndex' },
    { field: 'noPenalty', header: 'awards.sheet.col.noPenalty', kind: 'boolean', width: 12, guide: 'awards.sheet.guide.noPenalty' },
    { field: 'consecutiveYears', header: 'awards.sheet.col.consecutiveYears', kind: 'integer', width: 12, guide: 'awards.sheet.guide.consecutiveYears' },
    { field: 'requireNomination', header: 'awards.sheet.col.requireNomination', kind: 'boolean', width: 14, guide: 'awards.sheet.guide.requireNomination' },
    ...C.tail,
  ],
  individuals: [
    ...I.head,
    I.bands,
    ...I.topN,
    { field: 'ratingThisYear', header: 'awards.sheet.col.ratingThisYear', kind: 'ratings', width: 30, required: true, guide: 'awards.sheet.guide.ratingThisYear' },
    { field: 'ratingLastYear', header: 'awards.sheet.col.ratingLastYear', kind: 'ratings', width: 30, guide: 'awards.sheet.guide.ratingLastYear' },
    { field: 'noDiscipline', header: 'awards.sheet.col.noDiscipline', kind: 'boolean', width: 12, guide: 'awards.sheet.guide.noDiscipline' },
    { field: 'minInitiatives', header: 'awards.sheet.col.minInitiatives', kind: 'integer', width: 12, guide: 'awards.sheet.guide.minInitiatives' },
    { field: 'capPerAgency', header: 'awards.sheet.col.capPerAgency', kind: 'integer', width: 12, required: true, guide: 'awards.sheet.guide.capPerAgency' },
    ...I.tail,
  ],
};

const SHEET_KEYS: Record<RuleKind, MessageKey> = { collectives: 'awards.sheet.collectives', individuals: 'awards.sheet.individuals' };
const TITLE_KEYS: Record<RuleKind, MessageKey> = { collectives: 'awards.sheet.title.collectives', individuals: 'awards.sheet.title.individuals' };

const HEADERS: Record<RuleKind, HeaderWords<string>> = {
  collectives: new HeaderWords(COLUMNS.collectives.map((c): ColumnSpec<string> => (c.aliases ? { field: c.field, header: c.header, aliases: c.aliases } : { field: c.field, header: c.header }))),
  individuals: new HeaderWords(COLUMNS.individuals.map((c): ColumnSpec<string> => (c.aliases ? { field: c.field, header: c.header, aliases: c.aliases } : { field: c.field, header: c.header }))),
};

const LEVELS = vocab<CollectiveAwardRule['level']>(
  (['province', 'department', 'district', 'commune'] as const).map((v) => ({ value: v, key: `awards.level.${v}` as MessageKey, aliases: `awards.sheet.level.${v}.aliases` as MessageKey })),
);
const RATING_WORDS = vocab<Rating>(RATINGS.map((r) => ({ value: r, key: `awards.rating.${r}` as MessageKey, aliases: `awards.sheet.rating.${r}.aliases` as MessageKey })));

/** Lists in a cell: "A, B", "Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ" or one per line. */
const splitList = (s: string): string[] =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────

/** One sheet's table as found: its header row scan and, per rule read, its row. */
interface Table {
  kind: RuleKind;
  scan: HeaderScan<string>;
  rows: number[];
}

function findSheet(wb: ExcelJS.Workbook, kind: RuleKind): ExcelJS.Worksheet | undefined {
  const names = new Set(LANGS.map((l) => fold(t(l, SHEET_KEYS[kind]))));
  return wb.worksheets.find((ws) => names.has(fold(ws.name)));
}

/** The header row: the top row that names the most columns of the kind. */
function findHeader(ws: ExcelJS.Worksheet, kind: RuleKind): HeaderScan<string> {
  let best = scanRow(ws, 1, HEADERS[kind]);
  const last = Math.min(HEADER_SEARCH_ROWS, Math.max(ws.rowCount, 1));
  for (let r = 2; r <= last; r++) {
    const s = scanRow(ws, r, HEADERS[kind]);
    if (s.cols.size > best.cols.size) best = s;
  }
  return best;
}

/**
 * Reads the rules of a workbook laid out as `writeRulesForm` writes it (headers in either language,
 * in any column order; words with or without diacritics). Every problem is reported with its sheet,
 * row, column, rule and field; a workbook with any problem gives no rules at all.
 */
export async function readRulesXlsx(data: Buffer | ArrayBuffer, file: string, ctx: RulesContext): Promise<Result<CommendationRules>> {
  const wb = await loadWorkbook(data, file, 'award-rules');
  if (!wb.ok) return wb;
  return guarded(file, () => readRulesBook(wb.value, file, ctx));
}

function readRulesBook(wb: ExcelJS.Workbook, file: string, ctx: RulesContext): Result<CommendationRules> {
  const c = new Collector(file);
  const tables: Table[] = [];
  for (const kind of RULE_KINDS) {
    const ws = findSheet(wb, kind);
    if (!ws) {
      c.add('awards.sheet.missing', {}, { sheet: t('vi', SHEET_KEYS[kind]), en: t('en', SHEET_KEYS[kind]) });
      continue;
    }
    const scan = findHeader(ws, kind);
    const sheet = ws.name;
    if (scan.cols.size === 0) {
      c.add('awards.sheet.no_header', { sheet }, { headers: COLUMNS[kind].filter((x) => x.required).map((x) => t('vi', x.header)).join('; ') });
      continue;
    }
    reportDuplicateHeaders(scan, c);
    for (const o of scan.others) c.add('awards.sheet.unknown_column', { sheet, row: scan.row, column: columnLetter(o.col) }, { header: quote(o.text) });
    for (const col of COLUMNS[kind]) {
      if (col.required && !scan.cols.has(col.field)) c.add('ximport.header.missing', { sheet, row: scan.row }, { header: t(scan.lang, col.header) });
    }
    tables.push({ kind, scan, rows: [] });
  }
  if (c.count > 0) return fail(c.result());

  // Each row becomes a rule object as a JSON rules file would hold it; cells that cannot be read are
  // reported here and left out (and not reported again by the checks).
  const doc: Record<RuleKind, Record<string, unknown>[]> = { collectives: [], individuals: [] };
  const unreadable = new Set<string>();
  const byKind = new Map<RuleKind, Table>();
  for (const table of tables) {
    byKind.set(table.kind, table);
    const { ws, lang } = table.scan;
    // A row with only its STT filled in is an empty row.
    const mapped = [...table.scan.cols].filter(([field]) => field !== 'no').map(([, n]) => n);
    for (let r = table.scan.row + 1; r <= ws.rowCount; r++) {
      if (isRowEmpty(ws, r, mapped)) continue;
      const index = doc[table.kind].length;
      const rule: Record<string, unknown> = {};
      doc[table.kind].push(rule);
      table.rows.push(r);
      const idCol = table.scan.cols.get('id');
      const idText = idCol === undefined ? undefined : cellText(cellAt(ws, r, idCol).read);
      const ruleId = idText?.kind === 'text' ? idText.text : undefined;
      for (const col of COLUMNS[table.kind]) {
        const n = table.scan.cols.get(col.field);
        if (n === undefined || col.field === 'no') continue;
        const at: Omit<IssueLocation, 'file'> = { sheet: ws.name, row: r, column: columnLetter(n), field: t(lang, col.header) };
        if (ruleId !== undefined) at.rule = ruleId;
        const got = readCellAs(cellAt(ws, r, n), col.kind, lang);
        if (got.kind === 'empty') continue;
        if (got.kind === 'bad') {
          c.add(got.code, at, got.params);
          unreadable.add(`${table.kind}|${index}|${col.field}`);
          continue;
        }
        setPath(rule, col.field.split('.'), got.value);
      }
    }
  }

  const locateAt = (path: readonly PropertyKey[]): IssueLocation => {
    const [kind, index, ...rest] = path;
    const table = typeof kind === 'string' ? byKind.get(kind as RuleKind) : undefined;
    if (!table) return { file };
    const at: IssueLocation = { file, sheet: table.scan.ws.name };
    if (typeof index !== 'number') return at;
    at.row = table.rows[index]!;
    const id = doc[table.kind][index]?.id;
    if (typeof id === 'string' && id !== '') at.rule = id;
    const field = columnOf(table.kind, rest);
    if (field !== undefined) {
      const n = table.scan.cols.get(field.field);
      if (n !== undefined) at.column = columnLetter(n);
      at.field = t(table.scan.lang, field.header);
    }
    return at;
  };
  const skip = (path: readonly PropertyKey[]): boolean => {
    const [kind, index, ...rest] = path;
    const field = columnOf(kind as RuleKind, rest);
    return field !== undefined && unreadable.has(`${String(kind)}|${String(index)}|${field.field}`);
  };
  const place = (kind: RuleKind, index: number): string => {
    const table = byKind.get(kind);
    return table ? `${table.scan.ws.name}, ${t(table.scan.lang, 'loc.row', { v: String(table.rows[index] ?? '?') })}` : `${kind}[${index}]`;
  };
  const checked = checkRules(doc, ctx, { at: locateAt, place }, skip);
  if (c.count === 0) return checked;
  // Cell problems and rule problems together, in reading order: sheet, row, column.
  const sheetOrder = (i: Issue) => (i.at?.sheet === undefined ? 9 : tables.findIndex((x) => x.scan.ws.name === i.at?.sheet));
  const columnOrder = (i: Issue) => [...(i.at?.column ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const all = [...c.result(), ...(checked.ok ? [] : checked.error)];
  return fail(all.sort((a, b) => sheetOrder(a) - sheetOrder(b) || (a.at?.row ?? Infinity) - (b.at?.row ?? Infinity) || columnOrder(a) - columnOrder(b)));
}

/** The column a path inside a rule belongs to ("award" → the Vietnamese award column, "topN.commune" …). */
function columnOf(kind: RuleKind, rest: readonly PropertyKey[]): Column | undefined {
  const cols = COLUMNS[kind];
  if (!cols) return undefined;
  const [a, b] = rest;
  if (typeof a !== 'string') return undefined;
  const nested = typeof b === 'string' ? cols.find((c) => c.field === `${a}.${b}`) : undefined;
  return nested ?? cols.find((c) => c.field === a) ?? cols.find((c) => c.field === `${a}.vi`);
}

function setPath(obj: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    obj[head] = value;
    return;
  }
  const inner = (obj[head] ??= {}) as Record<string, unknown>;
  setPath(inner, rest, value);
}

type Read = { kind: 'empty' } | { kind: 'value'; value: unknown } | { kind: 'bad'; code: string; params?: IssueParams };

function readNumber(cell: CellAt): Read {
  const r = cell.read;
  if (r.kind === 'number') {
    // A cell formatted as a percentage holds 0.92 for 92%.
    const v = cell.numFmt.includes('%') ? Math.round(r.value * 100 * 1e9) / 1e9 : r.value;
    return { kind: 'value', value: v };
  }
  const text = cellText(r);
  if (text.kind !== 'text') return text.kind === 'bad' ? text : { kind: 'empty' };
  const n = parseNumberText(text.text.replace(/%$/, ''));
  return n === null ? { kind: 'bad', code: 'awards.sheet.not_a_number', params: { value: quote(text.text) } } : { kind: 'value', value: n };
}

function readCellAs(cell: CellAt, kind: CellKind, lang: Lang): Read {
  if (kind === 'integer' || kind === 'number') return readNumber(cell);
  if (kind === 'boolean' && cell.read.kind === 'boolean') return { kind: 'value', value: cell.read.value };
  const text = cellText(cell.read);
  if (text.kind === 'empty') return text;
  if (text.kind === 'bad') return text;
  const s = text.text;
  switch (kind) {
    case 'text':
      return { kind: 'value', value: s };
    case 'bands':
      return { kind: 'value', value: splitList(s) };
    case 'level': {
      const v = LEVELS.read(s);
      return v ? { kind: 'value', value: v } : { kind: 'bad', code: 'awards.sheet.unknown_level', params: { value: quote(s), allowed: LEVELS.values.map((x) => LEVELS.word(x, lang)).join('; ') } };
    }
    case 'boolean': {
      const v = YES_NO.read(s);
      return v ? { kind: 'value', value: v === 'yes' } : { kind: 'bad', code: 'awards.sheet.not_yes_no', params: { value: quote(s), yes: YES_NO.word('yes', lang), no: YES_NO.word('no', lang) } };
    }
    case 'ratings': {
      const out: Rating[] = [];
      for (const w of splitList(s)) {
        const v = RATING_WORDS.read(w);
        if (!v) return { kind: 'bad', code: 'awards.sheet.unknown_rating', params: { value: quote(w), allowed: RATINGS.map((x) => RATING_WORDS.word(x, lang)).join('; ') } };
        out.push(v);
      }
      return { kind: 'value', value: out };
    }
  }
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────

type AnyRule = CollectiveAwardRule | IndividualAwardRule;

function getPath(rule: AnyRule, field: string): unknown {
  let v: unknown = rule;
  for (const p of field.split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

function cellValue(v: unknown, kind: CellKind, lang: Lang): string | number | null {
  if (v === undefined || v === null) return null;
  switch (kind) {
    case 'integer':
    case 'number':
      return typeof v === 'number' ? v : null;
    case 'boolean':
      return YES_NO.word(v === true ? 'yes' : 'no', lang);
    case 'level':
      return LEVELS.word(v as CollectiveAwardRule['level'], lang);
    case 'bands':
      return (v as string[]).join(', ');
    case 'ratings':
      return (v as Rating[]).map((r) => RATING_WORDS.word(r, lang)).join('; ');
    case 'text':
      return String(v);
  }
}

/**
 * The rules form: the given rules (the campaign's, or the defaults) on "Tập thể" and "Cá nhân",
 * drop-down lists for the levels and yes/no columns, and a guide sheet explaining every column.
 */
export async function writeRulesForm(lang: Lang, rules: CommendationRules, bands: readonly { code: string; label: { vi: string; en?: string | undefined } }[]): Promise<Buffer> {
  const wb = newWorkbook(t(lang, 'awards.sheet.title'));
  for (const kind of RULE_KINDS) {
    const cols = COLUMNS[kind];
    const form: FormColumn[] = cols.map((c) => ({ header: t(lang, c.header), width: c.width, text: c.kind !== 'integer' && c.kind !== 'number' }));
    const { ws, first } = setupForm(wb, t(lang, SHEET_KEYS[kind]), t(lang, TITLE_KEYS[kind]), form);
    const list: readonly AnyRule[] = rules[kind];
    list.forEach((rule, i) => {
      const r = first + i;
      cols.forEach((c, j) => {
        const v = c.field === 'no' ? i + 1 : cellValue(getPath(rule, c.field), c.kind, lang);
        put(ws.getCell(r, j + 1), v, typeof v === 'number' ? S_NUMBER : S_TEXT);
      });
    });
    const last = first + list.length + SPARE_ROWS;
    cols.forEach((c, j) => {
      const letter = columnLetter(j + 1);
      const words = c.kind === 'boolean' ? [YES_NO.word('yes', lang), YES_NO.word('no', lang)] : c.kind === 'level' ? LEVELS.values.map((v) => LEVELS.word(v, lang)) : null;
      if (words) validate(ws, `${letter}${first}:${letter}${last}`, { type: 'list', allowBlank: true, formulae: [`"${words.join(',')}"`], showErrorMessage: false });
    });
  }

  const guide = new GuideWriter(wb, lang, [34, 80]);
  guide.paragraph(t(lang, 'awards.sheet.guide.title'), S_TITLE);
  guide.paragraph(t(lang, 'awards.sheet.guide.general'));
  guide.paragraph(t(lang, 'awards.sheet.guide.order'));
  for (const kind of RULE_KINDS) {
    guide.skip();
    guide.paragraph(t(lang, SHEET_KEYS[kind]), S_TITLE);
    guide.table(
      [t(lang, 'ximport.guide.col.column'), t(lang, 'ximport.guide.col.meaning')],
      COLUMNS[kind].map((c) => [t(lang, c.header), t(lang, c.guide)]),
    );
  }
  guide.skip();
  guide.table(
    [t(lang, 'awards.sheet.guide.words'), t(lang, 'ximport.guide.col.meaning')],
    [
      [t(lang, 'awards.sheet.col.bands'), bands.map((b) => `${b.code}: ${lang === 'en' && b.label.en ? b.label.en : b.label.vi}`).join('; ')],
      [t(lang, 'awards.sheet.col.level'), LEVELS.values.map((v) => LEVELS.word(v, lang)).join('; ')],
      [t(lang, 'awards.sheet.col.ratingThisYear'), RATINGS.map((r) => RATING_WORDS.word(r, lang)).join('; ')],
      [t(lang, 'awards.sheet.guide.yes_no'), `${YES_NO.word('yes', lang)}; ${YES_NO.word('no', lang)}`],
    ],
  );
  return workbookBuffer(wb);
}
