import { describe, expect, it } from 'vitest';
import { type AgencyStanding, formatReason, selectCandidates } from '../../shared/awards/index.ts';
import { DEFAULT_COMMENDATION } from '../../shared/campaign/defaults.ts';
import type { AwardOverride, CommendationRules } from '../../shared/schema/awards.ts';
import type { CollectiveNomination, Nomination } from '../../shared/schema/nomination.ts';
import { agency, override, person } from '../results/fixtures.ts';

/*
 * Awards are exclusive by default: a subject gets the highest award it qualifies for, in the
 * rules' order, unless a rule is cumulative. Default rules: Bằng khen (band A, top 3 departments)
 * then Giấy khen (bands A, B, top 10 departments), for collectives and for individuals.
 */

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

const select = (agencies: AgencyStanding[], rules: CommendationRules = DEFAULT_COMMENDATION, overrides: AwardOverride[] = []) =>
  selectCandidates({ year: 2025, rules, agencies, overrides });

/** The default rules with `cumulative: true` on the Giấy khen rules. */
const cumulativeGk: CommendationRules = {
  collectives: DEFAULT_COMMENDATION.collectives.map((r) => (r.id === 'gk-tap-the' ? { ...r, cumulative: true } : r)),
  individuals: DEFAULT_COMMENDATION.individuals.map((r) => (r.id === 'gk-ca-nhan' ? { ...r, cumulative: true } : r)),
};

const listed = (s: ReturnType<typeof select>) => s.collectives.map((c) => [c.rule, c.subject]);
const out = (s: ReturnType<typeof select>) => s.excluded.map((e) => [e.rule, e.subject, e.reason.key]);

const selfNomination = (code: string, proposedAward: string): CollectiveNomination => ({
  kind: 'collective',
  id: `${code}-TT`,
  name: `Sở ${code}`,
  achievements: 'Hoàn thành tốt nhiệm vụ cải cách hành chính',
  proposedAward,
});

describe('exclusive awards: collectives', () => {
  it('an agency qualifying for both Bằng khen and Giấy khen is only on the Bằng khen list, and the Giấy khen list says why', () => {
    const s = select([standing('S1')]);
    expect(listed(s)).toEqual([['bk-tap-the', 'S1']]);
    expect(s.excluded).toHaveLength(1);
    expect(s.excluded[0]).toMatchObject({ kind: 'collective', rule: 'gk-tap-the', subject: 'S1', name: 'Sở S1', override: null });
    expect(formatReason('vi', s.excluded[0]!.reason)).toBe(
      'Đã được đề nghị Bằng khen của Chủ tịch UBND tỉnh (quy định bk-tap-the); mỗi tập thể, cá nhân chỉ được đề nghị hình thức cao nhất đủ điều kiện.',
    );
    expect(formatReason('en', s.excluded[0]!.reason)).toContain('Already proposed for the Certificate of Merit of the provincial chairman (rule bk-tap-the)');
  });

  it('with cumulative: true on the Giấy khen rule the agency is on both lists', () => {
    const s = select([standing('S1')], cumulativeGk);
    expect(listed(s)).toEqual([
      ['bk-tap-the', 'S1'],
      ['gk-tap-the', 'S1'],
    ]);
    expect(s.excluded).toEqual([]);
  });

  it('an agency that misses the higher award gets the next one it qualifies for', () => {
    // Rank 5: outside the Bằng khen's top 3, inside the Giấy khen's top 10; band B only reaches the Giấy khen.
    const s = select([standing('S1'), standing('S5', { rank: 5 }), standing('S2', { rank: 2, band: 'B', index: 85 })]);
    expect(listed(s)).toEqual([
      ['bk-tap-the', 'S1'],
      ['gk-tap-the', 'S2'],
      ['gk-tap-the', 'S5'],
    ]);
    expect(out(s)).toEqual([['gk-tap-the', 'S1', 'awards.fail.higher_award']]);
  });

  it('an agency that nominated itself (by name) for the lower award is proposed only for the higher one it qualifies for', () => {
    const s = select([standing('S1', { nominations: [selfNomination('S1', 'gk-tap-the')] })]);
    expect(listed(s)).toEqual([['bk-tap-the', 'S1']]);
    expect(out(s)).toEqual([['gk-tap-the', 'S1-TT', 'awards.fail.higher_award']]);
  });

  it('a unit of the agency is another collective: it keeps its own proposal', () => {
    const unit: Nomination = { kind: 'collective', id: 'VP', name: 'Văn phòng Sở', achievements: 'Một cửa điện tử toàn trình', proposedAward: 'gk-tap-the' };
    const s = select([standing('S1', { nominations: [unit] })]);
    expect(listed(s)).toEqual([
      ['bk-tap-the', 'S1'],
      ['gk-tap-the', 'VP'],
    ]);
  });

  it('the reason it is left out comes before any condition of the lower rule it fails', () => {
    // Nominated for the Giấy khen with a penalty the Bằng khen overlooks (the council included it there).
    const s = select(
      [standing('S1', { penalty: 1, nominations: [selfNomination('S1', 'gk-tap-the')] })],
      DEFAULT_COMMENDATION,
      [override({ rule: 'bk-tap-the', subject: 'S1', agency: 'S1', action: 'include' })],
    );
    expect(listed(s)).toEqual([['bk-tap-the', 'S1']]);
    expect(out(s)).toEqual([['gk-tap-the', 'S1-TT', 'awards.fail.higher_award']]);
  });

  it('an agency failing the lower rule as well is not reported for it (agencies on their own are reported only when they would qualify)', () => {
    const rules: CommendationRules = {
      collectives: [DEFAULT_COMMENDATION.collectives[0]!, { ...DEFAULT_COMMENDATION.collectives[1]!, minIndex: 99 }],
      individuals: [],
    };
    const s = select([standing('S1')], rules);
    expect(listed(s)).toEqual([['bk-tap-the', 'S1']]);
    expect(s.excluded).toEqual([]);
  });

  it('the council taking an agency off the Bằng khen list leaves it free for the Giấy khen', () => {
    const s = select([standing('S1')], DEFAULT_COMMENDATION, [override({ rule: 'bk-tap-the', subject: 'S1', agency: 'S1', action: 'exclude' })]);
    expect(listed(s)).toEqual([['gk-tap-the', 'S1']]);
    expect(out(s)).toEqual([['bk-tap-the', 'S1', 'awards.fail.override_excluded']]);
  });

  it('the council may still put it on the lower list too; the decision shows the rule it overrides', () => {
    const s = select([standing('S1')], DEFAULT_COMMENDATION, [override({ rule: 'gk-tap-the', subject: 'S1', agency: 'S1', action: 'include' })]);
    expect(listed(s)).toEqual([
      ['bk-tap-the', 'S1'],
      ['gk-tap-the', 'S1'],
    ]);
    expect(s.collectives[1]!.override?.action).toBe('include');
    expect(s.collectives[1]!.unmet).toEqual({ key: 'awards.fail.higher_award', params: { rule: 'bk-tap-the', award: 'Bằng khen của Chủ tịch UBND tỉnh', award_en: 'Certificate of Merit of the provincial chairman' } });
    expect(s.excluded).toEqual([]);
  });

  it('a cumulative rule does not free the rules after it: a third award is still exclusive', () => {
    const third = { ...DEFAULT_COMMENDATION.collectives[1]!, id: 'gk-khac', award: { vi: 'Giấy khen của Chủ tịch UBND huyện' } };
    const rules: CommendationRules = { collectives: [...cumulativeGk.collectives, third], individuals: [] };
    const s = select([standing('S1'), standing('S5', { rank: 5 })], rules);
    expect(listed(s)).toEqual([
      ['bk-tap-the', 'S1'],
      ['gk-tap-the', 'S1'],
      ['gk-tap-the', 'S5'],
    ]);
    // S1 left out for the third award by the first one it is on, S5 by the Giấy khen.
    expect(s.excluded.map((e) => [e.rule, e.subject, e.reason.params.rule])).toEqual([
      ['gk-khac', 'S1', 'bk-tap-the'],
      ['gk-khac', 'S5', 'gk-tap-the'],
    ]);
  });
});

describe('exclusive awards: individuals', () => {
  const gkPerson = (id: string) => person(id, { proposedAward: 'gk-ca-nhan' });

  it('a nominee the council put on the Bằng khen list is left out of the Giấy khen and takes no place in its cap', () => {
    const rules: CommendationRules = { collectives: [], individuals: [DEFAULT_COMMENDATION.individuals[0]!, { ...DEFAULT_COMMENDATION.individuals[1]!, capPerAgency: 1 }] };
    const s = select([standing('S1', { nominations: [gkPerson('P1'), gkPerson('P2')] })], rules, [override({ rule: 'bk-ca-nhan', subject: 'P1', agency: 'S1', action: 'include' })]);
    expect(s.individuals.map((c) => [c.rule, c.subject])).toEqual([
      ['bk-ca-nhan', 'P1'],
      ['gk-ca-nhan', 'P2'],
    ]);
    expect(out(s)).toEqual([['gk-ca-nhan', 'P1', 'awards.fail.higher_award']]);
  });

  it('with cumulative: true on the Giấy khen rule the nominee stays on both lists', () => {
    const s = select([standing('S1', { nominations: [gkPerson('P1')] })], cumulativeGk, [override({ rule: 'bk-ca-nhan', subject: 'P1', agency: 'S1', action: 'include' })]);
    expect(s.individuals.map((c) => [c.rule, c.subject])).toEqual([
      ['bk-ca-nhan', 'P1'],
      ['gk-ca-nhan', 'P1'],
    ]);
    expect(s.excluded).toEqual([]);
  });
});
