import type { ItemInput, ItemInputKind } from '../schema/assessment.ts';
import type { RuleType, TemplateItem } from '../schema/template.ts';
import type { CompiledNode } from '../template/compile.ts';
import { type Issue, type IssueLocation, type Result, fail, issue, ok } from '../util/issue.ts';
import { evaluateFormula } from './formula.ts';
import { isMultipleOf, leq } from './rounding.ts';

/** How a leaf's score was derived: a message key of the scoring catalogue and its parameters. */
export interface Explain {
  key: string;
  params: Record<string, string | number>;
}

/** The exact (unrounded) result of one leaf input. `score` is null when the item is not applicable. */
export interface LeafValue {
  score: number | null;
  notApplicable: boolean;
  explain: Explain;
}

const ACCEPTS: Record<RuleType, readonly ItemInputKind[]> = {
  BINARY: ['binary'],
  PERCENT_BANDS: ['percent', 'ratio'],
  RATIO: ['ratio'],
  COUNT_DEDUCT: ['count'],
  MANUAL: ['manual'],
  SURVEY: ['percent'],
  FORMULA: ['variables'],
};

/** The input kinds an item accepts (what the UI offers). */
export function acceptedInputKinds(item: TemplateItem): ItemInputKind[] {
  if (!item.rule) return [];
  const kinds = [...ACCEPTS[item.rule.type]];
  if (item.notApplicableAllowed && !item.survey) kinds.push('notApplicable');
  return kinds;
}

const scored = (score: number, max: number, key: string, params: Explain['params']): Result<LeafValue> =>
  ok({ score: Math.min(max, Math.max(0, score)), notApplicable: false, explain: { key, params } });

const notApplicable = (key = 'scoring.explain.not_applicable', params: Explain['params'] = {}): Result<LeafValue> =>
  ok({ score: null, notApplicable: true, explain: { key, params } });

// Module-level helpers rather than closures: scoreLeaf runs for every leaf of every assessment.
const loc = (template: string, item: string, field: string): IssueLocation => ({ template, item, field });
const fault = (template: string, item: string, code: string, field: string, params?: Record<string, string | number>): Result<never> =>
  fail([issue(code, loc(template, item, field), params)]);

/** A finite number ≥ 0 (inputs are validated by zod when read, but scoring never trusts that). */
const isNonNegative = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/**
 * Scores one leaf input against the leaf's rule, exactly. Errors name the template, the item and the
 * input field at fault.
 */
export function scoreLeaf(templateId: string, node: CompiledNode, input: ItemInput): Result<LeafValue> {
  const item = node.item;
  const rule = item.rule;
  const max = item.max;
  const code = item.code;
  if (!rule) return fault(templateId, code, 'scoring.not_a_leaf', 'input');

  const kind: unknown = (input as { kind?: unknown } | null)?.kind;
  if (kind === 'notApplicable') {
    if (!item.notApplicableAllowed || item.survey || rule.type === 'SURVEY') {
      return fault(templateId, code, 'scoring.not_applicable_not_allowed', 'input.kind');
    }
    return notApplicable();
  }
  const accepted = ACCEPTS[rule.type];
  if (typeof kind !== 'string' || !(accepted as readonly string[]).includes(kind)) {
    return fault(templateId, code, 'scoring.wrong_input_kind', 'input.kind', {
      kind: typeof kind === 'string' ? kind : '—',
      rule: rule.type,
      accepted: acceptedInputKinds(item).join(', '),
    });
  }

  switch (rule.type) {
    case 'BINARY': {
      if (input.kind !== 'binary') break;
      if (input.value === 'yes') return scored(max, max, 'scoring.explain.binary_yes', { points: max });
      if (input.value === 'no') return scored(0, max, 'scoring.explain.binary_no', {});
      return fault(templateId, code, 'scoring.invalid_binary', 'input.value');
    }
    case 'PERCENT_BANDS': {
      let percent: number;
      if (input.kind === 'percent') {
        if (!isNonNegative(input.value)) return fault(templateId, code, 'scoring.invalid_number', 'input.value');
        percent = input.value;
      } else if (input.kind === 'ratio') {
        if (input.denominator === 0) return fault(templateId, code, 'scoring.zero_denominator', 'input.denominator');
        const r = checkRatio(input, templateId, code);
        if (r) return fail(r);
        // ×100 before ÷ keeps 57/100 at 57 rather than 56.99999999999999.
        percent = (input.numerator * 100) / input.denominator;
      } else break;
      // Thresholds compare after noise removal: a percent that is 80 in decimals reaches the 80 band.
      for (const band of rule.bands) {
        if (leq(band.min, percent)) return scored(band.points, max, 'scoring.explain.band', { percent, min: band.min, points: band.points });
      }
      const lowest = rule.bands[rule.bands.length - 1]?.min ?? 0;
      return scored(0, max, 'scoring.explain.band_none', { percent, lowest });
    }
    case 'RATIO': {
      if (input.kind !== 'ratio') break;
      const r = checkRatio(input, templateId, code);
      if (r) return fail(r);
      if (input.denominator === 0) {
        if (rule.zeroDenominator === 'FULL') return scored(max, max, 'scoring.explain.ratio_zero_full', { points: max });
        if (rule.zeroDenominator === 'ZERO') return scored(0, max, 'scoring.explain.ratio_zero_zero', {});
        return notApplicable('scoring.explain.ratio_zero_na');
      }
      const score = (max * input.numerator) / input.denominator;
      return scored(score, max, 'scoring.explain.ratio', {
        numerator: input.numerator,
        denominator: input.denominator,
        max,
        points: score,
      });
    }
    case 'COUNT_DEDUCT': {
      if (input.kind !== 'count') break;
      if (!isNonNegative(input.value) || !Number.isInteger(input.value)) return fault(templateId, code, 'scoring.count_not_integer', 'input.value');
      const score = Math.max(0, max - rule.perCount * input.value);
      return scored(score, max, 'scoring.explain.count_deduct', { max, perCount: rule.perCount, count: input.value, points: score });
    }
    case 'MANUAL': {
      if (input.kind !== 'manual') break;
      const v = input.value;
      if (typeof v !== 'number' || !Number.isFinite(v)) return fault(templateId, code, 'scoring.invalid_number', 'input.value');
      if (v < 0) return fault(templateId, code, 'scoring.below_zero', 'input.value', { value: v });
      if (!leq(v, max)) return fault(templateId, code, 'scoring.above_max', 'input.value', { value: v, max });
      if (rule.step !== undefined && !isMultipleOf(v, rule.step)) {
        return fault(templateId, code, 'scoring.not_step_multiple', 'input.value', { value: v, step: rule.step });
      }
      return scored(v, max, 'scoring.explain.manual', { points: v });
    }
    case 'SURVEY': {
      if (input.kind !== 'percent') break;
      if (!isNonNegative(input.value)) return fault(templateId, code, 'scoring.invalid_number', 'input.value');
      if (!leq(input.value, 100)) return fault(templateId, code, 'scoring.percent_above_100', 'input.value', { value: input.value });
      const score = (max * input.value) / 100;
      return scored(score, max, 'scoring.explain.survey', { percent: input.value, max, points: score });
    }
    case 'FORMULA': {
      if (input.kind !== 'variables' || !node.formula || !node.variables) break;
      const values = input.values;
      const problems: Issue[] = [];
      for (const [name, decl] of node.variables) {
        const field = `input.values.${name}`;
        if (!Object.hasOwn(values, name)) {
          problems.push(issue('scoring.variable_missing', loc(templateId, code, field), { name }));
          continue;
        }
        const v: unknown = values[name];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          problems.push(issue('scoring.invalid_number', loc(templateId, code, field)));
        } else if (decl.min !== undefined && !leq(decl.min, v)) {
          problems.push(issue('scoring.variable_below_min', loc(templateId, code, field), { name, value: v, min: decl.min }));
        } else if (decl.max !== undefined && !leq(v, decl.max)) {
          problems.push(issue('scoring.variable_above_max', loc(templateId, code, field), { name, value: v, max: decl.max }));
        }
      }
      for (const name of Object.keys(values)) {
        if (!node.variables.has(name)) problems.push(issue('scoring.variable_undeclared', loc(templateId, code, `input.values.${name}`), { name }));
      }
      if (problems.length > 0) return fail(problems);
      const value = evaluateFormula(node.formula, values);
      if (!Number.isFinite(value)) return fault(templateId, code, 'scoring.formula_not_finite', 'input.values');
      const clamped = value < 0 || value > max;
      return scored(value, max, clamped ? 'scoring.explain.formula_clamped' : 'scoring.explain.formula', {
        value,
        max,
        points: Math.min(max, Math.max(0, value)),
      });
    }
  }
  // Only reachable when the input's kind and its payload disagree (data that bypassed the schema).
  return fault(templateId, code, 'scoring.wrong_input_kind', 'input.kind', { kind: String(kind), rule: rule.type, accepted: acceptedInputKinds(item).join(', ') });
}

function checkRatio(input: { numerator: number; denominator: number }, templateId: string, code: string): Issue[] | null {
  const at = (field: string) => loc(templateId, code, field);
  if (!isNonNegative(input.numerator)) return [issue('scoring.invalid_number', at('input.numerator'))];
  if (!isNonNegative(input.denominator)) return [issue('scoring.invalid_number', at('input.denominator'))];
  // "x of y": x cannot exceed y (and with y = 0, x must be 0 too).
  if (!leq(input.numerator, input.denominator)) {
    return [
      issue('scoring.numerator_above_denominator', at('input.numerator'), {
        numerator: input.numerator,
        denominator: input.denominator,
      }),
    ];
  }
  return null;
}
