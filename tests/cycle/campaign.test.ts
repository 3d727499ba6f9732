import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCampaignPackage, initAgencyWorkspace, openCampaignPackage } from '../../electron/services/cycle/campaign.ts';
import { setupHomeAffairs } from '../../electron/services/cycle/identity.ts';
import { campaignBinding } from '../../electron/services/cycle/common.ts';
import { writePackage } from '../../electron/services/packages/container.ts';
import { generateIdentity, loadIdentity, publicInfo } from '../../electron/services/packages/keys.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { CAMPAIGN_PACKAGE_KIND } from '../../shared/schema/index.ts';
import { TempDirs, builtinTemplate, campaignFor, codes, expectOk, province, type Province, submit } from './helpers.ts';

const temp = new TempDirs();
let p: Province | null = null;
const open: WorkspaceStore[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
  await p?.close();
  p = null;
  await temp.cleanup();
});

async function bareHomeAffairs(): Promise<WorkspaceStore> {
  const so = await builtinTemplate('par-so-2026');
  const xa = await builtinTemplate('par-xa-2026');
  const ws = await WorkspaceStore.create(join(await temp.make('parscore-cycle-ha-'), 'ha'), {
    name: 'Sở Nội vụ',
    role: 'home-affairs',
    campaign: campaignFor(so, xa),
    templates: [so, xa],
  });
  open.push(ws);
  return ws;
}

describe('Home Affairs identity and the campaign file', () => {
  it('setupHomeAffairs gives the workspace a key once; calling it again keeps that key', async () => {
    const ws = await bareHomeAffairs();
    await expect(exportCampaignPackage(ws)).rejects.toMatchObject({ issues: [{ code: 'cycle.no_identity' }] });
    const blank = await setupHomeAffairs(ws, { name: '  ' });
    expect(blank.ok ? [] : codes(blank.error)).toEqual(['cycle.identity_name_required']);
    expect(ws.index.identity).toBeNull();
    const first = expectOk(await setupHomeAffairs(ws, { name: 'Sở Nội vụ tỉnh Minh Sơn' }));
    const again = expectOk(await setupHomeAffairs(ws, { name: 'Tên khác' }));
    expect(again).toEqual(first);
    expect(publicInfo((await loadIdentity(ws.dir))!)).toEqual(first);
    expect(ws.index.identity).toEqual(first);
    expect(ws.campaign()?.homeAffairs).toEqual(first);
  });

  it('a campaign that names another Home Affairs key is refused', async () => {
    const ws = await bareHomeAffairs();
    const other = publicInfo(generateIdentity('Sở Nội vụ tỉnh khác'));
    await ws.setCampaign({ ...ws.campaign()!, homeAffairs: other });
    const r = await setupHomeAffairs(ws, { name: 'Sở Nội vụ tỉnh Minh Sơn' });
    expect(r.ok ? [] : codes(r.error)).toEqual(['cycle.campaign_key_differs']);
  });

  it('the campaign file holds the campaign and every template it assigns, signed by Home Affairs', async () => {
    p = await province([]);
    const opened = expectOk(await openCampaignPackage(p.campaignFile, 'cchc-2025.parscore'));
    expect(opened.campaign.id).toBe('cchc-2025');
    expect(opened.templates.map((t) => `${t.id}@${t.version}`).sort()).toEqual(['par-so@1', 'par-xa@1']);
    expect(opened.signer).toEqual(p.ha.index.identity);
  });
});

describe('agency workspace from the campaign file', () => {
  it('reuses a given identity', async () => {
    p = await province([]);
    const mine = generateIdentity('Sở Tài chính');
    const ws = expectOk(await initAgencyWorkspace(join(p.root, 'stc'), p.campaignFile, 'c.parscore', { agency: 'STC', name: 'STC 2025', signer: mine }));
    open.push(ws);
    expect(ws.index.identity).toEqual(publicInfo(mine));
    expect(ws.index.name).toBe('STC 2025');
    expect((await loadIdentity(ws.dir))?.fingerprint).toBe(mine.fingerprint);
  });

  it('refuses an agency the campaign does not list, and leaves the folder empty', async () => {
    p = await province([]);
    const dir = join(p.root, 'sxd');
    const r = await initAgencyWorkspace(dir, p.campaignFile, 'cchc-2025.parscore', { agency: 'SXD' });
    expect(r.ok ? [] : r.error).toEqual([{ code: 'cycle.unknown_agency', at: { file: 'cchc-2025.parscore', agency: 'SXD' }, params: { agency: 'SXD' } }]);
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it('refuses a tampered or truncated campaign file, or another kind of file', async () => {
    p = await province(['STP']);
    const tampered = new Uint8Array(p.campaignFile);
    const third = Math.floor(tampered.length / 3);
    tampered[third] = tampered[third]! ^ 0x01;
    for (const [bytes, name] of [
      [tampered, 'tampered'],
      [p.campaignFile.subarray(0, p.campaignFile.length - 10), 'truncated'],
      [(await submit(p.agencies.STP!)).bytes, 'submission'],
    ] as const) {
      const dir = join(p.root, `x-${name}`);
      const r = await initAgencyWorkspace(dir, bytes, `${name}.parscore`, { agency: 'STC' });
      expect(r.ok ? [] : r.error[0]?.code, name).toMatch(/^package\./);
      expect(await readdir(dir).catch(() => [])).toEqual([]);
    }
  });

  it('refuses a campaign file not signed by the Home Affairs key the campaign names', async () => {
    p = await province([]);
    const opened = expectOk(await openCampaignPackage(p.campaignFile, 'c'));
    const forger = generateIdentity('Sở Nội vụ tỉnh Minh Sơn');
    const payload = { kind: CAMPAIGN_PACKAGE_KIND, schemaVersion: 1, createdAt: '2025-12-01T08:00:00+07:00', campaign: opened.campaign, templates: opened.templates };
    const forged = await writePackage({ kind: CAMPAIGN_PACKAGE_KIND, payload: { path: 'campaign-package.json', json: payload }, identity: forger, campaign: campaignBinding(opened.campaign) });
    const r = await initAgencyWorkspace(join(p.root, 'f'), forged, 'forged.parscore', { agency: 'STC' });
    expect(r.ok ? [] : codes(r.error)).toEqual(['cycle.campaign_signer_mismatch']);
    // Signed by its own key but without any Home Affairs key in the campaign.
    const unkeyed = { ...payload, campaign: { ...opened.campaign, homeAffairs: null } };
    const r2 = await initAgencyWorkspace(join(p.root, 'g'), await writePackage({ kind: CAMPAIGN_PACKAGE_KIND, payload: { path: 'campaign-package.json', json: unkeyed }, identity: forger, campaign: campaignBinding(opened.campaign) }), 'g', { agency: 'STC' });
    expect(r2.ok ? [] : codes(r2.error)).toEqual(['cycle.campaign_without_key']);
    // A template missing from the file.
    const partial = { ...payload, templates: opened.templates.filter((t) => t.id === 'par-so') };
    const haKey = (await loadIdentity(p.ha.dir))!;
    const r3 = await initAgencyWorkspace(join(p.root, 'h'), await writePackage({ kind: CAMPAIGN_PACKAGE_KIND, payload: { path: 'campaign-package.json', json: partial }, identity: haKey, campaign: campaignBinding(opened.campaign) }), 'h', { agency: 'STC' });
    expect(r3.ok ? [] : r3.error.map((i) => [i.code, i.params?.id])).toEqual([['cycle.template_missing', 'par-xa']]);
  });

  it('refuses a folder that is not empty, touching nothing in it', async () => {
    p = await province([]);
    const dir = join(p.root, 'busy');
    await mkdir(dir);
    await writeFile(join(dir, 'ghi-chu.txt'), 'của người dùng');
    const r = await initAgencyWorkspace(dir, p.campaignFile, 'c', { agency: 'STC' });
    expect(r.ok ? [] : codes(r.error)).toEqual(['store.folder_not_empty']);
    expect(await readdir(dir)).toEqual(['ghi-chu.txt']);
  });
});
