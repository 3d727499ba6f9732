import { describe, expect, it } from 'vitest';
import { readAgencyListXlsx, writeAgencyListForm } from '../../electron/services/xlsx-import/index.ts';
import type { Agency } from '../../shared/schema/index.ts';
import { AGENCIES, edit, issuesOf, loadWorkbook, onlyIssue, sheetOf, valueOf } from './helpers.ts';

const THREE = { model: 'three-tier' } as const;
const TWO = { model: 'two-tier' } as const;

/** Vietnamese headers in the order Home Affairs happens to use: STT, name, code, parent, group. */
const VI_HEADER = ['STT', 'Tên cơ quan, đơn vị', 'Mã', 'Mã đơn vị cấp trên', 'Nhóm'];

/** Rows under VI_HEADER (STT added), starting at row 4 (title in row 1, blank row 2, header row 3). */
function viSheet(rows: readonly (readonly (string | number | null)[])[], model?: string) {
  return sheetOf([VI_HEADER, ...rows.map((r, i) => [i + 1, ...r])], { title: `DANH SÁCH CƠ QUAN, ĐƠN VỊ${model ? ` (${model})` : ''}` });
}

describe('agency list: a clean province sheet', () => {
  it('reads Vietnamese headers under a title, columns reordered, Vietnamese group words', async () => {
    const buf = await sheetOf(
      [
        ['STT', 'Tên cơ quan, đơn vị', 'Mã', 'Mã đơn vị cấp trên', 'Nhóm'],
        [1, 'Sở Nội vụ', 'SNV', null, 'Sở, ban, ngành'],
        [2, 'Sở Tài chính', 'STC', null, 'sở'],
        [3, 'UBND huyện Tân Lạc', 'H01', null, 'UBND cấp huyện'],
        // Decomposed Vietnamese (as some input methods type it) is stored as NFC.
        [4, 'UBND xã Phong Phú'.normalize('NFD'), 'X0101', 'H01', 'xã'],
        [5, { richText: [{ text: 'UBND thị trấn ' }, { text: 'Mãn Đức', font: { bold: true } }] }, 'X0102', 'h01', 'Thị trấn'],
        [6, 'UBND phường Mường Khến', 'X0103', 'UBND huyện Tân Lạc', 'phường'],
        [7, null, null, null, null],
        [8, 'Sở Y tế', ' SYT ', null, 'SO, BAN, NGANH'],
      ],
      { title: 'DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2024' },
    );
    const got = valueOf(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(got).toEqual<Agency[]>([
      { code: 'SNV', name: 'Sở Nội vụ', group: 'department', parent: null },
      { code: 'STC', name: 'Sở Tài chính', group: 'department', parent: null },
      { code: 'H01', name: 'UBND huyện Tân Lạc', group: 'district', parent: null },
      { code: 'X0101', name: 'UBND xã Phong Phú', group: 'commune', parent: 'H01' },
      { code: 'X0102', name: 'UBND thị trấn Mãn Đức', group: 'commune', parent: 'H01' },
      { code: 'X0103', name: 'UBND phường Mường Khến', group: 'commune', parent: 'H01' },
      { code: 'SYT', name: 'Sở Y tế', group: 'department', parent: null },
    ]);
    expect(got[3]?.name).toBe('UBND xã Phong Phú'.normalize('NFC'));
  });

  it('reads English headers and words', async () => {
    const buf = await sheetOf([
      ['Code', 'Name', 'Group', 'Parent code'],
      ['DOHA', 'Department of Home Affairs', 'Department', null],
      ['D1', 'Tan Lac District', 'District', null],
      ['C1', 'Phong Phu Commune', 'Commune', 'D1'],
      ['C2', 'Ward 2', 'ward', 'D1'],
    ]);
    expect(valueOf(await readAgencyListXlsx(buf, 'en.xlsx', THREE))).toEqual<Agency[]>([
      { code: 'DOHA', name: 'Department of Home Affairs', group: 'department', parent: null },
      { code: 'D1', name: 'Tan Lac District', group: 'district', parent: null },
      { code: 'C1', name: 'Phong Phu Commune', group: 'commune', parent: 'D1' },
      { code: 'C2', name: 'Ward 2', group: 'commune', parent: 'D1' },
    ]);
  });

  it('reads headers typed without diacritics or with a required-mark, and a numeric code', async () => {
    const buf = await sheetOf([
      ['Ma*', 'Ten co quan, don vi', 'nhom:'],
      [101, 'Sở Công Thương', 'Sở'],
    ]);
    expect(valueOf(await readAgencyListXlsx(buf, 'x.xlsx', TWO))).toEqual([{ code: '101', name: 'Sở Công Thương', group: 'department', parent: null }]);
  });

  it('takes a two-tier list of departments and communes without parents', async () => {
    const buf = await sheetOf([
      ['Mã', 'Tên cơ quan, đơn vị', 'Nhóm'],
      ['SNV', 'Sở Nội vụ', 'Sở, ban, ngành'],
      ['X01', 'UBND phường Hòa Bình', 'Phường'],
      ['X02', 'UBND xã Cao Phong', 'UBND cấp xã'],
    ]);
    expect(valueOf(await readAgencyListXlsx(buf, 'x.xlsx', TWO)).map((a) => [a.code, a.group, a.parent])).toEqual([
      ['SNV', 'department', null],
      ['X01', 'commune', null],
      ['X02', 'commune', null],
    ]);
  });
});

describe('agency list: each problem at its sheet, row and column', () => {
  it('a missing header', async () => {
    const buf = await sheetOf([['Mã', 'Tên cơ quan, đơn vị', 'Ghi chú'], ['SNV', 'Sở Nội vụ', '']], { name: 'DS' });
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.header.missing');
    expect(i.at).toEqual({ file: 'ds.xlsx', sheet: 'DS', row: 1 });
    expect(i.vi).toContain('"Nhóm"');
  });

  it('an empty code', async () => {
    const buf = await viSheet([
      ['Sở Nội vụ', 'SNV', null, 'Sở'],
      ['Sở Tài chính', null, null, 'Sở'],
    ]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.agency.code_required');
    expect(i.at).toMatchObject({ sheet: 'Sheet1', row: 5, column: 'C' });
    expect(i.vi).toContain('chưa ghi mã');
  });

  it('a duplicate code names both rows', async () => {
    const buf = await viSheet([
      ['Sở Nội vụ', 'SNV', null, 'Sở'],
      ['Sở Tài chính', 'STC', null, 'Sở'],
      ['Sở Nội vụ (trùng)', 'snv', null, 'Sở'],
    ]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.agency.code_duplicate');
    expect(i.at).toMatchObject({ row: 6, column: 'C' });
    expect(i.vi).toContain('"snv"');
    expect(i.vi).toContain('dòng 4');
    expect(i.vi).toContain('dòng 6');
  });

  it('an unknown group', async () => {
    const buf = await viSheet([['Công ty Điện lực', 'PC', null, 'Doanh nghiệp']]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.agency.group_unknown');
    expect(i.at).toMatchObject({ row: 4, column: 'E', agency: 'PC' });
    expect(i.vi).toContain('"Doanh nghiệp"');
  });

  it('an empty group', async () => {
    const buf = await viSheet([['Sở Nội vụ', 'SNV', null, null]]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.agency.group_required');
    expect(i.at).toMatchObject({ row: 4, column: 'E' });
  });

  it('a parent code that is not in the list', async () => {
    const buf = await viSheet([
      ['UBND huyện Tân Lạc', 'H01', null, 'Huyện'],
      ['UBND xã Phong Phú', 'X0101', 'H99', 'Xã'],
    ]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.agency.parent_not_found');
    expect(i.at).toMatchObject({ row: 5, column: 'D', agency: 'X0101' });
    expect(i.vi).toContain('"H99"');
  });

  it('a parent that is not a district', async () => {
    const buf = await viSheet([
      ['Sở Nội vụ', 'SNV', null, 'Sở'],
      ['UBND xã Phong Phú', 'X0101', 'SNV', 'Xã'],
    ]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.agency.parent_not_district');
    expect(i.at).toMatchObject({ row: 5, column: 'D' });
    expect(i.vi).toContain('"SNV"');
    expect(i.vi).toContain('Sở, ban, ngành');
  });

  it('a commune without a parent in the three-tier model', async () => {
    const buf = await viSheet([
      ['UBND huyện Tân Lạc', 'H01', null, 'Huyện'],
      ['UBND xã Phong Phú', 'X0101', null, 'Xã'],
    ]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.agency.parent_required');
    expect(i.at).toMatchObject({ row: 5, column: 'D' });
    expect(i.vi).toContain('"X0101"');
  });

  it('communes of the three-tier model in a sheet without the parent column', async () => {
    const buf = await sheetOf([
      ['Mã', 'Tên cơ quan, đơn vị', 'Nhóm'],
      ['X0101', 'UBND xã Phong Phú', 'Xã'],
    ]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.header.missing');
    expect(i.vi).toContain('"Mã đơn vị cấp trên"');
  });

  it('a district in the two-tier model', async () => {
    const buf = await viSheet([
      ['Sở Nội vụ', 'SNV', null, 'Sở'],
      ['UBND huyện Tân Lạc', 'H01', null, 'UBND cấp huyện'],
    ]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', TWO));
    expect(i.code).toBe('ximport.agency.district_two_tier');
    expect(i.at).toMatchObject({ row: 5, column: 'E', agency: 'H01' });
    expect(i.vi).toContain('"H01"');
    expect(i.vi).toContain('hai cấp');
  });

  it('a parent on a commune in the two-tier model', async () => {
    const buf = await viSheet([
      ['UBND xã A', 'X01', null, 'Xã'],
      ['UBND xã B', 'X02', 'X01', 'Xã'],
    ]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', TWO));
    expect(i.code).toBe('ximport.agency.parent_two_tier');
    expect(i.at).toMatchObject({ row: 5, column: 'D' });
  });

  it('a parent on an agency that is not a commune', async () => {
    const buf = await viSheet([
      ['UBND huyện Tân Lạc', 'H01', null, 'Huyện'],
      ['Sở Nội vụ', 'SNV', 'H01', 'Sở'],
    ]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.agency.parent_not_commune');
    expect(i.at).toMatchObject({ row: 5, column: 'D', agency: 'SNV' });
    expect(i.vi).toContain('"SNV"');
    expect(i.vi).toContain('"H01"');
  });

  it.each(['SNV 01', 'SNV/01', '=SUM(A1)', '-SNV', 'X'.repeat(41)])('an unsafe code %j', async (code) => {
    const buf = await viSheet([['Sở Nội vụ', code, null, 'Sở']]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.agency.code_invalid');
    expect(i.at).toMatchObject({ row: 4, column: 'C' });
    expect(i.vi).toContain(`"${code}"`);
  });

  it('a name that is too long', async () => {
    const name = `Sở ${'Nội vụ '.repeat(50)}`.trim();
    const buf = await viSheet([['Sở Tài chính', 'STC', null, 'Sở'], [name, 'SNV', null, 'Sở']]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.agency.name_too_long');
    expect(i.at).toMatchObject({ row: 5, column: 'B', agency: 'SNV' });
    expect(i.vi).toContain(`${name.length} ký tự`);
    expect(i.vi).toContain('300');
  });

  it('an empty name', async () => {
    const buf = await viSheet([[null, 'SNV', null, 'Sở']]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.agency.name_required');
    expect(i.at).toMatchObject({ row: 4, column: 'B' });
  });

  it('a date typed into the code column', async () => {
    const buf = await viSheet([['Sở Nội vụ', null, null, 'Sở']]);
    const withDate = await edit(buf, (wb) => {
      const ws = wb.worksheets[0];
      if (ws) ws.getCell('C4').value = new Date(Date.UTC(2024, 2, 15));
    });
    const i = onlyIssue(await readAgencyListXlsx(withDate, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.cell.unexpected_date');
    expect(i.at).toMatchObject({ row: 4, column: 'C' });
  });

  it('no data rows', async () => {
    const buf = await sheetOf([VI_HEADER, [1, null, null, null, null]]);
    const i = onlyIssue(await readAgencyListXlsx(buf, 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.no_rows');
  });

  it('collects every problem and imports nothing', async () => {
    const buf = await viSheet([
      ['Sở Nội vụ', 'SNV', null, 'Sở'],
      ['Sở Nội vụ', 'SNV', null, 'Sở'],
      ['Công ty', 'C 1', null, 'Công ty'],
      ['UBND xã A', 'X01', null, 'Xã'],
    ]);
    const codes = issuesOf(await readAgencyListXlsx(buf, 'ds.xlsx', THREE)).map((i) => [i.code, i.at?.row]);
    expect(codes).toEqual([
      ['ximport.agency.code_duplicate', 5],
      ['ximport.agency.code_invalid', 6],
      ['ximport.agency.group_unknown', 6],
      ['ximport.agency.parent_required', 7],
    ]);
  });

  it('stops listing at about a hundred problems', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`Cơ quan ${i}`, `C${i}`, null, 'Không rõ']);
    const list = issuesOf(await readAgencyListXlsx(await viSheet(rows), 'ds.xlsx', THREE));
    expect(list).toHaveLength(101);
    expect(list.at(-1)?.code).toBe('ximport.too_many');
  });

  it('a file that is not a workbook', async () => {
    const i = onlyIssue(await readAgencyListXlsx(Buffer.from('not a zip'), 'ds.xlsx', THREE));
    expect(i.code).toBe('ximport.file.not_zip');
    expect(i.vi).toBe('tệp ds.xlsx: Tệp không phải tệp Excel .xlsx (có thể là tệp CSV, PDF, văn bản hoặc ảnh được đổi đuôi thành .xlsx). Hãy mở tệp bằng Excel và lưu dưới dạng Excel Workbook (.xlsx).');
  });
});

describe('agency list form', () => {
  it.each(['vi', 'en'] as const)('the blank %s form, filled in, reads back', async (lang) => {
    const blank = await writeAgencyListForm(lang);
    const filled = await edit(blank, (wb) => {
      const ws = wb.worksheets[0];
      if (!ws) throw new Error('no sheet');
      const rows = [
        ['SNV', 'Sở Nội vụ', lang === 'vi' ? 'Sở, ban, ngành' : 'Department', null],
        ['H01', 'UBND huyện Tân Lạc', lang === 'vi' ? 'UBND cấp huyện' : 'District', null],
        ['X0101', 'UBND xã Phong Phú', lang === 'vi' ? 'UBND cấp xã' : 'Commune', 'H01'],
      ];
      rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(3 + i, 2 + j).value = v)));
    });
    expect(valueOf(await readAgencyListXlsx(filled, 'form.xlsx', THREE))).toEqual<Agency[]>([
      { code: 'SNV', name: 'Sở Nội vụ', group: 'department', parent: null },
      { code: 'H01', name: 'UBND huyện Tân Lạc', group: 'district', parent: null },
      { code: 'X0101', name: 'UBND xã Phong Phú', group: 'commune', parent: 'H01' },
    ]);
  });

  it.each(['vi', 'en'] as const)('a filled %s form reads back to the same agencies', async (lang) => {
    const buf = await writeAgencyListForm(lang, AGENCIES);
    expect(valueOf(await readAgencyListXlsx(buf, 'form.xlsx', THREE))).toEqual(AGENCIES);
  });

  it('has headers, a guide sheet and a drop-down of the group words', async () => {
    const wb = await loadWorkbook(await writeAgencyListForm('vi'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh sách cơ quan', 'Hướng dẫn']);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect([2, 3, 4, 5].map((c) => ws.getCell(2, c).value)).toEqual(['Mã', 'Tên cơ quan, đơn vị', 'Nhóm', 'Mã đơn vị cấp trên']);
    const dv = ws.getCell('D3').dataValidation;
    expect(dv?.type).toBe('list');
    const ref = String(dv?.formulae?.[0]);
    expect(ref).toMatch(/^'Hướng dẫn'!\$A\$\d+:\$A\$\d+$/);
    const m = /\$A\$(\d+):\$A\$(\d+)/.exec(ref);
    const guide = wb.getWorksheet('Hướng dẫn');
    const words = [];
    for (let r = Number(m?.[1]); r <= Number(m?.[2]); r++) words.push(guide?.getCell(r, 1).value);
    expect(words).toEqual(['Sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã']);
  });
});
