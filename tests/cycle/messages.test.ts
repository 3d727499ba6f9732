import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycle as en } from '../../shared/i18n/en/cycle.ts';
import { cycle as vi } from '../../shared/i18n/vi/cycle.ts';
import { hasMessage, t } from '../../shared/i18n/index.ts';

const SRC = join(import.meta.dirname, '..', '..', 'electron', 'services', 'cycle');
/** The cycle's pure checks that live in shared/ (the same on both sides). */
const SHARED = [join(import.meta.dirname, '..', '..', 'shared', 'scoring', 'appraisal-check.ts')];

async function usedKeys(): Promise<Set<string>> {
  const used = new Set<string>();
  for (const path of [...(await readdir(SRC)).map((f) => join(SRC, f)), ...SHARED]) {
    const text = await readFile(path, 'utf8');
    for (const m of text.matchAll(/'((?:cycle|store|doc|scoring)\.[a-z0-9_]+)'/g)) used.add(m[1] as string);
  }
  return used;
}

describe('cycle messages', () => {
  it('every message key the cycle raises exists in both languages, and every cycle key is used', async () => {
    const used = await usedKeys();
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect(hasMessage(key), key).toBe(true);
    for (const key of Object.keys(vi)) expect(used.has(key), `unused ${key}`).toBe(true);
  });

  it('has the same keys and placeholders in Vietnamese and English, all under cycle., Vietnamese with its letters', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of Object.entries(vi)) {
      expect(key.startsWith('cycle.')).toBe(true);
      expect(placeholders(en[key as keyof typeof vi]), key).toEqual(placeholders(text));
      expect(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(text), key).toBe(true);
    }
    expect(t('vi', 'cycle.replayed_revision', { revision: 1, stored: 2 })).toBe('Đây là bản gửi lần 1, cũ hơn bản lần 2 đã nhận; bản cũ không thay thế bản mới.');
  });
});
