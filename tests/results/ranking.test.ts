import { describe, expect, it } from 'vitest';
import { type AgencyInput, computeResults } from '../../shared/results/index.ts';
import type { Campaign } from '../../shared/schema/campaign.ts';
import { GENERATED_AT, agency, campaign, input } from './fixtures.ts';

const run = (agencies: AgencyInput[], c: Campaign) => computeResults({ campaign: c, agencies, generatedAt: GENERATED_AT });
const table = (agencies: AgencyInput[], c: Campaign) => run(agencies, c).agencies.map((a) => [a.agency.code, a.index, a.rank, a.rankedBy]);

/**
 * Seven departments, six of them at exactly 80.00 %:
 *   A  appraised 62 (area 2: 22), survey 18            → 80
 *   B  appraised 59 (area 2: 25), survey 21            → 80
 *   C  appraised 59 (area 2: 24), survey 21            → 80
 *   E  appraised 59 (area 2: 24), survey 18, bonus 3   → 80, self 62 (1.2 appraised down from 18 to 15)
 *   D  appraised 59 (area 2: 24), survey 18, bonus 3   → 80, self 59
 *   F  exactly like D                                  → 80
 *   G  appraised 52, survey 18                          → 70
 */
const province = (): AgencyInput[] => [
  input(agency('G'), { self: { '1.1': 20, '1.2': 12, '2.1': 20 }, survey: { '3.1': 60 } }),
  input(agency('F'), { self: { '1.1': 20, '1.2': 15, '2.1': 24 }, survey: { '3.1': 60 }, selfBonus: { B1: 3 } }),
  input(agency('D'), { self: { '1.1': 20, '1.2': 15, '2.1': 24 }, survey: { '3.1': 60 }, selfBonus: { B1: 3 } }),
  input(agency('E'), { self: { '1.1': 20, '1.2': 18, '2.1': 24 }, appraised: { '1.2': 15 }, bonus: { B1: 3 }, survey: { '3.1': 60 } }),
  input(agency('C'), { self: { '1.1': 20, '1.2': 15, '2.1': 24 }, survey: { '3.1': 70 } }),
  input(agency('B'), { self: { '1.1': 20, '1.2': 14, '2.1': 25 }, survey: { '3.1': 70 } }),
  input(agency('A'), { self: { '1.1': 20, '1.2': 20, '2.1': 22 }, survey: { '3.1': 60 } }),
];

const ALL_TIE_BREAKS: Campaign['tieBreaks'] = [{ by: 'APPRAISED_SCORE' }, { by: 'AREA_SCORE', area: '2' }, { by: 'SURVEY_SCORE' }, { by: 'SELF_SCORE' }];

describe('ranking within a group', () => {
  it('breaks equal indexes by appraised score, then area 2, then survey, then self; a true tie shares the rank and the next rank is skipped', () => {
    expect(table(province(), campaign({ tieBreaks: ALL_TIE_BREAKS }))).toEqual([
      ['A', 80, 1, 'APPRAISED_SCORE'], // 62 appraised beats every 59
      ['B', 80, 2, 'AREA_SCORE'], // 59 like C, D, E, F, but 25 in area 2 against 24
      ['C', 80, 3, 'SURVEY_SCORE'], // area 2 like D, E, F, survey 21 against 18
      ['E', 80, 4, 'SELF_SCORE'], // survey like D, F, self 62 against 59
      ['D', 80, 5, 'tie'],
      ['F', 80, 5, 'tie'],
      ['G', 70, 7, 'index'], // rank 6 skipped
    ]);
  });

  it('follows the campaign’s order of tie-breaks (survey first here)', () => {
    const c = campaign({ tieBreaks: [{ by: 'SURVEY_SCORE' }, { by: 'APPRAISED_SCORE' }] });
    expect(table(province(), c).map((r) => [r[0], r[2]])).toEqual([
      ['B', 1],
      ['C', 1], // survey 21 and appraised 59 both: area 2 is not a tie-break here
      ['A', 3], // survey 18, appraised 62
      ['D', 4],
      ['E', 4],
      ['F', 4],
      ['G', 7],
    ]);
  });

  it('without tie-breaks, equal indexes share a rank', () => {
    expect(table(province(), campaign({ tieBreaks: [] })).map((r) => r[2])).toEqual([1, 1, 1, 1, 1, 1, 7]);
  });

  it('compares tie-break figures as published (2 decimals)', () => {
    // Appraised 59.004 and 59.001 are both published as 59.00: still tied on appraised, B wins on area 2.
    const c = campaign({ tieBreaks: ALL_TIE_BREAKS });
    const rows = table(
      [
        input(agency('X'), { self: { '1.1': 20, '1.2': 15.004, '2.1': 24 }, survey: { '3.1': 70 } }),
        input(agency('Y'), { self: { '1.1': 20, '1.2': 14.001, '2.1': 25 }, survey: { '3.1': 70 } }),
      ],
      c,
    );
    expect(rows).toEqual([
      ['Y', 80, 1, 'AREA_SCORE'],
      ['X', 80, 2, 'AREA_SCORE'],
    ]);
  });

  it('ranks each group on its own', () => {
    const res = run(
      [
        input(agency('S1'), { self: { '1.1': 10 } }),
        input(agency('X1', 'commune'), { self: { '1.1': 5 }, template: input(agency('T')).template }),
        input(agency('S2'), { self: { '1.1': 20 } }),
        input(agency('X2', 'commune'), { self: { '1.1': 15 } }),
      ],
      campaign(),
    );
    expect(res.agencies.map((a) => [a.agency.group, a.agency.code, a.rank])).toEqual([
      ['department', 'S2', 1],
      ['department', 'S1', 2],
      ['commune', 'X2', 1],
      ['commune', 'X1', 2],
    ]);
    // The department template used for communes is reported.
    expect(res.issues.filter((i) => i.code === 'results.template_not_for_group').map((i) => i.at?.agency)).toEqual(['X1', 'X2']);
  });
});
