import { describe, expect, it } from 'vitest';
import { type AgencyInput, computeResults } from '../../shared/results/index.ts';
import type { Campaign } from '../../shared/schema/campaign.ts';
import { compile, leaf, manual } from '../helpers/template-builder.ts';
import { GENERATED_AT, agency, campaign, input } from './fixtures.ts';

const run = (agencies: AgencyInput[], c: Campaign = campaign()) => computeResults({ campaign: c, agencies, generatedAt: GENERATED_AT });
const only = (agencies: AgencyInput[], c?: Campaign) => run(agencies, c).agencies[0]!;

describe('an agency’s scores', () => {
  it('shows self, appraised and survey side by side; the appraisal changes appraised and total, never self', () => {
    // Sở Tư pháp self-scored 20 + 18 + 25 = 63 of 70; Home Affairs appraised 1.2 at 15 and 2.1 at 22
    // (1.1 not appraised: keeps its 20). Survey 80 % of 30 = 24.
    const r = only([input(agency('STP'), { self: { '1.1': 20, '1.2': 18, '2.1': 25 }, appraised: { '1.2': 15, '2.1': 22 }, survey: { '3.1': 80 } })]);
    expect(r.self).toEqual({ score: 63, max: 70 });
    expect(r.appraised).toEqual({ score: 57, max: 70 });
    expect(r.survey).toEqual({ score: 24, max: 30 });
    expect(r.total).toBe(81); // 57 + 24
    expect(r.max).toBe(100);
    expect(r.index).toBe(81);
    expect(r.indexWithoutSurvey).toBe(81.43); // 57 / 70 = 81.428…
    expect(r.hasAppraisal).toBe(true);
    expect(r.status).toBe('appraised_1');
  });

  it('equals self where nothing is appraised', () => {
    const r = only([input(agency('STC'), { self: { '1.1': 20, '1.2': 18, '2.1': 25 }, survey: { '3.1': 50 } })]);
    expect(r.appraised).toEqual(r.self);
    expect(r.total).toBe(78); // 63 + 15
    expect(r.hasAppraisal).toBe(false);
    expect(r.status).toBe('submitted');
  });

  it('gives per-area points, maximum and index', () => {
    const r = only([input(agency('STP'), { self: { '1.1': 20, '1.2': 18, '2.1': 25 }, appraised: { '1.2': 15 }, survey: { '3.1': 80 } })]);
    expect(r.areas.map((a) => [a.code, a.max, a.self, a.appraised, a.survey, a.points, a.index])).toEqual([
      ['1', 40, 38, 35, 0, 35, 87.5],
      ['2', 30, 25, 25, 0, 25, 83.33],
      ['3', 30, 0, 0, 24, 24, 80],
    ]);
    expect(r.areas[0]!.title).toEqual({ vi: 'Mục 1' });
  });

  it('ignores a self score typed on a survey item: survey items are scored by the survey only', () => {
    const res = run([input(agency('STP'), { self: { '1.1': 20, '3.1': { kind: 'percent', value: 100 } }, survey: { '3.1': 40 } })]);
    expect(res.agencies[0]!.survey.score).toBe(12); // 40 % of 30, not the 100 % typed by the agency
    expect(res.agencies[0]!.self.score).toBe(20);
  });

  it('reports, with the agency, survey results for non-survey items and appraised scores on survey items, and ignores them', () => {
    const res = run([input(agency('STP'), { self: { '1.1': 20 }, appraised: { '3.1': 30, '1.1': 25 }, survey: { '1.1': 100 } })]);
    expect(res.issues.map((i) => [i.code, i.at?.agency, i.at?.item])).toEqual([
      ['results.survey_not_survey_item', 'STP', '1.1'],
      ['results.appraisal_on_survey_item', 'STP', '3.1'],
      ['scoring.above_max', 'STP', '1.1'],
    ]);
    expect(res.agencies[0]!.appraised.score).toBe(20);
    expect(res.agencies[0]!.survey.score).toBe(0);
  });
});

describe('bonus and penalty', () => {
  it('take the appraisal’s bonus and penalty, each capped by the template (bonus 5, penalty 4)', () => {
    // 3 + 3 bonus → capped 5; 3 + 3 penalty → capped 4. 40 + 20 + 5 − 4 = 61.
    const r = only([
      input(agency('SXD'), { self: { '1.1': 20, '1.2': 20, '2.1': 30 }, appraised: { '2.1': 0 }, survey: { '3.1': 66.6666666667 }, bonus: { B1: 3, B2: 3 }, penalty: { P1: 3, P2: 3 } }),
    ]);
    expect([r.bonus, r.penalty, r.total, r.index]).toEqual([5, 4, 61, 61]);
  });

  it('without an appraisal take the self-declared bonus and no penalty', () => {
    const r = only([input(agency('SXD'), { self: { '1.1': 10 }, selfBonus: { B1: 2 }, selfPenalty: { P1: 3 } })]);
    expect([r.bonus, r.penalty, r.total]).toEqual([2, 0, 12]);
  });

  it('the appraisal’s bonus replaces the self-declared one', () => {
    const r = only([input(agency('SXD'), { self: { '1.1': 10 }, selfBonus: { B1: 3 }, bonus: { B2: 1 } })]);
    expect([r.bonus, r.total]).toEqual([1, 11]);
  });

  it('the total never goes below 0 nor above the maximum', () => {
    const low = only([input(agency('A'), { self: { '1.1': 1 }, penalty: { P1: 3 } })]);
    expect([low.total, low.index]).toEqual([0, 0]);
    const high = only([input(agency('B'), { self: { '1.1': 20, '1.2': 20, '2.1': 30 }, survey: { '3.1': 100 }, bonus: { B1: 3 } })]);
    expect([high.total, high.index]).toEqual([100, 100]);
  });
});

describe('rounding, once, and the classification band', () => {
  const hundred = compile([leaf('1', null, 100, manual())]);
  const twoHundred = compile([leaf('1', null, 200, manual())]);
  const bandOf = (score: number, ct = hundred) => {
    const r = only([input(agency('S'), { template: ct, self: { '1': score } })]);
    return [r.total, r.index, r.band];
  };

  it('79.995 is published as 80.00 and reaches band B (from 80); 79.994 is 79.99, band C; 80 is B', () => {
    expect(bandOf(79.995)).toEqual([80, 80, 'B']);
    expect(bandOf(79.994)).toEqual([79.99, 79.99, 'C']);
    expect(bandOf(80)).toEqual([80, 80, 'B']);
  });

  it('rounds the index from the exact total, not from the rounded total', () => {
    // 159.989 of 200 = 79.9945 % → 79.99 (C). The published total is 159.99, and 159.99 / 200 would be
    // 79.995 → 80.00 (B): rounding twice would move the agency up a band.
    expect(bandOf(159.989, twoHundred)).toEqual([159.99, 79.99, 'C']);
    // An exact index of 79.995 on a 200-point scale: 159.99 of 200.
    expect(bandOf(159.99, twoHundred)).toEqual([159.99, 80, 'B']);
  });

  it('gives no band when no band is reached', () => {
    const c = campaign({ bands: [{ code: 'A', label: { vi: 'Xuất sắc' }, minIndex: 90 }] });
    const r = only([input(agency('S'), { template: hundred, self: { '1': 50 } })], c);
    expect(r.band).toBeNull();
  });
});

describe('late submissions and missing ones', () => {
  // 40 in area 1 and the full 30 survey points, so the total is area 2 + 70.
  const scored = (area2: number, late = false) => ({ self: { '1.1': 20, '1.2': 20, '2.1': area2 }, survey: { '3.1': 100 }, late });
  const three = (): AgencyInput[] => [
    input(agency('S1'), scored(20)), // 90
    input(agency('S2'), scored(10, true)), // 80, late
    input(agency('S3'), scored(0)), // 70
  ];
  const ranks = (c: Campaign) => run(three(), c).agencies.map((a) => [a.agency.code, a.rank, a.ranked, a.late, a.total, a.band]);

  it('rank_flagged: ranked like the others and flagged late', () => {
    expect(ranks(campaign({ late: { mode: 'rank_flagged', penaltyPoints: 0 } }))).toEqual([
      ['S1', 1, true, false, 90, 'A'],
      ['S2', 2, true, true, 80, 'B'],
      ['S3', 3, true, false, 70, 'C'],
    ]);
  });

  it('not_ranked: "Không xếp hạng", keeps its band, and the others close ranks', () => {
    const res = run(three(), campaign({ late: { mode: 'not_ranked', penaltyPoints: 0 } }));
    expect(res.agencies.map((a) => [a.agency.code, a.rank, a.ranked, a.band])).toEqual([
      ['S1', 1, true, 'A'],
      ['S3', 2, true, 'C'],
      ['S2', null, false, 'B'],
    ]);
    expect(res.agencies[2]!.unranked).toEqual({ key: 'results.unranked.late', params: {} });
  });

  it('penalty: ranked after deducting the campaign’s late penalty points', () => {
    const res = run(three(), campaign({ late: { mode: 'penalty', penaltyPoints: 15 } }));
    expect(res.agencies.map((a) => [a.agency.code, a.rank, a.total, a.latePenalty, a.index])).toEqual([
      ['S1', 1, 90, 0, 90],
      ['S3', 2, 70, 0, 70],
      ['S2', 3, 65, 15, 65], // 80 − 15
    ]);
  });

  it('no submission: not ranked, no band, status "chưa nộp", still counted in its group', () => {
    const res = run([...three(), input(agency('S4'), { survey: { '3.1': 90 } })], campaign({ late: { mode: 'rank_flagged', penaltyPoints: 0 } }));
    const s4 = res.agencies.find((a) => a.agency.code === 'S4')!;
    expect(s4).toMatchObject({ submitted: false, ranked: false, rank: null, band: null, status: 'not_submitted', unranked: { key: 'results.unranked.no_submission' } });
    expect(res.agencies.at(-1)!.agency.code).toBe('S4');
    expect(res.groups).toEqual([{ group: 'department', agencies: 4, submitted: 3, ranked: 3, late: 1, averageIndex: 80, bands: { A: 1, B: 1, C: 1 } }]);
  });
});
