/** Hand-built templates for the sheet tests: every rule type and every optional field. */
import type { Template, TemplateInput } from '../../shared/schema/index.ts';
import { parseTemplate } from '../../shared/template/parse.ts';
import { formatIssue } from '../../shared/i18n/index.ts';

export function valid(raw: TemplateInput): Template {
  const r = parseTemplate(raw, 'fixture');
  if (!r.ok) throw new Error(`fixture is not a valid template:\n${r.error.map((i) => formatIssue('en', i)).join('\n')}`);
  return r.value;
}

/** Every rule type, every optional field present (English texts, ISO fields, indicators, caps). */
export const FULL: TemplateInput = {
  kind: 'parscore.template',
  schemaVersion: 2,
  id: 'tinh-mau-so-2025',
  version: 3,
  title: { vi: 'Bộ chỉ số CCHC các sở, ban, ngành năm 2025', en: 'PAR index for provincial departments, 2025' },
  legalBasis: { decisionNo: '1234/QĐ-UBND', date: '2025-03-15', issuer: 'Ủy ban nhân dân tỉnh Mẫu' },
  sample: true,
  sources: ['Quyết định 1234/QĐ-UBND ngày 15/3/2025', 'https://sonoivu.example.gov.vn/cchc', '=HYPERLINK("http://evil.example","bấm")'],
  appliesTo: ['department', 'commune'],
  maxPoints: 20,
  items: [
    {
      code: '1',
      parent: null,
      title: { vi: 'Công tác chỉ đạo, điều hành CCHC', en: 'Direction and management of PAR' },
      max: 12,
      scoringGuide: { vi: 'Tổng điểm các tiêu chí thành phần', en: 'Sum of the sub-criteria' },
      evidenceHint: { vi: 'Kế hoạch, báo cáo' },
    },
    {
      code: '1.1',
      parent: '1',
      title: { vi: 'Ban hành kế hoạch CCHC năm' },
      max: 2,
      rule: { type: 'BINARY' },
      notApplicableAllowed: true,
      evidenceHint: { vi: 'Kế hoạch CCHC năm', en: 'The annual PAR plan' },
      isoClauses: ['4.2.3', '8.2.2'],
      isoPhase: 'build',
    },
    {
      code: '1.2',
      parent: '1',
      title: { vi: 'Mức độ hoàn thành kế hoạch', en: 'Plan completion' },
      max: 3,
      rule: { type: 'PERCENT_BANDS', bands: [{ min: 100, points: 3 }, { min: 80, points: 1.5 }, { min: 0, points: 0 }] },
      scoringGuide: { vi: '100% → 3 điểm; từ 80% đến dưới 100% → 1,5 điểm; dưới 80% → 0 điểm' },
    },
    {
      code: '1.3',
      parent: '1',
      title: { vi: 'Tỷ lệ đơn vị được kiểm tra' },
      max: 1,
      rule: { type: 'RATIO', zeroDenominator: 'NOT_APPLICABLE' },
      isoClauses: [],
      isoPhase: 'maintain',
    },
    {
      code: '1.4',
      parent: '1',
      title: { vi: 'Báo cáo CCHC định kỳ' },
      max: 1,
      rule: { type: 'COUNT_DEDUCT', perCount: 0.25 },
    },
    { code: '1.5', parent: '1', title: { vi: 'Sáng kiến CCHC' }, max: 1, rule: { type: 'MANUAL', step: 0.25 } },
    { code: '1.6', parent: '1', title: { vi: 'Tuyên truyền CCHC' }, max: 1, rule: { type: 'MANUAL' } },
    {
      code: '1.7',
      parent: '1',
      title: { vi: 'Điểm Chỉ số 766 của đơn vị', en: "The unit's 766 score" },
      max: 3,
      rule: {
        type: 'FORMULA',
        expression: 'min(3, 3 * d766 / 100 + 0.5 * bonus_pct / 100)',
        variables: [
          { name: 'd766', label: { vi: 'Điểm Chỉ số 766', en: '766 index score' }, min: 0, max: 100 },
          { name: 'bonus_pct', label: { vi: 'Tỷ lệ | hồ sơ [A]' }, min: 0 },
          { name: 'x', label: { vi: 'Hệ số [0..1]' }, max: 1.5 },
        ],
      },
    },
    {
      code: '2',
      parent: null,
      title: { vi: 'Điều tra xã hội học', en: 'Sociological survey' },
      max: 8,
      survey: true,
    },
    { code: '2.1', parent: '2', title: { vi: 'Mức độ hài lòng của người dân' }, max: 8, rule: { type: 'SURVEY' }, survey: true },
  ],
  indicators: [
    {
      code: 'SL1',
      title: { vi: 'Số văn bản QPPL ban hành', en: 'Legal documents issued' },
      type: 'number',
      unit: 'văn bản',
      aggregate: 'SUM',
      item: '1.2',
    },
    { code: 'SL2', title: { vi: 'Áp dụng ISO 9001' }, type: 'boolean', aggregate: 'COUNT_YES' },
    { code: 'SL3', title: { vi: 'Ghi chú' }, type: 'text', aggregate: 'NONE' },
    { code: 'SL4', title: { vi: 'Tỷ lệ hồ sơ đúng hạn' }, type: 'number', unit: '%', aggregate: 'AVERAGE' },
  ],
  bonus: {
    cap: 2,
    items: [
      { code: 'T1', title: { vi: 'Mô hình CCHC được tỉnh công nhận', en: 'Recognised PAR model' }, max: 1 },
      { code: 'T2', title: { vi: 'Top 3 Chỉ số 766' }, max: 1.5 },
    ],
  },
  penalty: { cap: 3, items: [{ code: 'TR1', title: { vi: 'Để xảy ra sai phạm' }, max: 2 }] },
};

/** Nothing optional: no English, no sources, no indicators, empty bonus and penalty blocks. */
export const MINIMAL: TemplateInput = {
  kind: 'parscore.template',
  schemaVersion: 2,
  id: 'toi-thieu',
  version: 1,
  title: { vi: 'Bộ tối thiểu' },
  legalBasis: { decisionNo: '1/QĐ', date: '2024-01-01', issuer: 'UBND xã' },
  sample: false,
  appliesTo: ['commune'],
  maxPoints: 1,
  items: [{ code: 'A', parent: null, title: { vi: 'Một mục' }, max: 1, rule: { type: 'BINARY' } }],
  bonus: { cap: 0, items: [] },
  penalty: { cap: 0, items: [] },
};

/** Texts that look like spreadsheet formulas, line breaks, escapes and odd numbers. */
export const TRICKY: TemplateInput = {
  kind: 'parscore.template',
  schemaVersion: 2,
  id: 'kho',
  version: 12,
  title: { vi: '=SUM(A1:A9)', en: '+1 (555) 0100' },
  legalBasis: { decisionNo: '-15/QĐ', date: '2020-02-29', issuer: '@UBND' },
  sample: false,
  sources: ['-nguồn', '@nguồn', '+nguồn', 'dòng 1\ndòng 2', 'a _x000D_ b'],
  appliesTo: ['district'],
  maxPoints: 0.30000000000000004,
  items: [
    {
      code: 'I',
      parent: null,
      title: { vi: '-Lĩnh vực\nxuống dòng', en: '=1+1' },
      max: 0.30000000000000004,
      scoringGuide: { vi: '@chú ý', en: '+plus' },
      evidenceHint: { vi: '=HYPERLINK("file:///etc/passwd")' },
    },
    {
      code: 'I.1',
      parent: 'I',
      title: { vi: 'Tiêu chí có tab\tở giữa' },
      max: 0.1,
      rule: { type: 'PERCENT_BANDS', bands: [{ min: 99.5, points: 0.1 }, { min: 1e-7, points: 1e-7 }] },
    },
    {
      code: 'I.2',
      parent: 'I',
      title: { vi: 'Công thức lạ' },
      max: 0.2,
      rule: {
        type: 'FORMULA',
        expression: '-a + b',
        variables: [
          { name: 'a', label: { vi: '=nhãn \\ gạch | chéo', en: 'ends with ]' }, min: -5, max: 5 },
          { name: 'b', label: { vi: 'dòng một\ndòng hai', en: '[x]' } },
        ],
      },
    },
  ],
  indicators: [{ code: 'K1', title: { vi: '=A1' }, type: 'number', unit: '=đv', aggregate: 'SUM' }],
  bonus: { cap: 0.5, items: [{ code: 'B-1', title: { vi: '+thưởng' }, max: 0.5 }] },
  penalty: { cap: 0, items: [] },
};
