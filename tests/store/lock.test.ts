import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../../shared/i18n/index.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { type Child, runChild } from './child.ts';
import { TempDirs, bigAssessment, issuesOf, sampleCampaign, sampleTemplate } from './helpers.ts';

const temp = new TempDirs();
const children: Child[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    await c.exited;
  }
  await temp.cleanup();
});

describe('workspace lock across processes', () => {
  it('refuses a second writer while another process holds the workspace, then takes over once it is gone', async () => {
    const dir = await temp.make();
    const ws = await WorkspaceStore.create(dir, { name: 'UBND xã Đông Hòa', role: 'agency', campaign: await sampleCampaign(), templates: [await sampleTemplate()] });
    await ws.writeAssessment(bigAssessment('XA-DONG-HOA', 1, 5));
    await ws.close();

    const child = runChild('lock-child.ts', [dir]);
    children.push(child);
    await child.waitFor('holding');

    const issues = await issuesOf(WorkspaceStore.open(dir));
    expect(issues[0]).toMatchObject({ code: 'store.locked', params: { dir, pid: String(child.pid), hostname: hostname() } });
    expect(formatIssue('en', issues[0]!)).toContain(`open for writing in process ${child.pid} on computer ${hostname()}`);
    expect(JSON.parse(await readFile(join(dir, '.parscore.lock'), 'utf8')).pid).toBe(child.pid);

    // Reading alongside is fine.
    const ro = await WorkspaceStore.openReadOnly(dir);
    expect((await ro.readAssessment('XA-DONG-HOA'))?.revision).toBe(1);
    await ro.close();

    // The holder dies without cleaning up: its lock is stale and is taken over.
    child.proc.kill('SIGKILL');
    await child.exited;
    const again = await WorkspaceStore.open(dir);
    expect(JSON.parse(await readFile(join(dir, '.parscore.lock'), 'utf8')).pid).toBe(process.pid);
    await again.writeAssessment(bigAssessment('XA-DONG-HOA', 2, 5));
    await again.close();
  });
});
