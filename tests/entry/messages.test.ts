import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEntry as cliEn } from '../../shared/i18n/en/cli-entry.ts';
import { entry as en } from '../../shared/i18n/en/entry.ts';
import { hasMessage } from '../../shared/i18n/index.ts';
import { cliEntry as cliVi } from '../../shared/i18n/vi/cli-entry.ts';
import { entry as vi } from '../../shared/i18n/vi/entry.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = [join(ROOT, 'electron', 'services', 'entry'), join(ROOT, 'shared', 'entry')];

describe('entry messages', () => {
  it('every entry message key raised exists in both languages', async () => {
    const used = new Set<string>();
    for (const dir of SOURCES) {
      for (const f of await readdir(dir)) {
        const text = await readFile(join(dir, f), 'utf8');
        for (const m of text.matchAll(/'((?:entry|figure|scoring|cycle)\.[a-z0-9_]+)'/g)) used.add(m[1] as string);
      }
    }
    // The per-rule messages are built from the rule type.
    for (const r of ['binary', 'percent_bands', 'ratio', 'count_deduct', 'manual', 'formula']) used.add(`entry.bad_value_${r}`);
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(hasMessage(key), key).toBe(true);
  });

  it('has the same keys and placeholders in Vietnamese and English', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [v, e] of [
      [vi, en],
      [cliVi, cliEn],
    ] as [Record<string, string>, Record<string, string>][]) {
      expect(Object.keys(e).sort()).toEqual(Object.keys(v).sort());
      for (const [key, text] of Object.entries(v)) expect(placeholders(e[key]!), key).toEqual(placeholders(text));
    }
  });
});
