import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/schema/assessment.ts';
import { scoreAssessment, setAdjustment, setItemInput } from '../../shared/scoring/index.ts';
import { bands, binary, compile, emptyAssessment, group, leaf, manual, manualInput, na, pct, ratio, withInputs, yes } from '../helpers/template-builder.ts';

const ct = compile(
  [
    group('1', null, 10),
    group('1.1', '1', 6),
    leaf('1.1.1', '1.1', 3, bands([100, 3], [80, 1.5])),
    leaf('1.1.2', '1.1', 3, manual(0.5), { notApplicableAllowed: true }),
    leaf('1.2', '1', 4, binary()),
    leaf('2', null, 10, manual()),
  ],
  { id: 'par-xa', bonus: { cap: 2, items: [{ code: 'T1', title: { vi: 'Thưởng' }, max: 2 }] }, penalty: { cap: 3, items: [{ code: 'P1', title: { vi: 'Trừ' }, max: 3 }] } },
);

const deepCopy = (a: Assessment): Assessment => JSON.parse(JSON.stringify(a)) as Assessment;

describe('scoreAssessment on stored data', () => {
  it('turns unknown codes, inputs on parents and refused inputs into issues and scores them as unanswered', () => {
    const a = withInputs(ct, { '1.1.1': ratio(4, 5), '1.2': pct(50), '1.1': yes(), X9: yes(), '2': manualInput(11) });
    const { report, issues } = scoreAssessment(ct, a);
    expect(issues.map((i) => [i.code, i.at?.template, i.at?.item, i.at?.field])).toEqual([
      ['scoring.not_a_leaf', 'par-xa', '1.1', 'input'],
      ['scoring.wrong_input_kind', 'par-xa', '1.2', 'input.kind'],
      ['scoring.above_max', 'par-xa', '2', 'input.value'],
      ['scoring.unknown_item', 'par-xa', 'X9', 'code'],
    ]);
    expect(report.items['1.2']).toMatchObject({ state: 'unanswered', score: 0, explain: { key: 'scoring.explain.invalid' } });
    expect(report.items['2']).toMatchObject({ state: 'unanswered', score: 0 });
    expect(report).toMatchObject({ total: 1.5, answered: 1 });
  });

  it('does not throw on odd data that bypassed the schema', () => {
    const a = withInputs(ct, {});
    (a.items as Record<string, unknown>)['1.2'] = { input: { kind: 'binary', value: 'maybe' }, selfScore: null, evidence: [] };
    (a.bonus as Record<string, unknown>)['T1'] = { points: Number.NaN };
    const { report, issues } = scoreAssessment(ct, a);
    expect(issues.map((i) => i.code)).toEqual(['scoring.invalid_binary', 'scoring.invalid_number']);
    expect(report.total).toBe(0);
  });

  it('accepts entries that carry only notes and evidence', () => {
    const a = emptyAssessment(ct);
    a.items['1.2'] = { selfScore: null, note: 'Đang thu thập', evidence: [{ docNo: '12/KH-SNV' }] };
    const { report, issues } = scoreAssessment(ct, a);
    expect(issues).toEqual([]);
    expect(report.items['1.2']!.state).toBe('unanswered');
  });
});

describe('setItemInput', () => {
  it('returns a new assessment with the input and the rounded self score, leaving the old one untouched', () => {
    const before = emptyAssessment(ct);
    const snapshot = deepCopy(before);
    const r = setItemInput(ct, before, '1.1.1', ratio(4, 5));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(before).toEqual(snapshot);
    expect(r.value.assessment).not.toBe(before);
    expect(r.value.assessment.items['1.1.1']).toEqual({ input: ratio(4, 5), selfScore: 1.5, evidence: [] });
    expect(r.value.item).toMatchObject({ code: '1.1.1', score: 1.5, state: 'scored' });
    expect(r.value.ancestors.map((x) => [x.code, x.score, x.state])).toEqual([
      ['1.1', 1.5, 'partial'],
      ['1', 1.5, 'partial'],
    ]);
    expect(r.value.report.total).toBe(1.5);
  });

  it('keeps the note and evidence of the entry it updates', () => {
    const a = emptyAssessment(ct);
    a.items['1.2'] = { selfScore: null, note: 'ghi chú', evidence: [{ docNo: '5/BC' }] };
    const r = setItemInput(ct, a, '1.2', yes());
    expect(r.ok && r.value.assessment.items['1.2']).toEqual({ selfScore: 4, note: 'ghi chú', evidence: [{ docNo: '5/BC' }], input: yes() });
  });

  it('clears an input with null and sets the self score to null; N/A also has no self score', () => {
    const first = setItemInput(ct, emptyAssessment(ct), '1.1.2', manualInput(2.5));
    if (!first.ok) throw new Error('unexpected');
    expect(first.value.assessment.items['1.1.2']!.selfScore).toBe(2.5);
    const cleared = setItemInput(ct, first.value.assessment, '1.1.2', null);
    if (!cleared.ok) throw new Error('unexpected');
    expect(cleared.value.assessment.items['1.1.2']).toEqual({ selfScore: null, evidence: [] });
    expect(cleared.value.item.state).toBe('unanswered');
    const notApplicable = setItemInput(ct, first.value.assessment, '1.1.2', na());
    if (!notApplicable.ok) throw new Error('unexpected');
    expect(notApplicable.value.assessment.items['1.1.2']!.selfScore).toBeNull();
    expect(notApplicable.value.ancestors[0]).toMatchObject({ code: '1.1', effectiveMax: 3 });
    expect(notApplicable.value.report.max).toBe(17);
  });

  it('refuses invalid input with issues and changes nothing', () => {
    const a = withInputs(ct, { '2': manualInput(3) });
    const snapshot = deepCopy(a);
    const r = setItemInput(ct, a, '1.1.2', manualInput(0.7));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ code: 'scoring.not_step_multiple', at: { template: 'par-xa', item: '1.1.2', field: 'input.value' } });
    expect(a).toEqual(snapshot);
    expect(setItemInput(ct, a, 'nope', yes()).ok).toBe(false);
    const parent = setItemInput(ct, a, '1', yes());
    expect(!parent.ok && parent.error[0]?.code).toBe('scoring.not_a_leaf');
  });

  it('agrees with scoring the resulting assessment from scratch', () => {
    let a = emptyAssessment(ct);
    for (const [code, input] of [
      ['1.1.1', pct(100)],
      ['2', manualInput(7.25)],
      ['1.2', yes()],
    ] as const) {
      const r = setItemInput(ct, a, code, input);
      if (!r.ok) throw new Error('unexpected');
      expect(r.value.report).toEqual(scoreAssessment(ct, r.value.assessment).report);
      a = r.value.assessment;
    }
    expect(scoreAssessment(ct, a).report.total).toBe(14.25);
  });
});

describe('setAdjustment', () => {
  it('sets, caps and removes a bonus or penalty without touching the given assessment', () => {
    const a = withInputs(ct, { '2': manualInput(10) });
    const snapshot = deepCopy(a);
    const b = setAdjustment(ct, a, 'bonus', 'T1', 2);
    if (!b.ok) throw new Error('unexpected');
    expect(a).toEqual(snapshot);
    expect(b.value.assessment.bonus).toEqual({ T1: { points: 2 } });
    expect(b.value.report).toMatchObject({ bonus: 2, total: 12 });
    const p = setAdjustment(ct, b.value.assessment, 'penalty', 'P1', 2.5);
    if (!p.ok) throw new Error('unexpected');
    expect(p.value.report).toMatchObject({ penalty: 2.5, total: 9.5 });
    const removed = setAdjustment(ct, p.value.assessment, 'bonus', 'T1', null);
    if (!removed.ok) throw new Error('unexpected');
    expect(removed.value.assessment.bonus).toEqual({});
    expect(removed.value.report.total).toBe(7.5);
  });

  it('refuses unknown codes and points above the item max', () => {
    const a = emptyAssessment(ct);
    const unknown = setAdjustment(ct, a, 'bonus', 'P1', 1);
    expect(!unknown.ok && unknown.error[0]).toMatchObject({ code: 'scoring.unknown_bonus', at: { template: 'par-xa', item: 'P1' } });
    const above = setAdjustment(ct, a, 'penalty', 'P1', 3.5);
    expect(!above.ok && above.error[0]).toMatchObject({ code: 'scoring.penalty_above_max', at: { item: 'P1', field: 'points' }, params: { points: 3.5, max: 3 } });
    const negative = setAdjustment(ct, a, 'penalty', 'P1', -1);
    expect(!negative.ok && negative.error[0]?.code).toBe('scoring.invalid_number');
  });
});
