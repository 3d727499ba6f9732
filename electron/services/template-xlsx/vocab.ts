/**
 * The words of the template sheet: sheet names, column headers, and the values written into cells
 * (rule types, yes/no, agency groups …). Every word comes from the message catalogues; reading
 * accepts the word of either language, the internal code, a few aliases, and forms typed without
 * diacritics or in another letter case.
 */
import { type Lang, LANGS, type MessageKey, t } from '../../../shared/i18n/index.ts';
import type { AgencyGroup, IsoPhase, RuleType } from '../../../shared/schema/index.ts';
import { RULE_TYPES } from '../../../shared/schema/index.ts';
import { fold } from './text.ts';

export interface Vocab<T extends string> {
  /** The word written for `value` in `lang`. */
  word(value: T, lang: Lang): string;
  /** The value a typed word stands for, or undefined. */
  read(text: string): T | undefined;
  readonly values: readonly T[];
}

interface Entry<T extends string> {
  value: T;
  key: MessageKey;
  aliases?: MessageKey;
}

export function vocab<T extends string>(entries: readonly Entry<T>[]): Vocab<T> {
  const byWord = new Map<string, T>();
  const add = (w: string, v: T) => {
    const f = fold(w);
    if (f !== '' && !byWord.has(f)) byWord.set(f, v);
  };
  // Labels first, so that a label always wins over another entry's alias.
  for (const e of entries) for (const lang of LANGS) add(t(lang, e.key), e.value);
  for (const e of entries) add(e.value, e.value);
  for (const e of entries) {
    if (!e.aliases) continue;
    for (const lang of LANGS) for (const a of t(lang, e.aliases).split('|')) add(a, e.value);
  }
  const keyOf = new Map(entries.map((e) => [e.value, e.key]));
  return {
    word: (value, lang) => t(lang, keyOf.get(value) ?? value),
    read: (text) => byWord.get(fold(text)),
    values: entries.map((e) => e.value),
  };
}

/** Every word a vocabulary accepts, folded, per value (for tests of unambiguity). */
export function acceptedWords<T extends string>(entries: readonly Entry<T>[]): Map<string, Set<T>> {
  const out = new Map<string, Set<T>>();
  const add = (w: string, v: T) => {
    const f = fold(w);
    if (f === '') return;
    const s = out.get(f) ?? new Set<T>();
    s.add(v);
    out.set(f, s);
  };
  for (const e of entries) {
    add(e.value, e.value);
    for (const lang of LANGS) {
      add(t(lang, e.key), e.value);
      if (e.aliases) for (const a of t(lang, e.aliases).split('|')) add(a, e.value);
    }
  }
  return out;
}

export const RULE_ENTRIES: readonly Entry<RuleType>[] = [
  { value: 'BINARY', key: 'xlsx.rule.BINARY', aliases: 'xlsx.rule.BINARY.aliases' },
  { value: 'PERCENT_BANDS', key: 'xlsx.rule.PERCENT_BANDS', aliases: 'xlsx.rule.PERCENT_BANDS.aliases' },
  { value: 'RATIO', key: 'xlsx.rule.RATIO', aliases: 'xlsx.rule.RATIO.aliases' },
  { value: 'COUNT_DEDUCT', key: 'xlsx.rule.COUNT_DEDUCT', aliases: 'xlsx.rule.COUNT_DEDUCT.aliases' },
  { value: 'MANUAL', key: 'xlsx.rule.MANUAL', aliases: 'xlsx.rule.MANUAL.aliases' },
  { value: 'SURVEY', key: 'xlsx.rule.SURVEY', aliases: 'xlsx.rule.SURVEY.aliases' },
  { value: 'FORMULA', key: 'xlsx.rule.FORMULA', aliases: 'xlsx.rule.FORMULA.aliases' },
];
export const RULES = vocab(RULE_ENTRIES);
// Every rule type of the schema has a word (a new rule type must be added here).
RULE_TYPES.forEach((r) => {
  if (!RULES.values.includes(r)) throw new Error(`template-xlsx: no word for rule type ${r}`);
});

export const YES_NO_ENTRIES: readonly Entry<'yes' | 'no'>[] = [
  { value: 'yes', key: 'xlsx.word.yes', aliases: 'xlsx.word.yes.aliases' },
  { value: 'no', key: 'xlsx.word.no', aliases: 'xlsx.word.no.aliases' },
];
export const YES_NO = vocab(YES_NO_ENTRIES);

export const GROUP_ENTRIES: readonly Entry<AgencyGroup>[] = [
  { value: 'department', key: 'xlsx.group.department', aliases: 'xlsx.group.department.aliases' },
  { value: 'district', key: 'xlsx.group.district', aliases: 'xlsx.group.district.aliases' },
  { value: 'commune', key: 'xlsx.group.commune', aliases: 'xlsx.group.commune.aliases' },
];
export const GROUPS = vocab(GROUP_ENTRIES);

export const ISO_PHASE_ENTRIES: readonly Entry<IsoPhase>[] = [
  { value: 'build', key: 'xlsx.iso.build' },
  { value: 'apply', key: 'xlsx.iso.apply' },
  { value: 'announce', key: 'xlsx.iso.announce' },
  { value: 'maintain', key: 'xlsx.iso.maintain' },
  { value: 'improve', key: 'xlsx.iso.improve' },
  { value: 'report', key: 'xlsx.iso.report' },
];
export const ISO_PHASES = vocab(ISO_PHASE_ENTRIES);

export type IndicatorTypeValue = 'number' | 'count' | 'boolean' | 'text';
export const INDICATOR_TYPE_ENTRIES: readonly Entry<IndicatorTypeValue>[] = [
  { value: 'number', key: 'xlsx.indicatorType.number' },
  { value: 'count', key: 'xlsx.indicatorType.count' },
  { value: 'boolean', key: 'xlsx.indicatorType.boolean' },
  { value: 'text', key: 'xlsx.indicatorType.text' },
];
export const INDICATOR_TYPES = vocab(INDICATOR_TYPE_ENTRIES);

export type AggregateValue = 'SUM' | 'COUNT_YES' | 'AVERAGE' | 'SHARED' | 'NONE';
export const AGGREGATE_ENTRIES: readonly Entry<AggregateValue>[] = [
  { value: 'SUM', key: 'xlsx.aggregate.SUM' },
  { value: 'COUNT_YES', key: 'xlsx.aggregate.COUNT_YES' },
  { value: 'AVERAGE', key: 'xlsx.aggregate.AVERAGE' },
  { value: 'SHARED', key: 'xlsx.aggregate.SHARED' },
  { value: 'NONE', key: 'xlsx.aggregate.NONE' },
];
export const AGGREGATES = vocab(AGGREGATE_ENTRIES);
/** The aggregation an indicator gets when the cell is left empty. */
export const DEFAULT_AGGREGATE: Record<IndicatorTypeValue, AggregateValue> = {
  number: 'SUM',
  count: 'SUM',
  boolean: 'COUNT_YES',
  text: 'NONE',
};

export type AdjustmentKind = 'bonus' | 'penalty';
export const ADJUSTMENT_ENTRIES: readonly Entry<AdjustmentKind>[] = [
  { value: 'bonus', key: 'xlsx.adjustment.bonus', aliases: 'xlsx.adjustment.bonus.aliases' },
  { value: 'penalty', key: 'xlsx.adjustment.penalty', aliases: 'xlsx.adjustment.penalty.aliases' },
];
export const ADJUSTMENT_KINDS = vocab(ADJUSTMENT_ENTRIES);

export type ZeroDenominator = 'FULL' | 'ZERO' | 'NOT_APPLICABLE';
export const ZERO_ENTRIES: readonly Entry<ZeroDenominator>[] = [
  { value: 'FULL', key: 'xlsx.param.zero.FULL' },
  { value: 'ZERO', key: 'xlsx.param.zero.ZERO' },
  { value: 'NOT_APPLICABLE', key: 'xlsx.param.zero.NOT_APPLICABLE' },
];
export const ZERO_DENOMINATOR = vocab(ZERO_ENTRIES);

export type ParamKey = 'perCount' | 'step' | 'zeroDenominator';
export const PARAM_KEY_ENTRIES: readonly Entry<ParamKey>[] = [
  { value: 'perCount', key: 'xlsx.param.perCount' },
  { value: 'step', key: 'xlsx.param.step' },
  { value: 'zeroDenominator', key: 'xlsx.param.zeroDenominator' },
];
export const PARAM_KEYS = vocab(PARAM_KEY_ENTRIES);

// ── Sheets and columns ──────────────────────────────────────────────────────────────────────────

export type SheetId = 'info' | 'items' | 'indicators' | 'adjustments' | 'guide';
export const SHEET_KEYS: Record<SheetId, MessageKey> = {
  info: 'xlsx.sheet.info',
  items: 'xlsx.sheet.items',
  indicators: 'xlsx.sheet.indicators',
  adjustments: 'xlsx.sheet.adjustments',
  guide: 'xlsx.sheet.guide',
};

export interface ColumnDef<F extends string> {
  field: F;
  header: MessageKey;
  /** Width in characters. */
  width: number;
  /** Free text or codes: the column is formatted as Text, so Excel keeps what is typed (1.10, 4.2, =…). */
  text: boolean;
  /** The header must be present on import. */
  required?: boolean;
}

export type ItemField =
  | 'code'
  | 'parent'
  | 'level'
  | 'titleVi'
  | 'titleEn'
  | 'max'
  | 'rule'
  | 'params'
  | 'na'
  | 'survey'
  | 'guideVi'
  | 'guideEn'
  | 'evidenceVi'
  | 'evidenceEn'
  | 'isoClauses'
  | 'isoPhase';

export const ITEM_COLUMNS: readonly ColumnDef<ItemField>[] = [
  { field: 'code', header: 'xlsx.col.items.code', width: 10, text: true, required: true },
  { field: 'parent', header: 'xlsx.col.items.parent', width: 10, text: true },
  { field: 'level', header: 'xlsx.col.items.level', width: 6, text: false },
  { field: 'titleVi', header: 'xlsx.col.items.titleVi', width: 50, text: true, required: true },
  { field: 'titleEn', header: 'xlsx.col.items.titleEn', width: 36, text: true },
  { field: 'max', header: 'xlsx.col.items.max', width: 10, text: false, required: true },
  { field: 'rule', header: 'xlsx.col.items.rule', width: 16, text: true, required: true },
  { field: 'params', header: 'xlsx.col.items.params', width: 34, text: true },
  { field: 'na', header: 'xlsx.col.items.na', width: 10, text: true },
  { field: 'survey', header: 'xlsx.col.items.survey', width: 9, text: true },
  { field: 'guideVi', header: 'xlsx.col.items.guideVi', width: 44, text: true },
  { field: 'guideEn', header: 'xlsx.col.items.guideEn', width: 32, text: true },
  { field: 'evidenceVi', header: 'xlsx.col.items.evidenceVi', width: 40, text: true },
  { field: 'evidenceEn', header: 'xlsx.col.items.evidenceEn', width: 32, text: true },
  { field: 'isoClauses', header: 'xlsx.col.items.isoClauses', width: 14, text: true },
  { field: 'isoPhase', header: 'xlsx.col.items.isoPhase', width: 13, text: true },
];

export type IndicatorField = 'code' | 'titleVi' | 'titleEn' | 'type' | 'unit' | 'aggregate' | 'min' | 'max' | 'item' | 'itemTemplate';
export const INDICATOR_COLUMNS: readonly ColumnDef<IndicatorField>[] = [
  { field: 'code', header: 'xlsx.col.indicators.code', width: 10, text: true, required: true },
  { field: 'titleVi', header: 'xlsx.col.indicators.titleVi', width: 50, text: true, required: true },
  { field: 'titleEn', header: 'xlsx.col.indicators.titleEn', width: 36, text: true },
  { field: 'type', header: 'xlsx.col.indicators.type', width: 12, text: true, required: true },
  { field: 'unit', header: 'xlsx.col.indicators.unit', width: 14, text: true },
  { field: 'aggregate', header: 'xlsx.col.indicators.aggregate', width: 16, text: true },
  { field: 'min', header: 'xlsx.col.indicators.min', width: 10, text: false },
  { field: 'max', header: 'xlsx.col.indicators.max', width: 10, text: false },
  { field: 'item', header: 'xlsx.col.indicators.item', width: 12, text: true },
  { field: 'itemTemplate', header: 'xlsx.col.indicators.itemTemplate', width: 18, text: true },
];

export type AdjustmentField = 'kind' | 'code' | 'titleVi' | 'titleEn' | 'max';
export const ADJUSTMENT_COLUMNS: readonly ColumnDef<AdjustmentField>[] = [
  { field: 'kind', header: 'xlsx.col.adjustments.kind', width: 10, text: true, required: true },
  { field: 'code', header: 'xlsx.col.adjustments.code', width: 10, text: true, required: true },
  { field: 'titleVi', header: 'xlsx.col.adjustments.titleVi', width: 60, text: true, required: true },
  { field: 'titleEn', header: 'xlsx.col.adjustments.titleEn', width: 40, text: true },
  { field: 'max', header: 'xlsx.col.adjustments.max', width: 10, text: false, required: true },
];

export type InfoField = 'key' | 'value';
export const INFO_COLUMNS: readonly ColumnDef<InfoField>[] = [
  { field: 'key', header: 'xlsx.col.info.key', width: 30, text: true, required: true },
  { field: 'value', header: 'xlsx.col.info.value', width: 70, text: true, required: true },
];

export type InfoKey =
  | 'id'
  | 'version'
  | 'titleVi'
  | 'titleEn'
  | 'decisionNo'
  | 'date'
  | 'issuer'
  | 'sample'
  | 'appliesTo'
  | 'maxPoints'
  | 'bonusCap'
  | 'penaltyCap'
  | 'source';
export const INFO_KEY_ENTRIES: readonly Entry<InfoKey>[] = [
  { value: 'id', key: 'xlsx.info.id' },
  { value: 'version', key: 'xlsx.info.version' },
  { value: 'titleVi', key: 'xlsx.info.titleVi' },
  { value: 'titleEn', key: 'xlsx.info.titleEn' },
  { value: 'decisionNo', key: 'xlsx.info.decisionNo' },
  { value: 'date', key: 'xlsx.info.date' },
  { value: 'issuer', key: 'xlsx.info.issuer' },
  { value: 'sample', key: 'xlsx.info.sample' },
  { value: 'appliesTo', key: 'xlsx.info.appliesTo' },
  { value: 'maxPoints', key: 'xlsx.info.maxPoints' },
  { value: 'bonusCap', key: 'xlsx.info.bonusCap' },
  { value: 'penaltyCap', key: 'xlsx.info.penaltyCap' },
  { value: 'source', key: 'xlsx.info.source' },
];
export const INFO_KEYS = vocab(INFO_KEY_ENTRIES);
/** Rows that must be present (with a value) in "Thông tin". */
export const REQUIRED_INFO: readonly InfoKey[] = ['id', 'version', 'titleVi', 'decisionNo', 'date', 'issuer', 'appliesTo', 'maxPoints'];
