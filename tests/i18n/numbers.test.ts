import { describe, expect, it } from 'vitest';
import { formatNumber, formatPoints, t } from '../../shared/i18n/index.ts';

describe('one number formatter for every output', () => {
  it('groups every number of 1,000 and more: 1.675 and 16.162 in Vietnamese, 1,675 in English', () => {
    expect(formatNumber('vi', 999)).toBe('999');
    expect(formatNumber('vi', 1675)).toBe('1.675');
    expect(formatNumber('vi', 16162)).toBe('16.162');
    expect(formatNumber('vi', -1675)).toBe('-1.675');
    expect(formatNumber('en', 1675)).toBe('1,675');
    expect(formatNumber('vi', 8.5)).toBe('8,5');
    expect(formatNumber('vi', 1675.456)).toBe('1.675,46');
  });

  it('writes points and percents with exactly two decimals, grouped: 1.675,50 and 1,675.50', () => {
    expect(formatPoints('vi', 1675.5)).toBe('1.675,50');
    expect(formatPoints('en', 1675.5)).toBe('1,675.50');
    expect(formatPoints('vi', 8.5)).toBe('8,50');
  });

  it('groups the numbers of a message, but never a year', () => {
    expect(t('vi', 'cli.import.summary', { accepted: 1675, replaced: 0, duplicate: 16162, rejected: 0, cancelled: 0 })).toBe(
      'Tiếp nhận 1.675 · thay thế 0 · trùng 16.162 · từ chối 0 · chưa xử lý 0',
    );
    expect(t('vi', 'rlist.ind.subtitle', { year: 2015 })).toContain('năm 2015');
    expect(t('vi', 'awards.ok.consecutive_years', { years: 2, from: 2014, to: 2015 })).toContain('(2014–2015)');
    expect(t('vi', 'report.kit.placeDate', { place: 'Minh Sơn', d: '20', m: '12', y: 2015 })).toBe('Minh Sơn, ngày 20 tháng 12 năm 2015');
  });
});
