/**
 * The small languages typed into cells: rule parameters, numbers with a decimal comma, and the
 * words (rule types, Có/Không, agency groups …) accepted in Vietnamese and English.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRuleParams, parseRuleParams } from '../../electron/services/template-xlsx/index.ts';
import { formatNumberText, parseNumberText } from '../../electron/services/template-xlsx/text.ts';
import {
  acceptedWords,
  ADJUSTMENT_COLUMNS,
  ADJUSTMENT_ENTRIES,
  AGGREGATE_ENTRIES,
  GROUP_ENTRIES,
  INDICATOR_COLUMNS,
  INDICATOR_TYPE_ENTRIES,
  INFO_COLUMNS,
  INFO_KEY_ENTRIES,
  ISO_PHASE_ENTRIES,
  ITEM_COLUMNS,
  PARAM_KEY_ENTRIES,
  RULE_ENTRIES,
  YES_NO_ENTRIES,
  ZERO_ENTRIES,
} from '../../electron/services/template-xlsx/vocab.ts';
import { LANGS, t } from '../../shared/i18n/index.ts';
import { xlsx as enXlsx } from '../../shared/i18n/en/xlsx.ts';
import { xlsx as viXlsx } from '../../shared/i18n/vi/xlsx.ts';
import { Rule, type RuleType } from '../../shared/schema/index.ts';

const parsed = (type: RuleType, text: string) => {
  const r = parseRuleParams(type, text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.rule;
};
const problems = (type: RuleType, text: string) => {
  const r = parseRuleParams(type, text);
  if (r.ok) throw new Error(`"${text}" was accepted as ${JSON.stringify(r.rule)}`);
  return r.problems;
};

describe('numbers', () => {
  it('accepts a decimal comma or a decimal point', () => {
    expect(parseNumberText('1,5')).toBe(1.5);
    expect(parseNumberText('1.5')).toBe(1.5);
    expect(parseNumberText(' 0,25 ')).toBe(0.25);
    expect(parseNumberText('-2')).toBe(-2);
    expect(parseNumberText(',5')).toBe(0.5);
    expect(parseNumberText('1e-7')).toBe(1e-7);
    expect(parseNumberText('1 000')).toBe(1000);
  });

  it('refuses what is not a single number', () => {
    for (const s of ['', 'ba', '1,5 điểm', '1.000,5', '1,2,3', '--1', '1/2', '5%']) expect(parseNumberText(s), s).toBeNull();
  });

  it('writes Vietnamese numbers with a comma and reads back the very same double', () => {
    expect(formatNumberText(1.5, 'vi')).toBe('1,5');
    expect(formatNumberText(1.5, 'en')).toBe('1.5');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...LANGS), (n, lang) => {
        const back = parseNumberText(formatNumberText(n, lang));
        return Object.is(back, n) || (n === 0 && back === 0);
      }),
    );
  });
});

describe('rule parameters as written', () => {
  it('uses the documented syntax in Vietnamese and English', () => {
    const bands: Rule = { type: 'PERCENT_BANDS', bands: [{ min: 100, points: 3 }, { min: 80, points: 1.5 }, { min: 0, points: 0 }] };
    expect(formatRuleParams(bands, 'vi')).toBe('100: 3; 80: 1,5; 0: 0');
    expect(formatRuleParams(bands, 'en')).toBe('100: 3; 80: 1.5; 0: 0');
    expect(formatRuleParams({ type: 'COUNT_DEDUCT', perCount: 0.5 }, 'vi')).toBe('mỗi lần: 0,5');
    expect(formatRuleParams({ type: 'COUNT_DEDUCT', perCount: 0.5 }, 'en')).toBe('per count: 0.5');
    expect(formatRuleParams({ type: 'MANUAL', step: 0.25 }, 'vi')).toBe('bước: 0,25');
    expect(formatRuleParams({ type: 'MANUAL' }, 'vi')).toBe('');
    expect(formatRuleParams({ type: 'RATIO', zeroDenominator: 'FULL' }, 'vi')).toBe('mẫu số 0: đủ điểm');
    expect(formatRuleParams({ type: 'RATIO', zeroDenominator: 'NOT_APPLICABLE' }, 'en')).toBe('zero denominator: not applicable');
    expect(formatRuleParams({ type: 'BINARY' }, 'vi')).toBe('');
    expect(formatRuleParams({ type: 'SURVEY' }, 'vi')).toBe('');
    expect(
      formatRuleParams(
        {
          type: 'FORMULA',
          expression: '3 * d766 / 100',
          variables: [{ name: 'd766', label: { vi: 'Điểm Chỉ số 766', en: '766 index score' }, min: 0, max: 100 }],
        },
        'vi',
      ),
    ).toBe('3 * d766 / 100\nd766 = Điểm Chỉ số 766 | 766 index score [0..100]');
  });
});

describe('rule parameters as people type them', () => {
  it('reads bands with comma or point decimals, %, ≥, arrows and line breaks', () => {
    const expected = { type: 'PERCENT_BANDS', bands: [{ min: 100, points: 3 }, { min: 80, points: 1.5 }, { min: 0, points: 0 }] };
    expect(parsed('PERCENT_BANDS', '100: 3; 80: 1,5; 0: 0')).toEqual(expected);
    expect(parsed('PERCENT_BANDS', '100:3;80:1.5;0:0;')).toEqual(expected);
    expect(parsed('PERCENT_BANDS', '≥ 100%: 3 điểm\n>= 80 % → 1,5\n0 -> 0')).toEqual(expected);
  });

  it('reads the keyed parameters in either language, with or without diacritics, or as a bare number', () => {
    for (const s of ['mỗi lần: 0,5', 'moi lan: 0.5', 'Mỗi lần : 0,5', 'per count: 0.5', 'perCount: 0.5', '0,5']) {
      expect(parsed('COUNT_DEDUCT', s), s).toEqual({ type: 'COUNT_DEDUCT', perCount: 0.5 });
    }
    for (const s of ['bước: 0,25', 'step: 0.25', '0,25']) expect(parsed('MANUAL', s), s).toEqual({ type: 'MANUAL', step: 0.25 });
    expect(parsed('MANUAL', '')).toEqual({ type: 'MANUAL' });
    expect(parsed('RATIO', '')).toEqual({ type: 'RATIO', zeroDenominator: 'FULL' });
    expect(parsed('RATIO', 'mẫu số 0: 0 điểm')).toEqual({ type: 'RATIO', zeroDenominator: 'ZERO' });
    expect(parsed('RATIO', 'Mau so 0: khong ap dung')).toEqual({ type: 'RATIO', zeroDenominator: 'NOT_APPLICABLE' });
    expect(parsed('RATIO', 'zero denominator: full')).toEqual({ type: 'RATIO', zeroDenominator: 'FULL' });
  });

  it('reads a formula on several lines or on one line separated by semicolons', () => {
    const expected = {
      type: 'FORMULA',
      expression: '3 * d766 / 100',
      variables: [{ name: 'd766', label: { vi: 'Điểm Chỉ số 766' }, min: 0, max: 100 }],
    };
    expect(parsed('FORMULA', '3 * d766 / 100\nd766 = Điểm Chỉ số 766 [0..100]')).toEqual(expected);
    expect(parsed('FORMULA', '3 * d766 / 100; d766 = Điểm Chỉ số 766 [0..100]')).toEqual(expected);
    expect(parsed('FORMULA', 'a + b\na = Số A | Count A [0,5..]\nb: Số B [..1,5]')).toEqual({
      type: 'FORMULA',
      expression: 'a + b',
      variables: [
        { name: 'a', label: { vi: 'Số A', en: 'Count A' }, min: 0.5 },
        { name: 'b', label: { vi: 'Số B' }, max: 1.5 },
      ],
    });
    // Brackets that are not a range stay in the label.
    expect(parsed('FORMULA', 'x\nx = Điểm [loại A]')).toEqual({ type: 'FORMULA', expression: 'x', variables: [{ name: 'x', label: { vi: 'Điểm [loại A]' } }] });
  });

  it('says what was expected when a parameter cannot be read', () => {
    expect(problems('PERCENT_BANDS', '100 - 3; 80: 1,5')).toEqual([{ code: 'xlsx.param.bands_syntax', params: { part: '100 - 3' } }]);
    expect(problems('PERCENT_BANDS', '')).toEqual([{ code: 'xlsx.param.bands_empty' }]);
    expect(problems('COUNT_DEDUCT', '')).toEqual([{ code: 'xlsx.param.per_count_missing' }]);
    expect(problems('COUNT_DEDUCT', 'mỗi lần: nửa điểm')).toEqual([{ code: 'xlsx.param.per_count_syntax', params: { part: 'mỗi lần: nửa điểm' } }]);
    expect(problems('MANUAL', 'bước 0,25')).toEqual([{ code: 'xlsx.param.step_syntax', params: { part: 'bước 0,25' } }]);
    expect(problems('RATIO', 'mẫu số 0: tùy')).toEqual([{ code: 'xlsx.param.ratio_syntax', params: { part: 'mẫu số 0: tùy' } }]);
    expect(problems('BINARY', '1')).toEqual([{ code: 'xlsx.param.none_expected', params: { value: '1' } }]);
    expect(problems('FORMULA', '')).toEqual([{ code: 'xlsx.param.formula_empty' }]);
    expect(problems('FORMULA', '3 * x')).toEqual([{ code: 'xlsx.param.formula_no_variables' }]);
    expect(problems('FORMULA', '3 * x\nđiểm = Điểm')).toEqual([{ code: 'xlsx.param.formula_variable', params: { part: 'điểm = Điểm' } }]);
    expect(problems('FORMULA', '3 * x\nx =')).toEqual([{ code: 'xlsx.param.formula_variable', params: { part: 'x =' } }]);
  });

  it('the band syntax message shows a working example in both languages', () => {
    expect(t('vi', 'xlsx.param.bands_syntax', { part: '100 - 3' })).toContain('"100: 3; 80: 1,5; 0: 0"');
    expect(parsed('PERCENT_BANDS', t('vi', 'xlsx.guide.rule.PERCENT_BANDS.example'))).toBeDefined();
    expect(parsed('PERCENT_BANDS', t('en', 'xlsx.guide.rule.PERCENT_BANDS.example'))).toBeDefined();
  });

  it('every example in the guide sheet parses as its rule', () => {
    for (const lang of LANGS) {
      for (const e of RULE_ENTRIES) {
        const r = parseRuleParams(e.value, t(lang, `xlsx.guide.rule.${e.value}.example`));
        expect(r.ok, `${lang} ${e.value}`).toBe(true);
      }
    }
  });
});

// Random rules: what is written is read back as the same rule, in both languages.
const label = fc
  .string({
    unit: fc.constantFrom('a', 'Đ', 'ể', 'm', ' ', '|', '[', ']', '\\', '.', '0', '9', ';', '=', ':', '\n', 'n', '-', '%'),
    minLength: 1,
    maxLength: 16,
  })
  .map((s) => s.trim())
  .filter((s) => s !== '');
const points = fc.double({ min: 0, max: 1000, noNaN: true });
const anyNumber = fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((n) => !Object.is(n, -0));
const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
  fc.constant<Rule>({ type: 'BINARY' }),
  fc.constant<Rule>({ type: 'SURVEY' }),
  fc.uniqueArray(points, { minLength: 1, maxLength: 6 }).chain((mins) =>
    fc.tuple(...mins.map(() => points)).map((pts): Rule => ({
      type: 'PERCENT_BANDS',
      bands: [...mins].sort((a, b) => b - a).map((min, i) => ({ min, points: pts[i] ?? 0 })),
    })),
  ),
  fc.constantFrom('FULL', 'ZERO', 'NOT_APPLICABLE').map((z): Rule => ({ type: 'RATIO', zeroDenominator: z })),
  points.filter((n) => n > 0).map((n): Rule => ({ type: 'COUNT_DEDUCT', perCount: n })),
  fc.option(points.filter((n) => n > 0), { nil: undefined }).map((s): Rule => (s === undefined ? { type: 'MANUAL' } : { type: 'MANUAL', step: s })),
  fc
    .tuple(
      label,
      fc.uniqueArray(
        fc.record({
          name: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/),
          vi: label,
          en: fc.option(label, { nil: undefined }),
          min: fc.option(anyNumber, { nil: undefined }),
          max: fc.option(anyNumber, { nil: undefined }),
        }),
        { minLength: 1, maxLength: 4, selector: (v) => v.name },
      ),
    )
    .map(([expression, vars]): Rule => ({
      type: 'FORMULA',
      expression,
      variables: vars.map((v) => {
        const out: { name: string; label: { vi: string; en?: string }; min?: number; max?: number } = {
          name: v.name,
          label: v.en === undefined ? { vi: v.vi } : { vi: v.vi, en: v.en },
        };
        if (v.min !== undefined) out.min = v.min;
        if (v.max !== undefined) out.max = v.max;
        return out;
      }),
    })),
);

describe('rule parameters round trip', () => {
  it('reads back exactly what it writes, for any rule, in both languages', () => {
    fc.assert(
      fc.property(ruleArb, fc.constantFrom(...LANGS), (rule, lang) => {
        const text = formatRuleParams(rule, lang);
        const back = parseRuleParams(rule.type, text);
        expect(back).toStrictEqual({ ok: true, rule });
      }),
      { numRuns: 500 },
    );
  });
});

describe('words', () => {
  const vocabularies = {
    rules: RULE_ENTRIES,
    yesNo: YES_NO_ENTRIES,
    groups: GROUP_ENTRIES,
    isoPhases: ISO_PHASE_ENTRIES,
    indicatorTypes: INDICATOR_TYPE_ENTRIES,
    aggregates: AGGREGATE_ENTRIES,
    adjustmentKinds: ADJUSTMENT_ENTRIES,
    zeroDenominator: ZERO_ENTRIES,
    paramKeys: PARAM_KEY_ENTRIES,
    infoKeys: INFO_KEY_ENTRIES,
  };

  it('no word means two things, in either language, with or without diacritics', () => {
    for (const [name, entries] of Object.entries(vocabularies)) {
      for (const [word, values] of acceptedWords<string>(entries)) expect([...values], `${name}: "${word}"`).toHaveLength(1);
    }
  });

  it('no column header means two columns, in either language', () => {
    for (const cols of [ITEM_COLUMNS, INDICATOR_COLUMNS, ADJUSTMENT_COLUMNS, INFO_COLUMNS]) {
      const seen = new Map<string, string>();
      for (const c of cols) {
        for (const lang of LANGS) {
          const h = t(lang, c.header).toLowerCase();
          const other = seen.get(h);
          expect(other === undefined || other === c.field, `"${h}" is the header of ${other} and ${c.field}`).toBe(true);
          seen.set(h, c.field);
        }
      }
    }
  });

  it('the messages about an unknown word list every word written in that language', () => {
    const lists = [
      ['xlsx.value.rule', RULE_ENTRIES],
      ['xlsx.value.iso_phase', ISO_PHASE_ENTRIES],
      ['xlsx.value.indicator_type', INDICATOR_TYPE_ENTRIES],
      ['xlsx.value.aggregate', AGGREGATE_ENTRIES],
      ['xlsx.value.adjustment_kind', ADJUSTMENT_ENTRIES],
      ['xlsx.value.group', GROUP_ENTRIES],
    ] as const;
    for (const lang of LANGS) {
      for (const [key, entries] of lists) {
        const msg = t(lang, key, { value: '?' });
        for (const e of entries) expect(msg, `${lang} ${key}`).toContain(t(lang, e.key));
      }
    }
  });

  it('both catalogues have the same xlsx keys, all non-empty except the empty guide examples', () => {
    expect(Object.keys(enXlsx).sort()).toEqual(Object.keys(viXlsx).sort());
    for (const [k, v] of [...Object.entries(viXlsx), ...Object.entries(enXlsx)]) {
      expect(k.startsWith('xlsx.')).toBe(true);
      if (!/\.example$/.test(k)) expect(v.trim(), k).not.toBe('');
    }
  });
});
