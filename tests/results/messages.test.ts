import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { results as en } from '../../shared/i18n/en/results.ts';
import { hasMessage, t } from '../../shared/i18n/index.ts';
import { results as vi } from '../../shared/i18n/vi/results.ts';

const ROOT = join(import.meta.dirname, '..', '..', 'shared');

async function keysUsedIn(dirs: string[]): Promise<Set<string>> {
  const used = new Set<string>();
  for (const dir of dirs) {
    for (const f of await readdir(join(ROOT, dir))) {
      const text = await readFile(join(ROOT, dir, f), 'utf8');
      for (const m of text.matchAll(/'((?:results|awards)\.[a-z_.]+)'/g)) used.add(m[1] as string);
    }
  }
  return used;
}

describe('results and awards messages', () => {
  it('every key the results, awards and scoring code raises exists in both languages', async () => {
    const used = await keysUsedIn(['results', 'awards', 'scoring']);
    expect(used.size).toBeGreaterThan(30);
    for (const key of used) expect(hasMessage(key), key).toBe(true);
  });

  it('has the same keys and placeholders in Vietnamese and English, all under results. or awards.', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of Object.entries(vi)) {
      expect(/^(results|awards)\./.test(key), key).toBe(true);
      expect(placeholders(en[key as keyof typeof vi]), key).toEqual(placeholders(text));
    }
  });

  it('reads like the province writes it', () => {
    expect(t('vi', 'awards.fail.top_n', { rank: 4, topN: 3 })).toBe('Cơ quan, đơn vị xếp hạng 4, ngoài 3 đơn vị dẫn đầu của khối.');
    expect(t('vi', 'results.coverage_percent', { yes: 18, of: 21, percent: 85.71 })).toBe('18/21 (85,71%)');
  });
});
