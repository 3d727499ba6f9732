import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pkg as en } from '../../shared/i18n/en/package.ts';
import { pkg as vi } from '../../shared/i18n/vi/package.ts';
import { hasMessage } from '../../shared/i18n/index.ts';

const SRC = join(import.meta.dirname, '..', '..', 'electron', 'services', 'packages');

describe('package messages', () => {
  it('every message key the packages code raises exists in both languages', async () => {
    const used = new Set<string>();
    for (const f of await readdir(SRC)) {
      const text = await readFile(join(SRC, f), 'utf8');
      for (const m of text.matchAll(/'(package\.[a-z_]+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) {
      expect(hasMessage(key), key).toBe(true);
      expect(Object.hasOwn(vi, key), key).toBe(true);
    }
  });

  it('has the same keys and placeholders in Vietnamese and English, all under package.', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of Object.entries(vi)) {
      expect(key.startsWith('package.')).toBe(true);
      expect(placeholders(en[key as keyof typeof vi]), key).toEqual(placeholders(text));
    }
  });
});
