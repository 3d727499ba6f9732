/**
 * Reads the self-assessment workbook back: the complete new assessment (every template's items,
 * evidence references, declared figures, bonus/penalty) and nominations are built from the sheets
 * and checked by the pure engine (scoring, figure checks, zod); they are written in one store
 * transaction only when no row is refused. Every refusal names the file, sheet, row, column and
 * reason. Evidence files cannot travel in a workbook: a row keeps the file of the existing reference
 * with the same document number, or is a reference without a file.
 */
import type ExcelJS from 'exceljs';
import {
  type AdjustmentEntry,
  type Assessment,
  CollectiveNomination,
  EvidenceRef,
  type IndicatorValue,
  IndividualNomination,
  type ItemEntry,
  type ItemInput,
  type Nomination,
  type TemplateItem,
} from '../../../shared/schema/index.ts';
import { checkFigure, parseFigureText, parseNumberText } from '../../../shared/indicators/validate.ts';
import { scoreAssessment, scoreItemInput, setAdjustment } from '../../../shared/scoring/assessment.ts';
import { round2 } from '../../../shared/scoring/rounding.ts';
import { type Lang, t } from '../../../shared/i18n/index.ts';
import { type Issue, IssueError, type IssueParams, type Result, fail, ok } from '../../../shared/util/issue.ts';
import { zodReason } from '../../../shared/util/reason.ts';
import { timestamp } from '../cycle/common.ts';
import { NOMINATIONS_KIND } from '../store/cycle-docs.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { implausibleDate } from '../../../shared/schema/plausible-dates.ts';
import { firstUnsafeChar } from '../../../shared/util/text-safety.ts';
import { readDate } from '../template-xlsx/read.ts';
import { columnLetter, fold } from '../template-xlsx/text.ts';
import { type CellAt, cellAt, cellText, Collector, guarded, loadWorkbook, quote, rowParam } from '../xlsx-import/common.ts';
import { checkAfterLoad } from '../xlsx-import/limits.ts';
import { type Column, FIRST_ROW, GUIDE_IDENTITY_ROW, HEADER_ROW, headerMatches, identityKeyOf, ITEM_COLUMNS, readWord, SHEET_COLUMNS, SHEET_KINDS, type SheetKind, sheetKindOf, sheetName } from './layout.ts';
import { type Scope, type ScopeTemplate, scopeOf } from './scope.ts';
import { selfEntryLock } from '../entry/read-only.ts';

export interface SelfWorkbookSummary {
  agency: string;
  templates: number;
  items: number;
  evidence: number;
  figures: number;
  nominations: number;
}

/** One sheet being read: its columns by field, and the place of a cell for messages. */
class SheetReader {
  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly cols: readonly Column[],
    private readonly c: Collector,
    readonly lang: Lang,
  ) {}

  col(field: string): number {
    return this.cols.findIndex((x) => x.field === field) + 1;
  }

  at(row: number, field?: string, item?: string): { sheet: string; row: number; column?: string; item?: string } {
    const out: { sheet: string; row: number; column?: string; item?: string } = { sheet: this.ws.name, row };
    if (field !== undefined) out.column = columnLetter(this.col(field));
    if (item !== undefined) out.item = item;
    return out;
  }

  add(code: string, row: number, field?: string, params?: IssueParams, item?: string): void {
    this.c.add(code, this.at(row, field, item), params);
  }

  /** True when the header row is the expected one; otherwise each changed header is reported. */
  headersOk(): boolean {
    let good = true;
    this.cols.forEach((col, i) => {
      const v = cellText(cellAt(this.ws, HEADER_ROW, i + 1).read);
      const got = v.kind === 'text' ? v.text : '';
      if (!headerMatches(col, got)) {
        good = false;
        this.c.add('sbook.header.changed', { sheet: this.ws.name, row: HEADER_ROW, column: columnLetter(i + 1) }, { expected: this.label(col), actual: got === '' ? '—' : quote(got) });
      }
    });
    return good;
  }

  label(col: Column): string {
    return t(this.lang, col.header);
  }

  cell(row: number, field: string): CellAt {
    return cellAt(this.ws, row, this.col(field));
  }

  /** Text of a cell (numbers as typed), the neutralising apostrophe of export removed; undefined if empty or bad (reported). */
  text(row: number, field: string, item?: string): string | undefined {
    const v = cellText(this.cell(row, field).read);
    if (v.kind === 'bad') {
      this.add(v.code, row, field, v.params, item);
      return undefined;
    }
    if (v.kind === 'empty') return undefined;
    // A bidi override or control character is refused (the import fails), naming the cell and the character.
    const unsafe = firstUnsafeChar(v.text);
    if (unsafe !== null) this.add('doc.unsafe_char', row, field, { char: unsafe }, item);
    return /^'[=+\-@]/.test(v.text) ? v.text.slice(1) : v.text;
  }

  /** A number (a number cell, or text such as 1,5); undefined if empty; null if not a number (reported). */
  number(row: number, field: string, item?: string): number | null | undefined {
    const { read, numFmt } = this.cell(row, field);
    if (read.kind === 'empty') return undefined;
    if (read.kind === 'number') return numFmt.includes('%') ? Number((read.value * 100).toPrecision(12)) : read.value;
    const s = this.text(row, field, item);
    if (s === undefined) return null;
    const n = parseNumberText(s.replace(/%$/, ''), this.lang);
    if (n === null) this.add('sbook.cell.not_number', row, field, { value: quote(s) }, item);
    return n;
  }

  empty(row: number): boolean {
    for (let i = 1; i <= this.cols.length; i++) if (cellAt(this.ws, row, i).read.kind !== 'empty') return false;
    return true;
  }

  /** Data rows that are not empty. */
  *rows(): Generator<number> {
    for (let r = FIRST_ROW; r <= this.ws.rowCount; r++) if (!this.empty(r)) yield r;
  }
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((w) => fold(w.name) === fold(name));
}

// ── Items ───────────────────────────────────────────────────────────────────────────────────────

type InputRead = { input: ItemInput | null } | null;

/** The input the value (and denominator) cells give for a leaf; null after reporting a problem. */
function readInput(s: SheetReader, r: number, item: TemplateItem): InputRead {
  const code = item.code;
  const rawValue = s.cell(r, 'value').read;
  const rawDen = s.cell(r, 'denominator').read;
  if (rawValue.kind === 'empty' && rawDen.kind === 'empty') return { input: null };
  const rule = item.rule!;
  if (item.survey || rule.type === 'SURVEY') {
    s.add('sbook.item.survey_value', r, 'value', { code }, code);
    return null;
  }
  const asText = rawValue.kind === 'text' ? s.text(r, 'value', code) : undefined;
  if (asText !== undefined && readWord(asText, ['na']) === 'na') {
    if (!item.notApplicableAllowed) {
      s.add('sbook.item.na_not_allowed', r, 'value', { code }, code);
      return null;
    }
    return { input: { kind: 'notApplicable' } };
  }
  if (rule.type !== 'RATIO' && rule.type !== 'PERCENT_BANDS' && rawDen.kind !== 'empty') {
    s.add('sbook.item.denominator_unused', r, 'denominator', { code }, code);
    return null;
  }
  switch (rule.type) {
    case 'BINARY': {
      if (rawValue.kind === 'boolean') return { input: { kind: 'binary', value: rawValue.value ? 'yes' : 'no' } };
      const w = asText === undefined ? undefined : readWord(asText, ['yes', 'no']);
      if (!w) {
        s.add('sbook.item.not_yes_no', r, 'value', { code, value: quote(asText ?? String(rawValue.kind === 'number' ? rawValue.value : '')) }, code);
        return null;
      }
      return { input: { kind: 'binary', value: w } };
    }
    case 'PERCENT_BANDS':
    case 'RATIO': {
      const v = s.number(r, 'value', code);
      const d = rawDen.kind === 'empty' ? undefined : s.number(r, 'denominator', code);
      if (v === null || d === null) return null;
      if (rule.type === 'PERCENT_BANDS' && d === undefined) {
        if (v === undefined) return { input: null };
        return { input: { kind: 'percent', value: v } };
      }
      if (v === undefined || d === undefined) {
        s.add('sbook.item.ratio_needs_both', r, v === undefined ? 'value' : 'denominator', { code }, code);
        return null;
      }
      return { input: { kind: 'ratio', numerator: v, denominator: d } };
    }
    case 'COUNT_DEDUCT': {
      const v = s.number(r, 'value', code);
      if (v === null || v === undefined) return v === undefined ? { input: null } : null;
      if (!Number.isInteger(v) || v < 0) {
        s.add('sbook.item.not_count', r, 'value', { code, value: String(v) }, code);
        return null;
      }
      return { input: { kind: 'count', value: v } };
    }
    case 'MANUAL': {
      const v = s.number(r, 'value', code);
      if (v === null || v === undefined) return v === undefined ? { input: null } : null;
      return { input: { kind: 'manual', value: v } };
    }
    case 'FORMULA': {
      const names = rule.variables.map((x) => x.name);
      if (rawValue.kind === 'number' && names.length === 1) return { input: { kind: 'variables', values: { [names[0]!]: rawValue.value } } };
      const values: Record<string, number> = {};
      for (const part of (asText ?? '').split(/[;\n]+/).map((p) => p.trim()).filter((p) => p !== '')) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*(.+)$/.exec(part);
        const name = m ? names.find((n) => n.toLowerCase() === m[1]!.toLowerCase()) : undefined;
        const n = m ? parseNumberText(m[2]!, s.lang) : null;
        if (!m || name === undefined || n === null) {
          s.add('sbook.item.bad_variables', r, 'value', { code, value: quote(part), names: names.join(', ') }, code);
          return null;
        }
        values[name] = n;
      }
      return { input: { kind: 'variables', values } };
    }
  }
}

function readTemplateSheet(s: SheetReader, st: ScopeTemplate, c: Collector): Record<string, ItemEntry> {
  const items = new Map(st.template.items.map((i) => [fold(i.code), i]));
  const seen = new Map<string, number>();
  const out: Record<string, ItemEntry> = {};
  for (const r of s.rows()) {
    const codeText = s.text(r, 'code');
    if (codeText === undefined) {
      if (s.cell(r, 'code').read.kind === 'empty') s.add('sbook.item.code_required', r, 'code');
      continue;
    }
    const item = items.get(fold(codeText));
    if (!item) {
      s.add('sbook.item.unknown', r, 'code', { code: quote(codeText), template: st.template.id });
      continue;
    }
    const first = seen.get(item.code);
    if (first !== undefined) {
      s.add('sbook.item.duplicate', r, 'code', { code: item.code, first: rowParam(first) }, item.code);
      continue;
    }
    seen.set(item.code, r);
    const note = s.text(r, 'note', item.code);
    const explanation = s.text(r, 'explanation', item.code);
    if (!item.rule) {
      if (s.cell(r, 'value').read.kind !== 'empty' || s.cell(r, 'denominator').read.kind !== 'empty') s.add('sbook.item.parent_value', r, 'value', { code: item.code }, item.code);
      continue;
    }
    const read = readInput(s, r, item);
    if (read === null) continue;
    let selfScore: number | null = null;
    if (read.input) {
      const scored = scoreItemInput(st.ct, item.code, read.input);
      if (!scored.ok) {
        for (const e of scored.error) c.add(e.code, { ...s.at(r, 'value', item.code), template: st.template.id, ...(e.at?.field ? { field: e.at.field } : {}) }, e.params);
        continue;
      }
      selfScore = scored.value.score === null ? null : round2(scored.value.score);
    }
    const entry: ItemEntry = { selfScore, evidence: [] };
    if (read.input) entry.input = read.input;
    if (note !== undefined) entry.note = note;
    if (explanation !== undefined) entry.explanation = explanation;
    if (read.input || note !== undefined || explanation !== undefined) out[item.code] = entry;
  }
  for (const item of st.template.items) {
    if (item.rule && !seen.has(item.code)) c.add('sbook.item.missing', { sheet: s.ws.name, item: item.code, template: st.template.id }, { code: item.code });
  }
  return out;
}

// ── Evidence ────────────────────────────────────────────────────────────────────────────────────

function readEvidence(s: SheetReader, scope: Scope, byTemplate: Map<string, Record<string, ItemEntry>>, existing: (tpl: string, code: string) => EvidenceRef[]): number {
  const templates = new Map(scope.templates.map((x) => [fold(x.template.id), x]));
  let count = 0;
  const fields = ['docNo', 'date', 'issuer', 'docTitle', 'fileName'];
  const fieldOf: Record<string, string> = { docNo: 'docNo', date: 'date', issuer: 'issuer', title: 'docTitle', fileName: 'fileName' };
  for (const r of s.rows()) {
    const tplText = s.text(r, 'template');
    const st = tplText === undefined ? (scope.templates.length === 1 ? scope.templates[0] : undefined) : templates.get(fold(tplText));
    if (!st) {
      s.add(tplText === undefined ? 'sbook.evidence.template_required' : 'sbook.evidence.template_unknown', r, 'template', { value: quote(tplText ?? '') });
      continue;
    }
    const codeText = s.text(r, 'code');
    const item = codeText === undefined ? undefined : st.template.items.find((i) => fold(i.code) === fold(codeText));
    if (!item || !item.rule) {
      s.add(codeText === undefined ? 'sbook.item.code_required' : 'sbook.item.unknown', r, 'code', { code: quote(codeText ?? ''), template: st.template.id });
      continue;
    }
    const docNo = s.text(r, 'docNo', item.code);
    if (docNo === undefined) {
      s.add('sbook.evidence.doc_no_required', r, 'docNo', {}, item.code);
      continue;
    }
    const dateCell = s.cell(r, 'date').read;
    const date = readDate(dateCell);
    if (date === null) s.add('sbook.evidence.bad_date', r, 'date', { value: quote(cellText(dateCell).kind === 'text' ? (s.text(r, 'date') ?? '') : '') }, item.code);
    const implausible = typeof date === 'string' ? implausibleDate(date, {}) : null;
    if (implausible) s.add(implausible.code, r, 'date', implausible.params, item.code);
    const items = byTemplate.get(st.template.id)!;
    const entry = (items[item.code] ??= { selfScore: null, evidence: [] });
    if (entry.evidence.some((e) => fold(e.docNo) === fold(docNo))) {
      s.add('sbook.evidence.duplicate', r, 'docNo', { docNo: quote(docNo), code: item.code }, item.code);
      continue;
    }
    const fileName = s.text(r, 'fileName', item.code);
    const match = existing(st.template.id, item.code).find((e) => fold(e.docNo) === fold(docNo));
    if (fileName !== undefined && !match?.sha256) {
      s.add('sbook.evidence.file_cannot_travel', r, 'fileName', { file: quote(fileName), docNo: quote(docNo) }, item.code);
      continue;
    }
    const draft: Record<string, unknown> = { docNo };
    if (date) draft.date = date;
    const issuer = s.text(r, 'issuer', item.code);
    const title = s.text(r, 'docTitle', item.code);
    if (issuer !== undefined) draft.issuer = issuer;
    if (title !== undefined) draft.title = title;
    if (match?.sha256 && fileName !== undefined) Object.assign(draft, { fileName: match.fileName ?? fileName, size: match.size, sha256: match.sha256 });
    const parsed = EvidenceRef.safeParse(draft);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) s.add('sbook.cell.invalid', r, fieldOf[String(zi.path[0])] ?? fields[0], zodReason(zi), item.code);
      continue;
    }
    entry.evidence.push(parsed.data);
    count++;
  }
  return count;
}

// ── Figures and adjustments ─────────────────────────────────────────────────────────────────────

function readFigures(s: SheetReader, scope: Scope, file: string, c: Collector): Record<string, IndicatorValue> {
  const defs = new Map(scope.templates[0]!.template.indicators.map((d) => [fold(d.code), d]));
  const out: Record<string, IndicatorValue> = {};
  const seen = new Map<string, number>();
  for (const r of s.rows()) {
    const codeText = s.text(r, 'code');
    const def = codeText === undefined ? undefined : defs.get(fold(codeText));
    if (!def) {
      s.add(codeText === undefined ? 'sbook.item.code_required' : 'figure.unknown', r, 'code', { code: quote(codeText ?? ''), value: '—' });
      continue;
    }
    const first = seen.get(def.code);
    if (first !== undefined) {
      s.add('sbook.item.duplicate', r, 'code', { code: def.code, first: rowParam(first) }, def.code);
      continue;
    }
    seen.set(def.code, r);
    const { read } = s.cell(r, 'figure');
    const at = { file, ...s.at(r, 'figure') };
    let v: Result<IndicatorValue>;
    if (read.kind === 'empty') continue;
    if (read.kind === 'number' || read.kind === 'boolean') v = def.type === 'text' ? checkFigure(def, String(read.value), at) : checkFigure(def, read.value, at);
    else {
      const text = s.text(r, 'figure', def.code);
      if (text === undefined) continue;
      const w = def.type === 'boolean' ? readWord(text, ['yes', 'no']) : undefined;
      v = w ? ok(w === 'yes') : parseFigureText(def, text, at, s.lang);
    }
    if (!v.ok) for (const e of v.error) c.add(e.code, { ...s.at(r, 'figure', def.code) }, e.params);
    else if (v.value !== null) out[def.code] = v.value;
  }
  return out;
}

function readAdjustments(s: SheetReader, scope: Scope, base: Assessment): { bonus: Record<string, AdjustmentEntry>; penalty: Record<string, AdjustmentEntry> } {
  const ct = scope.templates[0]!.ct;
  let a: Assessment = { ...base, bonus: {}, penalty: {} };
  for (const r of s.rows()) {
    const blockText = s.text(r, 'block');
    const block = blockText === undefined ? undefined : readWord(blockText, ['bonus', 'penalty']);
    if (!block) {
      s.add('sbook.adjustment.block_unknown', r, 'block', { value: quote(blockText ?? '') });
      continue;
    }
    const codeText = s.text(r, 'code');
    const def = codeText === undefined ? undefined : scope.templates[0]!.template[block].items.find((d) => fold(d.code) === fold(codeText));
    if (!def) {
      s.add(`scoring.unknown_${block}`, r, 'code', { code: quote(codeText ?? '') });
      continue;
    }
    const points = s.number(r, 'points', def.code);
    const note = s.text(r, 'note', def.code);
    if (points === null) continue;
    if (points === undefined) {
      if (note !== undefined) s.add('sbook.adjustment.points_required', r, 'points', { code: def.code }, def.code);
      continue;
    }
    if (Object.hasOwn(a[block], def.code)) {
      s.add('sbook.item.duplicate', r, 'code', { code: def.code, first: '—' }, def.code);
      continue;
    }
    const next = setAdjustment(ct, a, block, def.code, points);
    if (!next.ok) {
      for (const e of next.error) s.add(e.code, r, 'points', e.params, def.code);
      continue;
    }
    a = next.value.assessment;
    if (note !== undefined) a = { ...a, [block]: { ...a[block], [def.code]: { points, note } } };
  }
  return { bonus: a.bonus, penalty: a.penalty };
}

// ── Nominations ─────────────────────────────────────────────────────────────────────────────────

const RATING_WORDS = ['excellent', 'good', 'complete', 'incomplete'] as const;

function readNominations(kind: 'collectives' | 'individuals', s: SheetReader, scope: Scope, ids: Map<string, string>): Nomination[] {
  const out: Nomination[] = [];
  const required = kind === 'collectives' ? ['id', 'name', 'achievements', 'proposedAward'] : ['id', 'fullName', 'gender', 'birthYear', 'position', 'unit', 'ratingThisYear', 'achievements', 'proposedAward'];
  const rules = scope.campaign.commendation[kind].map((x) => x.id);
  for (const r of s.rows()) {
    let bad = false;
    const draft: Record<string, unknown> = { kind: kind === 'collectives' ? 'collective' : 'individual' };
    for (const col of s.cols) {
      const f = col.field;
      const cell = s.cell(r, f).read;
      if (cell.kind === 'empty') {
        if (required.includes(f)) {
          s.add('sbook.cell.required', r, f, { header: s.label(col) });
          bad = true;
        }
        continue;
      }
      if (f === 'birthYear' || f === 'initiatives') {
        const n = s.number(r, f);
        if (n === null || n === undefined) bad = true;
        else draft[f] = n;
        continue;
      }
      const text = s.text(r, f);
      if (text === undefined) {
        bad = true;
        continue;
      }
      if (f === 'gender' || f === 'ratingThisYear' || f === 'ratingLastYear') {
        const w = f === 'gender' ? readWord(text, ['male', 'female']) : readWord(text, RATING_WORDS);
        if (!w) {
          s.add(f === 'gender' ? 'sbook.nomination.gender_unknown' : 'sbook.nomination.rating_unknown', r, f, { value: quote(text) });
          bad = true;
        } else draft[f] = w;
        continue;
      }
      if (f === 'proposedAward' && rules.length > 0 && !rules.includes(text)) {
        s.add('sbook.nomination.award_unknown', r, f, { value: quote(text), awards: rules.join(', ') });
        bad = true;
        continue;
      }
      draft[f] = text;
    }
    if (kind === 'individuals') {
      draft.ratingLastYear ??= null;
      draft.discipline ??= null;
    }
    if (bad) continue;
    const parsed = kind === 'collectives' ? CollectiveNomination.safeParse(draft) : IndividualNomination.safeParse(draft);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) s.add('sbook.cell.invalid', r, String(zi.path[0] ?? 'id'), zodReason(zi));
      continue;
    }
    const key = fold(parsed.data.id);
    const first = ids.get(key);
    if (first !== undefined) {
      s.add('sbook.nomination.duplicate_id', r, 'id', { id: parsed.data.id, first });
      continue;
    }
    ids.set(key, `${s.ws.name} ${rowParam(r)}`);
    out.push(parsed.data);
  }
  return out;
}

// ── The whole workbook ──────────────────────────────────────────────────────────────────────────

function checkIdentity(wb: ExcelJS.Workbook, scope: Scope, c: Collector): void {
  const guide = wb.worksheets.find((w) => sheetKindOf(w.name) === 'guide');
  if (!guide) {
    c.add('sbook.sheet.missing', {}, { sheet: sheetName('guide', 'vi') });
    return;
  }
  const found: Partial<Record<'agency' | 'campaign', { value: string; row: number }>> = {};
  for (let r = 1; r <= Math.min(guide.rowCount, 40); r++) {
    const label = cellText(cellAt(guide, r, 1).read);
    const key = label.kind === 'text' ? identityKeyOf(label.text) : undefined;
    if (!key || found[key]) continue;
    const v = cellText(cellAt(guide, r, 2).read);
    found[key] = { value: v.kind === 'text' ? v.text : '', row: r };
  }
  const expected = { agency: scope.agency.code, campaign: scope.campaign.id };
  for (const k of ['agency', 'campaign'] as const) {
    const f = found[k];
    if (!f) c.add('sbook.identity.missing', { sheet: guide.name }, { what: k });
    else if (f.value !== expected[k]) c.add(`sbook.identity.other_${k}`, { sheet: guide.name, row: f.row, column: 'B' }, { actual: quote(f.value || '—'), expected: expected[k] });
  }
}

function readAll(wb: ExcelJS.Workbook, scope: Scope, file: string, existing: Assessment | null, now: string): Result<{ assessment: Assessment; nominations: Nomination[]; summary: SelfWorkbookSummary }> {
  const c = new Collector(file);
  const templateSheets = new Map(scope.templates.map((s) => [fold(s.sheet), s]));
  const limits = checkAfterLoad(wb, file, (w) => (sheetKindOf(w.name) === 'guide' ? GUIDE_IDENTITY_ROW : FIRST_ROW));
  for (const i of limits) {
    const { file: _f, ...at } = i.at ?? {};
    c.add(i.code, at, i.params);
  }
  for (const w of wb.worksheets) {
    if (!sheetKindOf(w.name) && !templateSheets.has(fold(w.name))) c.add('sbook.sheet.unknown', { sheet: w.name }, { sheet: w.name });
  }
  checkIdentity(wb, scope, c);
  if (c.count > 0) return fail(c.result());
  const guideSheet = wb.worksheets.find((w) => sheetKindOf(w.name) === 'guide');
  const lang: Lang = guideSheet && fold(guideSheet.name) === fold(sheetName('guide', 'en')) && fold(sheetName('guide', 'en')) !== fold(sheetName('guide', 'vi')) ? 'en' : 'vi';

  const readers = new Map<SheetKind, SheetReader>();
  for (const kind of SHEET_KINDS) {
    const w = wb.worksheets.find((x) => sheetKindOf(x.name) === kind);
    if (!w) c.add('sbook.sheet.missing', {}, { sheet: sheetName(kind, lang) });
    else {
      const s = new SheetReader(w, SHEET_COLUMNS[kind], c, lang);
      if (s.headersOk()) readers.set(kind, s);
    }
  }
  const byTemplate = new Map<string, Record<string, ItemEntry>>();
  const prevItems = (st: ScopeTemplate) => (st.ranked ? (existing?.items ?? {}) : (existing?.additional[st.template.id]?.items ?? {}));
  let itemCount = 0;
  for (const st of scope.templates) {
    const w = findSheet(wb, st.sheet);
    if (!w) {
      c.add('sbook.sheet.missing', { template: st.template.id }, { sheet: st.sheet });
      continue;
    }
    const s = new SheetReader(w, ITEM_COLUMNS, c, lang);
    if (!s.headersOk()) continue;
    const items = readTemplateSheet(s, st, c);
    itemCount += Object.values(items).filter((e) => e.input).length;
    byTemplate.set(st.template.id, items);
  }
  if (c.count > 0) return fail(c.result());

  const existingEvidence = (tpl: string, code: string): EvidenceRef[] => {
    const st = scope.templates.find((x) => x.template.id === tpl);
    const items = st ? prevItems(st) : {};
    return (Object.hasOwn(items, code) ? items[code]?.evidence : undefined) ?? [];
  };
  const evidence = readEvidence(readers.get('evidence')!, scope, byTemplate, existingEvidence);
  const indicators = readFigures(readers.get('figures')!, scope, file, c);
  const ranked = scope.templates[0]!;
  const base: Assessment = {
    kind: 'parscore.assessment',
    schemaVersion: 2,
    agency: scope.agency.code,
    campaign: scope.campaign.id,
    template: { id: ranked.template.id, version: ranked.template.version },
    revision: existing?.revision ?? 0,
    items: byTemplate.get(ranked.template.id) ?? {},
    indicators,
    bonus: {},
    penalty: {},
    additional: Object.fromEntries(
      scope.templates.filter((x) => !x.ranked).map((x) => [x.template.id, { template: { id: x.template.id, version: x.template.version }, items: byTemplate.get(x.template.id) ?? {} }]),
    ),
    updatedAt: now,
  };
  const { bonus, penalty } = readAdjustments(readers.get('adjustments')!, scope, base);
  const assessment: Assessment = { ...base, bonus, penalty };
  const ids = new Map<string, string>();
  const nominations = [...readNominations('collectives', readers.get('collectives')!, scope, ids), ...readNominations('individuals', readers.get('individuals')!, scope, ids)];
  if (c.count > 0) return fail(c.result());

  // The whole assessment as the engine scores it (e.g. bonus points over the block's cap).
  for (const st of scope.templates) {
    const items = st.ranked ? assessment.items : (assessment.additional[st.template.id]?.items ?? {});
    const { issues } = scoreAssessment(st.ct, st.ranked ? { items, bonus, penalty } : { items });
    for (const i of issues) c.add(i.code, { ...i.at, template: st.template.id }, i.params);
  }
  if (c.count > 0) return fail(c.result());
  return ok({
    assessment,
    nominations,
    summary: { agency: scope.agency.code, templates: scope.templates.length, items: itemCount, evidence, figures: Object.keys(indicators).length, nominations: nominations.length },
  });
}

/**
 * Imports the workbook into the agency workspace: all of it, or (with any problem) nothing. Throws
 * an IssueError for a workspace that cannot take it (not an agency workspace, no campaign).
 */
export async function importSelfWorkbook(ws: WorkspaceStore, data: Buffer, file: string, opts: { now?: string } = {}): Promise<Result<SelfWorkbookSummary>> {
  const scope = scopeOf(ws);
  // Once Home Affairs closed the cycle the self-assessment is no longer the agency's to change (entry/read-only.ts).
  const lock = await selfEntryLock(ws, scope.agency.code);
  if (lock) return fail([lock]);
  const now = timestamp(opts.now);
  const loaded = await loadWorkbook(data, file, 'self-workbook');
  if (!loaded.ok) return loaded;
  const existing = await ws.readAssessment(scope.agency.code);
  const read = guarded(file, () => readAll(loaded.value, scope, file, existing, now));
  if (!read.ok) return read;
  const { assessment, nominations, summary } = read.value;
  try {
    await ws.transaction(async (tx) => {
      await tx.writeAssessment(assessment);
      await tx.writeOwnNominations({ kind: NOMINATIONS_KIND, schemaVersion: 1, agency: scope.agency.code, campaign: scope.campaign.id, nominations, updatedAt: now });
    });
  } catch (e) {
    if (e instanceof IssueError) return fail(e.issues.map((i): Issue => ({ ...i, at: { file, ...i.at } })));
    throw e;
  }
  return ok(summary);
}
