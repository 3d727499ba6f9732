import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_RECENT, SettingsStore } from '../../electron/services/settings.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'parscore-settings-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the app settings file in userData', () => {
  it('starts in Vietnamese with no recent workspaces, and keeps a language switch across restarts', async () => {
    const dir = fresh();
    const s = await SettingsStore.open(dir);
    expect(s.get()).toEqual({ version: 1, lang: 'vi', recent: [] });
    await s.setLang('en');
    expect((await SettingsStore.open(dir)).get().lang).toBe('en');
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).lang).toBe('en');
  });

  it('lists recent workspaces newest first, each folder once, at most eight', async () => {
    const dir = fresh();
    const s = await SettingsStore.open(dir);
    for (let i = 0; i < 10; i++) await s.addRecent(`/ws/${i}`, `Thư mục ${i}`, new Date(Date.UTC(2026, 0, 1 + i)));
    await s.addRecent('/ws/3', 'Thư mục 3');
    const recent = (await SettingsStore.open(dir)).get().recent;
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent.map((r) => r.path)).toEqual(['/ws/3', '/ws/9', '/ws/8', '/ws/7', '/ws/6', '/ws/5', '/ws/4', '/ws/2'].map((p) => resolve(p)));
  });

  it('a damaged or foreign settings file means the defaults, never a refusal to start', async () => {
    for (const text of ['{oops', '{"version":1,"lang":"fr","recent":[]}', '{"version":1,"lang":"en","lang":"vi","recent":[]}', '[]']) {
      const dir = fresh();
      writeFileSync(join(dir, 'settings.json'), text);
      expect((await SettingsStore.open(dir)).get(), text).toEqual({ version: 1, lang: 'vi', recent: [] });
    }
  });
});
