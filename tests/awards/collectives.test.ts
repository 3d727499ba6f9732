import { describe, expect, it } from 'vitest';
import { type AgencyStanding, type PriorYear, selectCandidates } from '../../shared/awards/index.ts';
import { type CollectiveAwardRule as Rule, CollectiveAwardRule } from '../../shared/schema/awards.ts';
import type { CollectiveNomination } from '../../shared/schema/nomination.ts';
import { agency } from '../results/fixtures.ts';

/** Bằng khen tập thể: band A, top 3 departments / top 5 communes, index ≥ 92, no penalty. */
const bk = (over: Partial<Rule> = {}): Rule =>
  CollectiveAwardRule.parse({
    id: 'bk-tap-the',
    award: { vi: 'Bằng khen của Chủ tịch UBND tỉnh', en: 'Certificate of Merit of the provincial chairman' },
    level: 'province',
    bands: ['A'],
    topN: { department: 3, commune: 5 },
    minIndex: 92,
    certificateWording: { vi: 'Đã có thành tích xuất sắc trong công tác cải cách hành chính năm {year}', en: 'For outstanding administrative reform in {year}' },
    ...over,
  });

const standing = (code: string, over: Partial<AgencyStanding> = {}): AgencyStanding => ({
  agency: agency(code, 'department', `Sở ${code}`),
  submitted: true,
  ranked: true,
  rank: 1,
  band: 'A',
  index: 95,
  penalty: 0,
  latePenalty: 0,
  falsifiedEvidence: false,
  nominations: [],
  ...over,
});

const nominated = (id: string, over: Partial<CollectiveNomination> = {}): CollectiveNomination => ({
  kind: 'collective',
  id,
  name: `Phòng ${id}`,
  achievements: 'Dẫn đầu khối sở về cải cách thủ tục hành chính',
  proposedAward: 'bk-tap-the',
  ...over,
});

const select = (agencies: AgencyStanding[], rule: Rule = bk(), history: PriorYear[] = []) =>
  selectCandidates({ year: 2025, rules: { collectives: [rule], individuals: [] }, agencies, history });

/** The first failed condition of a nominated collective of an agency in this standing. */
const whyOut = (over: Partial<AgencyStanding>, rule: Rule = bk(), history: PriorYear[] = []) => {
  const s = select([standing('S', { ...over, nominations: [nominated('N1')] })], rule, history);
  expect(s.collectives).toEqual([]);
  expect(s.excluded).toHaveLength(1);
  return s.excluded[0]!.reason;
};

describe('collectives: who qualifies', () => {
  it('lists every condition an agency meets', () => {
    const s = select([standing('SNV', { rank: 2, index: 93.5 })]);
    expect(s.collectives).toHaveLength(1);
    expect(s.collectives[0]!.satisfied).toEqual([
      { key: 'awards.ok.ranked', params: { rank: 2 } },
      { key: 'awards.ok.band', params: { band: 'A' } },
      { key: 'awards.ok.top_n', params: { rank: 2, topN: 3 } },
      { key: 'awards.ok.min_index', params: { index: 93.5, minIndex: 92 } },
      { key: 'awards.ok.no_penalty', params: {} },
      { key: 'awards.ok.not_falsified', params: {} },
    ]);
  });

  it('considers every ranked agency when the rule needs no nomination, and reports only nominated ones when left out', () => {
    const s = select([standing('S1'), standing('S2', { band: 'B', rank: 2 }), standing('S3', { band: 'B', rank: 3, nominations: [nominated('N3')] })]);
    expect(s.collectives.map((c) => c.agency)).toEqual(['S1']);
    expect(s.excluded.map((e) => [e.agency, e.subject, e.reason.key])).toEqual([['S3', 'N3', 'awards.fail.band']]);
  });

  it('with requireNomination considers only the collectives the agencies nominated', () => {
    const s = select([standing('S1'), standing('S2', { nominations: [nominated('N2')] })], bk({ requireNomination: true }));
    expect(s.collectives.map((c) => [c.agency, c.subject, c.name])).toEqual([['S2', 'N2', 'Phòng N2']]);
    expect(s.collectives[0]!.satisfied[0]).toEqual({ key: 'awards.ok.nominated', params: {} });
    expect(s.excluded).toEqual([]);
  });

  it('treats a rank equal to N and an index equal to the minimum as qualifying', () => {
    const s = select([standing('S', { rank: 3, index: 92 })]);
    expect(s.collectives).toHaveLength(1);
  });

  it('topN applies to the agency’s group only; a group with no N has no rank limit', () => {
    const s = select([standing('H', { agency: agency('H', 'district'), rank: 9 })]);
    expect(s.collectives.map((c) => c.agency)).toEqual(['H']);
    expect(s.collectives[0]!.satisfied.map((r) => r.key)).not.toContain('awards.ok.top_n');
  });
});

describe('collectives: the first condition failed', () => {
  it('no submission', () => expect(whyOut({ submitted: false, ranked: false, rank: null, band: null })).toEqual({ key: 'awards.fail.no_submission', params: {} }));
  it('not ranked (late, "Không xếp hạng")', () => expect(whyOut({ ranked: false, rank: null })).toEqual({ key: 'awards.fail.not_ranked', params: {} }));
  it('band not among the rule’s bands', () => expect(whyOut({ band: 'B' })).toEqual({ key: 'awards.fail.band', params: { band: 'B', bands: 'A' } }));
  it('rank beyond top N of the group', () => expect(whyOut({ rank: 4 })).toEqual({ key: 'awards.fail.top_n', params: { rank: 4, topN: 3 } }));
  it('index below the minimum', () => expect(whyOut({ index: 91.99 })).toEqual({ key: 'awards.fail.min_index', params: { index: 91.99, minIndex: 92 } }));
  it('penalty points applied', () => expect(whyOut({ penalty: 0.5 })).toEqual({ key: 'awards.fail.penalty', params: { penalty: 0.5, latePenalty: 0 } }));
  it('late-submission points deducted count as a penalty', () => expect(whyOut({ latePenalty: 2 })).toEqual({ key: 'awards.fail.penalty', params: { penalty: 0, latePenalty: 2 } }));
  it('a penalty does not matter when the rule allows it', () => expect(select([standing('S', { penalty: 2 })], bk({ noPenalty: false })).collectives).toHaveLength(1));
  it('evidence found falsified at appraisal', () => expect(whyOut({ falsifiedEvidence: true })).toEqual({ key: 'awards.fail.falsified', params: {} }));

  it('names only the first failure, in the rule’s order (band before rank before falsified)', () => {
    expect(whyOut({ band: 'C', rank: 12, falsifiedEvidence: true }).key).toBe('awards.fail.band');
    expect(whyOut({ rank: 12, index: 80, falsifiedEvidence: true }).key).toBe('awards.fail.top_n');
  });

  it('a nomination for an award the campaign does not have', () => {
    const s = select([standing('S', { nominations: [nominated('N1', { proposedAward: 'huan-chuong' })] })]);
    expect(s.excluded.map((e) => [e.subject, e.rule, e.reason])).toEqual([['N1', 'huan-chuong', { key: 'awards.fail.unknown_rule', params: { rule: 'huan-chuong' } }]]);
    // The agency itself is still considered on its own.
    expect(s.collectives.map((c) => c.subject)).toEqual(['S']);
  });
});

describe('collectives: consecutive years', () => {
  const twoYears = bk({ consecutiveYears: 2 });
  const prior = (year: number, bands: Record<string, string | null>): PriorYear => ({ year, bands: new Map(Object.entries(bands)) });

  it('qualifies with band A last year too, and says so', () => {
    const s = select([standing('S')], twoYears, [prior(2024, { S: 'A' })]);
    expect(s.collectives[0]!.satisfied).toContainEqual({ key: 'awards.ok.consecutive_years', params: { years: 2, from: 2024, to: 2025 } });
  });

  it('fails with its own reason when last year’s classification is not available (no history at all)', () => {
    expect(whyOut({}, twoYears, [])).toEqual({ key: 'awards.fail.prior_year_missing', params: { year: 2024 } });
  });

  it('fails as not available when last year’s results do not have the agency', () => {
    expect(whyOut({}, twoYears, [prior(2024, { OTHER: 'A' })])).toEqual({ key: 'awards.fail.prior_year_missing', params: { year: 2024 } });
  });

  it('fails on a prior year outside the bands, or not classified (no submission then)', () => {
    expect(whyOut({}, twoYears, [prior(2024, { S: 'B' })])).toEqual({ key: 'awards.fail.prior_year_band', params: { year: 2024, band: 'B', bands: 'A' } });
    expect(whyOut({}, twoYears, [prior(2024, { S: null })])).toEqual({ key: 'awards.fail.prior_year_band', params: { year: 2024, band: '—', bands: 'A' } });
  });

  it('checks each earlier year, latest first (three years: 2024 fine, 2023 missing)', () => {
    expect(whyOut({}, bk({ consecutiveYears: 3 }), [prior(2024, { S: 'A' }), prior(2022, { S: 'A' })])).toEqual({ key: 'awards.fail.prior_year_missing', params: { year: 2023 } });
  });

  it('ignores history of this year or later', () => {
    expect(whyOut({}, twoYears, [prior(2025, { S: 'A' }), prior(2026, { S: 'A' })]).key).toBe('awards.fail.prior_year_missing');
  });
});

describe('collectives: the list', () => {
  it('orders by group then rank and numbers STT per rule, with the nomination list’s columns', () => {
    const gk = bk({ id: 'gk-tap-the', award: { vi: 'Giấy khen của Giám đốc Sở Nội vụ' }, level: 'department', bands: ['A', 'B'], topN: undefined, minIndex: undefined });
    const s = selectCandidates({
      year: 2025,
      rules: { collectives: [bk(), gk], individuals: [] },
      agencies: [
        standing('X1', { agency: agency('X1', 'commune', 'UBND xã X1'), rank: 1, index: 96 }),
        standing('S2', { rank: 2, index: 94, nominations: [nominated('PCCHC', { name: 'Phòng Cải cách hành chính', note: 'Đề nghị lần đầu' })] }),
        standing('S1', { rank: 1, index: 97 }),
      ],
    });
    expect(s.collectives.map((c) => [c.rule, c.stt, c.agency, c.name])).toEqual([
      ['bk-tap-the', 1, 'S1', 'Sở S1'],
      ['bk-tap-the', 2, 'S2', 'Phòng Cải cách hành chính'],
      ['bk-tap-the', 3, 'X1', 'UBND xã X1'],
      // S1 and X1 are on the Bằng khen list (exclusive awards); S2 as itself was not (its office was).
      ['gk-tap-the', 1, 'S2', 'Sở S2'],
    ]);
    const { satisfied: _s, ...row } = s.collectives[1]!;
    expect(row).toEqual({
      stt: 2,
      kind: 'collective',
      rule: 'bk-tap-the',
      subject: 'PCCHC',
      agency: 'S2',
      agencyName: 'Sở S2',
      group: 'department',
      name: 'Phòng Cải cách hành chính',
      gender: null,
      birthYear: null,
      position: null,
      unit: 'Sở S2',
      agencyIndex: 94,
      agencyRank: 2,
      agencyBand: 'A',
      achievements: 'Dẫn đầu khối sở về cải cách thủ tục hành chính',
      proposedAward: { vi: 'Bằng khen của Chủ tịch UBND tỉnh', en: 'Certificate of Merit of the provincial chairman' },
      level: 'province',
      certificateWording: { vi: 'Đã có thành tích xuất sắc trong công tác cải cách hành chính năm 2025', en: 'For outstanding administrative reform in 2025' },
      note: 'Đề nghị lần đầu',
      override: null,
      unmet: null,
    });
  });
});
