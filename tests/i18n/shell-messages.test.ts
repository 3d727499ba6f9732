import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MENU } from '../../shared/app/menu.ts';
import { hasMessage } from '../../shared/i18n/index.ts';
import { shell as en } from '../../shared/i18n/en/shell.ts';
import { shell as vi } from '../../shared/i18n/vi/shell.ts';

const repo = join(import.meta.dirname, '..', '..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the shell speaks through the catalogues', () => {
  it('every message key the window, its menu, the browser mode and the launcher name exists, in both languages', () => {
    const sources = [...files(join(repo, 'renderer', 'src')), ...files(join(repo, 'electron', 'web')), ...files(join(repo, 'electron', 'main')), join(repo, 'scripts', 'app-demo.ts'), join(repo, 'scripts', 'web-bridge.ts')];
    const keys = new Set<string>();
    for (const f of sources) for (const m of readFileSync(f, 'utf8').matchAll(/'((?:shell|app)\.[\w.-]+)'/g)) keys.add(m[1]!);
    for (const g of MENU) {
      keys.add(g.label);
      for (const i of g.items) if (i.kind !== 'separator') keys.add(i.label);
    }
    // Keys built at run time.
    for (const s of ['idle', 'saving', 'saved', 'failed']) keys.add(`shell.save.${s}`);
    for (const s of ['all', 'department', 'district', 'commune']) keys.add(`app.tab.${s}`);
    expect(keys.size).toBeGreaterThan(60);
    expect([...keys].filter((k) => !hasMessage(k))).toEqual([]);
  });

  it('the English catalogue has the same messages with the same placeholders, and the Vietnamese one has its diacritics', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [k, text] of Object.entries(vi)) expect(placeholders(en[k as keyof typeof vi]), k).toEqual(placeholders(text));
    // Menu names as on every Vietnamese Windows program.
    expect([vi['shell.menu.file'], vi['shell.menu.edit'], vi['shell.menu.view'], vi['shell.menu.help']]).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp']);
    // A Vietnamese sentence written without diacritics would be all ASCII.
    for (const [k, text] of Object.entries(vi)) if (text.split(' ').length >= 4 && !k.endsWith('lang_en')) expect(/[\u00c0-\u1ef9]/.test(text), k).toBe(true);
  });
});
