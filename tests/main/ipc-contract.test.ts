import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch, handlers } from '../../electron/main/handlers/index.ts';
import { nativeMenuTemplate } from '../../electron/main/menu.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { writeDemoWorkspace } from '../../electron/services/demo/write.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { MENU, matchesAccelerator } from '../../shared/app/menu.ts';
import { CHANNELS, EVENT_METHODS, EVENT_NAMES, contract, events, methodName } from '../../shared/ipc/index.ts';

describe('the IPC contract', () => {
  it('lists every channel once, as domain:action, with a handler each; the preload list is the same', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort());
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    expect(new Set(CHANNELS.map(methodName)).size).toBe(CHANNELS.length);
    expect(methodName('assessment:setItemInput')).toBe('assessmentSetItemInput');
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
    expect(Object.keys(EVENT_METHODS).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('progress events are typed: a payload without its job or with a negative count is refused', () => {
    expect(events['job:progress'].safeParse({ jobId: 'summary-1', phase: 'shell.job.summary', done: 50, total: 100 }).success).toBe(true);
    expect(events['job:progress'].safeParse({ phase: 'shell.job.summary', done: 50, total: 100 }).success).toBe(false);
    expect(events['job:progress'].safeParse({ jobId: 'x', phase: 'p', done: -1, total: null }).success).toBe(false);
  });
});

const root = mkdtempSync(join(tmpdir(), 'parscore-ipc-'));
let ws: WorkspaceStore;
let ctx: AppContext;
const sent: { event: string; payload: unknown }[] = [];
const langChanges: string[] = [];

beforeAll(async () => {
  await writeDemoWorkspace(join(root, 'ws'), { agencies: 120, seed: 3 });
  ws = await WorkspaceStore.open(join(root, 'ws'));
  const settings = await SettingsStore.open(join(root, 'user-data'));
  ctx = {
    service: new AppService(ws, 'vi'),
    settings,
    version: '1.2.3',
    mode: 'electron',
    emit: (event, payload) => void sent.push({ event, payload }),
    onLangChange: (l) => void langChanges.push(l),
  };
});
afterAll(async () => {
  await ws.close();
  rmSync(root, { recursive: true, force: true });
});

describe('handlers behind the channels', () => {
  it('workspace:summary reports its progress as job:progress events of one job, ending at the total', async () => {
    sent.length = 0;
    const r = await dispatch('workspace:summary', {}, ctx);
    expect(r.ok).toBe(true);
    const progress = sent.filter((e) => e.event === 'job:progress').map((e) => e.payload as { jobId: string; done: number; total: number });
    // From the stored summaries: one event at the start, one every 500 agencies, one at the end.
    expect(progress[0]).toMatchObject({ done: 0, total: 120 });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(new Set(progress.map((p) => p.jobId)).size).toBe(1);
    expect(progress.at(-1)).toMatchObject({ done: 120, total: 120 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('switching language saves it, tells main (the native menu), and errors come back in it', async () => {
    const vi = await dispatch('assessment:get', { agency: 'NOPE' }, ctx);
    expect(vi).toMatchObject({ ok: false });
    expect(await dispatch('settings:setLang', { lang: 'en' }, ctx)).toMatchObject({ ok: true, value: { lang: 'en' } });
    expect(langChanges).toEqual(['en']);
    const en = await dispatch('assessment:get', { agency: 'NOPE' }, ctx);
    expect(en).toMatchObject({ ok: false });
    expect(!en.ok && !vi.ok && en.error.message !== vi.error.message).toBe(true);
    expect(!en.ok && en.error.message).toMatch(/agency/i);
    // The saved file outlives this process.
    expect((await SettingsStore.open(join(root, 'user-data'))).get().lang).toBe('en');
    expect(await dispatch('settings:setLang', { lang: 'fr' }, ctx)).toMatchObject({ ok: false, error: { code: 'IPC_VALIDATION' } });
    await dispatch('settings:setLang', { lang: 'vi' }, ctx);
  });
});

describe('opening another workspace (File › Recent workspaces)', () => {
  it('switches the window to it, lists it first, and releases the old one; a folder that is none leaves the current open', async () => {
    const other = join(root, 'other');
    await writeDemoWorkspace(other, { agencies: 12, seed: 9 });
    const home = ctx.service.dir;
    const r = await dispatch('workspace:open', { path: other }, ctx);
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && (r.value as { agencies: unknown[] }).agencies).toHaveLength(12);
    expect(ctx.settings.get().recent[0]?.path).toBe(other);
    // The old workspace is no longer locked by this process: another store can open it.
    const again = await WorkspaceStore.open(home);
    await again.close();

    const bad = await dispatch('workspace:open', { path: join(root, 'user-data') }, ctx);
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.error.message).toContain('user-data');
    expect(ctx.service.dir).toBe(other);

    expect(await dispatch('workspace:open', { path: home }, ctx)).toMatchObject({ ok: true });
 expect(ctx.service.dir).toBe(home);
    expect(ctx.settings.get().recent.map((x) => x.path).slice(0, 2)).toEqual([home, other]);
    ws = (ctx.service as unknown as { ws: WorkspaceStore }).ws;
  });
});

describe('the menu', () => {
  it('has Tệp, Chỉnh sửa, Xem, Trợ giúp with the usual shortcuts, in both languages', () => {
    const commands: string[] = [];
    const vi = nativeMenuTemplate('vi', [], '/ws', (c) => void commands.push(c));
    expect(vi.map((m) => m.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp']);
    expect(nativeMenuTemplate('en', [], '/ws', () => {}).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const all = vi.flatMap((m) => m.submenu ?? []);
    const by = (label: string) => all.find((i) => i.label === label)!;
    // Undo and redo go to the page: a text field's own undo there, else the agency screen's history.
    expect(by('Hoàn tác')).toMatchObject({ accelerator: 'CmdOrCtrl+Z' });
    expect(by('Hoàn tác').role).toBeUndefined();
    expect(by('Làm lại')).toMatchObject({ accelerator: 'CmdOrCtrl+Y' });
    expect(by('Sao chép')).toMatchObject({ role: 'copy', accelerator: 'CmdOrCtrl+C' });
    expect(by('Thoát')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
    expect(by('Tìm cơ quan, đơn vị').accelerator).toBe('CmdOrCtrl+F');
    // Items without a role go to the page.
    by('Giới thiệu ParScore').click!();
    by('English (tiếng Anh)').click!();
    by('Hoàn tác').click!();
    expect(commands).toEqual(['help.about', 'view.lang.en', 'edit.undo']);
    // No single-letter accelerators (they would swallow typing).
    for (const i of MENU.flatMap((g) => g.items)) if (i.kind === 'item' && i.accelerator) expect(i.accelerator, i.command).toMatch(/\+|^F\d+$/);
  });

  it('lists recent workspaces under File: the open one checked, another one opens on click', () => {
    const opened: (string | undefined)[] = [];
    const recent = [
      { path: '/data/snv', name: 'Sở Nội vụ', openedAt: '2026-12-01T00:00:00.000Z' },
      { path: '/data/stp', name: 'Sở Tư pháp', openedAt: '2026-11-01T00:00:00.000Z' },
    ];
    const [file] = nativeMenuTemplate('vi', recent, '/data/snv', (c, p) => void opened.push(`${c} ${p}`));
    expect(file!.submenu![0]).toMatchObject({
      label: 'Thư mục làm việc gần đây',
      submenu: [{ label: '✓ Sở Nội vụ — /data/snv', enabled: false }, { label: 'Sở Tư pháp — /data/stp' }],
    });
    file!.submenu![0]!.submenu![1]!.click!();
    expect(opened).toEqual(['file.openRecent /data/stp']);
    const [empty] = nativeMenuTemplate('vi', [], '/ws', () => {});
    expect(empty!.submenu![0]!.submenu).toEqual([{ label: '(chưa có)', enabled: false }]);
  });

  it('matches key presses to accelerators (the browser mode’s own shortcuts)', () => {
    const key = (k: string, m: Partial<{ ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...m });
    expect(matchesAccelerator('CmdOrCtrl+F', key('f', { ctrlKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+F', key('f'))).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+F', key('f', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+F', key('f', { metaKey: true }), true)).toBe(true);
    expect(matchesAccelerator('Alt+Home', key('Home', { altKey: true }))).toBe(true);
  });
});
