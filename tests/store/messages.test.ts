import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { store as en } from '../../shared/i18n/en/store.ts';
import { store as vi } from '../../shared/i18n/vi/store.ts';
import { hasMessage } from '../../shared/i18n/index.ts';

const SRC = join(import.meta.dirname, '..', '..', 'electron', 'services', 'store');

describe('store messages', () => {
  it('every message key the store raises exists in both languages', async () => {
    const used = new Set<string>();
    for (const f of await readdir(SRC)) {
      const text = await readFile(join(SRC, f), 'utf8');
      for (const m of text.matchAll(/'((?:store|doc)\.[a-z_]+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(hasMessage(key), key).toBe(true);
  });

  it('has the same keys and placeholders in Vietnamese and English, all under store.', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of Object.entries(vi)) {
      expect(key.startsWith('store.')).toBe(true);
      expect(placeholders(en[key as keyof typeof vi]), key).toEqual(placeholders(text));
    }
  });
});
