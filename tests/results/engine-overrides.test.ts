import { describe, expect, it } from 'vitest';
import { scoreAssessment, scoreAssessmentExact } from '../../shared/scoring/index.ts';
import { manualInput, na, pct, withInputs } from '../helpers/template-builder.ts';
import { deptTemplate } from './fixtures.ts';

const ct = deptTemplate();

describe('scoreAssessment with appraised scores (overrides)', () => {
  it('replaces the self score of the appraised leaves only, and explains it as appraised', () => {
    const a = withInputs(ct, { '1.1': manualInput(20), '1.2': manualInput(18), '2.1': manualInput(25) });
    const self = scoreAssessment(ct, a).report;
    const { report, issues } = scoreAssessment(ct, a, { overrides: { '1.2': 15.5 } });
    expect(issues).toEqual([]);
    expect(self.items['1']!.score).toBe(38);
    expect(report.items['1.2']).toMatchObject({ score: 15.5, state: 'scored', explain: { key: 'results.explain.appraised', params: { points: 15.5 } } });
    expect(report.items['1.1']!.score).toBe(20);
    expect(report.items['1']!.score).toBe(35.5);
    expect(report.self.score).toBe(60.5);
    // The assessment itself is untouched: scoring it again without overrides gives the self score.
    expect(scoreAssessment(ct, a).report.self.score).toBe(63);
  });

  it('scores an unanswered leaf and a "not applicable" leaf that the appraisal scores (N/A counts as scored then)', () => {
    const a = withInputs(ct, { '1.1': manualInput(20), '1.2': na() });
    const before = scoreAssessment(ct, a).report;
    expect(before.items['1.2']!.state).toBe('notApplicable');
    expect(before.max).toBe(80); // 20 points re-based away
    const { report } = scoreAssessment(ct, a, { overrides: { '1.2': 10, '2.1': 30 } });
    expect(report.items['1.2']).toMatchObject({ state: 'scored', score: 10, effectiveMax: 20 });
    expect(report.items['2.1']).toMatchObject({ state: 'scored', score: 30 });
    expect(report.max).toBe(100);
    expect(report.total).toBe(60);
  });

  it('keeps a N/A leaf N/A when the appraisal does not touch it', () => {
    const a = withInputs(ct, { '1.2': na() });
    const { report } = scoreAssessment(ct, a, { overrides: { '1.1': 12 } });
    expect(report.items['1.2']!.state).toBe('notApplicable');
    expect(report.items['1']).toMatchObject({ score: 12, effectiveMax: 20 });
  });

  it('refuses appraised points outside 0..max with an issue naming the item, and keeps the computed score', () => {
    const a = withInputs(ct, { '1.1': manualInput(20), '1.2': manualInput(10) });
    const { report, issues } = scoreAssessment(ct, a, { overrides: { '1.1': 21, '1.2': -1, '1': 5, X9: 1, '2.1': Number.NaN } });
    expect(issues.map((i) => [i.code, i.at?.item, i.at?.field, i.params])).toEqual([
      ['scoring.unknown_item', 'X9', 'override', undefined],
      ['scoring.not_a_leaf', '1', 'override', undefined],
      ['scoring.above_max', '1.1', 'override', { value: 21, max: 20 }],
      ['scoring.below_zero', '1.2', 'override', { value: -1 }],
      ['scoring.invalid_number', '2.1', 'override', undefined],
    ]);
    expect(report.items['1.1']!.score).toBe(20);
    expect(report.items['1.2']!.score).toBe(10);
    expect(report.items['2.1']!.state).toBe('unanswered');
  });

  it('accepts exactly the max and exactly 0', () => {
    const a = withInputs(ct, {});
    const { report, issues } = scoreAssessment(ct, a, { overrides: { '1.1': 20, '1.2': 0 } });
    expect(issues).toEqual([]);
    expect(report.items['1']).toMatchObject({ score: 20, state: 'scored' });
  });

  it('scores survey leaves from percent inputs put into the items', () => {
    const a = withInputs(ct, { '3.1': pct(73.5) });
    const { report } = scoreAssessment(ct, a);
    // 30 × 73.5 % = 22.05
    expect(report.survey).toEqual({ score: 22.05, max: 30 });
  });

  it('gives the same exact figures the report rounds', () => {
    const a = withInputs(ct, { '1.1': manualInput(1 / 3), '3.1': pct(10 / 3) });
    const { exact } = scoreAssessmentExact(ct, a);
    const { report } = scoreAssessment(ct, a);
    expect(exact.base).toBeCloseTo(1 / 3 + 1, 12);
    expect(report.base).toBe(1.33);
  });
});
