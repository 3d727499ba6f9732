import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAgencyListForm } from '../../electron/services/xlsx-import/agencies.ts';
import { hashTree } from '../cycle/helpers.ts';
import { cli } from './run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-headline-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ha = join(tmp, 'snv');

beforeAll(async () => {
  const list = join(tmp, 'danh-sach.xlsx');
  writeFileSync(
    list,
    await writeAgencyListForm('vi', [
      { code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null },
      { code: 'H01', name: 'UBND huyện Đông Sơn', group: 'district', parent: null },
      { code: 'X001', name: 'UBND xã Quang Trung', group: 'commune', parent: 'H01' },
    ]),
  );
  const created = await cli('campaign', 'create', ha, '--year', '2025', '--model', 'three-tier', '--agencies', list, '--province', 'Minh Sơn');
  expect(created.code, created.err).toBe(0);
}, 60_000);

describe('parscore campaign headline', () => {
  it('adds "procedures at the three levels" from the three groups’ figures, lists it and removes it', async () => {
    expect((await cli('campaign', 'headline', ha, 'list')).out).toBe('Đợt đánh giá chưa có số liệu tổng hợp nào cộng các khối.');
    const add = await cli('campaign', 'headline', ha, 'add', 'TTHC_3CAP', '--title', 'Thủ tục hành chính ở cả ba cấp', '--unit', 'thủ tục', '--part', 'department=KK05', '--part', 'district=KK05', '--part', 'commune=KK05');
    expect(add.code, add.err).toBe(0);
    expect(add.out).toBe('Đã thêm số liệu tổng hợp TTHC_3CAP (đợt đánh giá có 1 số liệu tổng hợp).');
    expect((await cli('campaign', 'headline', ha, 'list')).out).toBe('TTHC_3CAP “Thủ tục hành chính ở cả ba cấp” (thủ tục) = sở, ban, ngành KK05 + UBND cấp huyện KK05 + UBND cấp xã KK05');
    const json = JSON.parse((await cli('campaign', 'show', ha, '--json')).out);
    expect(json.headlines).toEqual([
      { code: 'TTHC_3CAP', title: { vi: 'Thủ tục hành chính ở cả ba cấp' }, unit: 'thủ tục', parts: [{ group: 'department', indicator: 'KK05' }, { group: 'district', indicator: 'KK05' }, { group: 'commune', indicator: 'KK05' }] },
    ]);
    const removed = await cli('campaign', 'headline', ha, 'remove', 'TTHC_3CAP');
    expect(removed.out).toBe('Đã bỏ số liệu tổng hợp TTHC_3CAP (còn 0).');
  });

  it('refuses a part that cannot be added (an average, an unknown figure, a code used twice) and changes nothing', async () => {
    expect((await cli('campaign', 'headline', ha, 'add', 'A', '--title', 'Một', '--part', 'department=KK01')).code).toBe(0);
    const before = await hashTree(ha);
    const r = await cli('campaign', 'headline', ha, 'add', 'A', '--title', 'Hai', '--part', 'department=KK17', '--part', 'commune=KHONG_CO');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Đợt đánh giá đã có số liệu tổng hợp mã A.');
    expect(r.err).toContain('Số liệu KK17 của nhóm department tổng hợp theo cách AVERAGE, không cộng được');
    expect(r.err).toContain('Bộ tiêu chí par-xa của nhóm commune không có số liệu KHONG_CO.');
    expect((await cli('campaign', 'headline', ha, 'remove', 'B')).err).toContain('Đợt đánh giá không có số liệu tổng hợp mã B.');
    expect(await hashTree(ha)).toEqual(before);
  });

  it('wrong command lines are usage errors', async () => {
    expect((await cli('campaign', 'headline', ha, 'sua', 'A')).code).toBe(2);
    expect((await cli('campaign', 'headline', ha, 'add', 'C', '--title', 'Ba')).code).toBe(2);
    expect((await cli('campaign', 'headline', ha, 'add', 'C', '--title', 'Ba', '--part', 'tinh=KK05')).code).toBe(2);
  });
});
