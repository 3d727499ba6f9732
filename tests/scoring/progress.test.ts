import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaProgress } from '../../shared/scoring/progress.ts';
import { parseTemplate } from '../../shared/template/parse.ts';
import { bands, binary, buildTemplate, group, leaf, manual, na, pct, surveyRule, yes } from '../helpers/template-builder.ts';

const t = buildTemplate([
  group('1', null, 10),
  group('1.1', '1', 6),
  leaf('1.1.1', '1.1', 3, bands([100, 3], [80, 1.5])),
  leaf('1.1.2', '1.1', 3, manual(0.5), { notApplicableAllowed: true }),
  leaf('1.2', '1', 4, binary()),
  group('2', null, 10),
  leaf('2.1', '2', 6, surveyRule(), { survey: true }),
  leaf('2.2', '2', 4, binary()),
]);

describe('areaProgress: what the agency must answer, per area', () => {
  it('counts only leaves the agency answers, not survey items nor parents', () => {
    const { areas, all } = areaProgress(t.items);
    expect(areas.get('1')).toEqual({ answered: 0, total: 3, withoutEvidence: 3 });
    expect(areas.get('2')).toEqual({ answered: 0, total: 1, withoutEvidence: 1 });
    expect(all).toEqual({ answered: 0, total: 4, withoutEvidence: 4 });
  });

  it('a "not applicable" counts as answered; evidence or an explanation counts as evidence', () => {
    const { areas, all } = areaProgress(t.items, {
      '1.1.1': { input: pct(90), evidence: [{ docNo: '12/KH' }] },
      '1.1.2': { input: na(), evidence: [], explanation: 'Không có nhiệm vụ này' },
      '1.2': { evidence: [] },
      '2.1': { input: pct(80), evidence: [] }, // a survey item: never counted
      '2.2': { input: yes(), evidence: [], explanation: '  ' },
    });
    expect(areas.get('1')).toEqual({ answered: 2, total: 3, withoutEvidence: 1 });
    expect(areas.get('2')).toEqual({ answered: 1, total: 1, withoutEvidence: 1 });
    expect(all).toEqual({ answered: 3, total: 4, withoutEvidence: 2 });
  });

  it('every built-in template reaches its full count when every non-survey leaf is answered', () => {
    for (const file of ['par-so-2026.json', 'par-xa-2026.json', 'par-huyen-legacy.json', 'iso-9001-2008.json']) {
      const parsed = parseTemplate(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'criteria', file), 'utf8')));
      if (!parsed.ok) throw new Error(file);
      const tpl = parsed.value;
      const entries = Object.fromEntries(tpl.items.filter((i) => i.rule && !i.survey && i.rule.type !== 'SURVEY').map((i) => [i.code, { input: na(), evidence: [] }]));
      const { areas, all } = areaProgress(tpl.items, entries);
      expect(all.answered, file).toBe(all.total);
      const surveyLeaves = tpl.items.filter((i) => i.rule && (i.rule.type === 'SURVEY' || i.survey)).length;
      expect(all.total + surveyLeaves, file).toBe(tpl.items.filter((i) => i.rule).length);
      expect([...areas.values()].reduce((s, a) => s + a.total, 0), file).toBe(all.total);
    }
  });
});
