import { describe, expect, it } from 'vitest';
import { formatIssue, hasMessage } from '../../shared/i18n/index.ts';
import { type IndicatorFigure, ResultsV1, computeResults } from '../../shared/results/index.ts';
import { GENERATED_AT, appraisal, campaign } from './fixtures.ts';
import { DEPT_PROCEDURES, HEADLINE, threeLevelCampaign, threeLevelProvince } from './figures.ts';

const results = (edit?: Parameters<typeof threeLevelProvince>[0], c = threeLevelCampaign()) =>
  computeResults({ campaign: c, agencies: threeLevelProvince(edit), generatedAt: GENERATED_AT });

const figure = (r: ReturnType<typeof results>, scope: string, code: string): IndicatorFigure | undefined =>
  r.indicators.find((s) => s.scope === scope)?.figures.find((f) => f.code === code);

const issuesOf = (r: ReturnType<typeof results>, prefix: string) => r.issues.filter((i) => i.code.startsWith(prefix));

describe('declared figures checked at consolidation', () => {
  it('"có" and 1 for a yes/no figure are refused, not counted: ISO coverage stays 18/21', () => {
    const f = figure(results(), 'department', 'ISO_XD');
    expect(f).toMatchObject({ aggregate: 'COUNT_YES', yes: 18, of: 21, declared: 19, refused: 2, percent: 85.71 });
  });

  it('a negative count is refused, not summed: 266 documents stay 266', () => {
    expect(figure(results(), 'department', 'VB')).toMatchObject({ aggregate: 'SUM', value: 266, declared: 20, refused: 1 });
    expect(figure(results(), 'all', 'VB')).toMatchObject({ value: 266, refused: 1 });
  });

  it('each refused value is an issue naming the agency, the figure’s code and title, and the value', () => {
    const r = results();
    const refused = r.issues.filter((i) => ['figure.not_boolean', 'figure.not_count', 'figure.unknown'].includes(i.code));
    expect(refused.map((i) => [i.code, i.at?.agency, i.at?.item, i.params?.value])).toEqual([
      ['figure.unknown', 'D05', 'TTHC_CU', 12],
      ['figure.not_boolean', 'D20', 'ISO_XD', '“có”'],
      ['figure.not_count', 'D21', 'VB', -17],
      ['figure.not_boolean', 'D21', 'ISO_XD', 1],
    ]);
    expect(formatIssue('vi', refused[1]!)).toBe(
      'bộ tiêu chí par-so · cơ quan D20 · mục ISO_XD · trường value: Số liệu ISO_XD “Đã xây dựng HTQLCL theo ISO 9001” chỉ nhận Có hoặc Không; giá trị “có” không hợp lệ.',
    );
    expect(formatIssue('vi', refused[2]!)).toContain('Số liệu VB “Số văn bản QPPL ban hành” phải là số nguyên không âm; giá trị -17 không hợp lệ.');
    // The published results carry them and still fit their schema.
    expect(ResultsV1.safeParse(r).success).toBe(true);
  });

  it('refused values reach neither the province’s figures nor the ISO summary', () => {
    const c = campaign({ headlines: [HEADLINE], isoIndicators: { built: 'ISO_XD', announced: 'ISO_CB', maintained: 'MOT_CUA' } });
    const r = results(undefined, c);
    const dept = r.iso!.find((s) => s.scope === 'department')!;
    expect(dept.built.count).toBe(18);
    expect(dept.missing.filter((m) => m.built === 'not_declared').map((m) => m.agency)).toEqual(['D20', 'D21']);
  });
});

describe('one shared value per group, and headlines combining groups', () => {
  it('the district level’s procedure set is the value most districts declared; H8 declaring 318 is reported', () => {
    const r = results();
    expect(figure(r, 'district', 'TTHC_H')).toEqual({
      code: 'TTHC_H',
      title: { vi: 'Số thủ tục hành chính cấp huyện' },
      unit: 'thủ tục',
      agencies: 8,
      declared: 8,
      refused: 0,
      aggregate: 'SHARED',
      value: 320,
      tie: false,
      dissent: [{ agency: 'H8', name: 'UBND huyện H8', value: 318 }],
    });
    const differs = issuesOf(r, 'results.figure_shared_differs');
    expect(differs.map((i) => [i.at?.agency, i.params?.shared, i.params?.value])).toEqual([['H8', 320, 318]]);
    expect(formatIssue('vi', differs[0]!)).toBe(
      'cơ quan H8 · mục TTHC_H · trường value: Số liệu TTHC_H “Số thủ tục hành chính cấp huyện” là một giá trị chung cho cả khối (320); cơ quan, đơn vị này kê khai 318.',
    );
  });

  it('a shared figure has no province total of its own (it is not a sum of communes)', () => {
    const r = results();
    expect(figure(r, 'commune', 'TTHC_X')).toMatchObject({ aggregate: 'SHARED', value: 125, dissent: [] });
    expect(figure(r, 'all', 'TTHC_X')).toBeUndefined();
    expect(figure(r, 'all', 'TTHC')).toMatchObject({ aggregate: 'SUM', value: DEPT_PROCEDURES });
  });

  it('procedures at the three levels = departments’ sum + the district and commune shared values (1281 + 320 + 125 = 1726)', () => {
    expect(DEPT_PROCEDURES).toBe(1281);
    expect(results().headlines).toEqual([
      {
        code: 'TTHC_3CAP',
        title: HEADLINE.title,
        unit: 'thủ tục',
        value: 1726,
        complete: true,
        parts: [
          { group: 'department', indicator: 'TTHC', title: { vi: 'Số thủ tục hành chính thuộc thẩm quyền giải quyết', en: 'Administrative procedures handled' }, aggregate: 'SUM', value: 1281, state: 'ok' },
          { group: 'district', indicator: 'TTHC_H', title: { vi: 'Số thủ tục hành chính cấp huyện' }, aggregate: 'SHARED', value: 320, state: 'ok' },
          { group: 'commune', indicator: 'TTHC_X', title: { vi: 'Số thủ tục hành chính cấp xã' }, aggregate: 'SHARED', value: 125, state: 'ok' },
        ],
      },
    ]);
  });

  it('a tie between values takes the smallest and says so', () => {
    const r = results((code, f) => {
      if (code.startsWith('X')) f.TTHC_X = Number(code.slice(1)) <= 5 ? 130 : 125;
    });
    expect(figure(r, 'commune', 'TTHC_X')).toMatchObject({ value: 125, tie: true });
    expect(issuesOf(r, 'results.figure_shared_tie').map((i) => i.params?.shared)).toEqual([125]);
    expect(issuesOf(r, 'results.figure_shared_differs').filter((i) => i.at?.agency?.startsWith('X'))).toHaveLength(5);
  });

  it('a part nobody declared leaves the headline partial, naming the part; with no part at all it is "not declared"', () => {
    const partial = results((code, f) => {
      if (code.startsWith('X')) delete f.TTHC_X;
    });
    expect(figure(partial, 'commune', 'TTHC_X')).toMatchObject({ aggregate: 'SHARED', value: null, declared: 0 });
    expect(partial.headlines[0]).toMatchObject({ value: 1601, complete: false });
    expect(partial.headlines[0]!.parts.map((p) => p.state)).toEqual(['ok', 'ok', 'not_declared']);

    const none = results((_code, f) => {
      delete f.TTHC;
      delete f.TTHC_H;
      delete f.TTHC_X;
    });
    expect(none.headlines[0]).toMatchObject({ value: null, complete: false });
    expect(figure(none, 'department', 'TTHC')).toMatchObject({ aggregate: 'SUM', value: null, declared: 0 });
  });

  it('a headline part the group does not have, or an average, adds nothing and is reported', () => {
    const c = campaign({
      headlines: [{ code: 'H1', title: { vi: 'Thử' }, parts: [{ group: 'district', indicator: 'TTHC' }, { group: 'department', indicator: 'HAI_LONG' }] }],
    });
    const r = results(undefined, c);
    expect(r.headlines[0]).toMatchObject({ value: null, complete: false });
    expect(r.headlines[0]!.parts.map((p) => p.state)).toEqual(['no_figure', 'not_additive']);
    expect(issuesOf(r, 'results.headline_').map((i) => formatIssue('vi', i))).toEqual([
      'Số liệu tổng hợp H1 “Thử”: khối UBND cấp huyện không có số liệu TTHC; phần này để trống.',
      'Số liệu tổng hợp H1 “Thử”: số liệu HAI_LONG của khối Sở, ban, ngành là số bình quân, không cộng được; phần này để trống.',
    ]);
  });
});

describe('"chưa kê khai": a figure nobody declared has no value, never 0 or 0/21', () => {
  it('a sum, a yes/no coverage and an average nobody declared', () => {
    const r = results((code, f) => {
      delete f.MOT_CUA;
    });
    expect(figure(r, 'department', 'SANG_KIEN')).toMatchObject({ aggregate: 'SUM', value: null, declared: 0, agencies: 21 });
    expect(figure(r, 'all', 'SANG_KIEN')).toMatchObject({ value: null, declared: 0 });
    expect(figure(r, 'department', 'HAI_LONG')).toMatchObject({ aggregate: 'AVERAGE', value: null, declared: 0 });
    expect(figure(r, 'department', 'MOT_CUA')).toMatchObject({ aggregate: 'COUNT_YES', declared: 0, yes: 0, of: 21, percent: null });
  });
});

describe('a yes/no figure tied to an item must agree with the item’s score', () => {
  it('"no one-stop" with 2.1 at full points, "yes" with 2.1 at 0, "QMS not announced" with the ISO checklist’s C1 at 10/10', () => {
    const r = results();
    const ties = issuesOf(r, 'figure.tie_');
    expect(ties.map((i) => [i.code, i.at?.agency, i.at?.template, i.params?.code, i.params?.item, i.params?.score, i.params?.max])).toEqual([
      ['figure.tie_no_item_full', 'D01', 'par-so', 'MOT_CUA', '2.1', 30, 30],
      ['figure.tie_yes_item_zero', 'D02', 'par-so', 'MOT_CUA', '2.1', 0, 30],
      ['figure.tie_no_item_full', 'D03', 'iso-9001-2008', 'ISO_CB', 'C1', 10, 10],
    ]);
    expect(formatIssue('vi', ties[1]!)).toBe(
      'bộ tiêu chí par-so · cơ quan D02 · mục MOT_CUA · trường value: Số liệu MOT_CUA “Thực hiện cơ chế một cửa” kê khai “Có” nhưng mục 2.1 gắn với nó được 0/30 điểm: hai bên không khớp.',
    );
    // A disagreement is reported; the figure still counts as declared.
    expect(figure(r, 'department', 'MOT_CUA')).toMatchObject({ yes: 20, declared: 21 });
  });

  it('an appraised score is the one compared', () => {
    const agencies = threeLevelProvince();
    const d02 = agencies.find((a) => a.agency.code === 'D02')!;
    // Home Affairs raised 2.1 to 20 points: "yes, one-stop" now agrees.
    d02.appraisal = appraisal(d02.template, 'D02', { '2.1': 20 });
    const r = computeResults({ campaign: threeLevelCampaign(), agencies, generatedAt: GENERATED_AT });
    expect(issuesOf(r, 'figure.tie_').map((i) => i.at?.agency)).toEqual(['D01', 'D03']);
  });

  it('every new message exists in both languages with every placeholder filled', () => {
    const c = campaign({
      headlines: [HEADLINE, { code: 'H1', title: { vi: 'Thử' }, parts: [{ group: 'district', indicator: 'TTHC' }, { group: 'department', indicator: 'HAI_LONG' }] }],
    });
    const r = results((code, f) => {
      if (code.startsWith('X')) f.TTHC_X = Number(code.slice(1)) <= 5 ? 130 : 125;
    }, c);
    for (const i of r.issues) {
      expect(hasMessage(i.code), i.code).toBe(true);
      for (const lang of ['vi', 'en'] as const) expect(formatIssue(lang, i)).not.toMatch(/\{\w+\}/);
    }
  });
});
