import { describe, expect, it } from 'vitest';
import { ResultsV1, computeResults } from '../../shared/results/index.ts';
import type { AdditionalAssessment, ItemInput } from '../../shared/schema/assessment.ts';
import { compileTemplate } from '../../shared/template/compile.ts';
import { builtinTemplate } from '../cycle/helpers.ts';
import { GENERATED_AT, agency, campaign, deptTemplate, input } from './fixtures.ts';

const yes: ItemInput = { kind: 'binary', value: 'yes' };
const full: ItemInput = { kind: 'ratio', numerator: 1, denominator: 1 };
const half: ItemInput = { kind: 'ratio', numerator: 1, denominator: 2 };

async function fixture() {
  const iso = compileTemplate(await builtinTemplate('iso-9001-2008'));
  const dept = deptTemplate();
  const entries = (m: Record<string, ItemInput>): AdditionalAssessment => ({
    template: { ...iso.ref },
    items: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, { input: v, selfScore: null, evidence: [] }])),
  });
  // S1: build full (35), apply 10 of 24 self (B2/B4 blank) but appraised B2 = 8 → 18, announce full (12),
  // maintain 6 of 18 (not met), improve full (11): self 74, appraised 82 → "Đạt", phase reached = announce.
  // It declares "announced: no" although its announce items scored 12/12: a disagreement.
  const s1 = entries({
    A1: yes, A2: yes, 'A3.1': yes, 'A3.2': full, A4: yes, A5: full,
    'A6.1': yes, 'A6.2': yes, 'A6.3': yes, 'A6.4': yes, 'A6.5': yes, 'A6.6': yes,
    'B1.1': full, 'B1.2': yes, B3: yes, C1: yes, C2: yes, C3: yes, D2: yes, E1: full, E2: full,
  });
  // S2: build 4 + 4 + 5 + 5 = 18 of 35 (met: ≥ 17,5), nothing else: 18 → "Không đạt", phase = build.
  // It declares "announced: yes" while its announce items scored 0: a disagreement.
  const s2 = entries({ A1: yes, A2: yes, A4: yes, A5: half });
  const a1 = input(agency('S1'), { template: dept, self: {}, indicators: { KK01: true, KK02: false, KK03: false }, appraised: {} });
  a1.assessment!.additional = { [iso.ref.id]: s1 };
  a1.appraisal!.additional = { [iso.ref.id]: { template: { ...iso.ref }, items: { B2: { score: 8, round: 1 } }, explanations: {} } };
  const a2 = input(agency('S2'), { template: dept, self: {}, indicators: { KK01: true, KK02: true, KK03: false } });
  a2.assessment!.additional = { [iso.ref.id]: s2 };
  const a3 = input(agency('S3'), { template: dept, self: {} });
  const c = campaign({
    templates: { department: { ...dept.ref } },
    additionalTemplates: { department: [{ ...iso.ref }] },
    exemptions: [{ agency: 'S3', template: iso.ref.id, reason: 'Chưa thuộc đối tượng áp dụng' }],
    isoIndicators: { built: 'KK01', announced: 'KK02', maintained: 'KK03' },
    agencies: [agency('S1'), agency('S2'), agency('S3')],
  });
  for (const a of [a1, a2, a3]) a.additional = [iso];
  return { iso, results: computeResults({ campaign: c, agencies: [a1, a2, a3], generatedAt: GENERATED_AT }) };
}

describe('ISO 9001 checklist beside the PAR index', () => {
  it('scores each agency: self, appraised (appraisal replaces self), percent, band, phase reached, clauses, exempt', async () => {
    const { results } = await fixture();
    expect(ResultsV1.safeParse(results).success).toBe(true);
    const of = (code: string) => results.agencies.find((a) => a.agency.code === code)!.additional[0]!;
    const s1 = of('S1');
    expect(s1).toMatchObject({ status: 'assessed', iso: true, self: { score: 74, max: 100 }, appraised: { score: 82, max: 100 }, percent: 82, band: 'pass', phase: 'announce' });
    expect(s1.phases.map((p) => [p.phase, p.score, p.met])).toEqual([
      ['build', 35, true],
      ['apply', 18, true],
      ['announce', 12, true],
      ['maintain', 6, false],
      ['improve', 11, true],
    ]);
    // Clause 6 is cited by B1.1 and B1.2 only (5 points).
    expect(s1.clauses.find((c) => c.clause === '6')).toEqual({ clause: '6', score: 5, max: 5, percent: 100 });
    expect(of('S2')).toMatchObject({ status: 'assessed', percent: 18, band: 'fail', phase: 'build' });
    expect(of('S3')).toMatchObject({ status: 'exempt', percent: null, band: null, phase: null });
    // Ranking stays on the PAR index: all three ranked on it.
    expect(results.agencies.filter((a) => a.ranked)).toHaveLength(3);
  });

  it('summarises the province and lists the disagreements with the declared figures', async () => {
    const { results } = await fixture();
    const all = results.isoChecklist!.find((s) => s.scope === 'all')!;
    expect(all).toMatchObject({ applying: 2, exempt: 1, assessed: 2, averagePercent: 50 });
    expect(all.bands).toEqual({ good: 0, pass: 1, remedy: 0, fail: 1 });
    expect(all.phases).toMatchObject({ build: 1, announce: 1, apply: 0, maintain: 0, improve: 0, none: 0 });
    expect(all.clauses.find((c) => c.clause === '6')!.averagePercent).toBe(50);
    expect(all.disagreements.map((d) => [d.agency, d.step, d.declared, d.score, d.max])).toEqual([
      ['S1', 'announced', false, 12, 12],
      ['S2', 'announced', true, 0, 12],
    ]);
    const iso = results.issues.filter((i) => i.code.startsWith('results.iso_declared'));
    expect(iso.map((i) => [i.code, i.at?.agency, i.at?.field])).toEqual([
      ['results.iso_declared_no_full', 'S1', 'KK02'],
      ['results.iso_declared_yes_zero', 'S2', 'KK02'],
    ]);
    // The old declared-figure counts are kept.
    expect(results.iso!.find((s) => s.scope === 'all')!.built.count).toBe(2);
  });
});
