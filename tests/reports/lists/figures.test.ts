/**
 * "Số liệu chủ yếu về cải cách hành chính" of a three-level province: the headline combining the
 * three levels at the top, each group's figures (a shared value, "chưa kê khai"), and the values
 * left out or disagreeing at the bottom; read back with exceljs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../shared/i18n/index.ts';
import { type Results, ResultsV1, computeResults } from '../../../shared/results/index.ts';
import { writeIndicators } from '../../../electron/services/reports/indicators.ts';
import { defaultFooter } from '../../../electron/services/reports/kit/context.ts';
import { GENERATED_AT } from '../../results/fixtures.ts';
import { threeLevelCampaign, threeLevelProvince } from '../../results/figures.ts';
import { type Value, readWithExceljs, table, values } from './read.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-figures-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const campaign = threeLevelCampaign();
let n = 0;

async function rows(results: Results, lang: Lang = 'vi'): Promise<Value[][]> {
  expect(ResultsV1.safeParse(results).success).toBe(true);
  const file = join(tmp, `figures-${++n}.xlsx`);
  await writeIndicators({ results, campaign, lang, date: new Date(2026, 0, 20), footer: defaultFooter(campaign, lang) }, file);
  const book = await readWithExceljs(file);
  return table(book.sheets[0]!).map(values);
}

const results = (edit?: Parameters<typeof threeLevelProvince>[0]) => computeResults({ campaign, agencies: threeLevelProvince(edit), generatedAt: GENERATED_AT });

describe('the headline figures report of a three-level province', () => {
  it('opens with the procedures at the three levels and the part each level adds', async () => {
    const got = await rows(results());
    expect(got.slice(0, 5)).toEqual([
      ['I. Số liệu tổng hợp toàn tỉnh (cộng các khối)'],
      [1, 'TTHC_3CAP', 'Thủ tục hành chính ở cả ba cấp', 'thủ tục', 'Cộng các khối', 1726, null, null, null, '1.726 thủ tục'],
      [null, 'TTHC', '– Sở, ban, ngành: Số thủ tục hành chính thuộc thẩm quyền giải quyết', 'thủ tục', 'Tổng cộng', 1281, null, null, null, '1.281 thủ tục'],
      [null, 'TTHC_H', '– UBND cấp huyện: Số thủ tục hành chính cấp huyện', 'thủ tục', 'Giá trị chung của khối', 320, null, null, null, '320 thủ tục'],
      [null, 'TTHC_X', '– UBND cấp xã: Số thủ tục hành chính cấp xã', 'thủ tục', 'Giá trị chung của khối', 125, null, null, null, '125 thủ tục'],
    ]);
    expect(got[5]).toEqual(['II. Sở, ban, ngành (21 cơ quan, đơn vị)']);
  });

  it('prints the shared value with the district declaring another, 18/21, and "chưa kê khai" — never 0 or 0/21', async () => {
    const got = await rows(results((code, f) => {
      delete f.MOT_CUA;
    }));
    const row = (code: string, section: string) => {
      const from = got.findIndex((r) => r.length === 1 && String(r[0]).includes(section));
      return got.slice(from).find((r) => r[1] === code)!;
    };
    expect(row('TTHC_H', 'UBND cấp huyện')).toEqual([1, 'TTHC_H', 'Số thủ tục hành chính cấp huyện', 'thủ tục', 'Giá trị chung của khối', 320, null, null, null, '320 thủ tục (1 đơn vị kê khai khác)', 8, 8]);
    expect(row('ISO_XD', 'Sở, ban, ngành')).toEqual([3, 'ISO_XD', 'Đã xây dựng HTQLCL theo ISO 9001', null, 'Tỷ lệ x/y', null, 18, 21, 85.71, '18/21 sở, ban, ngành', 21, 19]);
    expect(row('VB', 'Sở, ban, ngành').slice(5, 6)).toEqual([266]);
    expect(row('SANG_KIEN', 'Sở, ban, ngành')).toEqual([6, 'SANG_KIEN', 'Số sáng kiến CCHC được công nhận', 'sáng kiến', 'Tổng cộng', null, null, null, null, 'chưa kê khai', 21, 0]);
    expect(row('MOT_CUA', 'Sở, ban, ngành')).toEqual([4, 'MOT_CUA', 'Thực hiện cơ chế một cửa', null, 'Tỷ lệ x/y', null, 0, 21, null, 'chưa kê khai', 21, 0]);
    expect(row('SANG_KIEN', 'Toàn tỉnh')[9]).toBe('chưa kê khai');
  });

  it('a partial headline names the level missing', async () => {
    const got = await rows(results((code, f) => {
      if (code.startsWith('X')) delete f.TTHC_X;
    }));
    expect(got[1]).toEqual([1, 'TTHC_3CAP', 'Thủ tục hành chính ở cả ba cấp', 'thủ tục', 'Cộng các khối', 1601, null, null, null, '1.601 thủ tục (chưa tính: UBND cấp xã chưa kê khai)']);
    expect(got[4]).toEqual([null, 'TTHC_X', '– UBND cấp xã: Số thủ tục hành chính cấp xã', 'thủ tục', 'Giá trị chung của khối', null, null, null, null, 'UBND cấp xã chưa kê khai']);
  });

  it('ends with every value left out or disagreeing: agency by agency, then what is wrong with which figure', async () => {
    const got = await rows(results());
    const from = got.findIndex((r) => r[0] === 'VI. Số liệu không được tổng hợp hoặc không khớp');
    expect(from).toBeGreaterThan(0);
    const listed = got.slice(from + 1);
    expect(listed.map((r) => [r[0], r[1]])).toEqual([
      [1, 'D01'],
      [2, 'D02'],
      [3, 'D03'],
      [4, 'D05'],
      [5, 'D20'],
      [6, 'D21'],
      [7, 'D21'],
      [8, 'H8'],
    ]);
    expect(listed[4]![2]).toBe('Số liệu ISO_XD “Đã xây dựng HTQLCL theo ISO 9001” chỉ nhận Có hoặc Không; giá trị “có” không hợp lệ.');
    expect(listed[2]![2]).toBe('Số liệu ISO_CB “Đã công bố HTQLCL phù hợp ISO 9001” kê khai “Không” nhưng mục C1 gắn với nó đạt đủ 10/10 điểm: hai bên không khớp.');
    expect(listed[7]![2]).toBe('Số liệu TTHC_H “Số thủ tục hành chính cấp huyện” là một giá trị chung cho cả khối (320); cơ quan, đơn vị này kê khai 318.');
  });

  it('speaks English when asked', async () => {
    const got = await rows(results(), 'en');
    expect(got[0]).toEqual(['I. Province-wide figures (groups added up)']);
    expect(got[1]![4]).toBe('Groups added up');
    expect(got.some((r) => r[0] === 'VI. Figures left out or disagreeing')).toBe(true);
  });
});
