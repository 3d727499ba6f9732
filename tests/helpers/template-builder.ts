/**
 * Small templates for tests, written as a list of items. Defaults fill what a test does not care
 * about; the result goes through the real zod schema (so it is a valid document), but NOT through
 * checkTemplate, so tests can build structurally broken templates on purpose.
 */
import type { Assessment, ItemInput } from '../../shared/schema/assessment.ts';
import { type Template, type TemplateInput, type TemplateItemInput, TemplateV2 } from '../../shared/schema/template.ts';
import { type CompiledTemplate, compileTemplate } from '../../shared/template/compile.ts';

type RuleInput = NonNullable<TemplateItemInput['rule']>;

export type ItemSpec = Omit<TemplateItemInput, 'title' | 'parent'> & { parent?: string | null; title?: TemplateItemInput['title'] };

export interface TemplateOptions {
  id?: string;
  version?: number;
  /** Defaults to the sum of the roots' max. */
  maxPoints?: number;
  bonus?: TemplateInput['bonus'];
  penalty?: TemplateInput['penalty'];
  indicators?: TemplateInput['indicators'];
  appliesTo?: TemplateInput['appliesTo'];
}

export function buildTemplate(items: ItemSpec[], opts: TemplateOptions = {}): Template {
  const full: TemplateItemInput[] = items.map((it) => ({ ...it, parent: it.parent ?? null, title: it.title ?? { vi: `Mục ${it.code}` } }));
  const rootSum = full.filter((it) => it.parent === null).reduce((s, it) => s + it.max, 0);
  const doc: TemplateInput = {
    kind: 'parscore.template',
    schemaVersion: 2,
    id: opts.id ?? 'test-template',
    version: opts.version ?? 1,
    title: { vi: 'Bộ tiêu chí thử' },
    legalBasis: { decisionNo: '1/QĐ-UBND', date: '2025-01-01', issuer: 'UBND tỉnh' },
    sample: true,
    appliesTo: opts.appliesTo ?? ['department'],
    maxPoints: opts.maxPoints ?? rootSum,
    items: full,
    indicators: opts.indicators ?? [],
    bonus: opts.bonus ?? { cap: 0, items: [] },
    penalty: opts.penalty ?? { cap: 0, items: [] },
  };
  return TemplateV2.parse(doc);
}

export function compile(items: ItemSpec[], opts: TemplateOptions = {}): CompiledTemplate {
  return compileTemplate(buildTemplate(items, opts));
}

// Items
export const group = (code: string, parent: string | null, max: number, extra: Partial<ItemSpec> = {}): ItemSpec => ({
  code,
  parent,
  max,
  ...extra,
});
export const leaf = (code: string, parent: string | null, max: number, rule: RuleInput, extra: Partial<ItemSpec> = {}): ItemSpec => ({
  code,
  parent,
  max,
  rule,
  ...extra,
});

// Rules
export const binary = (): RuleInput => ({ type: 'BINARY' });
/** Bands as [min, points] pairs, highest first. */
export const bands = (...pairs: [number, number][]): RuleInput => ({
  type: 'PERCENT_BANDS',
  bands: pairs.map(([min, points]) => ({ min, points })),
});
export const ratioRule = (zeroDenominator: 'FULL' | 'ZERO' | 'NOT_APPLICABLE' = 'FULL'): RuleInput => ({ type: 'RATIO', zeroDenominator });
export const countDeduct = (perCount: number): RuleInput => ({ type: 'COUNT_DEDUCT', perCount });
export const manual = (step?: number): RuleInput => (step === undefined ? { type: 'MANUAL' } : { type: 'MANUAL', step });
export const surveyRule = (): RuleInput => ({ type: 'SURVEY' });
export const formula = (expression: string, variables: (string | { name: string; min?: number; max?: number })[]): RuleInput => ({
  type: 'FORMULA',
  expression,
  variables: variables.map((v) => (typeof v === 'string' ? { name: v, label: { vi: v } } : { ...v, label: { vi: v.name } })),
});

// Inputs
export const yes = (): ItemInput => ({ kind: 'binary', value: 'yes' });
export const no = (): ItemInput => ({ kind: 'binary', value: 'no' });
export const na = (): ItemInput => ({ kind: 'notApplicable' });
export const pct = (value: number): ItemInput => ({ kind: 'percent', value });
export const ratio = (numerator: number, denominator: number): ItemInput => ({ kind: 'ratio', numerator, denominator });
export const count = (value: number): ItemInput => ({ kind: 'count', value });
export const manualInput = (value: number): ItemInput => ({ kind: 'manual', value });
export const vars = (values: Record<string, number>): ItemInput => ({ kind: 'variables', values });

export function emptyAssessment(t: Template | CompiledTemplate): Assessment {
  const tpl = 'nodes' in t ? t.template : t;
  return {
    kind: 'parscore.assessment',
    schemaVersion: 2,
    additional: {},
    agency: 'SO-NV',
    template: { id: tpl.id, version: tpl.version },
    revision: 0,
    items: {},
    indicators: {},
    bonus: {},
    penalty: {},
    updatedAt: '2025-01-01T00:00:00+07:00',
  };
}

/** Assessment items from a code → input map. */
export function withInputs(t: Template | CompiledTemplate, inputs: Record<string, ItemInput>): Assessment {
  const a = emptyAssessment(t);
  for (const [code, input] of Object.entries(inputs)) a.items[code] = { input, selfScore: null, evidence: [] };
  return a;
}
