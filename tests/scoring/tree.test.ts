import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../shared/scoring/index.ts';
import {
  binary,
  compile,
  group,
  leaf,
  manual,
  manualInput,
  na,
  no,
  pct,
  surveyRule,
  withInputs,
  yes,
} from '../helpers/template-builder.ts';

const naOk = { notApplicableAllowed: true };

/**
 * 100 points: area 1 (40) = 1.1 (20: 1.1.1 binary 4 N/A-able, 1.1.2 binary 16) + 1.2 (20 manual);
 * area 2 (30) = two binary leaves 10 + 20 (20 N/A-able); area 3 (30) survey.
 */
const ct = compile(
  [
    group('1', null, 40),
    group('1.1', '1', 20),
    leaf('1.1.1', '1.1', 4, binary(), naOk),
    leaf('1.1.2', '1.1', 16, binary(), naOk),
    leaf('1.2', '1', 20, manual()),
    group('2', null, 30),
    leaf('2.1', '2', 10, binary()),
    leaf('2.2', '2', 20, binary(), naOk),
    group('3', null, 30, { survey: true }),
    leaf('3.1', '3', 18, surveyRule(), { survey: true }),
    leaf('3.2', '3', 12, surveyRule(), { survey: true }),
  ],
  {
    id: 'par-so',
    bonus: { cap: 2, items: [{ code: 'T1', title: { vi: 'Mô hình mới' }, max: 1.5 }, { code: 'T2', title: { vi: 'Top 3' }, max: 1.5 }] },
    penalty: { cap: 5, items: [{ code: 'P1', title: { vi: 'Vi phạm' }, max: 3 }, { code: 'P2', title: { vi: 'Chậm báo cáo' }, max: 3 }] },
  },
);

const full = {
  '1.1.1': yes(),
  '1.1.2': yes(),
  '1.2': manualInput(20),
  '2.1': yes(),
  '2.2': yes(),
  '3.1': pct(100),
  '3.2': pct(100),
};

describe('tree sums and states', () => {
  it('scores nothing entered as 0 of 100, every leaf unanswered', () => {
    const { report, issues } = scoreAssessment(ct, withInputs(ct, {}));
    expect(issues).toEqual([]);
    expect(report).toMatchObject({ base: 0, total: 0, max: 100, index: 0, answered: 0, leafCount: 7 });
    expect(report.items['1']).toMatchObject({ state: 'unanswered', score: 0, effectiveMax: 40, depth: 0, parent: null });
    expect(report.items['1.1.1']).toMatchObject({ state: 'unanswered', depth: 2, parent: '1.1', explain: { key: 'scoring.explain.unanswered' } });
    expect(report.roots).toEqual(['1', '2', '3']);
    expect(report.template).toEqual({ id: 'par-so', version: 1 });
  });

  it('adds children into parents and marks partly answered parents', () => {
    const { report } = scoreAssessment(ct, withInputs(ct, { '1.1.1': yes(), '1.1.2': no(), '2.1': yes() }));
    expect(report.items['1.1']).toMatchObject({ score: 4, state: 'scored' });
    expect(report.items['1']).toMatchObject({ score: 4, state: 'partial' });
    expect(report.items['2']).toMatchObject({ score: 10, state: 'partial' });
    expect(report.items['3']).toMatchObject({ state: 'unanswered' });
    expect(report).toMatchObject({ base: 14, total: 14, max: 100, index: 14, answered: 3 });
  });

  it('gives 100 of 100 when everything is full', () => {
    const { report } = scoreAssessment(ct, withInputs(ct, full));
    expect(report).toMatchObject({ base: 100, total: 100, max: 100, index: 100, answered: 7 });
    expect(report.self).toEqual({ score: 70, max: 70 });
    expect(report.survey).toEqual({ score: 30, max: 30 });
  });

  it('reports the self-assessed part and the survey part separately', () => {
    const { report } = scoreAssessment(ct, withInputs(ct, { '1.2': manualInput(10), '3.1': pct(50), '3.2': pct(25) }));
    expect(report.survey).toEqual({ score: 12, max: 30 });
    expect(report.self).toEqual({ score: 10, max: 70 });
    expect(report.items['3']).toMatchObject({ survey: true, score: 12 });
    expect(report.items['1']).toMatchObject({ survey: false });
  });
});

describe('not applicable re-basing', () => {
  it('a 4-point leaf N/A takes 4 points out of every ancestor and of the total: max 96', () => {
    const { report } = scoreAssessment(ct, withInputs(ct, { ...full, '1.1.1': na() }));
    expect(report.items['1.1.1']).toMatchObject({ state: 'notApplicable', score: 0, effectiveMax: 0, max: 4 });
    expect(report.items['1.1']).toMatchObject({ effectiveMax: 16, max: 20, score: 16, state: 'scored' });
    expect(report.items['1']).toMatchObject({ effectiveMax: 36, max: 40, score: 36 });
    expect(report).toMatchObject({ max: 96, total: 96, index: 100 });
    expect(report.self).toEqual({ score: 66, max: 66 });
  });

  it('re-bases the index: 48 of 96 is 50%', () => {
    const { report } = scoreAssessment(ct, withInputs(ct, { '1.1.1': na(), '1.2': manualInput(20), '2.1': yes(), '3.1': pct(100) }));
    expect(report).toMatchObject({ base: 48, max: 96, index: 50 });
  });

  it('a parent whose children are all N/A is itself N/A and leaves the total', () => {
    const { report } = scoreAssessment(ct, withInputs(ct, { ...full, '1.1.1': na(), '1.1.2': na() }));
    expect(report.items['1.1']).toMatchObject({ state: 'notApplicable', score: 0, effectiveMax: 0 });
    expect(report.items['1']).toMatchObject({ state: 'scored', effectiveMax: 20, score: 20 });
    expect(report).toMatchObject({ max: 80, total: 80, index: 100 });
  });

  it('an area all N/A leaves the total; a template all N/A has max 0 and index 0', () => {
    const small = compile([group('A', null, 10), leaf('A.1', 'A', 10, binary(), naOk), leaf('B', null, 5, binary(), naOk)]);
    const one = scoreAssessment(small, withInputs(small, { 'A.1': na(), B: yes() })).report;
    expect(one.items['A']).toMatchObject({ state: 'notApplicable', effectiveMax: 0 });
    expect(one).toMatchObject({ max: 5, total: 5, index: 100 });
    const all = scoreAssessment(small, withInputs(small, { 'A.1': na(), B: na() })).report;
    expect(all).toMatchObject({ max: 0, total: 0, index: 0, answered: 2 });
  });
});

describe('bonus and penalty', () => {
  const a = (bonus: Record<string, number>, penalty: Record<string, number>, inputs: Record<string, ReturnType<typeof yes>> = {}) => {
    const x = withInputs(ct, inputs);
    for (const [k, v] of Object.entries(bonus)) x.bonus[k] = { points: v };
    for (const [k, v] of Object.entries(penalty)) x.penalty[k] = { points: v };
    return x;
  };

  it('adds bonus and subtracts penalty, each within its cap', () => {
    const { report, issues } = scoreAssessment(ct, a({ T1: 1.5, T2: 1.5 }, { P1: 3, P2: 3 }, { '1.1.2': yes(), '2.2': yes() }));
    expect(issues).toEqual([]);
    expect(report).toMatchObject({ base: 36, bonus: 2, penalty: 5, total: 33, index: 33 });
  });

  it('clamps the total at 0', () => {
    const { report } = scoreAssessment(ct, a({}, { P1: 3 }, { '1.1.1': yes() }));
    expect(report).toMatchObject({ base: 4, penalty: 3, total: 1 });
    const below = scoreAssessment(ct, a({}, { P1: 3, P2: 2 }, { '1.1.1': yes() })).report;
    expect(below).toMatchObject({ base: 4, penalty: 5, total: 0, index: 0 });
  });

  it('clamps the total at the (re-based) max', () => {
    const { report } = scoreAssessment(ct, a({ T1: 1 }, {}, full));
    expect(report).toMatchObject({ base: 100, bonus: 1, total: 100, index: 100 });
    const rebased = scoreAssessment(ct, a({ T1: 1 }, {}, { ...full, '1.1.1': na() })).report;
    expect(rebased).toMatchObject({ base: 96, max: 96, total: 96, index: 100 });
  });

  it('turns an unknown code or points above the item max into issues and ignores the entry', () => {
    const { report, issues } = scoreAssessment(ct, a({ T1: 2, TX: 1 }, { P1: 1 }, { '2.1': yes() }));
    expect(issues.map((i) => [i.code, i.at?.item, i.at?.field])).toEqual([
      ['scoring.bonus_above_max', 'T1', 'points'],
      ['scoring.unknown_bonus', 'TX', 'code'],
    ]);
    expect(report).toMatchObject({ bonus: 0, penalty: 1, total: 9 });
  });
});

describe('rounding happens once, on the exact tree', () => {
  const thirds = compile([
    group('1', null, 1),
    leaf('1.1', '1', 1 / 3, manual()),
    leaf('1.2', '1', 1 / 3, manual()),
    leaf('1.3', '1', 1 / 3, manual()),
    leaf('2', null, 2, manual()),
  ]);

  it('shows each third as 0.33 but their sum as 1.00', () => {
    const third = 1 / 3;
    const { report } = scoreAssessment(thirds, withInputs(thirds, { '1.1': manualInput(third), '1.2': manualInput(third), '1.3': manualInput(third) }));
    expect(report.items['1.1']).toMatchObject({ score: 0.33, max: 0.33 });
    expect(report.items['1']).toMatchObject({ score: 1, max: 1 });
    expect(report.total).toBe(1);
    expect(report.index).toBe(33.33);
  });

  it('rounds 1.005 up and 79.995 to 80', () => {
    const r = compile([leaf('1', null, 2, manual()), leaf('2', null, 98, manual())]);
    const { report } = scoreAssessment(r, withInputs(r, { '1': manualInput(1.005), '2': manualInput(79.995) }));
    expect(report.items['1']!.score).toBe(1.01);
    expect(report.items['2']!.score).toBe(80);
    expect(report.total).toBe(81);
  });

  it('computes the index from unrounded totals: 2/3 of 3 points is 66.67%', () => {
    const r = compile([leaf('1', null, 3, manual())]);
    const { report } = scoreAssessment(r, withInputs(r, { '1': manualInput(2) }));
    expect(report.index).toBe(66.67);
  });
});
