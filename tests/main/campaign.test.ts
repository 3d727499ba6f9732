import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { openCampaignPackage } from '../../electron/services/cycle/index.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { writeAgencyListForm } from '../../electron/services/xlsx-import/agencies.ts';
import type { AgencyListPreview, CampaignSetupView, WorkspaceSummary, WrittenReport } from '../../shared/ipc/index.ts';
import { folderHash } from '../cli/run.ts';

/**
 * Issue 14 point 1 through the real dispatch (contract validation, handlers, service, files), as
 * the browser mode calls it: a file as bytes, the campaign file handed back as bytes.
 */
const root = mkdtempSync(join(tmpdir(), 'parscore-campaign-ipc-'));
const dir = join(root, 'snv');
let ws: WorkspaceStore;
let ctx: AppContext;

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

beforeAll(async () => {
  ws = await WorkspaceStore.create(dir, { name: 'Sở Nội vụ tỉnh Minh Sơn', role: 'home-affairs' });
  ctx = { service: new AppService(ws, 'vi'), settings: await SettingsStore.open(join(root, 'user-data')), version: '0.0.0', mode: 'browser', emit: () => {} };
});
afterAll(async () => {
  await ws.close();
  rmSync(root, { recursive: true, force: true });
});

describe('campaign:* in the browser mode', () => {
  it('reads the list from its bytes, creates the campaign (the summary sees it), hands the signed file back as bytes', async () => {
    const list = new Uint8Array(
      await writeAgencyListForm('vi', [
        { code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null },
        { code: 'X001', name: 'Phường Quang Trung', group: 'commune', parent: null },
      ]),
    );
    const file = { name: 'danh-sach.xlsx', bytesBase64: b64(list) };
    // A path is the desktop window's only: refused here, and nothing is written.
    const before = folderHash(dir);
    const byPath = await dispatch('campaign:readAgencies', { file: { path: join(root, 'x.xlsx') }, model: 'two-tier' }, ctx);
    expect(byPath.ok).toBe(false);
    const badInput = await dispatch('campaign:create', { basics: { year: 1800, title: '', province: 'Minh Sơn', model: 'two-tier' }, agencies: file, sets: { templates: {} } }, ctx);
    expect(badInput.ok).toBe(false);
    expect(folderHash(dir)).toBe(before);

    const preview = await ok<AgencyListPreview>('campaign:readAgencies', { file, model: 'two-tier' });
    expect(preview.agencies.map((a) => a.code)).toEqual(['S01', 'X001']);
    const view = await ok<CampaignSetupView>('campaign:create', { basics: { year: 2026, title: '', province: 'Minh Sơn', model: 'two-tier' }, agencies: file, sets: { templates: {} } });
    expect(view.campaign?.agencies).toHaveLength(2);
    const summary = await ok<WorkspaceSummary>('workspace:summary', {});
    expect(summary.campaign?.title).toContain('Minh Sơn');
    expect(summary.agencies.map((a) => a.code)).toEqual(['S01', 'X001']);

    const exported = await ok<WrittenReport & { fingerprint: string }>('campaign:export', {});
    expect(exported.savedTo).toBeNull();
    const opened = await openCampaignPackage(Buffer.from(exported.base64!, 'base64'), exported.fileName);
    expect(opened.ok && opened.value.signer.fingerprint).toBe(exported.fingerprint);
    expect((await ok<CampaignSetupView>('campaign:state', {})).exported).toMatchObject({ changedSince: false });
    const form = await ok<WrittenReport>('campaign:agenciesForm', {});
    expect(form.fileName).toBe('danh-sach-co-quan.xlsx');
  });
});
