import { describe, expect, it } from 'vitest';
import { areaBars } from '../../renderer/src/features/send/area-bars.ts';
import { findBuiltin } from '../../electron/services/templates/builtin.ts';
import { scoreAssessment } from '../../shared/scoring/index.ts';
import { compileTemplate } from '../../shared/template/compile.ts';

describe('the send screen’s chart of areas', () => {
  it('lists the areas the agency scores itself, in order, each as a share of its maximum; the survey area is left out', () => {
    const template = findBuiltin('par-xa')!;
    const { report } = scoreAssessment(compileTemplate(template), { items: { '1.1.1': { input: { kind: 'binary', value: 'yes' }, selfScore: null, evidence: [] } }, bonus: {}, penalty: {} });
    const bars = areaBars(report, template);
    expect(bars.map((b) => b.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(bars[0]).toMatchObject({ code: '1', score: 1, max: 12, percent: 8.3 });
    expect(bars[0]!.title.vi).toBe('Công tác chỉ đạo, điều hành cải cách hành chính');
    expect(bars.slice(1).every((b) => b.score === 0 && b.percent === 0)).toBe(true);
  });
});
