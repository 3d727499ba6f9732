import { describe, expect, it } from 'vitest';
import { type AgencyInput, PeriodComparison, type Results, ResultsV1, comparePeriods, computeResults } from '../../shared/results/index.ts';
import { agency, campaign, input } from './fixtures.ts';

/** Two departments over three years; Sở S2 did not submit in 2025. Survey at 100 % (30 points) throughout. */
function year(y: number, agencies: AgencyInput[]): Results {
  return computeResults({ campaign: campaign({ id: `cchc-${y}`, year: y, title: { vi: `Chỉ số CCHC năm ${y}` } }), agencies, generatedAt: `${y + 1}-01-15T10:00:00+07:00` });
}
const s = (code: string, self: Record<string, number> | null) => input(agency(code, 'department', `Sở ${code}`), self ? { self, survey: { '3.1': 100 } } : {});

const y2023 = year(2023, [s('S1', { '1.1': 20, '1.2': 10, '2.1': 20 }), s('S2', { '1.1': 20, '1.2': 20, '2.1': 20 })]); // S1 80, S2 90
const y2024 = year(2024, [s('S1', { '1.1': 20, '1.2': 15.5, '2.1': 20 }), s('S2', { '1.1': 20, '1.2': 20, '2.1': 14 })]); // S1 85.5, S2 84
const y2025 = year(2025, [s('S1', { '1.1': 20, '1.2': 20, '2.1': 22 }), s('S2', null)]); // S1 92, S2 —

describe('period comparison', () => {
  const cmp = comparePeriods([y2025, y2023, y2024]);
  const trend = (code: string) => cmp.agencies.find((a) => a.agency === code)!;

  it('sorts the periods by year', () => {
    expect(cmp.periods.map((p) => [p.year, p.campaign])).toEqual([
      [2023, 'cchc-2023'],
      [2024, 'cchc-2024'],
      [2025, 'cchc-2025'],
    ]);
  });

  it('gives each agency its index, rank and band per year', () => {
    expect(trend('S1').years.map((y) => [y.year, y.index, y.rank, y.band])).toEqual([
      [2023, 80, 2, 'B'],
      [2024, 85.5, 1, 'B'],
      [2025, 92, 1, 'A'],
    ]);
    expect(trend('S2').years.map((y) => [y.year, y.submitted, y.rank, y.band])).toEqual([
      [2023, true, 1, 'A'],
      [2024, true, 2, 'B'],
      [2025, false, null, null],
    ]);
  });

  it('computes the change between consecutive years: index points, places gained, band, each area', () => {
    expect(trend('S1').deltas).toEqual([
      {
        from: 2023,
        to: 2024,
        index: 5.5,
        rank: 1,
        band: { from: 'B', to: 'B' },
        // area 1: 30/40 = 75 → 35.5/40 = 88.75
        areas: [
          { code: '1', index: 13.75 },
          { code: '2', index: 0 },
          { code: '3', index: 0 },
        ],
      },
      {
        from: 2024,
        to: 2025,
        index: 6.5,
        rank: 0,
        band: { from: 'B', to: 'A' },
        // area 2: 20/30 = 66.67 → 22/30 = 73.33
        areas: [
          { code: '1', index: 11.25 },
          { code: '2', index: 6.66 },
          { code: '3', index: 0 },
        ],
      },
    ]);
    expect(trend('S2').deltas.map((d) => [d.from, d.to, d.index, d.rank, d.band])).toEqual([[2023, 2024, -6, -1, { from: 'A', to: 'B' }]]);
  });

  it('summarises the years for a five-year review', () => {
    expect(trend('S1').summary).toEqual({
      years: 3,
      averageIndex: 85.83, // (80 + 85.5 + 92) / 3
      best: { year: 2025, index: 92 },
      worst: { year: 2023, index: 80 },
      bandYears: { B: 2, A: 1 },
      yearsInTopBand: 1,
    });
    expect(trend('S2').summary).toMatchObject({ years: 2, averageIndex: 87, best: { year: 2023, index: 90 }, worst: { year: 2024, index: 84 }, yearsInTopBand: 1 });
  });

  it('gives each group’s average per year', () => {
    expect(cmp.groups).toEqual([
      {
        group: 'department',
        years: [
          { year: 2023, agencies: 2, submitted: 2, averageIndex: 85 },
          { year: 2024, agencies: 2, submitted: 2, averageIndex: 84.75 },
          { year: 2025, agencies: 2, submitted: 1, averageIndex: 92 },
        ],
      },
    ]);
  });

  it('matches the published schema', () => {
    expect(PeriodComparison.parse(cmp)).toEqual(cmp);
  });
});

describe('results.json', () => {
  it('parses with ResultsV1 exactly as computeResults returns it', () => {
    for (const r of [y2023, y2024, y2025]) expect(ResultsV1.parse(r)).toEqual(r);
    expect(y2025).toMatchObject({ kind: 'parscore.results', schemaVersion: 1, campaign: { id: 'cchc-2025', year: 2025, model: 'three-tier', period: null } });
  });

  it('refuses a document of another kind or with a rank of 0', () => {
    expect(ResultsV1.safeParse({ ...y2025, kind: 'parscore.campaign' }).success).toBe(false);
    const broken = structuredClone(y2025);
    broken.agencies[0]!.rank = 0;
    expect(ResultsV1.safeParse(broken).success).toBe(false);
  });
});
