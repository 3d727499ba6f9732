import { describe, expect, it } from 'vitest';
import { type AgencyInput, type IndicatorFigure, computeResults } from '../../shared/results/index.ts';
import type { TemplateInput } from '../../shared/schema/template.ts';
import { compile, group, leaf, manual } from '../helpers/template-builder.ts';
import { GENERATED_AT, agency, campaign, deptTemplate, input } from './fixtures.ts';

type Ind = NonNullable<TemplateInput['indicators']>[number];
const yesNo = (code: string, vi: string): Ind => ({ code, title: { vi }, type: 'boolean', aggregate: 'COUNT_YES' });
const ISO: Ind[] = [yesNo('ISO_XD', 'Đã xây dựng HTQLCL'), yesNo('ISO_CB', 'Đã công bố HTQLCL'), yesNo('ISO_DT', 'Duy trì HTQLCL')];
const ONE_STOP = yesNo('MOT_CUA', 'Thực hiện cơ chế một cửa, một cửa liên thông');
const DOCS: Ind = { code: 'VB_BAN_HANH', title: { vi: 'Số văn bản QPPL ban hành' }, type: 'number', unit: 'văn bản', aggregate: 'SUM' };
const ON_TIME: Ind = { code: 'DUNG_HAN', title: { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn' }, type: 'number', unit: '%', aggregate: 'AVERAGE' };
const NOTE: Ind = { code: 'GHI_CHU', title: { vi: 'Ghi chú' }, type: 'text', aggregate: 'NONE' };

const dept = deptTemplate({ indicators: [ONE_STOP, DOCS, ON_TIME, ...ISO, NOTE] });
const simple = (id: string, appliesTo: TemplateInput['appliesTo'], indicators: Ind[]) =>
  compile([group('1', null, 100), leaf('1.1', '1', 100, manual())], { id, appliesTo, indicators });
const district = simple('par-huyen', ['district'], [{ ...ONE_STOP, title: { vi: 'Một cửa cấp huyện' } }, DOCS, ...ISO]);
const commune = simple('par-xa', ['commune'], [ONE_STOP, DOCS]);

/** 3 departments, 2 districts (one never submitted), 4 communes, with their declared figures. */
function province(): AgencyInput[] {
  const d = (code: string, indicators: Record<string, boolean | number | string>) => input(agency(code, 'department', `Sở ${code}`), { template: dept, self: { '1.1': 10 }, indicators });
  const x = (code: string, indicators: Record<string, boolean | number>) => input(agency(code, 'commune', `Xã ${code}`), { template: commune, self: { '1.1': 50 }, indicators });
  return [
    d('D1', { MOT_CUA: true, VB_BAN_HANH: 10, DUNG_HAN: 90, ISO_XD: true, ISO_CB: true, ISO_DT: true, GHI_CHU: 'Tốt' }),
    d('D2', { MOT_CUA: true, VB_BAN_HANH: 20, DUNG_HAN: 95, ISO_XD: true, ISO_CB: false }),
    d('D3', { MOT_CUA: false, DUNG_HAN: 100, ISO_XD: true, ISO_CB: true, ISO_DT: true }),
    input(agency('H1', 'district', 'UBND huyện H1'), { template: district, self: { '1.1': 60 }, indicators: { MOT_CUA: true, VB_BAN_HANH: 5, ISO_XD: true, ISO_CB: true, ISO_DT: true } }),
    input(agency('H2', 'district', 'UBND huyện H2'), { template: district }),
    x('X1', { MOT_CUA: true, VB_BAN_HANH: 1 }),
    x('X2', { MOT_CUA: true, VB_BAN_HANH: 2 }),
    x('X3', { MOT_CUA: true, VB_BAN_HANH: 0 }),
    x('X4', { MOT_CUA: true }),
  ];
}

const c = campaign({ isoIndicators: { built: 'ISO_XD', announced: 'ISO_CB', maintained: 'ISO_DT' } });
const results = () => computeResults({ campaign: c, agencies: province(), generatedAt: GENERATED_AT });

/** A figure as a review quotes it. */
function quote(f: IndicatorFigure): string {
  if (f.aggregate === 'COUNT_YES') return `${f.yes}/${f.of} (${f.percent}%), ${f.declared} declared`;
  return `${f.value}, ${f.declared}/${f.agencies} declared`;
}
const figures = (scope: string) => {
  const s = results().indicators.find((i) => i.scope === scope)!;
  return Object.fromEntries(s.figures.map((f) => [f.code, quote(f)]));
};

describe('headline figures per group and for the province', () => {
  it('departments: 2/3 run the one-stop mechanism, 30 documents from the two that declared, 95 % on time on average', () => {
    expect(figures('department')).toEqual({
      MOT_CUA: '2/3 (66.67%), 3 declared',
      VB_BAN_HANH: '30, 2/3 declared',
      DUNG_HAN: '95, 3/3 declared',
      ISO_XD: '3/3 (100%), 3 declared',
      ISO_CB: '2/3 (66.67%), 3 declared',
      ISO_DT: '2/3 (66.67%), 2 declared',
    });
  });

  it('districts: the district that never submitted counts in "of" but not in "yes" (1/2)', () => {
    expect(figures('district')).toMatchObject({ MOT_CUA: '1/2 (50%), 1 declared', VB_BAN_HANH: '5, 1/2 declared' });
  });

  it('communes: 4/4 = 100 % of communes', () => {
    expect(figures('commune')).toEqual({ MOT_CUA: '4/4 (100%), 4 declared', VB_BAN_HANH: '3, 3/4 declared' });
  });

  it('the province: the same code across templates is one figure (7/9); a figure only departments have counts departments only', () => {
    expect(figures('all')).toMatchObject({
      MOT_CUA: '7/9 (77.78%), 8 declared',
      VB_BAN_HANH: '38, 6/9 declared',
      DUNG_HAN: '95, 3/3 declared',
    });
  });

  it('uses the templates’ titles and units, skips text figures, and lists groups in order then the province', () => {
    const r = results();
    expect(r.indicators.map((i) => [i.scope, i.agencies])).toEqual([
      ['department', 3],
      ['district', 2],
      ['commune', 4],
      ['all', 9],
    ]);
    const dept = r.indicators[0]!.figures;
    expect(dept.find((f) => f.code === 'VB_BAN_HANH')).toMatchObject({ title: { vi: 'Số văn bản QPPL ban hành' }, unit: 'văn bản', aggregate: 'SUM' });
    expect(dept.some((f) => f.code === 'GHI_CHU')).toBe(false);
    expect(r.indicators[1]!.figures[0]!.title).toEqual({ vi: 'Một cửa cấp huyện' });
    expect(r.indicators[3]!.figures[0]!.title).toEqual({ vi: 'Thực hiện cơ chế một cửa, một cửa liên thông' });
  });

  it('an average nobody declared is empty, not 0', () => {
    const r = computeResults({ campaign: c, agencies: [input(agency('D9'), { template: dept, self: {} })], generatedAt: GENERATED_AT });
    expect(r.indicators[0]!.figures.find((f) => f.code === 'DUNG_HAN')).toMatchObject({ aggregate: 'AVERAGE', value: null, declared: 0, agencies: 1 });
  });
});

describe('ISO 9001 summary', () => {
  it('counts who built, announced and maintain, out of every agency of the group', () => {
    const iso = results().iso!;
    expect(iso.map((s) => [s.scope, s.agencies, s.built.count, s.announced.count, s.maintained.count, s.complete.count])).toEqual([
      ['department', 3, 3, 2, 2, 2],
      ['district', 2, 1, 1, 1, 1],
      ['commune', 4, 0, 0, 0, 0],
      ['all', 9, 4, 3, 3, 3],
    ]);
    expect(iso[0]!.announced.percent).toBe(66.67);
    expect(iso[3]!.built.percent).toBe(44.44);
  });

  it('lists exactly the agencies short of a step, with what is missing and why', () => {
    const iso = results().iso!;
    expect(iso[0]!.missing).toEqual([
      { agency: 'D2', name: 'Sở D2', group: 'department', built: 'yes', announced: 'no', maintained: 'not_declared', missing: ['announced', 'maintained'] },
    ]);
    expect(iso[1]!.missing).toEqual([
      { agency: 'H2', name: 'UBND huyện H2', group: 'district', built: 'no_submission', announced: 'no_submission', maintained: 'no_submission', missing: ['built', 'announced', 'maintained'] },
    ]);
    expect(iso[2]!.missing.map((m) => [m.agency, m.built])).toEqual([
      ['X1', 'not_declared'],
      ['X2', 'not_declared'],
      ['X3', 'not_declared'],
      ['X4', 'not_declared'],
    ]);
    expect(iso[3]!.missing.map((m) => m.agency)).toEqual(['D2', 'H2', 'X1', 'X2', 'X3', 'X4']);
  });

  it('is absent when the campaign names no ISO figures', () => {
    const r = computeResults({ campaign: campaign(), agencies: province(), generatedAt: GENERATED_AT });
    expect(r.iso).toBeNull();
  });
});
