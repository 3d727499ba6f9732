import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { workspaceContext } from '../../electron/main/handlers/slot.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import { writeDemoWorkspace } from '../../electron/services/demo/write.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { startupWorkspace } from '../../electron/services/start/first-run.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import type { CampaignFileInfo, StartState, WorkspaceSummary } from '../../shared/ipc/index.ts';
import { folderHash } from '../cli/run.ts';

const root = mkdtempSync(join(tmpdir(), 'parscore-start-'));
let campaignFile: { name: string; bytesBase64: string };
let ctx: AppContext;
const events: { event: string; payload: unknown }[] = [];

beforeAll(async () => {
  await writeDemoCycle(join(root, 'snv'), join(root, 'out'), { agencies: 6, seed: 5 });
  campaignFile = { name: 'campaign.parscore', bytesBase64: (await readFile(join(root, 'out', 'agencies', 'campaign.parscore'))).toString('base64') };
});
afterEach(async () => {
  await ctx?.closeWorkspace?.();
  events.length = 0;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function fresh(lang: 'vi' | 'en' = 'vi'): Promise<AppContext> {
  const userData = join(root, `user-data-${Math.random().toString(36).slice(2)}`);
  const settings = await SettingsStore.open(userData);
  await settings.setLang(lang);
  ctx = workspaceContext({ settings, version: '0.0.0', mode: 'browser', emit: (event, payload) => void events.push({ event, payload }), userData }, null);
  return ctx;
}

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}
async function refused(channel: string, input: unknown): Promise<{ code: string; message: string }> {
  const r = await dispatch(channel, input, ctx);
  if (r.ok) throw new Error(`${channel} answered ok`);
  return r.error;
}

describe('no workspace open', () => {
  it('says so, and every workspace channel refuses in the user’s words', async () => {
    await fresh();
    expect(await ok<StartState>('start:state', {})).toMatchObject({ hasWorkspace: false, canPickFolder: false });
    const e = await refused('workspace:summary', {});
    expect(e).toMatchObject({ code: 'app.no_workspace', message: expect.stringContaining('Chưa mở thư mục làm việc nào') });
    expect((await refused('assessment:get', { agency: 'S01' })).code).toBe('app.no_workspace');
    // The app itself still answers.
    expect(await ok('app:info', {})).toMatchObject({ workspacePath: '' });
    expect(await ok('settings:setLang', { lang: 'en' })).toMatchObject({ lang: 'en' });
    expect((await refused('workspace:summary', {})).message).toContain('No workspace is open');
  });
});

describe('create a Home Affairs workspace', () => {
  it('creates an empty one in a new folder and opens it; then back to the start', async () => {
    await fresh();
    const dir = join(root, 'ha-new');
    const s = await ok<WorkspaceSummary>('start:createHomeAffairs', { path: dir, name: 'Sở Nội vụ tỉnh Hà Giang' });
    expect(s).toMatchObject({ name: 'Sở Nội vụ tỉnh Hà Giang', role: 'home-affairs', campaign: null, agencies: [] });
    expect(await ok<StartState>('start:state', {})).toMatchObject({ hasWorkspace: true });
    expect(ctx.settings.get().recent[0]).toMatchObject({ path: dir, name: 'Sở Nội vụ tỉnh Hà Giang' });
    expect(await ok<StartState>('start:close', {})).toMatchObject({ hasWorkspace: false });
    expect((await refused('workspace:summary', {})).code).toBe('app.no_workspace');
    // Released: it opens again.
    expect(await ok<WorkspaceSummary>('workspace:open', { path: dir })).toMatchObject({ name: 'Sở Nội vụ tỉnh Hà Giang' });
  });

  it('refuses a folder whose parent does not exist, a relative path, or a workspace already there, writing nothing', async () => {
    await fresh();
    const missing = await refused('start:createHomeAffairs', { path: join(root, 'khong-co', 'ha'), name: 'Sở Nội vụ' });
    expect(missing).toMatchObject({ code: 'start.parent_missing', message: expect.stringContaining(`Không có thư mục ${join(root, 'khong-co')}`) });
    expect(await readdir(root)).not.toContain('khong-co');
    expect((await refused('start:createHomeAffairs', { path: 'ha', name: 'Sở Nội vụ' })).code).toBe('start.folder_not_absolute');
    const before = folderHash(join(root, 'snv'));
    expect((await refused('start:createHomeAffairs', { path: join(root, 'snv'), name: 'Sở Nội vụ' })).code).toBe('store.already_workspace');
    expect(folderHash(join(root, 'snv'))).toBe(before);
    expect((await refused('start:createHomeAffairs', { path: join(root, 'ha-2'), name: '  ' })).code).toBe('IPC_VALIDATION');
    expect((await ok<StartState>('start:state', {})).hasWorkspace).toBe(false);
  });
});

describe('join a campaign from its file', () => {
  it('shows what the file holds without writing anything', async () => {
    await fresh();
    const info = await ok<CampaignFileInfo>('start:inspectCampaign', { file: campaignFile });
    expect(info.year).toBeGreaterThan(2000);
    expect(info.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(info.province).toMatch(/ — /);
    expect(info.agencies).toHaveLength(6);
    expect(info.agencies[0]).toMatchObject({ code: expect.any(String), name: expect.any(String) });
    expect((await ok<StartState>('start:state', {})).hasWorkspace).toBe(false);
  });

  it('a file that is not a campaign file is refused, naming the file, in words', async () => {
    await fresh();
    const e = await refused('start:inspectCampaign', { file: { name: 'bao-cao.parscore', bytesBase64: Buffer.from('not a zip').toString('base64') } });
    expect(e.message).toContain('bao-cao.parscore');
    expect(e.message).not.toMatch(/bytesBase64|zod|Expected/);
  });

  it('creates the agency’s own workspace for the chosen agency and opens it', async () => {
    await fresh();
    const info = await ok<CampaignFileInfo>('start:inspectCampaign', { file: campaignFile });
    const pick = info.agencies[1]!;
    const dir = join(root, 'joined');
    const s = await ok<WorkspaceSummary>('start:joinCampaign', { file: campaignFile, agency: pick.code, path: dir });
    expect(s).toMatchObject({ role: 'agency', agencies: [{ code: pick.code, name: pick.name }] });
    expect(s.campaign?.year).toBe(info.year);
    const ws = await WorkspaceStore.openReadOnly(dir);
    expect(ws.index).toMatchObject({ role: 'agency', self: pick.code });
    await ws.close();
  });

  it('an agency not in the file is refused and nothing is created', async () => {
    await fresh();
    const dir = join(root, 'joined-bad');
    const e = await refused('start:joinCampaign', { file: campaignFile, agency: 'KHONG-CO', path: dir });
    expect(e.message).toContain('KHONG-CO');
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });
});

describe('the demo', () => {
  it('is made once in the user-data folder, with progress, and opened', async () => {
    const c = await fresh();
    const s = await ok<WorkspaceSummary>('start:openDemo', {});
    expect(s.role).toBe('home-affairs');
    expect(s.agencies).toHaveLength(150);
    expect(events.filter((e) => e.event === 'job:progress' && (e.payload as { phase: string }).phase === 'start.job.demo').map((e) => (e.payload as { done: number }).done)).toEqual([0, 1, 2]);
    expect(c.service.dir).toBe(join(c.userData!, 'demo-workspace'));
  }, 60_000);
});

describe('a workspace copied while it was open', () => {
  it('opens from the window with the notice; a live holder is refused, then opened when forced', async () => {
    await fresh();
    const held = await WorkspaceStore.open(join(root, 'snv'));
    try {
      const copy = join(root, 'snv-copy');
      await cp(join(root, 'snv'), copy, { recursive: true });
      const s = await ok<WorkspaceSummary>('workspace:open', { path: copy });
      expect(s.notices.join('\n')).toContain(`được sao chép từ ${join(root, 'snv')}`);
      const e = await refused('workspace:open', { path: join(root, 'snv') });
      expect(e.code).toBe('store.locked');
      expect(ctx.service.dir).toBe(copy); // the copy stays open
      const forced = await ok<WorkspaceSummary>('workspace:open', { path: join(root, 'snv'), force: true });
      expect(forced.notices.join('\n')).toContain('đã được mở dù tệp khóa cho biết');
    } finally {
      await held.close();
    }
  });
});


describe('repair notices', () => {
  it('name the agency and its file', async () => {
    await fresh();
    const dir = join(root, 'damaged');
    await writeDemoWorkspace(dir, { agencies: 12, seed: 7 });
    const victim = (await readdir(join(dir, 'assessments'))).filter((n) => n.endsWith('.json')).sort()[0]!.replace(/\.json$/, '');
    await writeFile(join(dir, 'assessments', `${victim}.json`), '{"kind":"parscore.assessment","items":{');
    const s = await ok<WorkspaceSummary>('workspace:open', { path: dir });
    const name = s.agencies.find((a) => a.code === victim)!.name;
    expect(s.notices.some((n) => n.startsWith(`${name} (${victim}) — `) && n.includes(`assessments/${victim}.json`))).toBe(true);
  });
});

describe('what a start opens', () => {
  it('the folder named, else the most recent one still there, else none', async () => {
    const ha = join(root, 'startup-ha');
    await (await WorkspaceStore.create(ha, { name: 'Sở Nội vụ', role: 'home-affairs' })).close();
    const named = await startupWorkspace(ha, []);
    expect(named?.dir).toBe(ha);
    // Held by the one just opened: the recent one cannot be opened, so none (the start screen says why when asked).
    expect(await startupWorkspace(undefined, [{ path: ha }])).toBeNull();
    await named!.close();
    const recent = await startupWorkspace(undefined, [{ path: ha }]);
    expect(recent?.dir).toBe(ha);
    await recent!.close();
    expect(await startupWorkspace(undefined, [{ path: join(root, 'gone') }, { path: ha }])).toBeNull();
    expect(await startupWorkspace(undefined, [])).toBeNull();
    await expect(startupWorkspace(join(root, 'gone'), [])).rejects.toThrow();
  });
});
