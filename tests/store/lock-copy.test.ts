import { cp, readFile, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../../shared/i18n/index.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { TempDirs, issuesOf, sampleCampaign, sampleTemplate } from './helpers.ts';
import { cli } from '../cli/run.ts';

const temp = new TempDirs();
const open: WorkspaceStore[] = [];
const track = (ws: WorkspaceStore) => (open.push(ws), ws);
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
  await temp.cleanup();
});

async function original() {
  const dir = join(await temp.make(), 'Sở Nội vụ');
  const ws = track(await WorkspaceStore.create(dir, { name: 'Sở Nội vụ tỉnh Minh Sơn', role: 'home-affairs', campaign: await sampleCampaign(), templates: [await sampleTemplate()] }));
  return { dir, ws };
}
const lockOf = async (dir: string) => JSON.parse(await readFile(join(dir, '.parscore.lock'), 'utf8')) as Record<string, unknown>;

describe('a workspace folder copied while it was open', () => {
  it('the lock names its folder and its own file', async () => {
    const { dir } = await original();
    const lock = await lockOf(dir);
    expect(lock).toMatchObject({ pid: process.pid, hostname: hostname(), dir });
    expect(typeof lock.ino).toBe('number');
  });

  it('the copy opens, takes the lock over, and says where it was open, since when, and what to check', async () => {
    const { dir, ws } = await original();
    const copy = join(await temp.make(), 'Bản sao');
    await cp(dir, copy, { recursive: true }); // the original is still open: its lock goes along
    const again = track(await WorkspaceStore.open(copy));
    expect(again.index.name).toBe('Sở Nội vụ tỉnh Minh Sơn');
    expect(await lockOf(copy)).toMatchObject({ pid: process.pid, dir: copy });
    const notice = again.recoveries().map((r) => r.issues[0]!);
    expect(notice).toMatchObject([{ code: 'store.lock_copied', params: { dir: copy, from: dir, hostname: hostname() } }]);
    const vi = formatIssue('vi', notice[0]!);
    expect(vi).toContain(`được sao chép từ ${dir} trong lúc đang mở trên máy ${hostname()}`);
    expect(vi).toMatch(/từ \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(vi).toContain('Hãy kiểm tra đây đúng là bản cần làm việc');
    expect(formatIssue('en', notice[0]!)).toContain(`was copied from ${dir} while it was open on computer ${hostname()}`);
    // The original is untouched and still held.
    expect(await lockOf(dir)).toMatchObject({ dir });
    expect((await issuesOf(WorkspaceStore.open(dir)))[0]?.code).toBe('store.locked');
    await ws.close();
  });

  it('a copy made on another computer (another folder, another lock file) opens too', async () => {
    const { dir, ws } = await original();
    await ws.close();
    await writeFile(join(dir, '.parscore.lock'), JSON.stringify({ pid: 4321, hostname: 'MAY-PHONG-CCHC', startedAt: '2026-11-20T02:30:00.000Z', dir: 'D:\\ParScore\\So Noi vu', ino: 99 }));
    const again = track(await WorkspaceStore.open(dir));
    expect(again.recoveries()[0]?.issues[0]).toMatchObject({ code: 'store.lock_copied', params: { hostname: 'MAY-PHONG-CCHC', from: 'D:\\ParScore\\So Noi vu' } });
  });

  it('the same folder by another path (a link) is the same lock: refused', async () => {
    const { dir } = await original();
    const alias = join(await temp.make(), 'lối tắt');
    await symlink(dir, alias);
    expect((await issuesOf(WorkspaceStore.open(alias)))[0]?.code).toBe('store.locked');
  });

  it('on another computer, the same folder name and the same lock file are refused with the computer, the time and what to do', async () => {
    const { dir, ws } = await original();
    const mine = await lockOf(dir);
    await ws.close();
    // As the other PC wrote it: our folder, our lock file's inode, its host.
    await writeFile(join(dir, '.parscore.lock'), JSON.stringify({ ...mine, hostname: 'MAY-PHONG-CCHC', startedAt: '2026-11-20T02:30:00.000Z' }));
    const issues = await issuesOf(WorkspaceStore.open(dir));
    expect(issues[0]).toMatchObject({ code: 'store.locked_elsewhere', params: { hostname: 'MAY-PHONG-CCHC' } });
    const vi = formatIssue('vi', issues[0]!);
    expect(vi).toContain('đang được mở trên máy MAY-PHONG-CCHC');
    expect(vi).toContain('Hãy đóng ParScore trên máy MAY-PHONG-CCHC rồi mở lại');
    expect(vi).toMatch(/\d\d\/\d\d\/2026 \d\d:\d\d/);
  });

  it('a live holder is refused; forced, it opens with a warning naming the holder', async () => {
    const { dir } = await original();
    expect((await issuesOf(WorkspaceStore.open(dir)))[0]?.code).toBe('store.locked');
    const forced = track(await WorkspaceStore.open(dir, { force: true }));
    expect(forced.recoveries()[0]?.issues[0]).toMatchObject({ code: 'store.lock_forced', params: { pid: String(process.pid), hostname: hostname() } });
    expect(formatIssue('en', forced.recoveries()[0]!.issues[0]!)).toContain('If ParScore is still running there, close it now');
  });

  it('the CLI works in the copy and prints the notice', async () => {
    const { dir } = await original();
    const copy = join(await temp.make(), 'Bản sao');
    await cp(dir, copy, { recursive: true });
    const r = await cli('campaign', 'issuer', copy);
    expect(r.err).toContain(`được sao chép từ ${dir}`);
    expect(r.code).toBe(0);
    expect(await lockOf(copy).catch(() => null)).toBeNull(); // released after the command
  });
});
