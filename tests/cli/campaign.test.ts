import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAgencyListForm } from '../../electron/services/xlsx-import/agencies.ts';
import { cli } from './run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-campaign-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('parscore campaign, from an agency list typed in Excel', () => {
  it('creates the Home Affairs workspace with its key, shows it, and exports the campaign file an agency can open', async () => {
    const list = join(tmp, 'danh-sach.xlsx');
    writeFileSync(
      list,
      await writeAgencyListForm('vi', [
        { code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null },
        { code: 'S02', name: 'Sở Tư pháp', group: 'department', parent: null },
        { code: 'X001', name: 'Phường Quang Trung', group: 'commune', parent: null },
      ]),
    );
    const ha = join(tmp, 'snv');
    const created = await cli('campaign', 'create', ha, '--year', '2026', '--agencies', list, '--province', 'Minh Sơn', '--signer-name', 'Trần Thị Thu Hà', '--deadline', '2026-12-15');
    expect(created.code, created.err).toBe(0);
    const show = await cli('campaign', 'show', ha);
    expect(show.out).toContain('Xác định Chỉ số cải cách hành chính năm 2026 tỉnh Minh Sơn');
    expect(show.out).toContain('2 sở, ban, ngành; 0 huyện; 1 xã');
    expect(show.out).toContain('15/12/2026');
    expect(show.out).toContain('UBND TỈNH MINH SƠN / SỞ NỘI VỤ');
    const issuer = await cli('campaign', 'issuer', ha, '--recipient', 'Bộ Nội vụ', '--recipient', 'Lưu: VT, CCHC');
    expect(issuer.code, issuer.err).toBe(0);
    expect(JSON.parse((await cli('campaign', 'show', ha, '--json')).out).issuer.recipients).toEqual(['Bộ Nội vụ', 'Lưu: VT, CCHC']);
    expect((await cli('campaign', 'issuer', ha, '--clear-recipients')).code).toBe(0);
    expect(JSON.parse((await cli('campaign', 'show', ha, '--json')).out).issuer.recipients).toBeUndefined();
    const file = join(tmp, 'dot-danh-gia.parscore');
    expect((await cli('campaign', 'export', ha, '--out', file)).code).toBe(0);
    expect((await cli('agency', 'init', join(tmp, 'stp'), '--campaign', file, '--agency', 'S02')).code).toBe(0);
  });

  it('refuses a list whose rows are wrong, naming the row, and creates nothing', async () => {
    const list = join(tmp, 'sai.xlsx');
    writeFileSync(
      list,
      await writeAgencyListForm('vi', [
        { code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null },
        { code: 'S01', name: 'Sở Tư pháp', group: 'department', parent: null },
      ]),
    );
    const r = await cli('campaign', 'create', join(tmp, 'khong-tao'), '--year', '2026', '--agencies', list, '--province', 'Minh Sơn');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/dòng \d+/);
    expect((await cli('campaign', 'show', join(tmp, 'khong-tao'))).code).toBe(3);
  });
});
