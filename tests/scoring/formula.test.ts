import { describe, expect, it } from 'vitest';
import { formatIssue, hasMessage } from '../../shared/i18n/index.ts';
import { evaluateFormula, formulaVariables, parseFormula } from '../../shared/scoring/formula.ts';
import { checkTemplate } from '../../shared/template/check.ts';
import { buildTemplate, formula, leaf } from '../helpers/template-builder.ts';

function ev(expr: string, values: Record<string, number>): number {
  const parsed = parseFormula(expr, Object.keys(values));
  if (!parsed.ok) throw new Error(`did not parse: ${expr}: ${parsed.error.map((i) => i.code).join(', ')}`);
  return evaluateFormula(parsed.value, values);
}

describe('evaluateFormula', () => {
  it('does arithmetic with precedence and parentheses', () => {
    expect(ev('a + b * 2', { a: 1, b: 3 })).toBe(7);
    expect(ev('(a + b) * 2', { a: 1, b: 3 })).toBe(8);
    expect(ev('a % b - -a', { a: 7, b: 4 })).toBe(10);
    expect(ev('3 * (x / 100)', { x: 85 })).toBeCloseTo(2.55, 12);
  });

  it('supports comparisons, logic and the ternary, all as numbers', () => {
    expect(ev('p >= 80 ? 2 : p >= 50 ? 1 : 0', { p: 80 })).toBe(2);
    expect(ev('p >= 80 ? 2 : p >= 50 ? 1 : 0', { p: 79.9 })).toBe(1);
    expect(ev('p >= 80 ? 2 : p >= 50 ? 1 : 0', { p: 10 })).toBe(0);
    expect(ev('a > 0 && b > 0', { a: 1, b: 0 })).toBe(0);
    expect(ev('a > 0 || b > 0', { a: 1, b: 0 })).toBe(1);
    expect(ev('!a', { a: 0 })).toBe(1);
    expect(ev('a == b', { a: 0.1 + 0.2, b: 0.3 })).toBe(1);
  });

  it('compares percentages computed from ratios without float noise', () => {
    // 0.7 + 0.1 is 0.7999999999999999 in binary; the threshold must still be reached.
    expect(ev('a + b >= 0.8 ? 1 : 0', { a: 0.7, b: 0.1 })).toBe(1);
    expect(ev('n / d * 100 >= 57 ? 1 : 0', { n: 57, d: 100 })).toBe(1);
  });

  it('has the whitelisted helpers, with Excel-like rounding', () => {
    expect(ev('min(a, b, 3)', { a: 5, b: 4 })).toBe(3);
    expect(ev('max(a, b)', { a: 5, b: 4 })).toBe(5);
    expect(ev('abs(a)', { a: -2 })).toBe(2);
    expect(ev('round(a)', { a: 2.5 })).toBe(3);
    expect(ev('round(a)', { a: -2.5 })).toBe(-3);
    expect(ev('floor(a * 100)', { a: 0.29 })).toBe(29);
    expect(ev('ceil(a)', { a: 1.2 })).toBe(2);
  });

  it('evaluates only the branch taken, so a guard prevents division by zero', () => {
    expect(ev('d == 0 ? 1 : n / d', { n: 3, d: 0 })).toBe(1);
  });

  it('gives a non-finite number for division by zero and NaN for a missing value', () => {
    expect(ev('n / d', { n: 3, d: 0 })).toBe(Number.POSITIVE_INFINITY);
    const parsed = parseFormula('a + b', ['a', 'b']);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(evaluateFormula(parsed.value, { a: 1 })).toBeNaN();
  });

  it('never reads inherited properties, even for a variable declared as "constructor"', () => {
    const parsed = parseFormula('constructor + 1', ['constructor']);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(evaluateFormula(parsed.value, {})).toBeNaN();
      expect(evaluateFormula(parsed.value, { constructor: 2 })).toBe(3);
    }
  });

  it('lists the variables an expression uses', () => {
    const parsed = parseFormula('a > 0 ? max(b, 1) : c', ['a', 'b', 'c', 'unused']);
    expect(parsed.ok && [...formulaVariables(parsed.value)].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('parseFormula refuses anything outside the whitelist', () => {
  const cases: [string, string, string[]][] = [
    ['constructor', 'scoring.formula_undeclared_variable', ['x']],
    ['x.constructor', 'scoring.formula_member_access', ['x']],
    ['x["constructor"]', 'scoring.formula_member_access', ['x']],
    ['process.exit()', 'scoring.formula_member_access', ['x']],
    ['this', 'scoring.formula_this', ['x']],
    ["'a'", 'scoring.formula_string', ['x']],
    ['"a" + x', 'scoring.formula_string', ['x']],
    ['[1]', 'scoring.formula_array', ['x']],
    ['a=1', 'scoring.formula_assignment', ['a']],
    ['y + 1', 'scoring.formula_undeclared_variable', ['x']],
    ['sin(x)', 'scoring.formula_function_not_allowed', ['x']],
    ['x(1)', 'scoring.formula_function_not_allowed', ['x']],
    ['round(x, 2)', 'scoring.formula_arity_one', ['x']],
    ['max()', 'scoring.formula_arity_some', ['x']],
    ['x ** 2', 'scoring.formula_operator', ['x']],
    ['x | 1', 'scoring.formula_operator', ['x']],
    ['x ?? 1', 'scoring.formula_operator', ['x']],
    ['~x', 'scoring.formula_operator', ['x']],
    ['true', 'scoring.formula_literal', ['x']],
    ['x, 1', 'scoring.formula_multiple', ['x']],
    ['x; 1', 'scoring.formula_multiple', ['x']],
    ['x +', 'scoring.formula_syntax', ['x']],
    ['x ? 1', 'scoring.formula_syntax', ['x']],
    ['(x)(1)', 'scoring.formula_function_not_allowed', ['x']],
  ];
  it.each(cases)('%s → %s', (expr, code, declared) => {
    const r = parseFormula(expr, declared);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.map((i) => i.code)).toContain(code);
      for (const i of r.error) {
        expect(i.at?.field).toBe('rule.expression');
        expect(hasMessage(i.code)).toBe(true);
      }
    }
  });

  it('names the position of a syntax error', () => {
    const r = parseFormula('x + * 2', ['x']);
    expect(!r.ok && r.error[0]?.params?.position).toBeGreaterThan(0);
  });
});

describe('a template with an unsafe formula is rejected naming template, item and field', () => {
  const unsafe = ['constructor', 'x.constructor', 'process.exit()', 'this', "'a'", '[1]', 'a=1', 'undeclared + x', 'sin(x)'];
  it.each(unsafe)('%s', (expression) => {
    const t = buildTemplate([leaf('1', null, 10, formula(expression, ['x', 'a']))], { id: 'so-mau' });
    const issues = checkTemplate(t);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.at).toMatchObject({ template: 'so-mau', item: '1', field: 'rule.expression' });
      expect(formatIssue('vi', i)).toMatch(/^bộ tiêu chí so-mau · mục 1 · trường rule\.expression: /);
      expect(formatIssue('en', i)).not.toMatch(/\{\w+\}/);
    }
  });
});
