import { describe, expect, it } from 'vitest';
import { type AgencyStanding, selectCandidates } from '../../shared/awards/index.ts';
import { AwardOverride, CollectiveAwardRule, IndividualAwardRule } from '../../shared/schema/awards.ts';
import type { CollectiveNomination, IndividualNomination } from '../../shared/schema/nomination.ts';
import { agency, override, person } from '../results/fixtures.ts';

const collectiveRule = CollectiveAwardRule.parse({
  id: 'bk-tap-the',
  award: { vi: 'Bằng khen của Chủ tịch UBND tỉnh' },
  level: 'province',
  bands: ['A'],
  topN: { department: 2 },
  requireNomination: true,
  certificateWording: { vi: 'Đã có thành tích xuất sắc năm {year}' },
});
const individualRule = IndividualAwardRule.parse({
  id: 'bk-ca-nhan',
  award: { vi: 'Bằng khen của Chủ tịch UBND tỉnh' },
  level: 'province',
  agencyBands: ['A'],
  ratingThisYear: ['excellent'],
  capPerAgency: 1,
  certificateWording: { vi: 'Đã có thành tích xuất sắc năm {year}' },
});

const unit: CollectiveNomination = { kind: 'collective', id: 'VP', name: 'Văn phòng Sở', achievements: 'Số hóa 100% hồ sơ', proposedAward: 'bk-tap-the' };
const standing = (code: string, nominations: (IndividualNomination | CollectiveNomination)[], over: Partial<AgencyStanding> = {}): AgencyStanding => ({
  agency: agency(code, 'department', `Sở ${code}`),
  submitted: true,
  ranked: true,
  rank: 1,
  band: 'A',
  index: 95,
  penalty: 0,
  latePenalty: 0,
  falsifiedEvidence: false,
  nominations,
  ...over,
});

const select = (agencies: AgencyStanding[], overrides: AwardOverride[]) =>
  selectCandidates({ year: 2025, rules: { collectives: [collectiveRule], individuals: [individualRule] }, agencies, overrides });

describe('the council’s overrides', () => {
  it('include puts an excluded nominee on the list, marked with the decision and the condition it does not meet; nobody else is pushed out', () => {
    const decision = override({ rule: 'bk-ca-nhan', subject: 'P2', agency: 'S', action: 'include', reason: 'Thành tích đột xuất trong xử lý hồ sơ tồn đọng' });
    const s = select([standing('S', [person('P1'), person('P2')])], [decision]);
    expect(s.individuals.map((c) => [c.subject, c.override?.reason ?? null, c.unmet])).toEqual([
      ['P1', null, null],
      ['P2', 'Thành tích đột xuất trong xử lý hồ sơ tồn đọng', { key: 'awards.fail.cap', params: { position: 2, cap: 1 } }],
    ]);
    expect(s.individuals[1]!.override).toEqual({ action: 'include', reason: 'Thành tích đột xuất trong xử lý hồ sơ tồn đọng', by: 'Chủ tịch Hội đồng', at: '2026-01-12T15:00:00+07:00' });
    expect(s.excluded).toEqual([]);
    expect(s.overrides).toEqual([decision]);
  });

  it('exclude takes a qualifying nominee out with the recorded reason, and frees the place for the next', () => {
    const s = select([standing('S', [person('P1'), person('P2')])], [override({ rule: 'bk-ca-nhan', subject: 'P1', agency: 'S', action: 'exclude', reason: 'Đã được đề nghị khen thưởng chuyên đề khác' })]);
    expect(s.individuals.map((c) => c.subject)).toEqual(['P2']);
    expect(s.excluded).toHaveLength(1);
    expect(s.excluded[0]).toMatchObject({
      subject: 'P1',
      reason: { key: 'awards.fail.override_excluded', params: { reason: 'Đã được đề nghị khen thưởng chuyên đề khác', by: 'Chủ tịch Hội đồng' } },
      override: { action: 'exclude' },
    });
  });

  it('exclude on a subject that fails anyway keeps the rule’s reason and records the decision', () => {
    const s = select([standing('S', [person('P1', { ratingThisYear: 'good' })])], [override({ rule: 'bk-ca-nhan', subject: 'P1', agency: 'S', action: 'exclude' })]);
    expect(s.excluded[0]).toMatchObject({ reason: { key: 'awards.fail.rating_this_year' }, override: { action: 'exclude' } });
  });

  it('include puts in a collective the agency did not nominate (rule needs a nomination); the agency code names it', () => {
    const s = select([standing('S', [], { rank: 3 })], [override({ rule: 'bk-tap-the', subject: 'S', agency: 'S', action: 'include' })]);
    expect(s.collectives.map((c) => [c.subject, c.name, c.unmet])).toEqual([['S', 'Sở S', { key: 'awards.fail.not_nominated', params: {} }]]);
    // It still shows every condition it meets (rank 3 is outside the top 2: not listed).
    expect(s.collectives[0]!.satisfied.map((r) => r.key)).toEqual(['awards.ok.ranked', 'awards.ok.band', 'awards.ok.no_penalty', 'awards.ok.not_falsified']);
  });

  it('a decision on a nominated collective may name the nomination or the agency', () => {
    const byAgency = select([standing('S', [unit])], [override({ rule: 'bk-tap-the', subject: 'S', agency: 'S', action: 'exclude' })]);
    const byId = select([standing('S', [unit])], [override({ rule: 'bk-tap-the', subject: 'VP', agency: 'S', action: 'exclude' })]);
    for (const s of [byAgency, byId]) {
      expect(s.collectives).toEqual([]);
      expect(s.excluded.map((e) => [e.subject, e.reason.key])).toEqual([['VP', 'awards.fail.override_excluded']]);
    }
  });

  it('include may put a person under another award than the one the agency proposed', () => {
    const moved = person('P1', { proposedAward: 'gk-ca-nhan-cu' });
    const s = select([standing('S', [moved])], [override({ rule: 'bk-ca-nhan', subject: 'P1', agency: 'S', action: 'include' })]);
    expect(s.individuals.map((c) => [c.subject, c.rule, c.override?.action, c.unmet])).toEqual([['P1', 'bk-ca-nhan', 'include', null]]);
    expect(s.excluded).toEqual([]);
  });

  it('the latest decision on a subject wins', () => {
    const s = select(
      [standing('S', [person('P1')])],
      [
        override({ rule: 'bk-ca-nhan', subject: 'P1', agency: 'S', action: 'exclude', at: '2026-01-13T09:00:00+07:00' }),
        override({ rule: 'bk-ca-nhan', subject: 'P1', agency: 'S', action: 'include', at: '2026-01-12T09:00:00+07:00' }),
      ],
    );
    expect(s.individuals).toEqual([]);
    expect(s.excluded[0]!.override?.action).toBe('exclude');
  });

  it('reports decisions that match nothing or name an unknown award', () => {
    const s = select(
      [standing('S', [person('P1')])],
      [override({ rule: 'bk-ca-nhan', subject: 'P9', agency: 'S', action: 'include' }), override({ rule: 'chien-si', subject: 'P1', agency: 'S', action: 'include' })],
    );
    expect(s.issues.map((i) => [i.code, i.at?.agency, i.params])).toEqual([
      ['awards.override_unmatched', 'S', { rule: 'bk-ca-nhan', subject: 'P9' }],
      ['awards.override_unknown_rule', 'S', { rule: 'chien-si', subject: 'P1' }],
    ]);
    expect(s.individuals.map((c) => c.subject)).toEqual(['P1']);
  });

  it('cannot exist without a reason', () => {
    const base = { rule: 'bk-ca-nhan', subject: 'P1', agency: 'S', action: 'include', by: 'Chủ tịch Hội đồng', at: '2026-01-12T15:00:00+07:00' };
    expect(AwardOverride.safeParse(base).success).toBe(false);
    expect(AwardOverride.safeParse({ ...base, reason: '   ' }).success).toBe(false);
    expect(AwardOverride.safeParse({ ...base, reason: 'Thành tích đột xuất' }).success).toBe(true);
  });
});
