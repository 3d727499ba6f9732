import { describe, expect, it } from 'vitest';
import type { ItemInput } from '../../shared/schema/assessment.ts';
import { acceptedInputKinds, scoreAssessment, scoreItemInput } from '../../shared/scoring/index.ts';
import type { CompiledTemplate } from '../../shared/template/compile.ts';
import type { Issue } from '../../shared/util/issue.ts';
import {
  bands,
  binary,
  compile,
  count,
  countDeduct,
  formula,
  leaf,
  manual,
  manualInput,
  na,
  no,
  pct,
  ratio,
  ratioRule,
  surveyRule,
  vars,
  withInputs,
  yes,
} from '../helpers/template-builder.ts';

/** Published (rounded) score of the single item "1". */
function published(ct: CompiledTemplate, input: ItemInput): number {
  const { report, issues } = scoreAssessment(ct, withInputs(ct, { '1': input }));
  expect(issues).toEqual([]);
  return report.items['1']!.score;
}

function exact(ct: CompiledTemplate, input: ItemInput): number | null {
  const r = scoreItemInput(ct, '1', input);
  if (!r.ok) throw new Error(r.error.map((i) => i.code).join(', '));
  return r.value.score;
}

function refused(ct: CompiledTemplate, input: ItemInput): Issue[] {
  const r = scoreItemInput(ct, '1', input);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error;
}

const one = (max: number, rule: Parameters<typeof leaf>[3], extra = {}) => compile([leaf('1', null, max, rule, extra)], { id: 'rules' });

describe('BINARY', () => {
  const ct = one(2, binary());
  it('yes gives the max, no gives 0', () => {
    expect(exact(ct, yes())).toBe(2);
    expect(exact(ct, no())).toBe(0);
  });
  it('refuses another input kind, naming the item and input.kind', () => {
    const [i] = refused(ct, pct(100));
    expect(i).toMatchObject({ code: 'scoring.wrong_input_kind', at: { template: 'rules', item: '1', field: 'input.kind' } });
  });
});

describe('PERCENT_BANDS', () => {
  // 100% → 3; 80–<100% → 1.5; <80% → 0 (C.1 item 1.2 of the domain brief)
  const ct = one(3, bands([100, 3], [80, 1.5]));
  it('gives the band reached exactly at its threshold, and the lower band just below', () => {
    expect(exact(ct, pct(100))).toBe(3);
    expect(exact(ct, pct(99.99))).toBe(1.5);
    expect(exact(ct, pct(80))).toBe(1.5);
    expect(exact(ct, pct(79.99))).toBe(0);
    expect(exact(ct, pct(0))).toBe(0);
  });
  it('computes percent from a ratio (80/100, 4/5, 8/10 reach the 80 band; 79/100 does not)', () => {
    expect(exact(ct, ratio(80, 100))).toBe(1.5);
    expect(exact(ct, ratio(4, 5))).toBe(1.5);
    expect(exact(ct, ratio(8, 10))).toBe(1.5);
    expect(exact(ct, ratio(79, 100))).toBe(0);
    expect(exact(ct, ratio(5, 5))).toBe(3);
  });
  it('counts a percent that is the threshold up to float noise as reaching it', () => {
    expect(exact(ct, pct(79.99999999999999))).toBe(1.5);
    expect(exact(ct, pct(0.8 * 100))).toBe(1.5);
    const b57 = one(1, bands([57, 1]));
    expect(exact(b57, pct(0.57 * 100))).toBe(1); // 56.99999999999999
    expect(exact(b57, ratio(57, 100))).toBe(1);
  });
  it('explains which band was reached', () => {
    const r = scoreItemInput(ct, '1', ratio(4, 5));
    expect(r.ok && r.value.explain).toEqual({ key: 'scoring.explain.band', params: { percent: 80, min: 80, points: 1.5 } });
    const none = scoreItemInput(ct, '1', pct(10));
    expect(none.ok && none.value.explain).toEqual({ key: 'scoring.explain.band_none', params: { percent: 10, lowest: 80 } });
  });
  it('refuses a zero denominator and a numerator above the denominator', () => {
    expect(refused(ct, ratio(0, 0))[0]).toMatchObject({ code: 'scoring.zero_denominator', at: { item: '1', field: 'input.denominator' } });
    expect(refused(ct, ratio(6, 5))[0]).toMatchObject({ code: 'scoring.numerator_above_denominator', at: { field: 'input.numerator' } });
  });
});

describe('RATIO', () => {
  it('scores max × numerator ÷ denominator', () => {
    const ct = one(2, ratioRule());
    expect(exact(ct, ratio(3, 4))).toBe(1.5);
    expect(exact(ct, ratio(4, 4))).toBe(2);
    expect(exact(ct, ratio(0, 4))).toBe(0);
    expect(exact(ct, ratio(1, 3))).toBeCloseTo(2 / 3, 12);
    expect(published(ct, ratio(1, 3))).toBe(0.67);
  });
  it('refuses a numerator above the denominator', () => {
    expect(refused(one(2, ratioRule()), ratio(5, 4))[0]).toMatchObject({ code: 'scoring.numerator_above_denominator', at: { item: '1' } });
  });
  it('treats a zero denominator as the rule says: FULL, ZERO or NOT_APPLICABLE', () => {
    expect(exact(one(2, ratioRule('FULL')), ratio(0, 0))).toBe(2);
    expect(exact(one(2, ratioRule('ZERO')), ratio(0, 0))).toBe(0);
    const naCt = compile([leaf('1', null, 2, ratioRule('NOT_APPLICABLE')), leaf('2', null, 8, binary())]);
    const r = scoreItemInput(naCt, '1', ratio(0, 0));
    expect(r.ok && r.value).toMatchObject({ score: null, notApplicable: true });
    const { report } = scoreAssessment(naCt, withInputs(naCt, { '1': ratio(0, 0), '2': yes() }));
    expect(report.items['1']).toMatchObject({ state: 'notApplicable', effectiveMax: 0 });
    expect(report.max).toBe(8);
    expect(report.index).toBe(100);
  });
});

describe('COUNT_DEDUCT', () => {
  const ct = one(1, countDeduct(0.5));
  it('deducts per count and never goes below 0', () => {
    expect(exact(ct, count(0))).toBe(1);
    expect(exact(ct, count(1))).toBe(0.5);
    expect(exact(ct, count(2))).toBe(0);
    expect(exact(ct, count(7))).toBe(0);
  });
  it('publishes 0.7 for 1 − 0.1 × 3', () => {
    expect(published(one(1, countDeduct(0.1)), count(3))).toBe(0.7);
  });
  it('refuses a count that is not a whole number', () => {
    expect(refused(ct, count(1.5))[0]).toMatchObject({ code: 'scoring.count_not_integer', at: { field: 'input.value' } });
  });
});

describe('MANUAL', () => {
  const ct = one(1, manual(0.25));
  it('takes a value within 0..max on the step', () => {
    expect(exact(ct, manualInput(0))).toBe(0);
    expect(exact(ct, manualInput(0.75))).toBe(0.75);
    expect(exact(ct, manualInput(1))).toBe(1);
  });
  it('refuses a value above max, below zero or off the step, naming item and input.value', () => {
    expect(refused(ct, manualInput(1.25))[0]).toMatchObject({
      code: 'scoring.above_max',
      at: { template: 'rules', item: '1', field: 'input.value' },
      params: { value: 1.25, max: 1 },
    });
    expect(refused(ct, manualInput(-0.25))[0]).toMatchObject({ code: 'scoring.below_zero', at: { item: '1', field: 'input.value' } });
    expect(refused(ct, manualInput(0.3))[0]).toMatchObject({ code: 'scoring.not_step_multiple', params: { step: 0.25 } });
  });
  it('accepts decimal steps despite float noise (0.3 in steps of 0.1)', () => {
    expect(exact(one(1, manual(0.1)), manualInput(0.3))).toBe(0.3);
  });
  it('without a step takes any value in range', () => {
    expect(exact(one(1, manual()), manualInput(0.123))).toBe(0.123);
  });
});

describe('SURVEY', () => {
  const ct = one(12, surveyRule(), { survey: true });
  it('scores max × percent ÷ 100 at 0 and 100', () => {
    expect(exact(ct, pct(0))).toBe(0);
    expect(exact(ct, pct(100))).toBe(12);
    expect(exact(ct, pct(62.5))).toBe(7.5);
  });
  it('refuses a percent over 100 and "not applicable"', () => {
    expect(refused(ct, pct(100.5))[0]).toMatchObject({ code: 'scoring.percent_above_100', at: { field: 'input.value' } });
    expect(refused(ct, na())[0]).toMatchObject({ code: 'scoring.not_applicable_not_allowed', at: { field: 'input.kind' } });
  });
});

describe('FORMULA', () => {
  const ct = one(3, formula('3 * x / 100 + bonus', [{ name: 'x', min: 0, max: 200 }, 'bonus']));
  it('evaluates with the declared variables', () => {
    expect(exact(ct, vars({ x: 50, bonus: 0 }))).toBe(1.5);
  });
  it('clamps the result to 0..max and says so', () => {
    expect(exact(ct, vars({ x: 200, bonus: 0 }))).toBe(3);
    expect(exact(ct, vars({ x: 0, bonus: -5 }))).toBe(0);
    const r = scoreItemInput(ct, '1', vars({ x: 200, bonus: 0 }));
    expect(r.ok && r.value.explain).toMatchObject({ key: 'scoring.explain.formula_clamped', params: { value: 6, points: 3 } });
  });
  it('refuses a missing, undeclared or out-of-range variable, naming the variable field', () => {
    const codes = (input: ItemInput) => refused(ct, input).map((i) => [i.code, i.at?.field]);
    expect(codes(vars({ x: 10 }))).toEqual([['scoring.variable_missing', 'input.values.bonus']]);
    expect(codes(vars({ x: 10, bonus: 0, y: 1 }))).toEqual([['scoring.variable_undeclared', 'input.values.y']]);
    expect(codes(vars({ x: 201, bonus: 0 }))).toEqual([['scoring.variable_above_max', 'input.values.x']]);
    expect(codes(vars({ x: -1, bonus: 0 }))).toEqual([['scoring.variable_below_min', 'input.values.x']]);
  });
  it('refuses a division by zero (non-finite result)', () => {
    const div = one(2, formula('n / d', ['n', 'd']));
    expect(refused(div, vars({ n: 1, d: 0 }))[0]).toMatchObject({ code: 'scoring.formula_not_finite', at: { item: '1' } });
    expect(refused(div, vars({ n: 0, d: 0 }))[0]).toMatchObject({ code: 'scoring.formula_not_finite' });
    expect(exact(div, vars({ n: 1, d: 2 }))).toBe(0.5);
  });
});

describe('not applicable', () => {
  it('is accepted only where the item allows it', () => {
    const allowed = one(2, binary(), { notApplicableAllowed: true });
    const r = scoreItemInput(allowed, '1', na());
    expect(r.ok && r.value).toEqual({ score: null, notApplicable: true, explain: { key: 'scoring.explain.not_applicable', params: {} } });
    expect(refused(one(2, binary()), na())[0]).toMatchObject({
      code: 'scoring.not_applicable_not_allowed',
      at: { template: 'rules', item: '1', field: 'input.kind' },
    });
  });
  it('is among the kinds the UI offers only where allowed', () => {
    const ct = compile([leaf('1', null, 1, bands([50, 1]), { notApplicableAllowed: true }), leaf('2', null, 1, binary())]);
    expect(acceptedInputKinds(ct.byCode.get('1')!)).toEqual(['percent', 'ratio', 'notApplicable']);
    expect(acceptedInputKinds(ct.byCode.get('2')!)).toEqual(['binary']);
  });
});

describe('inputs that bypassed the schema', () => {
  it('are refused as data, never thrown', () => {
    const ct = one(2, manual());
    const bad = [
      { kind: 'manual', value: Number.NaN },
      { kind: 'manual' },
      { kind: 'nonsense' },
      { kind: 'manual', value: Number.POSITIVE_INFINITY },
    ] as unknown as ItemInput[];
    for (const input of bad) expect(refused(ct, input).length).toBeGreaterThan(0);
    const pb = one(2, bands([50, 2]));
    expect(refused(pb, { kind: 'percent', value: -1 })[0]?.code).toBe('scoring.invalid_number');
  });
});
