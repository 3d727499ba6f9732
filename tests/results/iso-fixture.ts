/** A small ISO 9001 checklist fixture shared by the results and report tests. */
import { computeResults } from '../../shared/results/index.ts';
import type { AdditionalAssessment, ItemInput } from '../../shared/schema/assessment.ts';
import { compileTemplate } from '../../shared/template/compile.ts';
import { builtinTemplate } from '../cycle/helpers.ts';
import { GENERATED_AT, agency, campaign, deptTemplate, input } from './fixtures.ts';

const yes: ItemInput = { kind: 'binary', value: 'yes' };
const full: ItemInput = { kind: 'ratio', numerator: 1, denominator: 1 };
const half: ItemInput = { kind: 'ratio', numerator: 1, denominator: 2 };

/** Three departments: S1 and S2 assessed on the ISO 9001 checklist (hand-computed below), S3 exempt. */
export async function isoFixture() {
  const iso = compileTemplate(await builtinTemplate('iso-9001-2008'));
  // The declared ISO steps are yes/no figures of the department template (unknown codes would be refused).
  const step = (code: string, vi: string) => ({ code, title: { vi }, type: 'boolean' as const, aggregate: 'COUNT_YES' as const });
  const dept = deptTemplate({ indicators: [step('KK01', 'Đã xây dựng HTQLCL'), step('KK02', 'Đã công bố HTQLCL'), step('KK03', 'Đã duy trì HTQLCL')] });
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
  return { iso, dept, campaign: c, agencies: [a1, a2, a3], results: computeResults({ campaign: c, agencies: [a1, a2, a3], generatedAt: GENERATED_AT }) };
}

