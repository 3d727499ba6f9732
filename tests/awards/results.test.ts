import { describe, expect, it } from 'vitest';
import { type AgencyInput, type Results, ResultsV1, computeResults } from '../../shared/results/index.ts';
import type { CommendationRules } from '../../shared/schema/awards.ts';
import { CommendationRules as RulesSchema } from '../../shared/schema/awards.ts';
import { agency, campaign, input, override, person } from '../results/fixtures.ts';

const rules: CommendationRules = RulesSchema.parse({
  collectives: [
    {
      id: 'bk-tap-the',
      award: { vi: 'Bằng khen của Chủ tịch UBND tỉnh' },
      level: 'province',
      bands: ['A'],
      topN: { department: 2 },
      consecutiveYears: 2,
      certificateWording: { vi: 'Đã có thành tích xuất sắc trong công tác cải cách hành chính năm {year}' },
    },
  ],
  individuals: [
    {
      id: 'bk-ca-nhan',
      award: { vi: 'Bằng khen của Chủ tịch UBND tỉnh' },
      level: 'province',
      agencyBands: ['A'],
      ratingThisYear: ['excellent'],
      capPerAgency: 1,
      certificateWording: { vi: 'Đã có thành tích xuất sắc trong công tác cải cách hành chính năm {year}' },
    },
  ],
});

/** Index = area 2 points + 70 (areas 1 and 3 full). */
const dept = (code: string, area2: number, more: Partial<Parameters<typeof input>[1]> = {}): AgencyInput =>
  input(agency(code, 'department', `Sở ${code}`), { self: { '1.1': 20, '1.2': 20, '2.1': area2 }, survey: { '3.1': 100 }, ...more });

function results(year: number, agencies: AgencyInput[], history: Results[] = [], generatedAt = `${year + 1}-01-15T10:00:00+07:00`): Results {
  const c = campaign({ id: `cchc-${year}`, year, commendation: rules });
  return computeResults({ campaign: c, agencies, generatedAt, history, overrides: [] });
}

const unitOfS2 = { kind: 'collective' as const, id: 'VP-S2', name: 'Văn phòng Sở S2', achievements: 'Một cửa điện tử toàn trình', proposedAward: 'bk-tap-the' };

// 2024: S1 in band A (92), S2 in band B (88).
const y2024 = results(2024, [dept('S1', 22), dept('S2', 18)]);
// An older, superseded computation of 2024 where S2 was still A.
const y2024draft = results(2024, [dept('S1', 22), dept('S2', 21)], [], '2025-01-10T10:00:00+07:00');

const year2025 = (history: Results[]) =>
  results(
    2025,
    [
      dept('S1', 22, { nominations: [person('P1', { initiatives: 1 }), person('P2', { initiatives: 3, fullName: 'Lê Minh Châu' })] }), // 92
      dept('S2', 21, { nominations: [unitOfS2] }), // 91
      dept('S3', 15), // 85
    ],
    history,
  );

describe('commendation inside the results', () => {
  it('two consecutive years in band A: with last year’s results S1 qualifies; S2 was B last year', () => {
    const r = year2025([y2024draft, y2024]);
    expect(r.commendation.collectives.map((c) => [c.stt, c.agency, c.agencyRank, c.agencyBand, c.agencyIndex])).toEqual([[1, 'S1', 1, 'A', 92]]);
    expect(r.commendation.collectives[0]!.satisfied).toContainEqual({ key: 'awards.ok.consecutive_years', params: { years: 2, from: 2024, to: 2025 } });
    expect(r.commendation.excluded.filter((e) => e.kind === 'collective').map((e) => [e.subject, e.reason])).toEqual([
      ['VP-S2', { key: 'awards.fail.prior_year_band', params: { year: 2024, band: 'B', bands: 'A' } }],
    ]);
  });

  it('without last year’s results nobody qualifies, and the nominated collective says why', () => {
    const r = year2025([]);
    expect(r.commendation.collectives).toEqual([]);
    expect(r.commendation.excluded.filter((e) => e.kind === 'collective').map((e) => e.reason)).toEqual([{ key: 'awards.fail.prior_year_missing', params: { year: 2024 } }]);
  });

  it('proposes individuals with the nomination list’s columns, one per agency here', () => {
    const r = year2025([y2024]);
    expect(r.commendation.individuals.map((c) => [c.stt, c.name, c.unit, c.agencyName, c.agencyIndex, c.agencyRank, c.agencyBand, c.certificateWording.vi])).toEqual([
      [1, 'Lê Minh Châu', 'Văn phòng Sở', 'Sở S1', 92, 1, 'A', 'Đã có thành tích xuất sắc trong công tác cải cách hành chính năm 2025'],
    ]);
    expect(r.commendation.excluded.filter((e) => e.kind === 'individual').map((e) => [e.subject, e.reason.key])).toEqual([['P1', 'awards.fail.cap']]);
  });

  it('records the council’s overrides and reports those that match nothing', () => {
    const c = campaign({ id: 'cchc-2025', year: 2025, commendation: rules });
    const agencies = [dept('S1', 22, { nominations: [person('P1')] })];
    const decisions = [override({ rule: 'bk-tap-the', subject: 'S1', agency: 'S1', action: 'include' }), override({ rule: 'bk-ca-nhan', subject: 'P7', agency: 'S1', action: 'include' })];
    const r = computeResults({ campaign: c, agencies, generatedAt: '2026-01-15T10:00:00+07:00', overrides: decisions });
    expect(r.commendation.overrides).toEqual(decisions);
    expect(r.commendation.collectives.map((x) => [x.agency, x.override?.action, x.unmet?.key])).toEqual([['S1', 'include', 'awards.fail.prior_year_missing']]);
    expect(r.issues.map((i) => i.code)).toEqual(['awards.override_unmatched']);
  });

  it('results.json with a commendation list still parses with ResultsV1', () => {
    const r = year2025([y2024]);
    expect(r.commendation.individuals.length + r.commendation.excluded.length).toBeGreaterThan(0);
    expect(ResultsV1.parse(r)).toEqual(r);
  });
});
