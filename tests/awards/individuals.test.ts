import { describe, expect, it } from 'vitest';
import { type AgencyStanding, formatReason, selectCandidates } from '../../shared/awards/index.ts';
import { type IndividualAwardRule as Rule, IndividualAwardRule } from '../../shared/schema/awards.ts';
import type { IndividualNomination } from '../../shared/schema/nomination.ts';
import { agency, person } from '../results/fixtures.ts';

/** Bằng khen cá nhân: agency band A and top 3, excellent this year and last, no discipline, ≥ 1 initiative, 2 per agency. */
const bk = (over: Partial<Rule> = {}): Rule =>
  IndividualAwardRule.parse({
    id: 'bk-ca-nhan',
    award: { vi: 'Bằng khen của Chủ tịch UBND tỉnh' },
    level: 'province',
    agencyBands: ['A'],
    agencyTopN: { department: 3 },
    ratingThisYear: ['excellent'],
    ratingLastYear: ['excellent'],
    noDiscipline: true,
    minInitiatives: 1,
    capPerAgency: 2,
    certificateWording: { vi: 'Đã có thành tích xuất sắc trong công tác cải cách hành chính năm {year}' },
    ...over,
  });

/** Giấy khen cá nhân: agency band A or B, rated excellent or good, no discipline, 2 per agency. */
const gk = (over: Partial<Rule> = {}): Rule =>
  bk({ id: 'gk-ca-nhan', award: { vi: 'Giấy khen của Giám đốc Sở Nội vụ' }, level: 'department', agencyBands: ['A', 'B'], agencyTopN: undefined, ratingThisYear: ['excellent', 'good'], ratingLastYear: undefined, minInitiatives: 0, ...over });

const standing = (code: string, nominations: IndividualNomination[], over: Partial<AgencyStanding> = {}): AgencyStanding => ({
  agency: agency(code, 'department', `Sở ${code}`),
  submitted: true,
  ranked: true,
  rank: 2,
  band: 'A',
  index: 93.25,
  penalty: 0,
  latePenalty: 0,
  falsifiedEvidence: false,
  nominations,
  ...over,
});

const select = (agencies: AgencyStanding[], rule: Rule = bk()) => selectCandidates({ year: 2025, rules: { collectives: [], individuals: [rule] }, agencies });

const whyOut = (n: Partial<IndividualNomination>, agencyOver: Partial<AgencyStanding> = {}, rule: Rule = bk()) => {
  const s = select([standing('S', [person('P1', { proposedAward: rule.id, ...n })], agencyOver)], rule);
  expect(s.individuals).toEqual([]);
  expect(s.excluded.map((e) => [e.kind, e.subject])).toEqual([['individual', 'P1']]);
  return s.excluded[0]!.reason;
};

describe('individuals: who qualifies', () => {
  it('lists every condition a nominee meets, cap included', () => {
    const s = select([standing('S', [person('P1', { initiatives: 2 })])]);
    expect(s.individuals[0]!.satisfied).toEqual([
      { key: 'awards.ok.ranked', params: { rank: 2 } },
      { key: 'awards.ok.band', params: { band: 'A' } },
      { key: 'awards.ok.top_n', params: { rank: 2, topN: 3 } },
      { key: 'awards.ok.rating_this_year', params: { rating: 'excellent' } },
      { key: 'awards.ok.rating_last_year', params: { rating: 'excellent' } },
      { key: 'awards.ok.no_discipline', params: {} },
      { key: 'awards.ok.initiatives', params: { count: 2, min: 1 } },
      { key: 'awards.ok.not_falsified', params: {} },
      { key: 'awards.ok.within_cap', params: { position: 1, cap: 2 } },
    ]);
  });

  it('skips last year’s rating and initiatives when the rule does not ask for them', () => {
    const s = select([standing('S', [person('P1', { proposedAward: 'gk-ca-nhan', ratingThisYear: 'good', ratingLastYear: null, initiatives: 0 })], { band: 'B' })], gk());
    expect(s.individuals.map((c) => c.satisfied.map((r) => r.key))).toEqual([
      ['awards.ok.ranked', 'awards.ok.band', 'awards.ok.rating_this_year', 'awards.ok.no_discipline', 'awards.ok.not_falsified', 'awards.ok.within_cap'],
    ]);
  });

  it('carries the nomination list’s columns', () => {
    const p = person('P1', { fullName: 'Trần Văn Bình', gender: 'male', birthYear: 1979, position: 'Phó Chánh Văn phòng', unit: 'Văn phòng Sở', achievements: 'Chủ trì số hóa hồ sơ', note: 'Ghi chú' });
    const c = select([standing('S', [p])]).individuals[0]!;
    expect(c).toMatchObject({
      stt: 1,
      kind: 'individual',
      subject: 'P1',
      name: 'Trần Văn Bình',
      gender: 'male',
      birthYear: 1979,
      position: 'Phó Chánh Văn phòng',
      unit: 'Văn phòng Sở',
      agency: 'S',
      agencyName: 'Sở S',
      agencyIndex: 93.25,
      agencyRank: 2,
      agencyBand: 'A',
      achievements: 'Chủ trì số hóa hồ sơ',
      proposedAward: { vi: 'Bằng khen của Chủ tịch UBND tỉnh' },
      level: 'province',
      certificateWording: { vi: 'Đã có thành tích xuất sắc trong công tác cải cách hành chính năm 2025' },
      note: 'Ghi chú',
    });
  });
});

describe('individuals: the first condition failed', () => {
  it('agency did not submit', () => expect(whyOut({}, { submitted: false, ranked: false, rank: null, band: null })).toEqual({ key: 'awards.fail.no_submission', params: {} }));
  it('agency not ranked', () => expect(whyOut({}, { ranked: false, rank: null })).toEqual({ key: 'awards.fail.not_ranked', params: {} }));
  it('agency band', () => expect(whyOut({}, { band: 'B' })).toEqual({ key: 'awards.fail.band', params: { band: 'B', bands: 'A' } }));
  it('agency rank beyond top N', () => expect(whyOut({}, { rank: 4 })).toEqual({ key: 'awards.fail.top_n', params: { rank: 4, topN: 3 } }));
  it('rating this year', () => expect(whyOut({ ratingThisYear: 'good' })).toEqual({ key: 'awards.fail.rating_this_year', params: { rating: 'good', allowed: 'excellent' } }));
  it('no rating last year', () => expect(whyOut({ ratingLastYear: null })).toEqual({ key: 'awards.fail.rating_last_year_missing', params: {} }));
  it('rating last year', () => expect(whyOut({ ratingLastYear: 'complete' })).toEqual({ key: 'awards.fail.rating_last_year', params: { rating: 'complete', allowed: 'excellent' } }));
  it('disciplined', () => expect(whyOut({ discipline: 'Khiển trách' })).toEqual({ key: 'awards.fail.discipline', params: { discipline: 'Khiển trách' } }));
  it('too few initiatives', () => expect(whyOut({ initiatives: 0 })).toEqual({ key: 'awards.fail.initiatives', params: { count: 0, min: 1 } }));
  it('agency’s evidence falsified', () => expect(whyOut({}, { falsifiedEvidence: true })).toEqual({ key: 'awards.fail.falsified', params: {} }));
  it('unknown award', () => expect(whyOut({ proposedAward: 'chien-si' })).toEqual({ key: 'awards.fail.unknown_rule', params: { rule: 'chien-si' } }));
  it('only the first failure, in order (rating before discipline)', () =>
    expect(whyOut({ ratingThisYear: 'complete', discipline: 'Cảnh cáo', initiatives: 0 }).key).toBe('awards.fail.rating_this_year'));
  it('discipline does not matter when the rule allows it', () => {
    expect(select([standing('S', [person('P1', { discipline: 'Khiển trách' })])], bk({ noDiscipline: false })).individuals).toHaveLength(1);
  });
});

describe('individuals: cap per agency', () => {
  it('keeps the best by rating, then initiatives, then nomination order; the rest fail with the cap', () => {
    const noms = [
      person('N1', { proposedAward: 'gk-ca-nhan', ratingThisYear: 'good', initiatives: 5 }),
      person('N2', { proposedAward: 'gk-ca-nhan', ratingThisYear: 'excellent', initiatives: 0 }),
      person('N3', { proposedAward: 'gk-ca-nhan', ratingThisYear: 'excellent', initiatives: 2 }),
      person('N4', { proposedAward: 'gk-ca-nhan', ratingThisYear: 'excellent', initiatives: 2 }),
      person('N5', { proposedAward: 'gk-ca-nhan', ratingThisYear: 'excellent', initiatives: 9, discipline: 'Khiển trách' }),
    ];
    const s = select([standing('S', noms)], gk());
    expect(s.individuals.map((c) => [c.stt, c.subject])).toEqual([
      [1, 'N3'],
      [2, 'N4'],
    ]);
    expect(s.excluded.map((e) => [e.subject, e.reason])).toEqual([
      ['N1', { key: 'awards.fail.cap', params: { position: 4, cap: 2 } }],
      ['N2', { key: 'awards.fail.cap', params: { position: 3, cap: 2 } }],
      // Disciplined: fails before the cap and takes no place in it.
      ['N5', { key: 'awards.fail.discipline', params: { discipline: 'Khiển trách' } }],
    ]);
  });

  it('counts the cap per agency', () => {
    const s = select([standing('S1', [person('A1'), person('A2'), person('A3')]), standing('S2', [person('B1'), person('B2')], { rank: 1 })]);
    expect(s.individuals.map((c) => c.subject)).toEqual(['B1', 'B2', 'A1', 'A2']); // S2 ranks first
    expect(s.excluded.map((e) => [e.subject, e.reason.key])).toEqual([['A3', 'awards.fail.cap']]);
  });
});

describe('reasons as text', () => {
  it('shows personal ratings by their Vietnamese names', () => {
    const r = whyOut({ ratingThisYear: 'good' }, {}, bk({ ratingThisYear: ['excellent'] }));
    expect(formatReason('vi', r)).toBe('Xếp loại chất lượng năm nay là “Hoàn thành tốt nhiệm vụ”, chưa thuộc mức được xét (Hoàn thành xuất sắc nhiệm vụ).');
    expect(formatReason('en', r)).toBe('Rating this year is “Well completed duties”, not one of those considered (Excellently completed duties).');
  });

  it('shows figures the Vietnamese way', () => {
    expect(formatReason('vi', { key: 'awards.fail.min_index', params: { index: 91.99, minIndex: 92 } })).toBe('Chỉ số CCHC 91,99% thấp hơn mức tối thiểu 92%.');
  });
});
