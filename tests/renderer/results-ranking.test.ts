import { describe, expect, it } from 'vitest';
import type { RankingRow } from '../../shared/ipc/index.ts';
import { type RankSortKey, foldedRows, rankingRows } from '../../renderer/src/features/results/ranking.ts';

const row = (code: string, name: string, group: RankingRow['group'], index: number, rank: number | null, band: string | null, extra: Partial<RankingRow> = {}): RankingRow => ({
  code,
  name,
  group,
  index,
  rank,
  band,
  late: false,
  submitted: rank !== null,
  unranked: rank === null ? 'Không xếp hạng: không nộp kết quả tự đánh giá.' : null,
  survey: 0,
  surveyMax: 30,
  ...extra,
});

const rows = [
  row('S08', 'Sở Giao thông vận tải', 'department', 96.67, 1, 'A'),
  row('S03', 'Sở Tư pháp', 'department', 81.2, 2, 'B', { late: true }),
  row('S06', 'Sở Công Thương', 'department', 0, null, null),
  row('X01', 'Xã Tân Lập', 'commune', 90, 1, 'A'),
  row('X02', 'Xã Đông Hòa', 'commune', 70.5, 2, 'C'),
];
const folded = foldedRows(rows);
const codes = (q: Partial<Parameters<typeof rankingRows>[3]>, orders = new Map<RankSortKey, Int32Array>()) =>
  rankingRows(rows, folded, orders, { group: 'department', band: '', search: '', filter: null, sort: null, ...q }).map((r) => r.code);

describe("the results dashboard's ranking", () => {
  it('lists a group in the stored order (rank, then the unranked)', () => {
    expect(codes({})).toEqual(['S08', 'S03', 'S06']);
    expect(codes({ group: 'commune' })).toEqual(['X01', 'X02']);
  });

  it('finds agencies without diacritics, by name or code', () => {
    expect(codes({ search: 'so tu phap' })).toEqual(['S03']);
    expect(codes({ group: 'commune', search: 'dong hoa' })).toEqual(['X02']);
    expect(codes({ search: 's06' })).toEqual(['S06']);
  });

  it('filters by band, by no band, and by the figure clicked through', () => {
    expect(codes({ band: 'B' })).toEqual(['S03']);
    expect(codes({ band: '-' })).toEqual(['S06']);
    expect(codes({ filter: { group: 'department', state: 'late', label: '' } })).toEqual(['S03']);
    expect(codes({ filter: { group: 'department', state: 'unranked', label: '' } })).toEqual(['S06']);
    expect(codes({ filter: { group: 'department', codes: ['S06', 'S08'], label: '' } })).toEqual(['S08', 'S06']);
  });

  it('sorts by index (the unsubmitted first ascending) and by name the Vietnamese way, both directions', () => {
    const orders = new Map<RankSortKey, Int32Array>();
    expect(codes({ sort: { key: 'index', order: 'ascend' } }, orders)).toEqual(['S06', 'S03', 'S08']);
    expect(codes({ sort: { key: 'index', order: 'descend' } }, orders)).toEqual(['S08', 'S03', 'S06']);
    expect(codes({ sort: { key: 'name', order: 'ascend' } }, orders)).toEqual(['S06', 'S08', 'S03']);
    expect(codes({ sort: { key: 'rank', order: 'descend' } }, orders)).toEqual(['S06', 'S03', 'S08']);
  });
});
