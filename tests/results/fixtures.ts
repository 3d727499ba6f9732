/**
 * A small province for results and commendation tests: campaigns, agencies, assessments and
 * appraisals written the way Home Affairs would describe them ("Sở A self-scored 20 on 1.1, we
 * appraised 16").
 */
import * as z from 'zod';
import type { Agency } from '../../shared/schema/agency.ts';
import type { Appraisal } from '../../shared/schema/appraisal.ts';
import type { Assessment, IndicatorValue, ItemInput } from '../../shared/schema/assessment.ts';
import type { AwardOverride, CommendationRules } from '../../shared/schema/awards.ts';
import { type Campaign, CampaignV5 } from '../../shared/schema/campaign.ts';
import type { AgencyGroup } from '../../shared/schema/common.ts';
import type { IndividualNomination, Nomination } from '../../shared/schema/nomination.ts';
import type { TemplateInput } from '../../shared/schema/template.ts';
import type { AgencyInput } from '../../shared/results/index.ts';
import type { CompiledTemplate } from '../../shared/template/compile.ts';
import { compile, group, leaf, manual, manualInput, surveyRule } from '../helpers/template-builder.ts';

export const BANDS = [
  { code: 'A', label: { vi: 'Xuất sắc' }, minIndex: 90 },
  { code: 'B', label: { vi: 'Tốt' }, minIndex: 80 },
  { code: 'C', label: { vi: 'Khá' }, minIndex: 70 },
  { code: 'D', label: { vi: 'Trung bình' }, minIndex: 50 },
  { code: 'E', label: { vi: 'Yếu' }, minIndex: 0 },
];

type CampaignInput = z.input<typeof CampaignV5>;

export function campaign(over: Partial<CampaignInput> = {}): Campaign {
  return CampaignV5.parse({
    kind: 'parscore.campaign',
    schemaVersion: 5,
    uid: 'c0ffee00-1234-4abc-8def-0123456789ab',
    additionalTemplates: {}, exemptions: [], headlines: [],
    id: 'cchc-2025',
    title: { vi: 'Chỉ số CCHC năm 2025' },
    year: 2025,
    model: 'three-tier',
    templates: {},
    agencies: [],
    bands: BANDS,
    issuer: { parentBody: 'UBND TỈNH MINH SƠN', body: 'SỞ NỘI VỤ', place: 'Minh Sơn', signerTitle: 'GIÁM ĐỐC', signerName: 'Nguyễn Văn A' },
    ...over,
  } satisfies CampaignInput);
}

export const emptyRules = (): CommendationRules => ({ collectives: [], individuals: [] });

/**
 * The department template of these tests, 100 points:
 *   1 Chỉ đạo điều hành (40): 1.1 (20), 1.2 (20), both scored by hand
 *   2 Cải cách TTHC (30): 2.1 (30)
 *   3 Điều tra xã hội học (30): 3.1 (30), survey
 * Bonus capped at 5 (two items of 3), penalty capped at 4 (two items of 3).
 */
export function deptTemplate(extra: { indicators?: TemplateInput['indicators']; id?: string; appliesTo?: TemplateInput['appliesTo'] } = {}): CompiledTemplate {
  return compile(
    [
      group('1', null, 40),
      leaf('1.1', '1', 20, manual()),
      leaf('1.2', '1', 20, manual(), { notApplicableAllowed: true }),
      group('2', null, 30),
      leaf('2.1', '2', 30, manual()),
      group('3', null, 30, { survey: true }),
      leaf('3.1', '3', 30, surveyRule(), { survey: true }),
    ],
    {
      id: extra.id ?? 'par-so',
      appliesTo: extra.appliesTo ?? ['department'],
      indicators: extra.indicators ?? [],
      bonus: { cap: 5, items: [{ code: 'B1', title: { vi: 'Sáng kiến' }, max: 3 }, { code: 'B2', title: { vi: 'Giải thưởng' }, max: 3 }] },
      penalty: { cap: 4, items: [{ code: 'P1', title: { vi: 'Chậm báo cáo' }, max: 3 }, { code: 'P2', title: { vi: 'Vi phạm' }, max: 3 }] },
    },
  );
}

export const agency = (code: string, grp: AgencyGroup = 'department', name = `Cơ quan ${code}`): Agency => ({ code, name, group: grp, parent: null });

export function assessment(ct: CompiledTemplate, code: string, inputs: Record<string, ItemInput | number>, more: Partial<Pick<Assessment, 'bonus' | 'penalty'>> & { indicators?: Record<string, IndicatorValue> } = {}): Assessment {
  const items: Assessment['items'] = {};
  for (const [item, v] of Object.entries(inputs)) items[item] = { input: typeof v === 'number' ? manualInput(v) : v, selfScore: null, evidence: [] };
  return {
    kind: 'parscore.assessment',
    schemaVersion: 2,
    additional: {},
    agency: code,
    template: { ...ct.ref },
    revision: 1,
    items,
    indicators: more.indicators ?? {},
    bonus: more.bonus ?? {},
    penalty: more.penalty ?? {},
    updatedAt: '2025-12-20T08:00:00+07:00',
  };
}

export function appraisal(
  ct: CompiledTemplate,
  code: string,
  scores: Record<string, number>,
  more: Partial<Pick<Appraisal, 'bonus' | 'penalty' | 'falsifiedEvidence' | 'status'>> = {},
): Appraisal {
  const items: Appraisal['items'] = {};
  for (const [item, score] of Object.entries(scores)) items[item] = { score, round: 1 };
  return {
    kind: 'parscore.appraisal',
    schemaVersion: 2,
    additional: {},
    agency: code,
    campaign: 'cchc-2025',
    template: { ...ct.ref },
    status: more.status ?? 'appraised_1',
    revision: 1,
    round: 1,
    items,
    bonus: more.bonus ?? {},
    penalty: more.penalty ?? {},
    explanations: {},
    falsifiedEvidence: more.falsifiedEvidence ?? false,
    updatedAt: '2026-01-10T08:00:00+07:00',
  };
}

export const pts = (points: number) => ({ points });

export interface AgencySpec {
  template?: CompiledTemplate;
  /** Self scores by item (numbers are MANUAL inputs); omit for "no submission". */
  self?: Record<string, ItemInput | number>;
  selfBonus?: Record<string, number>;
  selfPenalty?: Record<string, number>;
  indicators?: Record<string, IndicatorValue>;
  /** Appraised scores by item; bonus/penalty of the appraisal. */
  appraised?: Record<string, number>;
  bonus?: Record<string, number>;
  penalty?: Record<string, number>;
  falsified?: boolean;
  /** Survey percent by survey item. */
  survey?: Record<string, number>;
  late?: boolean;
  nominations?: Nomination[];
}

const adjust = (m: Record<string, number> | undefined) => Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, pts(v)]));

export function input(a: Agency, spec: AgencySpec = {}): AgencyInput {
  const ct = spec.template ?? deptTemplate();
  const submitted = spec.self !== undefined;
  const hasAppraisal = spec.appraised !== undefined || spec.bonus !== undefined || spec.penalty !== undefined || spec.falsified !== undefined;
  return {
    agency: a,
    template: ct,
    assessment: submitted
      ? assessment(ct, a.code, spec.self ?? {}, { bonus: adjust(spec.selfBonus), penalty: adjust(spec.selfPenalty), indicators: spec.indicators ?? {} })
      : null,
    appraisal: hasAppraisal ? appraisal(ct, a.code, spec.appraised ?? {}, { bonus: adjust(spec.bonus), penalty: adjust(spec.penalty), falsifiedEvidence: spec.falsified ?? false }) : null,
    survey: spec.survey ?? null,
    submission: submitted ? { revision: 1, receivedAt: spec.late ? '2026-01-05T09:00:00+07:00' : '2025-12-20T09:00:00+07:00', late: spec.late ?? false } : null,
    nominations: spec.nominations ?? [],
  };
}

export const GENERATED_AT = '2026-01-15T10:00:00+07:00';

export function person(id: string, over: Partial<IndividualNomination> = {}): IndividualNomination {
  return {
    kind: 'individual',
    id,
    fullName: `Nguyễn Thị ${id}`,
    gender: 'female',
    birthYear: 1985,
    position: 'Chuyên viên',
    unit: 'Văn phòng Sở',
    ratingThisYear: 'excellent',
    ratingLastYear: 'excellent',
    achievements: 'Đầu mối cải cách hành chính của Sở',
    discipline: null,
    initiatives: 1,
    proposedAward: 'bk-ca-nhan',
    ...over,
  };
}

export function override(over: Partial<AwardOverride> & Pick<AwardOverride, 'rule' | 'subject' | 'agency' | 'action'>): AwardOverride {
  return { reason: 'Hội đồng TĐKT họp ngày 12/01/2026 thống nhất', by: 'Chủ tịch Hội đồng', at: '2026-01-12T15:00:00+07:00', ...over };
}
