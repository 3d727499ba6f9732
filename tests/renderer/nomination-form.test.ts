import { describe, expect, it } from 'vitest';
import { t } from '../../shared/i18n/index.ts';
import { Nomination } from '../../shared/schema/index.ts';
import { EMPTY_FORM, columnsOf, formOf, nominationFormSchema } from '../../renderer/src/features/nominations/form.ts';

const vi = (k: string, p?: Record<string, string | number>) => t('vi', k, p);
const { schema, error } = nominationFormSchema(vi);
const check = (v: typeof EMPTY_FORM) => schema.safeParse(v, { error });
const person = { ...EMPTY_FORM, id: 'S03-CN2', fullName: 'Trần Văn Minh', gender: 'male' as const, birthYear: '1979', position: 'Trưởng phòng', unit: 'Văn phòng Sở', ratingThisYear: 'excellent' as const, achievements: 'Hoàn thành xuất sắc', proposedAward: 'bk-ca-nhan' };

describe('the nomination form, checked by the service’s schema', () => {
  it('reads a filled form into the nomination the service stores (and back)', () => {
    const r = check({ ...person, initiatives: '2', note: ' ' });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ kind: 'individual', id: 'S03-CN2', fullName: 'Trần Văn Minh', gender: 'male', birthYear: 1979, position: 'Trưởng phòng', unit: 'Văn phòng Sở', ratingThisYear: 'excellent', ratingLastYear: null, achievements: 'Hoàn thành xuất sắc', discipline: null, initiatives: 2, proposedAward: 'bk-ca-nhan' });
    expect(Nomination.parse(r.data)).toEqual(r.data);
    expect(formOf(r.data!)).toEqual({ ...person, initiatives: '2' });
    expect(columnsOf({ ...person, kind: 'collective', name: 'Phòng Hành chính' })).not.toHaveProperty('fullName');
  });

  it('every wrong column at once, each named in Vietnamese, never the schema’s words', () => {
    const r = check({ ...EMPTY_FORM, birthYear: '1890', initiatives: 'hai' });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField).toMatchObject({
      id: expect.stringContaining('Mã đề nghị'),
      fullName: 'Hãy nhập Họ và tên.',
      gender: 'Hãy chọn Giới tính.',
      birthYear: 'Năm sinh phải từ 1940 đến 2010.',
      ratingThisYear: 'Hãy chọn Xếp loại chất lượng năm nay.',
      initiatives: 'Số sáng kiến được công nhận không hợp lệ.',
      proposedAward: 'Hãy chọn Hình thức khen thưởng đề nghị.',
      achievements: 'Hãy nhập Thành tích, lý do đề nghị.',
    });
    for (const m of Object.values(byField)) expect(m).not.toMatch(/Invalid|expected|Too/);
  });
});
