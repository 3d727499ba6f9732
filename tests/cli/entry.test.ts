import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAgencyListForm } from '../../electron/services/xlsx-import/agencies.ts';
import { cli, folderHash } from './run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-entry-cli-'));
const ha = join(tmp, 'snv');
const stp = join(tmp, 'stp');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A refused command: exit 1, the message, and the agency's workspace unchanged. */
async function refused(args: string[], message: string | RegExp, code = 1): Promise<void> {
  const before = folderHash(stp);
  const r = await cli(...args);
  expect(r.code, r.out + r.err).toBe(code);
  if (typeof message === 'string') expect(r.err).toContain(message);
  else expect(r.err).toMatch(message);
  expect(folderHash(stp)).toBe(before);
}

beforeAll(async () => {
  const list = join(tmp, 'danh-sach.xlsx');
  writeFileSync(
    list,
    await writeAgencyListForm('vi', [
      { code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null },
      { code: 'S02', name: 'Sở Tư pháp', group: 'department', parent: null },
    ]),
  );
  expect((await cli('campaign', 'create', ha, '--year', '2026', '--agencies', list, '--province', 'Minh Sơn', '--signer-name', 'Trần Thị Thu Hà')).code).toBe(0);
  const file = join(tmp, 'dot-danh-gia.parscore');
  expect((await cli('campaign', 'export', ha, '--out', file)).code).toBe(0);
  expect((await cli('agency', 'init', stp, '--campaign', file, '--agency', 'S02')).code).toBe(0);
}, 120_000);

describe('self-assessment from the command line, agency init → signed submission, without editing a file', () => {
  it('enters every kind of item, bonus, penalty, evidence, explanation, figures and nominations, then exports and the Home Affairs imports it', async () => {
    const set = async (...a: string[]) => {
      const r = await cli(...a);
      expect(r.code, `${a.join(' ')}\n${r.err}`).toBe(0);
      return r.out;
    };
    expect(await set('item', 'set', stp, '1.1.1', 'có')).toContain('Đã lưu mục 1.1.1: 1,00/1,00');
    expect(await set('item', 'set', stp, '1.1.2', '0,5')).toContain('0,50/1,00');
    await set('item', 'set', stp, '1.2', '85%');
    await set('item', 'set', stp, '1.3', '1');
    await set('item', 'set', stp, '1.4.2', '17/20');
    await set('item', 'set', stp, '2.1.1', 'kxd');
    await set('item', 'set', stp, '3.6', 'd766=80');
    await set('item', 'set', stp, '1.5', 'không');
    expect(await set('item', 'set', stp, '1.5', 'không')).toContain('Không có gì thay đổi');
    await set('item', 'clear', stp, '1.5');

    const doc = join(tmp, 'ke-hoach.pdf');
    writeFileSync(doc, '%PDF-1.7\nKế hoạch cải cách hành chính năm 2026 của Sở Tư pháp\n');
    expect(await set('evidence', 'add', stp, '1.1.1', doc, '--doc-no', '12/KH-STP', '--date', '15/01/2026', '--issuer', 'Sở Tư pháp', '--title', 'Kế hoạch CCHC năm 2026')).toContain('Đã đính kèm tài liệu 1');
    await set('evidence', 'add', stp, '1.1.1', doc, '--doc-no', '13/KH-STP');
    await set('evidence', 'edit', stp, '1.1.1', '13/KH-STP', '--date', '2026-02-01');
    await set('evidence', 'remove', stp, '1.1.1', '2');
    await set('item', 'explain', stp, '1.2', '--text', 'Báo cáo tổng hợp đang chờ UBND tỉnh phê duyệt');
    await set('bonus', 'set', stp, 'TH1', '1', '--note', 'Mô hình một cửa số');
    await set('penalty', 'set', stp, 'TR2', '0,5');
    await set('penalty', 'clear', stp, 'TR2');
    await set('figure', 'set', stp, 'KK01', '1.675');
    await set('figure', 'set', stp, 'KK07', 'có');
    await set('figure', 'clear', stp, 'KK07');
    await set('nomination', 'add', stp, '--collective', '--id', 'TT1', '--name', 'Phòng Hành chính tư pháp', '--achievements', 'Dẫn đầu về số hóa hồ sơ', '--award', 'bk-tap-the');
    await set('nomination', 'add', stp, '--individual', '--id', 'CN1', '--full-name', 'Nguyễn Thị Lan', '--gender', 'nữ', '--birth-year', '1985', '--position', 'Trưởng phòng', '--unit', 'Phòng Hành chính tư pháp', '--rating', 'HTXSNV', '--rating-last-year', 'HTTNV', '--achievements', 'Rà soát 12 thủ tục hành chính', '--award', 'bk-ca-nhan');
    await set('nomination', 'edit', stp, 'CN1', '--initiatives', '2');
    await set('nomination', 'add', stp, '--collective', '--id', 'TT2', '--name', 'Văn phòng Sở', '--achievements', 'Tốt', '--award', 'bk-tap-the');
    await set('nomination', 'remove', stp, 'TT2');

    const show = await set('item', 'show', stp);
    expect(show).toContain('1.1.1');
    expect(show).toContain('[có]');
    expect(show).toContain('Tài liệu 1: số 12/KH-STP · ngày 15/01/2026 · Sở Tư pháp · Kế hoạch CCHC năm 2026 · tệp ke-hoach.pdf');
    expect(show).not.toContain('13/KH-STP');
    expect(show).toContain('Giải trình: Báo cáo tổng hợp đang chờ');
    expect(show).toContain('[không áp dụng]');
    expect(show).toContain('[điều tra xã hội học]');
    expect(show).toMatch(/thưởng 1,00 · trừ 0,00/);
    expect(await set('figure', 'list', stp)).toMatch(/KK01 .*: 1\.675/);
    const noms = await set('nomination', 'list', stp);
    expect(noms).toContain('CN1 · cá nhân · Nguyễn Thị Lan (1985)');
    expect(noms).toContain('2 đề nghị khen thưởng.');

    const out = join(tmp, 'S02-r1.parscore');
    const exp = await cli('submission', 'export', stp, 'S02', '--out', out);
    expect(exp.code, exp.err).toBe(0);
    const verify = await cli('submission', 'verify', out);
    expect(verify.out).toContain('HỢP LỆ');
    const imp = await cli('import', ha, out);
    expect(imp.code, imp.out).toBe(0);
    expect(imp.out).toContain('Tiếp nhận 1');
  }, 60_000);

  it('refuses bad entries with a clear message, changing nothing', async () => {
    await refused(['item', 'set', stp, '1.1.1', 'có lẽ'], 'mục 1.1.1 · trường input: Giá trị “có lẽ” không hợp lệ cho mục 1.1.1: nhập “có” hoặc “không”.');
    await refused(['item', 'set', stp, '1.1.2', '3'], 'mục 1.1.2');
    await refused(['item', 'set', stp, '1.1.2', '0,3'], 'mục 1.1.2');
    await refused(['item', 'set', stp, '1.4.2', '85%'], 'tử số/mẫu số');
    await refused(['item', 'set', stp, '9.9', 'có'], 'Không có mục 9.9 trong bộ tiêu chí par-so.');
    await refused(['item', 'set', stp, '8.1', '90%'], 'Mục 8.1 được chấm bằng điều tra xã hội học');
    await refused(['item', 'set', stp, '1.1.1', 'kxd'], 'mục 1.1.1');
    await refused(['item', 'set', stp, '1.1', 'có'], 'Mục này có mục con');
    await refused(['item', 'set', stp, '1.1.1', 'có', '--template', 'iso-9001-2008'], 'không được giao cho nhóm department');
    await refused(['bonus', 'set', stp, 'TH1', '3'], 'TH1');
    await refused(['bonus', 'set', stp, 'TH9', '1'], 'TH9');
    await refused(['evidence', 'add', stp, '1.1.1', join(tmp, 'khong-co.pdf'), '--doc-no', '1/KH'], 'Không đọc được tệp tài liệu kiểm chứng (không tìm thấy tệp)', 3);
    const doc = join(tmp, 'bien-ban.pdf');
    writeFileSync(doc, 'biên bản');
    await refused(['evidence', 'add', stp, '1.1.1', doc, '--doc-no', '2/BB', '--date', '31/02/2026'], 'Ngày “31/02/2026” không hợp lệ');
    await refused(['evidence', 'remove', stp, '1.1.1', '7'], 'Không có tài liệu kiểm chứng “7”');
    await refused(['figure', 'set', stp, 'KK01', 'nhiều'], 'phải là một số');
    await refused(['figure', 'set', stp, 'KK07', '12'], 'chỉ nhận Có hoặc Không');
    await refused(['figure', 'set', stp, 'KX99', '1'], 'KX99');
    await refused(['nomination', 'add', stp, '--individual', '--id', 'CN2', '--full-name', 'Lê Văn B', '--gender', 'nam', '--position', 'Chuyên viên', '--unit', 'Văn phòng', '--rating', 'HTTNV', '--achievements', 'Tốt', '--award', 'bk-ca-nhan'], 'thiếu cột “birthYear”');
    await refused(['nomination', 'add', stp, '--collective', '--id', 'TT1', '--name', 'X', '--achievements', 'Y', '--award', 'bk-tap-the'], 'Đã có đề nghị khen thưởng mã TT1');
    await refused(['nomination', 'remove', stp, 'ZZ'], 'Không có đề nghị khen thưởng mã ZZ');
  }, 60_000);

  it('speaks English with --lang en', async () => {
    const r = await cli('item', 'set', stp, '1.1.1', 'maybe', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Value “maybe” is not valid for item 1.1.1: enter “yes” or “no”');
    const ok = await cli('item', 'set', stp, '1.1.1', 'yes', '--lang', 'en');
    expect(ok.out).toContain('Nothing changed (1.1.1).');
    const help = await cli('item', 'set', '--help');
    expect(help.out).toContain('nhập kết quả một mục');
  });
});
