import { describe, expect, it } from 'vitest';
import { ResultsV1 } from '../../shared/results/index.ts';
import { isoFixture as fixture } from './iso-fixture.ts';

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
