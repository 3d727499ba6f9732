import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../shared/i18n/index.ts';
import { checkFigure, checkFigures, parseFigureText, parseNumberText } from '../../shared/indicators/validate.ts';
import type { Indicator } from '../../shared/schema/template.ts';

const def = (over: Partial<Indicator>): Indicator => ({ code: 'KK01', title: { vi: 'Số văn bản được kiểm tra', en: 'Documents checked' }, type: 'count', aggregate: 'SUM', ...over });
const messages = (r: ReturnType<typeof checkFigure>) => (r.ok ? [] : r.error.map((i) => formatIssue('vi', i)));

describe('a declared figure', () => {
  it('of yes/no takes only yes or no: "có" and 1 are refused, naming the figure and the value', () => {
    const yn = def({ code: 'KK07', type: 'boolean', aggregate: 'COUNT_YES', title: { vi: 'Có thực hiện cơ chế một cửa' } });
    expect(checkFigure(yn, true)).toEqual({ ok: true, value: true });
    expect(messages(checkFigure(yn, 'có', { agency: 'S04' }))[0]).toContain('KK07 “Có thực hiện cơ chế một cửa” chỉ nhận Có hoặc Không; giá trị “có”');
    const r = checkFigure(yn, 1, { agency: 'S04' });
    expect(r.ok ? null : r.error[0]?.at).toEqual({ agency: 'S04', item: 'KK07', field: 'value' });
  });

  it('that is a count is a whole number, not negative', () => {
    expect(checkFigure(def({}), 266)).toEqual({ ok: true, value: 266 });
    expect(messages(checkFigure(def({}), -17))[0]).toContain('phải là số nguyên không âm; giá trị -17');
    expect(checkFigure(def({}), 2.5).ok).toBe(false);
    expect(checkFigure(def({}), Number.NaN).ok).toBe(false);
  });

  it('keeps to the range the template gives', () => {
    const pct = def({ type: 'number', min: 0, max: 100, code: 'KK05', title: { vi: 'Tỷ lệ hồ sơ đúng hạn' } });
    expect(checkFigure(pct, 82.5).ok).toBe(true);
    expect(messages(checkFigure(pct, 120))[0]).toContain('không được lớn hơn 100');
    expect(messages(checkFigure(pct, -1))[0]).toContain('không được nhỏ hơn 0');
  });

  it('cleared with null is not declared', () => {
    expect(checkFigure(def({}), null)).toEqual({ ok: true, value: null });
  });

  it('with a code the template does not have is refused among all the others, each reported', () => {
    const issues = checkFigures({ indicators: [def({})] }, { KK01: -1, KK99: 3 }, { agency: 'S01' });
    expect(issues.map((i) => i.code)).toEqual(['figure.not_count', 'figure.unknown']);
    expect(formatIssue('en', issues[1]!)).toContain('KK99');
  });
});

describe('a figure typed by a person', () => {
  it('reads Vietnamese numbers and yes/no words', () => {
    expect(parseNumberText('1.675')).toBe(1675);
    expect(parseNumberText('16.162,5')).toBe(16162.5);
    expect(parseNumberText('82,5')).toBe(82.5);
    expect(parseNumberText('82.5')).toBe(82.5);
    expect(parseNumberText('mười')).toBeNull();
    const yn = def({ type: 'boolean', aggregate: 'COUNT_YES' });
    expect(parseFigureText(yn, 'Có')).toEqual({ ok: true, value: true });
    expect(parseFigureText(yn, 'không')).toEqual({ ok: true, value: false });
    expect(parseFigureText(yn, 'hình như có').ok).toBe(false);
    expect(parseFigureText(def({}), '1.675')).toEqual({ ok: true, value: 1675 });
    expect(parseFigureText(def({}), '')).toEqual({ ok: true, value: null });
  });
});
