/**
 * A three-level province (21 departments, 8 districts, 10 communes) whose declared figures a review
 * quotes: procedures across the three levels, ISO coverage "18/21", documents issued — with the
 * mistakes clerks make ("có" for a yes/no figure, a negative count, an unknown code, a district
 * declaring another procedure set than its peers, a yes/no figure contradicting its item's score).
 */
import type { IndicatorValue } from '../../shared/schema/assessment.ts';
import type { Campaign } from '../../shared/schema/campaign.ts';
import type { TemplateInput } from '../../shared/schema/template.ts';
import type { AgencyInput } from '../../shared/results/index.ts';
import type { CompiledTemplate } from '../../shared/template/compile.ts';
import { binary, compile, group, leaf, manual } from '../helpers/template-builder.ts';
import { agency, campaign, deptTemplate, input } from './fixtures.ts';

type Ind = NonNullable<TemplateInput['indicators']>[number];

export const ISO_ID = 'iso-9001-2008';
export const DEPT_FIGURES: Ind[] = [
  { code: 'TTHC', title: { vi: 'Số thủ tục hành chính thuộc thẩm quyền giải quyết', en: 'Administrative procedures handled' }, type: 'count', unit: 'thủ tục', aggregate: 'SUM' },
  { code: 'VB', title: { vi: 'Số văn bản QPPL ban hành' }, type: 'count', unit: 'văn bản', aggregate: 'SUM' },
  { code: 'ISO_XD', title: { vi: 'Đã xây dựng HTQLCL theo ISO 9001' }, type: 'boolean', aggregate: 'COUNT_YES' },
  { code: 'MOT_CUA', title: { vi: 'Thực hiện cơ chế một cửa' }, type: 'boolean', aggregate: 'COUNT_YES', item: '2.1' },
  { code: 'ISO_CB', title: { vi: 'Đã công bố HTQLCL phù hợp ISO 9001' }, type: 'boolean', aggregate: 'COUNT_YES', item: 'C1', itemTemplate: ISO_ID },
  { code: 'SANG_KIEN', title: { vi: 'Số sáng kiến CCHC được công nhận' }, type: 'count', unit: 'sáng kiến', aggregate: 'SUM' },
  { code: 'HAI_LONG', title: { vi: 'Tỷ lệ hài lòng' }, type: 'number', unit: '%', aggregate: 'AVERAGE', min: 0, max: 100 },
];

export const dept = deptTemplate({ indicators: DEPT_FIGURES });
const level = (id: string, appliesTo: TemplateInput['appliesTo'], code: string, vi: string): CompiledTemplate =>
  compile([group('1', null, 100), leaf('1.1', '1', 100, manual())], {
    id,
    appliesTo,
    indicators: [{ code, title: { vi }, type: 'count', unit: 'thủ tục', aggregate: 'SHARED' }],
  });
export const district = level('par-huyen', ['district'], 'TTHC_H', 'Số thủ tục hành chính cấp huyện');
export const commune = level('par-xa', ['commune'], 'TTHC_X', 'Số thủ tục hành chính cấp xã');
/** The ISO 9001 checklist (additional template): C1 "the QMS is announced", 10 points. */
export const iso = compile([group('C', null, 10), leaf('C1', 'C', 10, binary())], { id: ISO_ID, appliesTo: ['department', 'district', 'commune'] });

export const HEADLINE = {
  code: 'TTHC_3CAP',
  title: { vi: 'Thủ tục hành chính ở cả ba cấp', en: 'Administrative procedures at the three levels' },
  unit: 'thủ tục',
  parts: [
    { group: 'department' as const, indicator: 'TTHC' },
    { group: 'district' as const, indicator: 'TTHC_H' },
    { group: 'commune' as const, indicator: 'TTHC_X' },
  ],
};

export const threeLevelCampaign = (): Campaign => campaign({ headlines: [HEADLINE] });

/** D01's procedures are 51, D02's 52 … D21's 71: 1281 in all. */
export const DEPT_PROCEDURES = 21 * 50 + (21 * 22) / 2;


/**
 * Departments D01–D21: 18 declare ISO_XD yes, one no, D20 declares "có" and D21 declares 1 (both
 * refused: 18/21). VB: 20 departments declare 13 or 14 (266 in all), D21 declares −17 (refused).
 * D05 declares an unknown code. Districts H1–H8 share 320 procedures, H8 declares 318. Communes
 * X01–X10 share 125. Nobody declares SANG_KIEN or HAI_LONG.
 * Ties: D01 says "no one-stop" with 2.1 scored full (30/30); D02 says yes with 2.1 at 0; D03 says
 * its QMS is not announced with the ISO checklist's C1 at 10/10.
 */
export function threeLevelProvince(edit: (code: string, figures: Record<string, unknown>) => void = () => {}): AgencyInput[] {
  const out: AgencyInput[] = [];
  for (let i = 1; i <= 21; i++) {
    const code = `D${String(i).padStart(2, '0')}`;
    const figures: Record<string, unknown> = {
      TTHC: 50 + i,
      VB: i <= 6 ? 14 : 13,
      ISO_XD: i !== 19,
      MOT_CUA: true,
      ISO_CB: true,
    };
    if (i === 20) figures.ISO_XD = 'có';
    if (i === 21) Object.assign(figures, { ISO_XD: 1, VB: -17 });
    if (i === 5) figures.TTHC_CU = 12;
    if (i === 1) figures.MOT_CUA = false;
    if (i === 3) figures.ISO_CB = false;
    edit(code, figures);
    const a = input(agency(code, 'department', `Sở ${code}`), { template: dept, self: { '1.1': 10, '2.1': i === 2 ? 0 : i === 1 ? 30 : 15 }, indicators: figures as Record<string, IndicatorValue> });
    a.additional = [iso];
    a.assessment!.additional[ISO_ID] = { template: { ...iso.ref }, items: { C1: { input: { kind: 'binary', value: 'yes' }, selfScore: null, evidence: [] } } };
    out.push(a);
  }
  for (let i = 1; i <= 8; i++) {
    const code = `H${i}`;
    const figures: Record<string, unknown> = { TTHC_H: i === 8 ? 318 : 320 };
    edit(code, figures);
    out.push(input(agency(code, 'district', `UBND huyện ${code}`), { template: district, self: { '1.1': 60 }, indicators: figures as Record<string, IndicatorValue> }));
  }
  for (let i = 1; i <= 10; i++) {
    const code = `X${String(i).padStart(2, '0')}`;
    const figures: Record<string, unknown> = { TTHC_X: 125 };
    edit(code, figures);
    out.push(input(agency(code, 'commune', `Xã ${code}`), { template: commune, self: { '1.1': 50 }, indicators: figures as Record<string, IndicatorValue> }));
  }
  return out;
}


