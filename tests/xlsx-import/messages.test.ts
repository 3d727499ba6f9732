import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ximport as en } from '../../shared/i18n/en/ximport.ts';
import { ximport as vi } from '../../shared/i18n/vi/ximport.ts';
import { hasMessage, t } from '../../shared/i18n/index.ts';
import { AGENCY_GROUPS, readGroupWord } from '../../electron/services/xlsx-import/index.ts';

const SRC = join(import.meta.dirname, '..', '..', 'electron', 'services', 'xlsx-import');

describe('import messages', () => {
  it('every message key the importers use exists', async () => {
    const used = new Set<string>();
    for (const f of await readdir(SRC)) {
      const text = await readFile(join(SRC, f), 'utf8');
      for (const m of text.matchAll(/'(ximport\.[A-Za-z_.]+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect(hasMessage(key), key).toBe(true);
  });

  it('has the same keys and placeholders in Vietnamese and English, all under ximport., none empty', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of Object.entries(vi)) {
      expect(key.startsWith('ximport.')).toBe(true);
      expect(text.trim(), key).not.toBe('');
      expect(text, key).toBe(text.normalize('NFC'));
      expect(placeholders(en[key as keyof typeof vi]), key).toEqual(placeholders(text));
    }
  });

  it('every accepted group word means one group only', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const g of AGENCY_GROUPS.values) {
        expect(readGroupWord(AGENCY_GROUPS.word(g, lang))).toBe(g);
        for (const a of t(lang, `ximport.group.${g}.aliases`).split('|')) expect(readGroupWord(a), a).toBe(g);
      }
    }
  });
});
