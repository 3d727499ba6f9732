import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rboard as en } from '../../../shared/i18n/en/rboard.ts';
import { hasMessage, t } from '../../../shared/i18n/index.ts';
import { rboard as vi } from '../../../shared/i18n/vi/rboard.ts';

const REPORTS = join(import.meta.dirname, '..', '..', '..', 'electron', 'services', 'reports');
const FILES = ['scoreboard.ts', 'ranking.ts', 'areas.ts', 'comparison.ts'];

describe('board report messages', () => {
  it('every rboard key the four reports use exists in both languages', async () => {
    const used = new Set<string>();
    for (const f of FILES) {
      const text = await readFile(join(REPORTS, f), 'utf8');
      for (const m of text.matchAll(/'(rboard\.[A-Za-z_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(60);
    for (const key of used) {
      expect(hasMessage(key), key).toBe(true);
      expect(Object.hasOwn(en, key), key).toBe(true);
    }
  });

  it('has the same keys and placeholders in Vietnamese and English, all under rboard.', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of Object.entries(vi)) {
      expect(key.startsWith('rboard.'), key).toBe(true);
      expect(placeholders(en[key as keyof typeof vi]), key).toEqual(placeholders(text));
      expect(text, key).toBe(text.normalize('NFC'));
    }
  });

  it('reads like the province writes it', () => {
    expect(t('vi', 'rboard.scoreboard.title', { year: '2024' })).toBe('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024');
    expect(t('vi', 'rboard.ranking.title', { year: '2024' })).toBe('KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024');
    expect(t('vi', 'rboard.areas.sheet.below', { threshold: 72.5 })).toBe('Dưới ngưỡng 72,5%');
    expect(t('vi', 'rboard.comparison.change', { from: '2023', to: '2024' })).toBe('Năm 2024 so với năm 2023');
  });
});
