/**
 * The template's "Số liệu kê khai" sheet carries the figures of version 2: counts, one shared value
 * per group, the lowest and highest value accepted, and the template of the tied item.
 */
import { describe, expect, it } from 'vitest';
import { readTemplateXlsx, writeTemplateXlsx } from '../../electron/services/template-xlsx/index.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import type { Template } from '../../shared/schema/index.ts';
import { binary, buildTemplate, group, leaf, manual } from '../helpers/template-builder.ts';
import { describeFailure, edit, issuesOf, rowOf, sheet } from '../xlsx/helpers.ts';

const template = (): Template =>
  buildTemplate([group('1', null, 10), leaf('1.1', '1', 4, binary()), leaf('1.2', '1', 6, manual())], {
    id: 'par-xa',
    appliesTo: ['commune'],
    indicators: [
      { code: 'TTHC_X', title: { vi: 'Số thủ tục hành chính cấp xã', en: 'Commune-level procedures' }, type: 'count', unit: 'thủ tục', aggregate: 'SHARED', min: 1, max: 5000 },
      { code: 'DUNG_HAN', title: { vi: 'Tỷ lệ hồ sơ đúng hạn' }, type: 'number', unit: '%', aggregate: 'AVERAGE', min: 0, max: 100 },
      { code: 'ISO_CB', title: { vi: 'Đã công bố HTQLCL' }, type: 'boolean', aggregate: 'COUNT_YES', item: 'C1', itemTemplate: 'iso-9001-2008' },
      { code: 'MOT_CUA', title: { vi: 'Một cửa' }, type: 'boolean', aggregate: 'COUNT_YES', item: '1.1' },
    ],
  });

describe('declared figures of version 2 in the template workbook', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`come back as they were (sheet in ${lang})`, async () => {
      const t = template();
      const back = await readTemplateXlsx(await writeTemplateXlsx(t, { lang }), 'bo-chi-so-xa.xlsx');
      if (!back.ok) throw new Error(describeFailure(back));
      expect(back.value.indicators).toStrictEqual(t.indicators);
    });
  }

  it('a lowest value above the highest is reported at its sheet, row and column', async () => {
    const buf = await edit(await writeTemplateXlsx(template(), { lang: 'vi' }), (wb) => {
      const ws = sheet(wb, 'Số liệu kê khai');
      const header = ws.getRow(1).values as unknown[];
      ws.getCell(rowOf(ws, 'DUNG_HAN'), header.indexOf('Giá trị nhỏ nhất')).value = 120;
    });
    const issues = issuesOf(await readTemplateXlsx(buf, 'bo-chi-so-xa.xlsx'));
    expect(issues.map((i) => formatIssue('vi', i))).toEqual([expect.stringMatching(/Số liệu kê khai.*dòng 3.*Giá trị nhỏ nhất \(120\) lớn hơn giá trị lớn nhất \(100\)/)]);
  });
});
